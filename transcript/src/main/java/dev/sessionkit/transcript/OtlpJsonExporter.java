package dev.sessionkit.transcript;

import com.squareup.moshi.JsonWriter;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Writes spans as OTLP JSON: one {@code ExportTraceServiceRequest} per export, on one line, as the
 * OTLP file exporter does. The encoding is the OTLP specification's JSON Protobuf encoding
 * (opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding): field names in lowerCamelCase, trace
 * and span ids as hex, 64-bit integers as decimal strings, enums as their numbers, fields at their
 * default value left out. It reads the spans through the OpenTelemetry SDK's public {@link SpanData}
 * only, so it pins no internal API of any OpenTelemetry artifact.
 */
final class OtlpJsonExporter implements SpanExporter {
  private final OutputStream out;
  private boolean shutdown;

  OtlpJsonExporter(OutputStream out) {
    this.out = out;
  }

  @Override
  public synchronized CompletableResultCode export(Collection<SpanData> spans) {
    if (shutdown) return CompletableResultCode.ofFailure();
    if (spans.isEmpty()) return CompletableResultCode.ofSuccess();
    try {
      Buffer buffer = new Buffer();
      request(JsonWriter.of(buffer), spans);
      buffer.writeByte('\n');
      buffer.copyTo(out);
      out.flush();
      return CompletableResultCode.ofSuccess();
    } catch (IOException | RuntimeException e) {
      return CompletableResultCode.ofExceptionalFailure(e);
    }
  }

  @Override
  public synchronized CompletableResultCode flush() {
    try {
      out.flush();
      return CompletableResultCode.ofSuccess();
    } catch (IOException e) {
      return CompletableResultCode.ofExceptionalFailure(e);
    }
  }

  /** Flushes; the stream stays open (it is the caller's). */
  @Override
  public synchronized CompletableResultCode shutdown() {
    shutdown = true;
    return flush();
  }

  @Override
  public String toString() {
    return "OtlpJsonExporter";
  }

  /** Writes {@code spans} as one request, grouped by resource, then by instrumentation scope. */
  static void request(JsonWriter json, Collection<SpanData> spans) throws IOException {
    Map<Resource, Map<InstrumentationScopeInfo, List<SpanData>>> grouped = new LinkedHashMap<>();
    for (SpanData span : spans) {
      grouped.computeIfAbsent(span.getResource(), r -> new LinkedHashMap<>())
          .computeIfAbsent(span.getInstrumentationScopeInfo(), s -> new ArrayList<>()).add(span);
    }
    json.beginObject().name("resourceSpans").beginArray();
    for (Map.Entry<Resource, Map<InstrumentationScopeInfo, List<SpanData>>> resource : grouped.entrySet()) {
      json.beginObject().name("resource").beginObject();
      attributes(json, resource.getKey().getAttributes());
      json.endObject().name("scopeSpans").beginArray();
      for (Map.Entry<InstrumentationScopeInfo, List<SpanData>> scope : resource.getValue().entrySet()) {
        scopeSpans(json, scope.getKey(), scope.getValue());
      }
      json.endArray();
      string(json, "schemaUrl", resource.getKey().getSchemaUrl());
      json.endObject();
    }
    json.endArray().endObject();
    json.flush();
  }

  private static void scopeSpans(JsonWriter json, InstrumentationScopeInfo scope, List<SpanData> spans) throws IOException {
    json.beginObject().name("scope").beginObject();
    string(json, "name", scope.getName());
    string(json, "version", scope.getVersion());
    attributes(json, scope.getAttributes());
    json.endObject().name("spans").beginArray();
    for (SpanData span : spans) span(json, span);
    json.endArray();
    string(json, "schemaUrl", scope.getSchemaUrl());
    json.endObject();
  }

