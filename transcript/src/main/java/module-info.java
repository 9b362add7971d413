/**
 * One transcript model across the four vendors' sessions, with Markdown, JSON lines and
 * OpenTelemetry (OTLP) export.
 */
module dev.sessionkit.transcript {
  requires transitive dev.sessionkit.qoder;
  requires transitive dev.sessionkit.piper;
  requires transitive dev.sessionkit.pipecat;
  requires transitive dev.sessionkit.agents;
  requires io.opentelemetry.api;
  requires io.opentelemetry.context;
  requires io.opentelemetry.sdk.common;
  // TranscriptWriters hands out and takes the SDK's SpanExporter: its readers must read that module too.
  requires transitive io.opentelemetry.sdk.trace;
  requires io.opentelemetry.exporter.otlp;
  requires io.opentelemetry.exporter.logging.otlp;

  exports dev.sessionkit.transcript;
}
