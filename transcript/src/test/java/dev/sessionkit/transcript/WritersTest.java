package dev.sessionkit.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.util.JsonFormat;
import com.squareup.moshi.Moshi;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.semconv.incubating.GenAiIncubatingAttributes;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The three formats: Markdown folds tool calls under their turn, JSON lines one entry a line, OTLP the spans the README lists. */
class WritersTest {
  private static TranscriptStream agentsDocumented() {
    var client = Fixtures.agents();
    return Transcripts.of("agents-v2").session("ase_customer_support_001").agent("agt_customer_support")
        .events(client.sessions().events("agt_customer_support", "ase_customer_support_001")).stream();
  }

  private static TranscriptStream qoder(int events) {
    var client = Fixtures.qoder();
    String id = ("sess_sandbox_" + events);
    return Transcripts.of("qoder").session(id).pages(client.sessions().iterateEvents(id));
  }

  private static TranscriptStream piper() {
    var client = Fixtures.piper();
    return Transcripts.of("piper").events(client.sessions().events("3c90c3cc-0d44-4b50-8888-8dd25736052a", "00000000-0000-4000-a000-000000000006")).stream();
  }

  @Test
  void markdownFoldsToolCallsUnderTheirTurnAndEndsWithTheTotals() {
    StringBuilder out = new StringBuilder();
    Totals totals = TranscriptWriters.markdown(agentsDocumented(), out);
    String md = out.toString();
    assertTrue(md.startsWith("# Agents API v2 (Vectara) session `ase_customer_support_001`\n"), md);
    int turn = md.indexOf("## Turn 1 (`aev_user_input_001`)");
    int call = md.indexOf("<details><summary>Tool call <code>knowledge_base_search</code> (call_knowledge_search_001)");
    int result = md.indexOf("<details><summary>Tool result <code>knowledge_base_search</code>");
    int totalsAt = md.indexOf("## Totals");
    assertTrue(turn > 0 && call > turn && result > call && totalsAt > result, md);
    assertTrue(md.contains("> I'm having trouble with my widget installation."), md);
    assertTrue(md.contains("\"query\": \"widget installation troubleshooting\""), md);
    assertTrue(md.endsWith("| 2024-01-15T10:35:00Z | 2024-01-15T10:35:04Z | 5 | 0 | 0 | 0 | 0 | - |\n"), md);
    assertEquals(5, totals.entries());
  }

  @Test
  void markdownShowsPipersExactCostInTheTotals() {
    StringBuilder out = new StringBuilder();
    Totals totals = TranscriptWriters.markdown(piper(), out);
    assertTrue(out.toString().contains(" | " + totals.costUsd().toPlainString() + " |\n"), out.toString());
    assertTrue(out.toString().contains("<details><summary>Model request <code>"), out.toString());
  }

  @Test
  void jsonLinesWriteOneEntryPerLineThenTheTotals() throws Exception {
    StringBuilder out = new StringBuilder();
    TranscriptWriters.jsonl(agentsDocumented(), out);
    List<String> lines = out.toString().lines().toList();
    assertEquals(6, lines.size());
    var adapter = new Moshi.Builder().build().adapter(Map.class);
    List<Object> kinds = new ArrayList<>();
    for (String line : lines) kinds.add(adapter.fromJson(line).get("kind"));
    assertEquals(List.of("user_message", "thinking", "tool_call", "tool_result", "agent_message", "totals"), kinds);
    Map<?, ?> call = adapter.fromJson(lines.get(2));
    assertEquals("call_knowledge_search_001", call.get("call_id"));
    assertEquals(Map.of("query", "widget installation troubleshooting", "max_results", 5.0), call.get("arguments"));
    assertEquals("2024-01-15T10:35:02Z", call.get("time"));
    assertEquals("agents-v2", call.get("vendor"), "the descriptor's id");
    Map<?, ?> totals = adapter.fromJson(lines.get(5));
    assertEquals(5.0, totals.get("entries"));
    assertFalse(totals.containsKey("cost_usd"), "no cost is written as none, not as zero");
  }

