/**
 * One transcript model for a session of any vendor whose SDK declares a transcript mapping (found
 * through its {@code dev.sessionkit.core.vendor.VendorDescriptor}), with Markdown, JSON lines and
 * OpenTelemetry (OTLP) export. It names no vendor: a vendor module on the class path or module path
 * is all it needs.
 */
module dev.sessionkit.transcript {
  requires transitive dev.sessionkit.core;
  requires io.opentelemetry.api;
  requires io.opentelemetry.context;
  requires io.opentelemetry.sdk.common;
  // TranscriptWriters hands out and takes the SDK's SpanExporter: its readers must read that module too.
  requires transitive io.opentelemetry.sdk.trace;
  requires io.opentelemetry.exporter.otlp;

  exports dev.sessionkit.transcript;
}
