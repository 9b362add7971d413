package dev.sessionkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.pipecat.PipecatClient;
import dev.sessionkit.pipecat.ResourceSamples;
import dev.sessionkit.pipecat.model.CompletionStatus;
import dev.sessionkit.pipecat.model.SessionDetails;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.Test;

/** The Pipecat Cloud client against Prism serving specs/pipecat.yaml: the operation, every parameter, strict decoding. */
@EnabledIf(value = "dev.sessionkit.contract.Locations#prismInstalledOrRequired",
    disabledReason = "Prism is not installed: run `npm ci` in specs/ (.ci/contract does); set SESSIONKIT_REQUIRE_PRISM to fail instead")
class PipecatAgainstPrismTest {
  private static final String AGENT = "my-agent";
  private static final String SESSION = "800d444a-e67e-4686-afb3-b0de509cccb3";
  private static PrismMock prism;
  private static PipecatClient client;

  @BeforeAll
  static void startPrism() throws Exception {
    prism = PrismMock.start(Locations.spec("pipecat.yaml"));
    client = PipecatClient.builder().token("pk_contract_test").baseUrl(prism.baseUrl())
        .httpClient(prism.client()).strictDecoding(true).noRetries().build();
  }

  @AfterAll
  static void everyOperationWasCalledWithEveryParameter() {
    PrismMock.finishSuite(prism);
  }

  @Test
  void sessionDetailsDecodeTheDocumentedResponseStrictly() throws Exception {
    assertDocumentedSession(client.sessions().get(AGENT, SESSION));
    assertEquals("/agents/" + AGENT + "/sessions/" + SESSION, prism.lastExchange().path());
    assertDocumentedSession(client.sessions().getAsync(AGENT, SESSION).get());
    RawResponse<SessionDetails> raw = client.sessions().withRawResponse().get(AGENT, SESSION);
    assertEquals(200, raw.status());
    assertDocumentedSession(raw.body());
  }

  @Test
  void prismRejectsASessionIdThatIsNotAUuid() throws Exception {
    PrismMock.Exchange exchange = prism.rawGet("agents/" + AGENT + "/sessions/not-a-uuid",
        Map.of("Authorization", "Bearer pk_contract_test"));

    // The spec documents no 400/422, so Prism answers with its own 422 problem body.
    assertEquals(422, exchange.status());
    assertTrue(exchange.body().contains("sessionid must match pattern"), exchange.body());
  }

  @Test
  void prismAnswers401WithoutTheBearerToken() throws Exception {
    PrismMock.Exchange exchange = prism.rawGet("agents/" + AGENT + "/sessions/" + SESSION, Map.of());

    assertEquals(401, exchange.status());
    assertTrue(exchange.violations().contains("Invalid security scheme used"), exchange.violations());
  }

  private static void assertDocumentedSession(SessionDetails session) {
    assertEquals(SESSION, session.sessionId());
    assertEquals(CompletionStatus.HTTP_COMPLETED, session.completionStatus());
    assertEquals(Boolean.TRUE, session.coldStart());
    assertEquals(Instant.ofEpochSecond(1729583960), ResourceSamples.of(session).get(0).time());
    assertEquals(2, ResourceSamples.of(session).size());
  }
}
