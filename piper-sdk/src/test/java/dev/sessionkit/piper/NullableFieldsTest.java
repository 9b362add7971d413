package dev.sessionkit.piper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sessionkit.piper.model.CriteriaResult;
import dev.sessionkit.piper.model.EventResponse;
import dev.sessionkit.piper.model.EventType;
import dev.sessionkit.piper.model.RunResponse;
import dev.sessionkit.piper.model.ScenarioRunDetail;
import dev.sessionkit.piper.model.ScenarioRunStatus;
import dev.sessionkit.piper.model.SessionEventsResponse;
import dev.sessionkit.piper.model.SessionResponse;
import dev.sessionkit.piper.model.TurnResult;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fields the spec makes optional and nullable decode as {@code null}, strictly, whether the
 * server sends {@code null} (as Pydantic does for {@code None}) or leaves them out.
 */
class NullableFieldsTest {
  private static final String ID = Fixtures.SEED_ID;
  private static final String TIME = "\"2023-11-07T05:31:56Z\"";

  private final MockWebServer server = new MockWebServer();
  private PiperClient client;

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = Fixtures.clientFor(server).strictDecoding(true).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void sessionEventsWithNullsDecodeToNull() throws Exception {
    String event = "{\"id\":\"" + ID + "\",\"run_id\":\"" + ID + "\",\"event_type\":\"user_message\","
        + "\"created_at\":" + TIME + ",\"role\":null,\"content\":null,\"tool_name\":null,\"tool_call_id\":null,"
        + "\"tool_arguments\":null,\"parent_tool_call_id\":null,\"reasoning_effort\":null,\"latency_ms\":null,"
        + "\"error_code\":null,\"error_message\":null,\"model_name\":null,\"provider_name\":null,"
        + "\"input_tokens\":null,\"output_tokens\":null,\"cache_read_tokens\":null,\"cache_write_tokens\":null,"
        + "\"cost_usd\":null,\"code_executed\":null,\"printed_output\":null}";
    String body = "{\"session\":{\"session_id\":\"" + ID + "\",\"agent_id\":\"" + ID + "\",\"organization_id\":\""
        + ID + "\",\"channel_id\":null,\"channel_external_session_id\":null,\"channel_external_user_id\":null,"
        + "\"is_test\":true,\"created_at\":" + TIME + ",\"updated_at\":" + TIME + "},"
        + "\"runs\":[{\"id\":\"" + ID + "\",\"session_id\":\"" + ID + "\",\"created_at\":" + TIME
        + ",\"updated_at\":" + TIME + ",\"events\":[" + event + "],\"model_name\":null,\"total_input_tokens\":0,"
        + "\"total_output_tokens\":0,\"total_cost_usd\":0,\"total_requests\":0}]}";
    server.enqueue(Fixtures.json(200, body));

    SessionEventsResponse response = client.sessions().events(Fixtures.ORG_ID, Fixtures.SESSION_ID);

    RecordedRequest request = server.takeRequest();
    assertEquals(Fixtures.EVENTS_PATH, request.getTarget());
    assertEquals("Bearer " + Fixtures.TOKEN, request.getHeaders().get("Authorization"));
    SessionResponse session = response.session();
    assertEquals(Boolean.TRUE, session.isTest());
    assertNull(session.channelId());
    assertNull(session.channelExternalSessionId());
    assertNull(session.channelExternalUserId());
    RunResponse run = response.runs().get(0);
    assertNull(run.modelName());
    assertEquals(0L, run.totalRequests());
    EventResponse decoded = run.events().get(0);
    assertEquals(EventType.USER_MESSAGE, decoded.eventType());
    assertNull(decoded.role());
    assertNull(decoded.content());
    assertNull(decoded.toolName());
    assertNull(decoded.toolCallId());
    assertNull(decoded.toolArguments());
    assertNull(decoded.parentToolCallId());
    assertNull(decoded.reasoningEffort());
    assertNull(decoded.latencyMs());
    assertNull(decoded.errorCode());
    assertNull(decoded.errorMessage());
    assertNull(decoded.modelName());
    assertNull(decoded.providerName());
    assertNull(decoded.inputTokens());
    assertNull(decoded.outputTokens());
    assertNull(decoded.cacheReadTokens());
    assertNull(decoded.cacheWriteTokens());
    assertNull(decoded.costUsd());
    assertNull(decoded.codeExecuted());
    assertNull(decoded.printedOutput());
  }