  @Test
  void jsonLinesPutRawJsonSpreadOverLinesOnOneLineKeepingNullsAndNumberLiterals() {
    var raw = dev.sessionkit.core.json.JsonValue.of("{\n  \"a\": null,\n  \"n\": 12345678901234567890.50,\n  \"s\": [true, \"x\"]\n}");
    var event = new dev.sessionkit.qoder.model.SessionEvent.Unknown("session.new", raw);
    StringBuilder out = new StringBuilder();
    TranscriptWriters.jsonl(Transcripts.of("qoder").session("sess_x").pages(List.of(event)), out);
    String line = out.toString().lines().findFirst().orElseThrow();
    assertTrue(line.endsWith("\"type\":\"session.new\",\"raw\":{\"a\":null,\"n\":12345678901234567890.50,\"s\":[true,\"x\"]}}"), line);
  }

  @Test
  void jsonLinesKeepPipersCostExact() {
    StringBuilder out = new StringBuilder();
    Totals totals = TranscriptWriters.jsonl(piper(), out);
    String last = out.toString().lines().reduce((a, b) -> b).orElseThrow();
    assertTrue(last.contains("\"cost_usd\":" + totals.costUsd().toPlainString()), last);
  }

  /** Reads OTLP JSON lines with the protocol's own classes. */
  static List<Span> spans(String otlpJson, List<ResourceSpans> resources) throws Exception {
    List<Span> spans = new ArrayList<>();
    for (String line : otlpJson.lines().toList()) {
      ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
      JsonFormat.parser().merge(line, request);
      for (ResourceSpans resource : request.getResourceSpansList()) {
        resources.add(resource);
        for (ScopeSpans scope : resource.getScopeSpansList()) spans.addAll(scope.getSpansList());
      }
    }
    return spans;
  }

  static Map<String, AnyValue> attributes(Span span) {
    Map<String, AnyValue> map = new HashMap<>();
    for (KeyValue kv : span.getAttributesList()) map.put(kv.getKey(), kv.getValue());
    return map;
  }

  static long nanos(String instant) {
    Instant i = Instant.parse(instant);
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }

