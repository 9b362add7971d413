package dev.sessionkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.util.JsonFormat;
import dev.sessionkit.sandbox.Sandbox;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** {@code sessionkit transcript}: every vendor, every format, and the exit codes of the other subcommands. */
class TranscriptCommandTest {
  private static void assertOneLine(Cli cli, int code, String start) {
    assertEquals(code, cli.code(), cli.err());
    assertEquals(1, cli.errLines().size(), cli.err());
    assertTrue(cli.err().startsWith(start), cli.err());
    assertEquals("", cli.out());
  }

  private static List<Span> spans(String otlpJson) throws Exception {
    List<Span> spans = new ArrayList<>();
    for (String line : otlpJson.lines().toList()) {
      ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
      JsonFormat.parser().merge(line, request);
      request.getResourceSpansList().forEach(r -> r.getScopeSpansList().forEach(s -> spans.addAll(s.getSpansList())));
    }
    return spans;
  }

  private static String attribute(Span span, String key) {
    return span.getAttributesList().stream().filter(kv -> kv.getKey().equals(key)).findFirst()
        .map(KeyValue::getValue).map(v -> v.hasStringValue() ? v.getStringValue() : String.valueOf(v.getIntValue())).orElse(null);
  }

  @Test
  void markdownIsTheDefaultForEveryVendor() {
    Cli qoder = Cli.run("transcript", "qoder", "sess_sandbox_20", "--sandbox");
    assertEquals(0, qoder.code(), qoder.err());
    assertTrue(qoder.out().startsWith("# Qoder Cloud Agents session `sess_sandbox_20`"), qoder.out());
    assertTrue(qoder.out().contains("## Turn 1 (`turn_"));
    assertTrue(qoder.out().contains("## Totals"));
    Cli piper = Cli.run("transcript", "piper", "3c90c3cc-0d44-4b50-8888-8dd25736052a", "00000000-0000-4000-a000-000000000006", "--sandbox");
    assertEquals(0, piper.code(), piper.err());
    assertTrue(piper.out().contains("<details><summary>Model request <code>"), piper.out());
    Cli pipecat = Cli.run("transcript", "pipecat", "my-agent", "800d444a-e67e-4686-afb3-b0de509cccb3", "--sandbox");
    assertEquals(0, pipecat.code(), pipecat.err());
    assertTrue(pipecat.out().contains("_Status: HTTP_COMPLETED · 2025-10-22T08:39:26Z_"), pipecat.out());
    assertTrue(pipecat.out().contains("<details><summary>2 resource samples</summary>"), pipecat.out());
    Cli agents = Cli.run("transcript", "agents-v2", "agt_customer_support", "ase_customer_support_001", "--sandbox");
    assertEquals(0, agents.code(), agents.err());
    assertTrue(agents.out().contains("<details><summary>Tool call <code>knowledge_base_search</code>"), agents.out());
    assertEquals("", agents.err());
  }

  @Test
  void piperTakesTheOrgFromTheEnvironmentWhenLeftOut() {
    Cli cli = Cli.run("transcript", "piper", "00000000-0000-4000-a000-000000000003", "--sandbox", "--format", "jsonl");
    assertEquals(0, cli.code(), cli.err());
    // Three events of the sandbox's Piper turn: the user's message, then reasoning and a tool call (event types
    // this spec does not know), in one run.
    assertEquals(List.of("user_message", "unknown", "unknown", "model_request", "totals"),
        cli.outLines().stream().map(l -> l.replaceAll(".*\"kind\":\"([a-z_]+)\".*", "$1")).toList());
  }

  @Test
  void jsonlWritesOneEntryPerLineForEachQoderSessionGiven() {
    Cli cli = Cli.run("transcript", "qoder", "sess_sandbox_8", "sess_sandbox_3", "--sandbox", "--format", "jsonl");
    assertEquals(0, cli.code(), cli.err());
    // 8 events: the first eight of the sandbox's nine-event turn (user.message, status_running, the model
    // request's start, thinking, tool_use, tool_result, agent.message, its end), the start no entry of its own:
    // 7 entries and a totals line; 3 events (user.message, status_running, a start): 2 + 1.
    assertEquals(7 + 1 + 2 + 1, cli.outLines().size(), cli.out());
    assertTrue(cli.outLines().get(7).contains("\"kind\":\"totals\""));
    assertTrue(cli.outLines().get(8).contains("\"session_id\":\"sess_sandbox_3\""));
  }