  private static void span(JsonWriter json, SpanData span) throws IOException {
    json.beginObject();
    json.name("traceId").value(span.getTraceId());
    json.name("spanId").value(span.getSpanId());
    string(json, "traceState", span.getSpanContext().getTraceState().isEmpty() ? null
        : traceState(span.getSpanContext().getTraceState().asMap()));
    if (span.getParentSpanContext().isValid()) json.name("parentSpanId").value(span.getParentSpanId());
    json.name("flags").value(flags(span.getSpanContext().getTraceFlags().asByte(), span.getParentSpanContext().isRemote()));
    json.name("name").value(span.getName());
    json.name("kind").value(kind(span.getKind()));
    json.name("startTimeUnixNano").value(Long.toUnsignedString(span.getStartEpochNanos()));
    json.name("endTimeUnixNano").value(Long.toUnsignedString(span.getEndEpochNanos()));
    attributes(json, span.getAttributes());
    dropped(json, "droppedAttributesCount", span.getTotalAttributeCount() - span.getAttributes().size());
    if (!span.getEvents().isEmpty()) {
      json.name("events").beginArray();
      for (EventData event : span.getEvents()) {
        json.beginObject();
        json.name("timeUnixNano").value(Long.toUnsignedString(event.getEpochNanos()));
        json.name("name").value(event.getName());
        attributes(json, event.getAttributes());
        dropped(json, "droppedAttributesCount", event.getTotalAttributeCount() - event.getAttributes().size());
        json.endObject();
      }
      json.endArray();
    }
    dropped(json, "droppedEventsCount", span.getTotalRecordedEvents() - span.getEvents().size());
    if (!span.getLinks().isEmpty()) {
      json.name("links").beginArray();
      for (LinkData link : span.getLinks()) {
        json.beginObject();
        json.name("traceId").value(link.getSpanContext().getTraceId());
        json.name("spanId").value(link.getSpanContext().getSpanId());
        string(json, "traceState", link.getSpanContext().getTraceState().isEmpty() ? null
            : traceState(link.getSpanContext().getTraceState().asMap()));
        attributes(json, link.getAttributes());
        dropped(json, "droppedAttributesCount", link.getTotalAttributeCount() - link.getAttributes().size());
        json.name("flags").value(flags(link.getSpanContext().getTraceFlags().asByte(), link.getSpanContext().isRemote()));
        json.endObject();
      }
      json.endArray();
    }
    dropped(json, "droppedLinksCount", span.getTotalRecordedLinks() - span.getLinks().size());
    // Always present, as the OTLP exporter sends it: {} when unset.
    StatusData status = span.getStatus();
    json.name("status").beginObject();
    string(json, "message", status.getDescription());
    if (status.getStatusCode() != StatusCode.UNSET) json.name("code").value(status.getStatusCode() == StatusCode.OK ? 1 : 2);
    json.endObject();
    json.endObject();
  }

  /**
   * A span's or link's {@code flags}: the W3C trace flags in bits 0-7, then (OTLP's
   * {@code SpanFlags}) bit 8 saying that bit 9 is known, and bit 9 set when the parent (or the linked
   * span) is remote.
   */
  private static int flags(byte traceFlags, boolean remote) {
    return (traceFlags & 0xff) | 0x100 | (remote ? 0x200 : 0);
  }

  /** The W3C tracestate header's form of the entries ({@code k1=v1,k2=v2}). */
  private static String traceState(Map<String, String> entries) {
    StringBuilder out = new StringBuilder();
    entries.forEach((key, value) -> out.append(out.length() == 0 ? "" : ",").append(key).append('=').append(value));
    return out.toString();
  }

  /** The OTLP number of a span kind: internal 1, server 2, client 3, producer 4, consumer 5. */
  private static int kind(SpanKind kind) {
    switch (kind) {
      case INTERNAL: return 1;
      case SERVER: return 2;
      case CLIENT: return 3;
      case PRODUCER: return 4;
      case CONSUMER: return 5;
      default: return 0;
    }
  }

  private static void attributes(JsonWriter json, Attributes attributes) throws IOException {
    if (attributes.isEmpty()) return;
    json.name("attributes").beginArray();
    List<IOException> failure = new ArrayList<>(1);
    attributes.forEach((key, value) -> {
      if (!failure.isEmpty()) return;
      try {
        json.beginObject().name("key").value(key.getKey()).name("value");
        value(json, key, value);
        json.endObject();
      } catch (IOException e) {
        failure.add(e);
      }
    });
    if (!failure.isEmpty()) throw failure.get(0);
    json.endArray();
  }

  /** An attribute's value as an OTLP {@code AnyValue}. */
  private static void value(JsonWriter json, AttributeKey<?> key, Object value) throws IOException {
    switch (key.getType()) {
      case STRING_ARRAY:
      case BOOLEAN_ARRAY:
      case LONG_ARRAY:
      case DOUBLE_ARRAY:
        json.beginObject().name("arrayValue").beginObject().name("values").beginArray();
        for (Object item : (List<?>) value) scalar(json, item);
        json.endArray().endObject().endObject();
        return;
      default:
        scalar(json, value);
    }
  }

  private static void scalar(JsonWriter json, Object value) throws IOException {
    json.beginObject();
    if (value instanceof Boolean b) {
      json.name("boolValue").value(b);
    } else if (value instanceof Long || value instanceof Integer) {
      json.name("intValue").value(String.valueOf(value));
    } else if (value instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) json.name("doubleValue").value(d.isNaN() ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
      else json.name("doubleValue").value(d);
    } else {
      json.name("stringValue").value(String.valueOf(value));
    }
    json.endObject();
  }

  private static void string(JsonWriter json, String name, @Nullable String value) throws IOException {
    if (value != null && !value.isEmpty()) json.name(name).value(value);
  }

  private static void dropped(JsonWriter json, String name, int count) throws IOException {
    if (count > 0) json.name(name).value(count);
  }
}
