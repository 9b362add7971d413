package dev.sessionkit.piper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.piper.model.CriteriaResult;
import dev.sessionkit.piper.model.CriteriaType;
import dev.sessionkit.piper.model.CriteriaVerdict;
import dev.sessionkit.piper.model.EventResponse;
import dev.sessionkit.piper.model.EventRole;
import dev.sessionkit.piper.model.EventType;
import dev.sessionkit.piper.model.ReasoningEffort;
import dev.sessionkit.piper.model.RunResponse;
import dev.sessionkit.piper.model.ScenarioRunDetail;
import dev.sessionkit.piper.model.ScenarioRunStatus;
import dev.sessionkit.piper.model.SessionEventsResponse;
import dev.sessionkit.piper.model.SessionResponse;
import dev.sessionkit.piper.model.TurnResult;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed pages' examples (shared/seeds/000_60317f4d6f95b7b7.txt and 003_bfa40fb83f0642a9.txt)
 * decode field for field, strictly: every field they show is in the spec, with its type.
 */
class SeedExampleDecodingTest {
  private static final OffsetDateTime SEED_TIME = OffsetDateTime.of(2023, 11, 7, 5, 31, 56, 0, ZoneOffset.UTC);

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
  void sessionEventsExampleDecodesFieldForField() throws Exception {
    server.enqueue(Fixtures.json(200, Fixtures.sessionEvents()));

    SessionEventsResponse response = client.sessions().events(Fixtures.ORG_ID, Fixtures.SESSION_ID);

    RecordedRequest request = server.takeRequest();
    assertEquals("GET", request.getMethod());
    assertEquals(Fixtures.EVENTS_PATH, request.getTarget());
    assertEquals("Bearer " + Fixtures.TOKEN, request.getHeaders().get("Authorization"));

    SessionResponse session = response.session();
    assertEquals(Fixtures.SEED_ID, session.sessionId());
    assertEquals(Fixtures.SEED_ID, session.agentId());
    assertEquals(Fixtures.SEED_ID, session.organizationId());
    assertEquals(Fixtures.SEED_ID, session.channelId());
    assertEquals("<string>", session.channelExternalSessionId());
    assertEquals("<string>", session.channelExternalUserId());
    assertEquals(Boolean.FALSE, session.isTest());
    assertEquals(SEED_TIME, session.createdAt());
    assertEquals(SEED_TIME, session.updatedAt());

    assertEquals(1, response.runs().size());
    RunResponse run = response.runs().get(0);
    assertEquals(Fixtures.SEED_ID, run.id());
    assertEquals(Fixtures.SEED_ID, run.sessionId());
    assertEquals(SEED_TIME, run.createdAt());
    assertEquals(SEED_TIME, run.updatedAt());
    assertEquals("<string>", run.modelName());
    assertEquals(123L, run.totalInputTokens());
    assertEquals(123L, run.totalOutputTokens());
    assertEquals(new BigDecimal("123"), run.totalCostUsd());
    assertEquals(123L, run.totalRequests());

    assertEquals(1, run.events().size());
    EventResponse event = run.events().get(0);
    assertEquals(Fixtures.SEED_ID, event.id());
    assertEquals(Fixtures.SEED_ID, event.runId());
    assertEquals(EventType.USER_MESSAGE, event.eventType());
    assertEquals(SEED_TIME, event.createdAt());
    assertEquals(EventRole.USER, event.role());
    assertEquals("<string>", event.content());
    assertEquals("<string>", event.toolName());
    assertEquals("<string>", event.toolCallId());
    assertEquals("{}", event.toolArguments().json());
    assertTrue(event.toolArguments().isObject());
    assertEquals("<string>", event.parentToolCallId());
    assertEquals(ReasoningEffort.LOW, event.reasoningEffort());
    assertEquals(123L, event.latencyMs());
    assertEquals("<string>", event.errorCode());
    assertEquals("<string>", event.errorMessage());
    assertEquals("<string>", event.modelName());
    assertEquals("<string>", event.providerName());
    assertEquals(123L, event.inputTokens());
    assertEquals(123L, event.outputTokens());
    assertEquals(123L, event.cacheReadTokens());
    assertEquals(123L, event.cacheWriteTokens());
    assertEquals(new BigDecimal("123"), event.costUsd());
    assertEquals("<string>", event.codeExecuted());
    assertEquals("<string>", event.printedOutput());
  }