  @Test
  void otlpWritesOneTracePerSessionWithGenAiAttributes() throws Exception {
    Cli cli = Cli.run("transcript", "agents-v2", "agt_sandbox", "ase_sandbox_10", "--sandbox", "--format", "otlp");
    assertEquals(0, cli.code(), cli.err());
    List<Span> spans = spans(cli.out());
    assertEquals(1, spans.stream().map(Span::getTraceId).distinct().count());
    // 10 events: two exchanges of five, each with one tool call.
    assertEquals(List.of("execute_tool corpora_search", "execute_tool corpora_search", "invoke_agent agt_sandbox",
        "invoke_agent agt_sandbox", "session agents-v2"), spans.stream().map(Span::getName).sorted().toList());
    for (Span span : spans) {
      assertEquals("ase_sandbox_10", attribute(span, "gen_ai.conversation.id"));
      assertEquals("agt_sandbox", attribute(span, "gen_ai.agent.id"));
      assertEquals("agents-v2", attribute(span, "gen_ai.provider.name"), "the vendor's id");
    }
  }

  @Test
  void otlpEndpointSendsTheSpansToAnOtlpHttpReceiver() throws Exception {
    try (MockWebServer receiver = new MockWebServer()) {
      receiver.start();
      receiver.enqueue(new MockResponse.Builder().code(200).build());
      String endpoint = "http://127.0.0.1:" + receiver.getPort();
      Cli cli = Cli.run("transcript", "qoder", "sess_sandbox_9", "--sandbox", "--otlp-endpoint", endpoint);
      assertEquals(0, cli.code(), cli.err());
      assertEquals("", cli.out(), "the spans go to the endpoint, not to stdout");
      assertEquals("sessionkit: qoder sess_sandbox_9: 8 entries sent to " + endpoint + "/v1/traces", cli.err().strip());
      RecordedRequest request = receiver.takeRequest();
      assertEquals("/v1/traces", request.getTarget());
      ExportTraceServiceRequest decoded = ExportTraceServiceRequest.parseFrom(request.getBody().toByteArray());
      List<Span> spans = decoded.getResourceSpans(0).getScopeSpans(0).getSpansList();
      assertEquals(List.of("chat", "execute_tool Grep", "invoke_agent", "session qoder"),
          spans.stream().map(Span::getName).sorted().toList(),
          "nine events: one whole turn of the sandbox's nine, with one model request and one tool call");
      Span chat = spans.stream().filter(s -> s.getName().equals("chat")).findFirst().orElseThrow();
      assertEquals("chat", attribute(chat, "gen_ai.operation.name"));
      assertEquals("qoder", attribute(chat, "gen_ai.provider.name"));
    }
  }

  @Test
  void aReceiverThatRefusesTheSpansIsANetworkError() throws Exception {
    try (MockWebServer receiver = new MockWebServer()) {
      receiver.start();
      receiver.enqueue(new MockResponse.Builder().code(503).build());
      receiver.enqueue(new MockResponse.Builder().code(503).build());
      receiver.enqueue(new MockResponse.Builder().code(503).build());
      receiver.enqueue(new MockResponse.Builder().code(503).build());
      receiver.enqueue(new MockResponse.Builder().code(503).build());
      Cli cli = Cli.run("transcript", "qoder", "sess_sandbox_3", "--sandbox", "--otlp-endpoint",
          receiver.url("/v1/traces").toString());
      assertEquals(ExitCode.NETWORK, cli.code(), cli.err());
      assertTrue(cli.err().startsWith("sessionkit: network error: OTLP export to " + receiver.url("/v1/traces") + " failed"), cli.err());
      assertEquals(1, cli.errLines().size(), cli.err());
    }
  }

  @Test
  void aMissingCredentialIsAnAuthErrorThatPointsAtTheSandbox() {
    Cli cli = Cli.run("transcript", "qoder", "sess_sandbox_3");
    assertOneLine(cli, ExitCode.AUTH, "sessionkit: auth error: QODER_PAT is not set: set it to your Qoder Cloud Agents credential");
    assertTrue(cli.err().contains("--sandbox"));
  }