  @Test
  void otlpJsonParsesIntoOneTraceWithATurnAToolSpanAndTheEventsOwnTimes() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SpanExporter exporter = TranscriptWriters.otlpJson(out);
    TranscriptWriters.otlp(agentsDocumented(), exporter);
    exporter.shutdown();
    List<ResourceSpans> resources = new ArrayList<>();
    List<Span> spans = spans(out.toString(StandardCharsets.UTF_8), resources);
    assertEquals(3, spans.size(), spans.toString());
    assertEquals(1, spans.stream().map(Span::getTraceId).distinct().count(), "one trace per session");
    Map<String, Span> byName = spans.stream().collect(Collectors.toMap(Span::getName, s -> s));
    assertEquals(Set.of("session agents-v2", "invoke_agent agt_customer_support", "execute_tool knowledge_base_search"), byName.keySet());
    Span root = byName.get("session agents-v2");
    Span turn = byName.get("invoke_agent agt_customer_support");
    Span tool = byName.get("execute_tool knowledge_base_search");
    assertTrue(root.getParentSpanId().isEmpty());
    assertEquals(root.getSpanId(), turn.getParentSpanId());
    assertEquals(turn.getSpanId(), tool.getParentSpanId());
    assertEquals(nanos("2024-01-15T10:35:00Z"), turn.getStartTimeUnixNano());
    assertEquals(nanos("2024-01-15T10:35:04Z"), turn.getEndTimeUnixNano());
    assertEquals(nanos("2024-01-15T10:35:02Z"), tool.getStartTimeUnixNano());
    assertEquals(nanos("2024-01-15T10:35:03Z"), tool.getEndTimeUnixNano());
    Map<String, AnyValue> t = attributes(tool);
    assertEquals("execute_tool", t.get("gen_ai.operation.name").getStringValue());
    assertEquals("knowledge_base_search", t.get("gen_ai.tool.name").getStringValue());
    assertEquals("call_knowledge_search_001", t.get("gen_ai.tool.call.id").getStringValue());
    assertEquals("ase_customer_support_001", t.get("gen_ai.conversation.id").getStringValue());
    assertEquals("agents-v2", t.get("gen_ai.provider.name").getStringValue());
    assertEquals("agt_customer_support", t.get("gen_ai.agent.id").getStringValue());
    assertTrue(t.get("sessionkit.tool.output").getStringValue().contains("Widget Installation Guide"));
    assertEquals("invoke_agent", attributes(turn).get("gen_ai.operation.name").getStringValue());
    assertEquals(List.of("user_message", "thinking", "agent_message"),
        turn.getEventsList().stream().map(Span.Event::getName).toList());
    assertEquals(nanos("2024-01-15T10:35:01Z"), turn.getEvents(1).getTimeUnixNano());
    assertEquals(5, attributes(root).get("sessionkit.total.entries").getIntValue());
    assertEquals("sessionkit", resources.get(0).getResource().getAttributesList().stream()
        .filter(kv -> kv.getKey().equals("service.name")).findFirst().orElseThrow().getValue().getStringValue());
    assertEquals("https://opentelemetry.io/schemas/" + TranscriptWriters.SEMCONV_VERSION, resources.get(0).getScopeSpans(0).getSchemaUrl());
  }

  @Test
  void otlpGivesEachQoderTurnAChatSpanAndTheTurnsUsage() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SpanExporter exporter = TranscriptWriters.otlpJson(out);
    Totals totals = TranscriptWriters.otlp(qoder(18), exporter);
    List<Span> spans = spans(out.toString(StandardCharsets.UTF_8), new ArrayList<>());
    // 18 events: two whole turns of the sandbox's scenario (nine events each: one model request, one tool
    // call and its result, ending idle).
    assertEquals(List.of("chat", "chat", "execute_tool Grep", "execute_tool Grep", "invoke_agent", "invoke_agent",
        "session qoder"),
        spans.stream().map(Span::getName).sorted().toList());
    long input = 0;
    for (Span span : spans) {
      Map<String, AnyValue> a = attributes(span);
      if (span.getName().equals("invoke_agent") && a.containsKey("gen_ai.usage.input_tokens")) {
        input += a.get("gen_ai.usage.input_tokens").getIntValue();
        assertEquals(List.of("end_turn"), a.get("gen_ai.response.finish_reasons").getArrayValue().getValuesList().stream()
            .map(AnyValue::getStringValue).toList());
      }
      if (span.getName().equals("chat")) {
        assertEquals("chat", a.get("gen_ai.operation.name").getStringValue());
        assertTrue(span.getEndTimeUnixNano() > span.getStartTimeUnixNano());
      }
      if (span.getName().equals("invoke_agent") && a.containsKey("error.type")) {
        assertEquals("unknown_error", a.get("error.type").getStringValue());
        assertEquals(io.opentelemetry.proto.trace.v1.Status.StatusCode.STATUS_CODE_ERROR, span.getStatus().getCode());
      }
    }
    assertEquals(totals.inputTokens(), input);
    assertTrue(input > 0);
  }

  @Test
  void otlpChatSpansCarryPipersModelUsageAndExactCost() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Totals totals = TranscriptWriters.otlp(piper(), TranscriptWriters.otlpJson(out));
    List<Span> chats = spans(out.toString(StandardCharsets.UTF_8), new ArrayList<>()).stream()
        .filter(s -> s.getName().startsWith("chat ")).toList();
    assertEquals(2, chats.size());
    java.math.BigDecimal cost = java.math.BigDecimal.ZERO;
    for (Span chat : chats) {
      Map<String, AnyValue> a = attributes(chat);
      assertEquals(chat.getName(), "chat " + a.get("gen_ai.request.model").getStringValue());
      assertTrue(a.get("gen_ai.usage.output_tokens").getIntValue() > 0);
      cost = cost.add(new java.math.BigDecimal(a.get("sessionkit.cost_usd").getStringValue()));
    }
    assertEquals(totals.costUsd(), cost);
  }

  @Test
  void theAttributeNamesAreThoseOfTheSemanticConventionsWeFollow() {
    assertEquals(GenAiIncubatingAttributes.GEN_AI_OPERATION_NAME, Otlp.OPERATION_NAME);
    assertEquals(GenAiIncubatingAttributes.GEN_AI_PROVIDER_NAME, Otlp.PROVIDER_NAME);
    assertEquals(GenAiIncubatingAttributes.GEN_AI_CONVERSATION_ID, Otlp.CONVERSATION_ID);
    assertEquals(GenAiIncubatingAttributes.GEN_AI_AGENT_ID, Otlp.AGENT_ID);
    assertEquals(GenAiIncubatingAttributes.GEN_AI_REQUEST_MODEL, Otlp.REQUEST_MODEL);
    assertEquals(GenAiIncubatingAttributes.GEN_AI_USAGE_INPUT_TOKENS, Otlp.INPUT_TOKENS);
    assertEquals(GenAiIncubatingAttributes.GEN_AI_USAGE_OUTPUT_TOKENS, Otlp.OUTPUT_TOKENS);
    assertEquals(GenAiIncubatingAttributes.GEN_AI_RESPONSE_FINISH_REASONS, Otlp.FINISH_REASONS);
    assertEquals(GenAiIncubatingAttributes.GEN_AI_TOOL_NAME, Otlp.TOOL_NAME);
    assertEquals(GenAiIncubatingAttributes.GEN_AI_TOOL_CALL_ID, Otlp.TOOL_CALL_ID);
    assertEquals(GenAiIncubatingAttributes.GenAiOperationNameIncubatingValues.CHAT, "chat");
    assertEquals(GenAiIncubatingAttributes.GenAiOperationNameIncubatingValues.INVOKE_AGENT, "invoke_agent");
    assertEquals(GenAiIncubatingAttributes.GenAiOperationNameIncubatingValues.EXECUTE_TOOL, "execute_tool");
  }

  @Test
  void otlpHttpSendsTheSpansAsProtobufToTheEndpoint() throws Exception {
    try (MockWebServer receiver = new MockWebServer()) {
      receiver.start();
      receiver.enqueue(new MockResponse.Builder().code(200).build());
      SpanExporter exporter = TranscriptWriters.otlpHttp(receiver.url("/v1/traces").toString(), Duration.ofSeconds(10));
      try {
        TranscriptWriters.otlp(agentsDocumented(), exporter);
      } finally {
        exporter.shutdown();
      }
      RecordedRequest request = receiver.takeRequest();
      assertEquals("POST", request.getMethod());
      assertEquals("/v1/traces", request.getTarget());
      assertEquals("application/x-protobuf", request.getHeaders().get("Content-Type"));
      ExportTraceServiceRequest decoded = ExportTraceServiceRequest.parseFrom(request.getBody().toByteArray());
      List<Span> spans = decoded.getResourceSpans(0).getScopeSpans(0).getSpansList();
      assertEquals(Set.of("session agents-v2", "invoke_agent agt_customer_support", "execute_tool knowledge_base_search"),
          spans.stream().map(Span::getName).collect(Collectors.toSet()));
      assertEquals(1, receiver.getRequestCount(), "three spans, one batch");
    }
  }

  @Test
  void aRefusedExportIsAnUncheckedIoExceptionNotASilentLoss() throws Exception {
    try (MockWebServer receiver = new MockWebServer()) {
      receiver.start();
      receiver.enqueue(new MockResponse.Builder().code(400).body("bad").build());
      SpanExporter exporter = TranscriptWriters.otlpHttp(receiver.url("/v1/traces").toString(), Duration.ofSeconds(10));
      try {
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> TranscriptWriters.otlp(agentsDocumented(), exporter));
        assertNotNull(e.getMessage());
      } finally {
        exporter.shutdown();
      }
    }
  }
}
