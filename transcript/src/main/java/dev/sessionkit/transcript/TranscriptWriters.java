package dev.sessionkit.transcript;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;

/**
 * Writes transcripts as Markdown, JSON lines or OpenTelemetry spans. Every writer writes each entry
 * as it is read from the {@link TranscriptStream} and the totals at the end, so a session of any
 * length is written in bounded memory. Each method reads its stream to the end and returns the totals.
 */
public final class TranscriptWriters {
  /** The version of the OpenTelemetry GenAI semantic conventions the OTLP spans follow. */
  public static final String SEMCONV_VERSION = Otlp.SEMCONV_VERSION;

  private TranscriptWriters() {}

  /**
   * Writes a readable conversation: a heading per turn, messages as text, thinking, tool calls,
   * tool results and model requests folded under their turn in {@code <details>}, then the totals.
   *
   * @throws java.io.UncheckedIOException when {@code out} fails
   */
  public static Totals markdown(TranscriptStream transcript, Appendable out) {
    return Markdown.write(transcript, out);
  }

  /**
   * Writes one JSON object per line: each entry (its {@code kind}, vendor, session id, id, time,
   * turn id and fields), each resource sample, then a {@code "kind":"totals"} line.
   *
   * @throws java.io.UncheckedIOException when {@code out} fails
   */
  public static Totals jsonl(TranscriptStream transcript, Appendable out) {
    return JsonLines.write(transcript, out);
  }

  /**
   * Exports the transcript as one trace to {@code exporter}: a root span for the session, a span per
   * turn ({@code invoke_agent}), model request ({@code chat}) and tool call ({@code execute_tool}),
   * with GenAI semantic-convention attributes ({@value #SEMCONV_VERSION}) and the events' own
   * timestamps. Spans are exported in batches as they end; from a live stream, each turn's spans are
   * exported as soon as the turn ends (and the session's root span when the stream ends). The
   * exporter is not shut down.
   *
   * @throws java.io.UncheckedIOException when the exporter reports a failure
   */
  public static Totals otlp(TranscriptStream transcript, SpanExporter exporter) {
    Objects.requireNonNull(exporter, "exporter");
    return Otlp.export(transcript, exporter);
  }

  /**
   * Returns an exporter that writes OTLP JSON to {@code out}: one {@code ExportTraceServiceRequest}
   * per line, as the OTLP file exporter does, in the OTLP specification's JSON Protobuf encoding.
   * Each export is written and flushed at once. Shutting it down does not close {@code out}.
   */
  public static SpanExporter otlpJson(OutputStream out) {
    return new OtlpJsonExporter(Objects.requireNonNull(out, "out"));
  }

  /**
   * Returns an exporter that sends spans with OTLP/HTTP (protobuf) to {@code endpoint}, the full
   * traces URL (for example {@code http://127.0.0.1:4318/v1/traces}).
   */
  public static SpanExporter otlpHttp(String endpoint, Duration timeout) {
    return OtlpHttpSpanExporter.builder().setEndpoint(endpoint).setTimeout(timeout).build();
  }
}