  @Test
  void scenarioRunExampleDecodesFieldForField() throws Exception {
    server.enqueue(Fixtures.json(200, Fixtures.scenarioRun()));

    ScenarioRunDetail run = client.scenarioRuns().bySession(Fixtures.ORG_ID, Fixtures.SESSION_ID);

    RecordedRequest request = server.takeRequest();
    assertEquals("GET", request.getMethod());
    assertEquals(Fixtures.SCENARIO_RUN_PATH, request.getTarget());
    assertEquals("Bearer " + Fixtures.TOKEN, request.getHeaders().get("Authorization"));

    assertEquals(Fixtures.SEED_ID, run.id());
    assertEquals(Fixtures.SEED_ID, run.scenarioId());
    assertEquals("<string>", run.scenarioName());
    assertEquals(ScenarioRunStatus.PENDING, run.status());
    assertEquals(SEED_TIME, run.startedAt());
    assertEquals(SEED_TIME, run.completedAt());

    assertEquals(1, run.turnResults().size());
    TurnResult turn = run.turnResults().get(0);
    assertEquals(Fixtures.SEED_ID, turn.id());
    assertEquals(123, turn.turnIndex());
    assertEquals(Boolean.TRUE, turn.stoppedEarly());
    assertEquals(Boolean.TRUE, turn.passed());
    assertEquals("<string>", turn.responseContent());

    assertEquals(1, turn.criteriaResults().size());
    CriteriaResult criteria = turn.criteriaResults().get(0);
    assertEquals(Fixtures.SEED_ID, criteria.id());
    assertEquals(Fixtures.SEED_ID, criteria.criteriaId());
    assertEquals(CriteriaVerdict.PASS, criteria.verdict());
    assertEquals("<string>", criteria.criteriaQuestion());
    assertEquals(CriteriaType.LLM_EVALUATED, criteria.criteriaType());
    assertEquals("<string>", criteria.critique());
    assertEquals("<string>", criteria.evidence());
    assertEquals(123L, criteria.inputTokens());
    assertEquals(123L, criteria.outputTokens());
  }

  @Test
  void costsKeepEveryDigit() throws Exception {
    String body = Fixtures.replace(Fixtures.replace(Fixtures.sessionEvents(),
        "\"cost_usd\": 123,", "\"cost_usd\": 0.000123456789012345678901,"),
        "\"total_cost_usd\": 123,", "\"total_cost_usd\": 12345678901234567890.10,");
    server.enqueue(Fixtures.json(200, body));

    SessionEventsResponse response = client.sessions().events(Fixtures.ORG_ID, Fixtures.SESSION_ID);

    assertEquals(Fixtures.EVENTS_PATH, server.takeRequest().getTarget());
    assertEquals(new BigDecimal("0.000123456789012345678901"), response.runs().get(0).events().get(0).costUsd());
    assertEquals(new BigDecimal("12345678901234567890.10"), response.runs().get(0).totalCostUsd());
  }

  @Test
  void toolArgumentsKeepTheirJsonExactly() throws Exception {
    String arguments = "{\"query\": \"refund\", \"limit\": 12345678901234567890, \"nested\": {\"a\": [1, 2.50]}}";
    server.enqueue(Fixtures.json(200,
        Fixtures.replace(Fixtures.sessionEvents(), "\"tool_arguments\": {},", "\"tool_arguments\": " + arguments + ",")));

    SessionEventsResponse response = client.sessions().events(Fixtures.ORG_ID, Fixtures.SESSION_ID);

    assertEquals(Fixtures.EVENTS_PATH, server.takeRequest().getTarget());
    assertEquals(arguments, response.runs().get(0).events().get(0).toolArguments().json());
  }
}
