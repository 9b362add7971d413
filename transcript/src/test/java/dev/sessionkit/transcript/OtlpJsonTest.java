package dev.sessionkit.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * The OTLP JSON the transcript writes is the OTLP specification's JSON encoding of exactly what the
 * official OTLP exporter sends as protobuf, and the module uses no internal OpenTelemetry class to
 * write it.
 */
class OtlpJsonTest {
  /** Keeps what it is given. */
  private static final class Memory implements SpanExporter {
    final List<SpanData> spans = new ArrayList<>();

    @Override
    public CompletableResultCode export(Collection<SpanData> batch) {
      spans.addAll(batch);
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.123456789Z");

  /** Spans with every kind of field: attributes of each type, events, links, status, parents, scopes. */
  private static List<SpanData> spans() {
    Memory memory = new Memory();
    SdkTracerProvider provider = SdkTracerProvider.builder()
        .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "test",
            AttributeKey.longKey("pid"), 42L), "https://opentelemetry.io/schemas/1.24.0"))
        .addSpanProcessor(SimpleSpanProcessor.create(memory)).build();
    try {
      Tracer tracer = provider.tracerBuilder("scope.one").setInstrumentationVersion("1.2.3")
          .setSchemaUrl("https://opentelemetry.io/schemas/1.37.0").build();
      Instant t0 = T0;
      Span root = tracer.spanBuilder("root").setNoParent().setSpanKind(SpanKind.SERVER).setStartTimestamp(t0).startSpan();
      SpanContext linked = SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", TraceFlags.getSampled(),
          TraceState.builder().put("vendor", "x").build());
      Span child = tracer.spanBuilder("child \"quoted\" ü").setParent(Context.root().with(root)).setSpanKind(SpanKind.CLIENT)
          .setStartTimestamp(t0.plusMillis(1)).addLink(linked, Attributes.of(AttributeKey.booleanKey("l"), true))
          .setAttribute("s", "text\nline").setAttribute("b", true).setAttribute("n", -7L).setAttribute("d", 2.5)
          .setAttribute(AttributeKey.stringArrayKey("sa"), List.of("a", "b"))
          .setAttribute(AttributeKey.longArrayKey("la"), List.of(1L, Long.MAX_VALUE))
          .setAttribute(AttributeKey.doubleArrayKey("da"), List.of(0.5))
          .setAttribute(AttributeKey.booleanArrayKey("ba"), List.of(false))
          .startSpan();
      child.addEvent("happened", Attributes.of(AttributeKey.stringKey("why"), "because"), t0.plusMillis(2));
      child.setStatus(StatusCode.ERROR, "it broke");
      child.end(t0.plusMillis(3));
      tracer.spanBuilder("internal").setParent(Context.root().with(root)).setStartTimestamp(t0).startSpan().end(t0);
      root.setStatus(StatusCode.OK);
      root.end(t0.plusSeconds(1));
      provider.get("scope.two").spanBuilder("other").setNoParent().setSpanKind(SpanKind.PRODUCER).setStartTimestamp(t0)
          .startSpan().end(t0);
    } finally {
      provider.shutdown().join(10, TimeUnit.SECONDS);
    }
    return memory.spans;
  }

  /** What the official OTLP/HTTP exporter sends for {@code spans}, as protobuf. */
  private static ExportTraceServiceRequest sentByTheOtlpExporter(List<SpanData> spans) throws Exception {
    try (MockWebServer receiver = new MockWebServer()) {
      receiver.start();
      receiver.enqueue(new MockResponse.Builder().code(200).build());
      SpanExporter exporter = TranscriptWriters.otlpHttp(receiver.url("/v1/traces").toString(), Duration.ofSeconds(10));
      try {
        assertTrue(exporter.export(spans).join(10, TimeUnit.SECONDS).isSuccess());
      } finally {
        exporter.shutdown();
      }
      return ExportTraceServiceRequest.parseFrom(receiver.takeRequest().getBody().toByteArray());
    }
  }

  private static List<String> written(List<SpanData> spans) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SpanExporter exporter = TranscriptWriters.otlpJson(out);
    assertTrue(exporter.export(spans).isSuccess());
    assertTrue(exporter.export(List.of()).isSuccess(), "nothing to export writes nothing");
    exporter.shutdown();
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  /**
   * Parses OTLP JSON: protobuf's JSON mapping, except that trace and span ids are hex rather than
   * base64 (the one difference the OTLP specification makes), so they are turned into base64 first.
   */
  static ExportTraceServiceRequest parse(String line) throws Exception {
    Matcher ids = Pattern.compile("\"(traceId|spanId|parentSpanId)\":\"([0-9a-f]*)\"").matcher(line);
    StringBuilder base64 = new StringBuilder();
    while (ids.find()) {
      byte[] bytes = java.util.HexFormat.of().parseHex(ids.group(2));
      ids.appendReplacement(base64, "\"" + ids.group(1) + "\":\"" + java.util.Base64.getEncoder().encodeToString(bytes) + "\"");
    }
    ids.appendTail(base64);
    ExportTraceServiceRequest.Builder parsed = ExportTraceServiceRequest.newBuilder();
    JsonFormat.parser().merge(base64.toString(), parsed);
    return parsed.build();
  }

  /** The request with its scopes and spans in name order: the order of groups is no part of the protocol. */
  private static ExportTraceServiceRequest sorted(ExportTraceServiceRequest request) {
    ExportTraceServiceRequest.Builder out = ExportTraceServiceRequest.newBuilder();
    for (ResourceSpans resource : request.getResourceSpansList()) {
      List<ScopeSpans> scopes = new ArrayList<>();
      for (ScopeSpans scope : resource.getScopeSpansList()) {
        List<io.opentelemetry.proto.trace.v1.Span> spans = new ArrayList<>(scope.getSpansList());
        spans.sort(Comparator.comparing(io.opentelemetry.proto.trace.v1.Span::getName));
        scopes.add(scope.toBuilder().clearSpans().addAllSpans(spans).build());
      }
      scopes.sort(Comparator.comparing(scope -> scope.getScope().getName()));
      out.addResourceSpans(resource.toBuilder().clearScopeSpans().addAllScopeSpans(scopes));
    }
    return out.build();
  }

  @Test
  void theJsonParsesIntoTheVeryRequestTheOtlpExporterSendsAsProtobuf() throws Exception {
    List<SpanData> spans = spans();
    List<String> lines = written(spans);
    assertEquals(1, lines.size(), "one request per export, on one line");

    assertEquals(sorted(sentByTheOtlpExporter(spans)), sorted(parse(lines.get(0))));
  }

  @Test
  void idsAreHexAndSixtyFourBitNumbersAreStringsAsTheOtlpJsonEncodingSays() {
    String line = written(spans()).get(0);
    assertTrue(Pattern.compile("\"traceId\":\"[0-9a-f]{32}\",\"spanId\":\"[0-9a-f]{16}\"").matcher(line).find(), line);
    assertTrue(line.contains("{\"key\":\"n\",\"value\":{\"intValue\":\"-7\"}}"), line);
    assertTrue(line.contains("\"startTimeUnixNano\":\"" + (T0.getEpochSecond() * 1_000_000_000L + T0.getNano()) + "\""), line);
    assertTrue(line.contains("\"kind\":3"), line);
    assertTrue(line.contains("\"status\":{\"message\":\"it broke\",\"code\":2}"), line);
  }

  @Test
  void shuttingTheWriterDownLeavesTheCallersStreamOpenAndRefusesLaterExports() {
    List<String> closed = new ArrayList<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream() {
      @Override
      public void close() {
        closed.add("closed");
      }
    };
    SpanExporter exporter = TranscriptWriters.otlpJson(out);
    assertTrue(exporter.shutdown().isSuccess());
    assertTrue(closed.isEmpty());
    assertFalse(exporter.export(spans()).isSuccess());
    assertEquals(0, out.size());
  }

  @Test
  void theTranscriptModuleUsesNoInternalOpenTelemetryClass() throws IOException {
    Pattern internal = Pattern.compile("io/opentelemetry/[A-Za-z0-9_/$]*internal[A-Za-z0-9_/$]*");
    List<String> found = new ArrayList<>();
    Path classes = Path.of("target", "classes");
    try (Stream<Path> walk = Files.walk(classes)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".class")).toList()) {
        Matcher matcher = internal.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        while (matcher.find()) found.add(classes.relativize(file) + " -> " + matcher.group());
      }
    }
    assertTrue(Files.exists(classes.resolve("dev/sessionkit/transcript/OtlpJsonExporter.class")), "scanned the module's classes");
    assertEquals(List.of(), found);
    assertThrows(ClassNotFoundException.class,
        () -> Class.forName("io.opentelemetry.exporter.logging.otlp.internal.traces.OtlpStdoutSpanExporter"),
        "the logging-otlp artifact, whose OTLP JSON writer is internal, is no dependency any more");
  }
}
