package dev.sessionkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.qoder.EventListParams;
import dev.sessionkit.qoder.QoderClient;
import dev.sessionkit.qoder.model.SessionEvent;
import dev.sessionkit.qoder.model.SessionEventList;
import dev.sessionkit.qoder.model.SessionStatusRescheduledEvent;
import dev.sessionkit.qoder.model.UserMessageEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.Test;

/** The Qoder client against Prism serving specs/qoder.yaml: every operation, every parameter, strict decoding. */
@EnabledIf(value = "dev.sessionkit.contract.Locations#prismInstalledOrRequired",
    disabledReason = "Prism is not installed: run `npm ci` in specs/ (.ci/contract does); set SESSIONKIT_REQUIRE_PRISM to fail instead")
class QoderAgainstPrismTest {
  private static final String SESSION = "sess_019e392c0d1e74e095d21ea4c6b41def";
  private static PrismMock prism;
  private static QoderClient client;

  @BeforeAll
  static void startPrism() throws Exception {
    prism = PrismMock.start(Locations.spec("qoder.yaml"));
    client = QoderClient.builder().token("qoder-contract-test-pat").baseUrl(prism.baseUrl())
        .httpClient(prism.client()).strictDecoding(true).noRetries().build();
  }

  @AfterAll
  static void everyOperationWasCalledWithEveryParameter() {
    PrismMock.finishSuite(prism);
  }

  @Test
  void eventsWithLimitAndAfterIdDecodeTheDocumentedPageStrictly() {
    SessionEventList page = client.sessions().events(SESSION,
        EventListParams.builder().limit(5).afterId("evt_019e392c0d787cfaa21bda98e06cd913").build());

    assertDocumentedPage(page);
    assertEquals(Map.of("after_id", "evt_019e392c0d787cfaa21bda98e06cd913", "limit", "5").keySet(),
        prism.lastExchange().query());
  }

  @Test
  void eventsWithBeforeIdDecodeStrictly() {
    SessionEventList page = client.sessions().events(SESSION,
        EventListParams.builder().limit(100).beforeId("evt_771c1195bcbd4a07834d4ed4dd6450ca").build());

    assertDocumentedPage(page);
    assertEquals(java.util.Set.of("before_id", "limit"), prism.lastExchange().query());
  }

  @Test
  void eventsWithoutParametersAsyncAndRawDecodeStrictly() throws Exception {
    assertDocumentedPage(client.sessions().events(SESSION));
    assertDocumentedPage(client.sessions().eventsAsync(SESSION, EventListParams.NONE).get());
    RawResponse<SessionEventList> raw = client.sessions().withRawResponse().events(SESSION, EventListParams.NONE);

    assertEquals(200, raw.status());
    assertDocumentedPage(raw.body());
    assertEquals("/sessions/" + SESSION + "/events", prism.lastExchange().path());
  }

  @Test
  void streamingEventsDecodesTheFirstPageStrictly() {
    List<SessionEvent> events = client.sessions().streamEvents(SESSION, EventListParams.builder().limit(2).build())
        .limit(2).toList();

    assertInstanceOf(UserMessageEvent.class, events.get(0));
    assertInstanceOf(SessionStatusRescheduledEvent.class, events.get(1));
  }

  @Test
  void prismRejectsALimitThatIsNotAnInteger() throws Exception {
    PrismMock.Exchange exchange = prism.rawGet("sessions/" + SESSION + "/events?limit=five",
        Map.of("Authorization", "Bearer qoder-contract-test-pat"));

    assertEquals(400, exchange.status());
    assertTrue(exchange.violations().contains("limit must be integer"), exchange.violations());
  }

  @Test
  void prismRejectsALimitAboveTheMaximum() throws Exception {
    PrismMock.Exchange exchange = prism.rawGet("sessions/" + SESSION + "/events?limit=101",
        Map.of("Authorization", "Bearer qoder-contract-test-pat"));

    assertEquals(400, exchange.status());
    assertTrue(exchange.violations().contains("limit must be <= 100"), exchange.violations());
  }

  @Test
  void prismAnswers401WithoutTheBearerToken() throws Exception {
    PrismMock.Exchange exchange = prism.rawGet("sessions/" + SESSION + "/events", Map.of());

    assertEquals(401, exchange.status());
    assertTrue(exchange.violations().contains("Invalid security scheme used"), exchange.violations());
  }

  private static void assertDocumentedPage(SessionEventList page) {
    assertEquals(2, page.data().size());
    UserMessageEvent first = assertInstanceOf(UserMessageEvent.class, page.data().get(0));
    assertEquals("Hello, this is a test message.", first.content());
    assertEquals(888851795, first.createdAt().getNano());
    assertInstanceOf(SessionStatusRescheduledEvent.class, page.data().get(1));
    assertEquals("evt_771c1195bcbd4a07834d4ed4dd6450ca", page.lastId());
    assertTrue(page.hasMore());
  }
}
