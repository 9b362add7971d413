package dev.sessionkit.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.agents.AgentsClient;
import dev.sessionkit.agents.model.AgentEvent;
import dev.sessionkit.agents.model.ListAgentEventsResponse;
import dev.sessionkit.core.json.JsonValue;
import dev.sessionkit.core.json.SessionkitMoshi;
import dev.sessionkit.core.vendor.Arguments;
import dev.sessionkit.core.vendor.VendorDescriptor;
import dev.sessionkit.pipecat.PipecatClient;
import dev.sessionkit.pipecat.ResourceSamples;
import dev.sessionkit.pipecat.model.SessionDetails;
import dev.sessionkit.piper.PiperClient;
import dev.sessionkit.piper.model.EventResponse;
import dev.sessionkit.piper.model.RunResponse;
import dev.sessionkit.piper.model.SessionEventsResponse;
import dev.sessionkit.qoder.EventListParams;
import dev.sessionkit.qoder.QoderClient;
import dev.sessionkit.qoder.model.SessionEvent;
import dev.sessionkit.qoder.model.SessionEventList;
import dev.sessionkit.qoder.model.SessionStatusIdleEvent;
import dev.sessionkit.qoder.model.SpanModelRequestEndEvent;
import dev.sessionkit.qoder.model.SpanModelRequestStartEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Each vendor's seed examples and sandbox sessions map to entries as the README's table says, through
 * the mapping its spec declares (found by the vendor's id, as any caller finds it).
 */
class TranscriptsTest {
  static QoderClient qoder() {
    return Fixtures.qoder();
  }

  static AgentsClient agents() {
    return Fixtures.agents();
  }

  static PiperClient piper() {
    return Fixtures.piper();
  }

  static PipecatClient pipecat() {
    return Fixtures.pipecat();
  }

  private static Map<String, Integer> kinds(List<Entry> entries) {
    Map<String, Integer> kinds = new TreeMap<>();
    for (Entry entry : entries) kinds.merge(entry.kind(), 1, Integer::sum);
    return kinds;
  }

  @Test
  void qodersDocumentedPageIsAUserMessageAndAStatusChangeLinkedToTheirEvents() {
    SessionEventList page = qoder().sessions().events("sess_019e392c0d1e74e095d21ea4c6b41def");
    Transcript transcript = Transcripts.of("qoder").session("sess_019e392c0d1e74e095d21ea4c6b41def").events(page);
    assertEquals("qoder", transcript.vendor());
    assertNull(transcript.agent(), "Qoder's events name no agent");
    assertEquals(2, transcript.entries().size());
    Entry.UserMessage user = assertInstanceOf(Entry.UserMessage.class, transcript.entries().get(0));
    assertEquals("Hello, this is a test message.", user.text());
    assertEquals("evt_019e392c0d787cfaa21bda98e06cd913", user.id());
    assertEquals("turn_019e392c0d787ceea6bb62943f9ac3ec", user.turnId());
    assertEquals(Instant.parse("2026-05-18T03:40:48.888851795Z"), user.time());
    assertSame(page.data().get(0), user.source());
    Entry.StatusChange rescheduled = assertInstanceOf(Entry.StatusChange.class, transcript.entries().get(1));
    assertEquals("rescheduled", rescheduled.status());
    assertSame(page.data().get(1), rescheduled.source());
    assertEquals(Instant.parse("2026-05-18T03:40:50.321Z"), transcript.endedAt());
    assertNull(transcript.totals().costUsd(), "Qoder gives no cost");
  }

  @Test
  void aQoderSessionStreamsEveryEventTypeIntoItsEntryAndSumsTheIdleUsage() {
    String id = "sess_sandbox_36";
    List<SessionEvent> events = qoder().sessions().iterateEvents(id).stream().toList();
    TranscriptStream stream = Transcripts.of("qoder").session(id)
        .pages(qoder().sessions().iterateEvents(id, EventListParams.builder().limit(7).build()));
    List<Entry> entries = new ArrayList<>();
    for (Entry entry : stream) entries.add(entry);
    assertTrue(stream.finished());
    long starts = events.stream().filter(e -> e instanceof SpanModelRequestStartEvent).count();
    assertEquals(events.size() - starts, entries.size(), "every event but a model request's start is an entry");
    // 36 events: four turns of the sandbox's scenario (nine events each: the user's message, running, a
    // model request's start, thinking, a tool call, its result, the reply, the request's end, idle).
    assertEquals(Map.of("agent_message", 4, "model_request", 4, "status_change", 8, "thinking", 4, "tool_call", 4,
        "tool_result", 4, "user_message", 4),
        kinds(entries));
    long input = 0;
    long output = 0;
    long cacheRead = 0;
    long cacheWrite = 0;
    for (SessionEvent event : events) {
      if (event instanceof SessionStatusIdleEvent idle) {
        input += idle.usage().inputTokens();
        output += idle.usage().outputTokens();
        cacheRead += idle.usage().cacheReadInputTokens();
        cacheWrite += idle.usage().cacheCreationInputTokens();
      }
    }
    assertEquals(new Totals(entries.size(), input, output, cacheRead, cacheWrite, null), stream.totals());
    Entry.ModelRequest request = (Entry.ModelRequest) entries.stream().filter(e -> e instanceof Entry.ModelRequest).findFirst().orElseThrow();
    SpanModelRequestEndEvent end = assertInstanceOf(SpanModelRequestEndEvent.class, request.source());
    SpanModelRequestStartEvent start = assertInstanceOf(SpanModelRequestStartEvent.class, request.startSource());
    assertEquals(Duration.between(start.createdAt(), end.createdAt()), request.latency());
    assertEquals(start.createdAt().toInstant(), request.startedAt());
    assertEquals("idle", ((Entry.StatusChange) entries.get(entries.size() - 1)).status(), "the fourth turn ends idle");
    assertEquals(events.get(0).getClass(), entries.get(0).source().getClass());
    assertThrows(IllegalStateException.class, stream::iterator, "a stream is read once");
  }

  @Test
  void aQoderEventOfAnUnknownTypeKeepsItsRawJsonAndItsIdTimeAndTurn() {
    JsonValue raw = JsonValue.of("{\"type\":\"session.paused\",\"id\":\"evt_1\",\"turn_id\":\"turn_1\","
        + "\"created_at\":\"2026-05-18T03:40:48.888851795Z\",\"why\":[1,2]}");
    SessionEvent.Unknown event = new SessionEvent.Unknown("session.paused", raw);
    Transcript transcript = Transcripts.of("qoder").session("sess_x").pages(List.of(event)).toTranscript();
    Entry.Unknown unknown = assertInstanceOf(Entry.Unknown.class, transcript.entries().get(0));
    assertEquals("session.paused", unknown.type());
    assertEquals(raw, unknown.raw());
    assertSame(event, unknown.source());
    assertEquals("evt_1", unknown.id());
    assertEquals("turn_1", unknown.turnId());
    assertEquals(Instant.parse("2026-05-18T03:40:48.888851795Z"), unknown.time());
    Entry.Unknown odd = (Entry.Unknown) Transcripts.of("qoder").session("sess_x").pages(List.of(new SessionEvent.Unknown(null,
        JsonValue.of("{\"created_at\":\"yesterday\",\"id\":5}")))).toTranscript().entries().get(0);
    assertNull(odd.time(), "a timestamp that is not RFC 3339 is left out, never guessed");
    assertNull(odd.id());
  }

  @Test
  void theAgentsDocumentedPageIsAUserMessageThinkingAToolCallItsResultAndAReply() {
    ListAgentEventsResponse page = agents().sessions().events("agt_customer_support", "ase_customer_support_001");
    Transcript transcript = Transcripts.of("agents-v2").session("ase_customer_support_001")
        .agent("agt_customer_support").events(page);
    assertEquals("agents-v2", transcript.vendor());
    assertEquals("agt_customer_support", transcript.agent());
    List<Entry> e = transcript.entries();
    assertEquals(List.of("user_message", "thinking", "tool_call", "tool_result", "agent_message"), e.stream().map(Entry::kind).toList());
    assertEquals("I'm having trouble with my widget installation.", ((Entry.UserMessage) e.get(0)).text());
    assertTrue(((Entry.Thinking) e.get(1)).text().startsWith("The user is experiencing installation issues."));
    Entry.ToolCall call = (Entry.ToolCall) e.get(2);
    assertEquals("knowledge_base_search", call.name());
    assertEquals("call_knowledge_search_001", call.callId());
    assertEquals(Map.of("query", "widget installation troubleshooting", "max_results", 5.0), call.arguments().toJavaValue());
    Entry.ToolResult result = (Entry.ToolResult) e.get(3);
    assertEquals("call_knowledge_search_001", result.callId());
    assertTrue(result.output().json().contains("Widget Installation Guide"));
    assertTrue(((Entry.AgentMessage) e.get(4)).text().startsWith("I can help you troubleshoot"));
    for (int i = 0; i < e.size(); i++) {
      assertSame(page.events().get(i), e.get(i).source());
      assertEquals("aev_user_input_001", e.get(i).turnId(), "an input message opens the exchange");
    }
    assertEquals(Instant.parse("2024-01-15T10:35:00Z"), transcript.startedAt());
    assertEquals(Instant.parse("2024-01-15T10:35:04Z"), transcript.endedAt());
    assertEquals(new Totals(5, 0, 0, 0, 0, null), transcript.totals());
  }

  @Test
  void anAgentsSessionStreamsPageByPage() {
    String key = "ase_sandbox_120";
    List<AgentEvent> events = agents().sessions().iterateEvents("agt_sandbox", key).stream().toList();
    Transcript transcript = Transcripts.of("agents-v2").session(key).agent("agt_sandbox")
        .pages(agents().sessions().iterateEvents("agt_sandbox", key,
            dev.sessionkit.agents.EventListParams.builder().limit(50).build()))
        .toTranscript();
    assertEquals(events.size(), transcript.entries().size());
    assertEquals(Map.of("agent_message", 24, "thinking", 24, "tool_call", 24, "tool_result", 24, "user_message", 24),
        kinds(transcript.entries()));
    for (int i = 0; i < events.size(); i++) assertEquals(events.get(i), transcript.entries().get(i).source());
  }

  @Test
  void aPiperSessionIsItsRunsEventsEachFollowedByTheRunsModelUsageAndExactCost() {
    SessionEventsResponse response = piper().sessions().events("3c90c3cc-0d44-4b50-8888-8dd25736052a", "00000000-0000-4000-a000-000000000006");
    Transcript transcript = Transcripts.of("piper").events(response);
    assertEquals(response.session().sessionId(), transcript.sessionId(), "the response names its session");
    assertEquals(response.session().agentId(), transcript.agent());
    assertEquals(response.session().createdAt().toInstant(), transcript.startedAt());
    assertEquals(response.session().updatedAt().toInstant(), transcript.endedAt());
    List<String> kinds = transcript.entries().stream().map(Entry::kind).toList();
    // Six events: a run of the sandbox's scenario (a user message, then reasoning, a tool call and its
    // result, the reply: event types this spec does not know) and the first event of a second run.
    assertEquals(List.of("user_message", "unknown", "unknown", "unknown", "unknown", "model_request",
        "user_message", "model_request"), kinds);
    BigDecimal cost = BigDecimal.ZERO;
    long input = 0;
    long output = 0;
    for (RunResponse run : response.runs()) {
      cost = cost.add(run.totalCostUsd());
      input += run.totalInputTokens();
      output += run.totalOutputTokens();
    }
    assertEquals(new Totals(8, input, output, 0, 0, cost), transcript.totals());
    Entry.ModelRequest request = (Entry.ModelRequest) transcript.entries().get(5);
    RunResponse run = response.runs().get(0);
    assertSame(run, request.source());
    assertEquals(run.modelName(), request.model());
    assertEquals(run.totalCostUsd(), request.costUsd());
    assertEquals(run.id(), request.turnId());
    Entry.UserMessage user = (Entry.UserMessage) transcript.entries().get(0);
    assertSame(run.events().get(0), user.source());
    assertEquals(run.events().get(0).content(), user.text());
  }

  @Test
  void piperDocumentedExampleKeepsItsCostOf123Dollars() {
    Transcript transcript = Transcripts.of("piper").events(piper().sessions().events("3c90c3cc-0d44-4b50-8888-8dd25736052a",
        "3c90c3cc-0d44-4b50-8888-8dd25736052a"));
    assertEquals(List.of("user_message", "model_request"), transcript.entries().stream().map(Entry::kind).toList());
    assertEquals(0, new BigDecimal("123").compareTo(transcript.totals().costUsd()));
    assertEquals(123, transcript.totals().inputTokens());
  }

  @Test
  void aPiperEventTypeTheReferenceDoesNotDocumentIsUnknownWithItsJson() throws Exception {
    EventResponse event = SessionkitMoshi.moshi().adapter(EventResponse.class).fromJson(
        "{\"id\":\"e1\",\"run_id\":\"r1\",\"event_type\":\"tool_call\",\"created_at\":\"2023-11-07T05:31:56Z\","
            + "\"tool_name\":\"search\",\"tool_arguments\":{\"q\":\"x\"}}");
    SessionEventsResponse response = SessionkitMoshi.moshi().adapter(SessionEventsResponse.class).fromJson(
        "{\"session\":{\"session_id\":\"s\",\"agent_id\":\"a\",\"organization_id\":\"o\",\"is_test\":false,"
            + "\"created_at\":\"2023-11-07T05:31:56Z\",\"updated_at\":\"2023-11-07T05:31:56Z\"},\"runs\":[]}");
    SessionEventsResponse withEvent = new SessionEventsResponse(response.session(), List.of(new RunResponse("r1", "s",
        event.createdAt(), event.createdAt(), List.of(event), null, 0L, 0L, java.math.BigDecimal.ZERO, 0L)));
    Entry.Unknown unknown = assertInstanceOf(Entry.Unknown.class, Transcripts.of("piper").events(withEvent).entries().get(0));
    assertEquals("tool_call", unknown.type());
    assertTrue(unknown.raw().json().contains("\"tool_arguments\":{\"q\":\"x\"}"), unknown.raw().json());
    assertSame(event, unknown.source());
    assertEquals(java.math.BigDecimal.ZERO, Transcripts.of("piper").events(withEvent).totals().costUsd(),
        "a run that cost nothing adds nothing");
  }

  @Test
  void aPipecatSessionIsItsStartItsCompletionAndItsResourceSamples() {
    SessionDetails details = pipecat().sessions().get("my-agent", "800d444a-e67e-4686-afb3-b0de509cccb3");
    Transcript transcript = Transcripts.of("pipecat").agent("my-agent").events(details);
    assertEquals("800d444a-e67e-4686-afb3-b0de509cccb3", transcript.sessionId(), "the details name their session");
    assertEquals("my-agent", transcript.agent());
    assertEquals(Instant.parse("2025-10-22T08:39:20Z"), transcript.startedAt());
    assertEquals(Instant.parse("2025-10-22T08:39:26Z"), transcript.endedAt());
    Entry.StatusChange started = (Entry.StatusChange) transcript.entries().get(0);
    assertEquals("started (cold start)", started.status());
    assertEquals("bot started in 2 s", started.reason());
    assertEquals("HTTP_COMPLETED", ((Entry.StatusChange) transcript.entries().get(1)).status());
    assertSame(details, started.source());
    assertEquals(List.of(new ResourceSample(Instant.ofEpochSecond(1729583960), 150, 134217728L),
        new ResourceSample(Instant.ofEpochSecond(1729583965), 280, 201326592L)), transcript.resourceSamples());
    SessionDetails generated = pipecat().sessions().get("sandbox-agent", "00000000-0000-4000-b000-000000000020");
    Transcripts pipecat = Transcripts.of("pipecat").agent("sandbox-agent");
    assertEquals(ResourceSamples.of(generated).size(), pipecat.events(generated).resourceSamples().size());
    assertNotNull(pipecat.events(generated).startedAt());
  }

  /** A client of the installed vendor {@code id} built from the sandbox's environment, as a generic caller builds one. */
  private static Object client(String id) {
    return VendorDescriptor.find(id).orElseThrow().newClient(Fixtures.sandbox().environment(), builder -> { });
  }

  private static List<Entry> entries(TranscriptStream stream) {
    List<Entry> entries = new ArrayList<>();
    for (Entry entry : stream) entries.add(entry);
    return entries;
  }

  @Test
  void readPagesThroughTheDeclaredHistoryOperationAndNamesTheSessionAndAgentFromTheArguments() {
    String key = "ase_sandbox_120";
    TranscriptStream read = Transcripts.of("agents-v2").read(client("agents-v2"),
        Arguments.builder().put("agent_key", "agt_sandbox").put("session_key", key).build());

    assertEquals(key, read.sessionId());
    assertEquals("agt_sandbox", read.agent());
    assertEquals(Transcripts.of("agents-v2").session(key).agent("agt_sandbox")
        .pages(agents().sessions().iterateEvents("agt_sandbox", key)).toTranscript().entries(), entries(read));
    String qoder = "sess_sandbox_30";
    assertEquals(Transcripts.of("qoder").session(qoder).pages(qoder().sessions().iterateEvents(qoder)).toTranscript().entries(),
        entries(Transcripts.of("qoder").read(client("qoder"), Arguments.builder().put("session_id", qoder).build())));
  }

  @Test
  void readAsksAHistoryThatAnswersInOneResponseOnceAndTakesTheDefaultOrganizationFromTheClient() {
    String session = "00000000-0000-4000-a000-000000000006";
    TranscriptStream read = Transcripts.of("piper").read(client("piper"), Arguments.builder().put("session_id", session).build());

    Transcript expected = Transcripts.of("piper").events(piper().sessions().events("3c90c3cc-0d44-4b50-8888-8dd25736052a", session));
    assertEquals(expected.entries(), entries(read));
    assertEquals(expected.agent(), read.agent(), "the response names the agent");
    assertEquals(expected.startedAt(), read.startedAt());
    TranscriptStream pipecat = Transcripts.of("pipecat").read(client("pipecat"), Arguments.builder()
        .put("agentName", "my-agent").put("sessionId", "800d444a-e67e-4686-afb3-b0de509cccb3").build());
    assertEquals("my-agent", pipecat.agent(), "the agent parameter the mapping names");
    assertEquals(2, pipecat.resourceSamples().size());
  }

  @Test
  void aWrongArgumentIsRefusedNamingTheParameterBeforeAnythingIsSent() {
    long before = Fixtures.sandbox().requestCount();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Transcripts.of("qoder")
        .read(client("qoder"), Arguments.builder().put("session_id", "abc").build()));
    assertTrue(e.getMessage().contains("sessionId must match"), e.getMessage());
    assertEquals(before, Fixtures.sandbox().requestCount());
  }

  @Test
  void aVendorThatDeclaresNoLiveStreamCannotBeFollowed() {
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
        () -> Transcripts.of("piper").follow(client("piper"), Arguments.NONE));
    assertEquals("piper declares no live stream of a session's events", e.getMessage());
  }

  @Test
  void anIdNoInstalledVendorHasIsRefusedNamingTheInstalledOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Transcripts.of("agents_v2"));
    assertTrue(e.getMessage().startsWith("no installed vendor is agents_v2 (installed: agents-v2, "), e.getMessage());
  }
}