  @Test
  void anUnknownSessionIsNotFoundWithNothingWritten() {
    assertOneLine(Cli.run("transcript", "agents-v2", "agt_sandbox", "ase_gone", "--sandbox"), ExitCode.NOT_FOUND,
        "sessionkit: not found: HTTP 404 session_not_found: Session ase_gone does not exist");
    assertOneLine(Cli.run("transcript", "qoder", "sess_gone", "--sandbox", "--format", "otlp"), ExitCode.NOT_FOUND,
        "sessionkit: not found: HTTP 404");
  }

  @Test
  void aMalformedIdIsAUsageErrorBeforeAnyRequest() {
    try (Sandbox sandbox = Sandbox.start()) {
      Cli cli = Cli.run(sandbox.environment(), "transcript", "qoder", "abc");
      assertOneLine(cli, ExitCode.USAGE, "sessionkit: usage error: sessionId must match ^sess_[0-9A-Za-z_]+$ (got \"abc\")");
      assertEquals(0, sandbox.requestCount());
    }
  }

  @Test
  void badUsageIsExitCode2() {
    assertOneLine(Cli.run("transcript", "slack", "x", "--sandbox"), ExitCode.USAGE,
        "sessionkit: usage error: unknown vendor 'slack': use agents-v2, pipecat, piper or qoder");
    assertOneLine(Cli.run("transcript", "pipecat", "my-agent", "--sandbox"), ExitCode.USAGE,
        "sessionkit: usage error: pipecat takes AGENT_NAME SESSION_ID, got 1 id");
    assertOneLine(Cli.run("transcript", "piper", "o", "s", "x", "--sandbox"), ExitCode.USAGE,
        "sessionkit: usage error: piper takes [ORG_ID] SESSION_ID, got 3 ids");
    assertOneLine(Cli.run("transcript", "qoder", "sess_1", "--format", "table", "--sandbox"), ExitCode.USAGE,
        "sessionkit transcript: Invalid value for option '--format'");
    assertOneLine(Cli.run("transcript", "qoder", "sess_1", "--format", "jsonl", "--otlp-endpoint", "http://127.0.0.1:4318", "--sandbox"),
        ExitCode.USAGE, "sessionkit: usage error: --otlp-endpoint sends OTLP spans");
    assertOneLine(Cli.run("transcript", "qoder", "sess_1", "--otlp-endpoint", "localhost:4318", "--sandbox"),
        ExitCode.USAGE, "sessionkit: usage error: --otlp-endpoint must be an http or https URL");
    assertOneLine(Cli.run("transcript", "qoder"), ExitCode.USAGE, "sessionkit transcript: Missing required parameter");
  }

  @Test
  void aLeftOutIdWithoutItsDefaultInTheEnvironmentIsAUsageErrorNamingTheVariable() {
    try (Sandbox sandbox = Sandbox.start()) {
      Map<String, String> env = new java.util.HashMap<>(sandbox.environment());
      env.remove("PIPER_ORG_ID");
      Cli cli = Cli.run(env, "transcript", "piper", "00000000-0000-4000-a000-000000000003");
      assertOneLine(cli, ExitCode.USAGE, "sessionkit: usage error: no ORG_ID: give it before SESSION_ID, or set PIPER_ORG_ID");
      assertEquals(0, sandbox.requestCount());
    }
  }

  @Test
  void followingAVendorThatDeclaresNoLiveStreamIsAUsageError() {
    assertOneLine(Cli.run("transcript", "pipecat", "my-agent", "800d444a-e67e-4686-afb3-b0de509cccb3",
        "--follow", "--sandbox"), ExitCode.USAGE,
        "sessionkit: usage error: pipecat has no live stream of a session's events: leave out --follow");
  }

  @Test
  void helpListsTheTranscriptCommand() {
    Cli cli = Cli.run("--help");
    assertTrue(cli.out().contains("transcript"), cli.out());
    Cli help = Cli.run("transcript", "--help");
    assertEquals(0, help.code());
    assertFalse(help.out().isEmpty());
    assertTrue(help.out().contains("--otlp-endpoint"), help.out());
    assertTrue(help.out().contains(Map.of("k", "markdown, jsonl or otlp").get("k")), help.out());
  }
}