  @Test
  void eventWithOnlyItsRequiredFieldsDecodes() throws Exception {
    String event = "{\"id\":\"" + ID + "\",\"run_id\":\"" + ID + "\",\"event_type\":\"user_message\","
        + "\"created_at\":" + TIME + ",\"content\":\"Hello\"}";
    String body = "{\"session\":{\"session_id\":\"" + ID + "\",\"agent_id\":\"" + ID + "\",\"organization_id\":\""
        + ID + "\",\"is_test\":false,\"created_at\":" + TIME + ",\"updated_at\":" + TIME + "},"
        + "\"runs\":[{\"id\":\"" + ID + "\",\"session_id\":\"" + ID + "\",\"created_at\":" + TIME
        + ",\"updated_at\":" + TIME + ",\"events\":[" + event + "],\"total_input_tokens\":0,"
        + "\"total_output_tokens\":0,\"total_cost_usd\":0,\"total_requests\":0}]}";
    server.enqueue(Fixtures.json(200, body));

    SessionEventsResponse response = client.sessions().events(Fixtures.ORG_ID, Fixtures.SESSION_ID);

    assertEquals(Fixtures.EVENTS_PATH, server.takeRequest().getTarget());
    assertNull(response.session().channelId());
    EventResponse decoded = response.runs().get(0).events().get(0);
    assertEquals("Hello", decoded.content());
    assertNull(decoded.role());
    assertNull(decoded.toolArguments());
    assertNull(decoded.costUsd());
  }

  @Test
  void pendingScenarioRunWithNullsDecodesToNull() throws Exception {
    String criteria = "{\"id\":\"" + ID + "\",\"criteria_id\":\"" + ID + "\",\"verdict\":\"PASS\","
        + "\"criteria_question\":\"Did it greet?\",\"criteria_type\":\"llm_evaluated\",\"critique\":null,"
        + "\"evidence\":null,\"input_tokens\":null,\"output_tokens\":null}";
    String body = "{\"id\":\"" + ID + "\",\"scenario_id\":\"" + ID + "\",\"scenario_name\":\"Greeting\","
        + "\"status\":\"pending\",\"started_at\":null,\"completed_at\":null,\"turn_results\":[{\"id\":\"" + ID
        + "\",\"turn_index\":0,\"stopped_early\":false,\"passed\":false,\"response_content\":null,"
        + "\"criteria_results\":[" + criteria + "]}]}";
    server.enqueue(Fixtures.json(200, body));

    ScenarioRunDetail run = client.scenarioRuns().bySession(Fixtures.ORG_ID, Fixtures.SESSION_ID);

    RecordedRequest request = server.takeRequest();
    assertEquals(Fixtures.SCENARIO_RUN_PATH, request.getTarget());
    assertEquals("Bearer " + Fixtures.TOKEN, request.getHeaders().get("Authorization"));
    assertEquals(ScenarioRunStatus.PENDING, run.status());
    assertNull(run.startedAt());
    assertNull(run.completedAt());
    TurnResult turn = run.turnResults().get(0);
    assertEquals(0, turn.turnIndex());
    assertEquals(Boolean.FALSE, turn.stoppedEarly());
    assertNull(turn.responseContent());
    CriteriaResult result = turn.criteriaResults().get(0);
    assertEquals("Did it greet?", result.criteriaQuestion());
    assertNull(result.critique());
    assertNull(result.evidence());
    assertNull(result.inputTokens());
    assertNull(result.outputTokens());
  }

  @Test
  void scenarioRunWithoutTurnsHasAnEmptyList() throws Exception {
    server.enqueue(Fixtures.json(200, "{\"id\":\"" + ID + "\",\"scenario_id\":\"" + ID
        + "\",\"scenario_name\":\"Greeting\",\"status\":\"running\",\"started_at\":" + TIME + "}"));

    ScenarioRunDetail run = client.scenarioRuns().bySession(Fixtures.ORG_ID, Fixtures.SESSION_ID);

    assertEquals(Fixtures.SCENARIO_RUN_PATH, server.takeRequest().getTarget());
    assertEquals(ScenarioRunStatus.RUNNING, run.status());
    assertEquals(0, run.turnResults().size());
    assertNull(run.completedAt());
  }
}
