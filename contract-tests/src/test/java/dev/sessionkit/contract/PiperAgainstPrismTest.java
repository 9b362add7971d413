package dev.sessionkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.piper.PiperClient;
import dev.sessionkit.piper.ResponseCreateParams;
import dev.sessionkit.piper.RunEventsView;
import dev.sessionkit.piper.SessionListParams;
import dev.sessionkit.piper.model.AgentResponse;
import dev.sessionkit.piper.model.ResponseRequest;
import dev.sessionkit.piper.model.SessionListResponse;
import dev.sessionkit.piper.model.EventType;
import dev.sessionkit.piper.model.ScenarioRunDetail;
import dev.sessionkit.piper.model.ScenarioRunStatus;
import dev.sessionkit.piper.model.SessionEventsResponse;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.Test;

/**
 * The Piper client against Prism serving specs/piper.yaml: every operation, every parameter, strict
 * decoding. The response stream is not served (Prism cannot mock text/event-stream): piper-sdk's
 * OperationsTest covers it against MockWebServer.
 */
@EnabledIf(value = "dev.sessionkit.contract.Locations#prismInstalledOrRequired",
    disabledReason = "Prism is not installed: run `npm ci` in specs/ (.ci/contract does); set SESSIONKIT_REQUIRE_PRISM to fail instead")
class PiperAgainstPrismTest {
  private static final String ORG = "0b5e3f7a-6a2c-4d8e-9f10-2b3c4d5e6f70";
  private static final String SESSION = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
  private static PrismMock prism;
  private static PiperClient client;

  @BeforeAll
  static void startPrism() throws Exception {
    prism = PrismMock.start(Locations.spec("piper.yaml"));
    client = PiperClient.builder().token("pat_contract_test").baseUrl(prism.baseUrl()).defaultOrgId(ORG)
        .httpClient(prism.client()).strictDecoding(true).noRetries().build();
  }

  @AfterAll
  static void everyOperationWasCalledWithEveryParameter() {
    PrismMock.finishSuite(prism);
  }

  @Test
  void theSessionListAndAResponseSendWhatTheSpecAcceptsAndDecodeStrictly() {
    SessionListResponse page = client.sessions().list(ORG, SessionListParams.builder().limit(100).offset(0).build());
    AgentResponse response = client.responses().create(ORG, ResponseRequest.builder()
        .agentId("3c90c3cc-0d44-4b50-8888-8dd25736052a").message("Hello").build(),
        ResponseCreateParams.builder().includeEvents(true).build());

    assertEquals(123L, page.total());
    assertEquals("assistant", response.role().value());
    assertEquals(java.util.Set.of("include_events"), prism.lastExchange().query());
  }

  @Test
  void sessionEventsDecodeTheDocumentedResponseStrictly() throws Exception {
    assertDocumentedSession(client.sessions().events(ORG, SESSION));
    assertEquals("/v1/orgs/" + ORG + "/responses/sessions/" + SESSION + "/events", prism.lastExchange().path());
    assertDocumentedSession(client.sessions().events(SESSION));
    assertDocumentedSession(client.sessions().eventsAsync(ORG, SESSION).get());
    RawResponse<SessionEventsResponse> raw = client.sessions().withRawResponse().events(ORG, SESSION);
    assertEquals(200, raw.status());
    assertDocumentedSession(raw.body());
  }

  @Test
  void scenarioRunBySessionDecodesTheDocumentedResponseStrictly() throws Exception {
    assertDocumentedRun(client.scenarioRuns().bySession(ORG, SESSION));
    assertEquals("/v1/orgs/" + ORG + "/scenarios/runs/by-session/" + SESSION, prism.lastExchange().path());
    assertDocumentedRun(client.scenarioRuns().bySession(SESSION));
    assertDocumentedRun(client.scenarioRuns().findBySession(ORG, SESSION).orElseThrow());
    assertDocumentedRun(client.scenarioRuns().findBySession(SESSION).orElseThrow());
    assertDocumentedRun(client.scenarioRuns().bySessionAsync(ORG, SESSION).get());
    assertDocumentedRun(client.scenarioRuns().withRawResponse().bySession(ORG, SESSION).body());
  }

  @Test
  void prismRejectsASessionIdThatIsNotAUuid() throws Exception {
    PrismMock.Exchange exchange = prism.rawGet("v1/orgs/" + ORG + "/responses/sessions/not-a-uuid/events",
        Map.of("Authorization", "Bearer pat_contract_test"));

    assertEquals(422, exchange.status());
    assertTrue(exchange.violations().contains("session_id must match"), exchange.violations());
  }

  @Test
  void prismAnswers401WithoutTheBearerToken() throws Exception {
    PrismMock.Exchange exchange = prism.rawGet("v1/orgs/" + ORG + "/scenarios/runs/by-session/" + SESSION, Map.of());

    assertEquals(401, exchange.status());
    assertTrue(exchange.violations().contains("Invalid security scheme used"), exchange.violations());
  }

  private static void assertDocumentedSession(SessionEventsResponse session) {
    assertEquals(SESSION, session.session().sessionId());
    assertEquals(1, session.runs().size());
    assertEquals(new BigDecimal("123"), session.runs().get(0).totalCostUsd());
    assertEquals(EventType.USER_MESSAGE, RunEventsView.of(session).get(0).eventType());
  }

  private static void assertDocumentedRun(ScenarioRunDetail run) {
    assertEquals(ScenarioRunStatus.PENDING, run.status());
    assertEquals(123, run.turnResults().get(0).turnIndex());
    assertEquals("PASS", run.turnResults().get(0).criteriaResults().get(0).verdict().value());
  }
}
