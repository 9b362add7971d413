package dev.sessionkit.qoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.qoder.model.AgentMessageEvent;
import dev.sessionkit.qoder.model.RetryStatusType;
import dev.sessionkit.qoder.model.SessionErrorEvent;
import dev.sessionkit.qoder.model.SessionErrorType;
import dev.sessionkit.qoder.model.SessionEventList;
import dev.sessionkit.qoder.model.SessionStatus;
import dev.sessionkit.qoder.model.SessionStatusIdleEvent;
import dev.sessionkit.qoder.model.SessionStatusRescheduledEvent;
import dev.sessionkit.qoder.model.StopReasonType;
import dev.sessionkit.qoder.model.TextBlock;
import dev.sessionkit.qoder.model.UserMessageContent;
import dev.sessionkit.qoder.model.UserMessageEvent;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seed page's examples (shared/seeds/001_dc46828c05a92ec6.txt) decode field for field, strictly. */
class SeedExampleDecodingTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  private QoderClient client;

  @BeforeEach
  void buildClient() {
    client = QoderClient.builder().token("pt-test-token").baseUrl(server.url("/api/v1/cloud/").toString())
        .strictDecoding(true).build();
  }

  @Test
  void documentedExamplePageDecodesFieldForField() throws Exception {
    server.enqueue(new MockResponse.Builder().body(Fixtures.read("list-events-example.json")).build());

    SessionEventList page = client.sessions().events(Fixtures.SESSION_ID, EventListParams.builder().limit(5).build());

    RecordedRequest request = server.takeRequest();
    assertEquals("GET", request.getMethod());
    assertEquals("/api/v1/cloud/sessions/sess_019e392c0d1e74e095d21ea4c6b41def/events?limit=5", request.getTarget());
    assertEquals("Bearer pt-test-token", request.getHeaders().get("Authorization"));

    assertEquals(2, page.data().size());
    assertEquals("evt_019e392c0d787cfaa21bda98e06cd913", page.firstId());
    assertEquals("evt_771c1195bcbd4a07834d4ed4dd6450ca", page.lastId());
    assertEquals(Boolean.TRUE, page.hasMore());

    UserMessageEvent first = assertInstanceOf(UserMessageEvent.class, page.data().get(0));
    assertEquals("evt_019e392c0d787cfaa21bda98e06cd913", first.id());
    assertEquals("user.message", first.type());
    assertEquals(new UserMessageContent.OfString("Hello, this is a test message."), first.content());
    assertEquals(Fixtures.SESSION_ID, first.sessionId());
    assertEquals("turn_019e392c0d787ceea6bb62943f9ac3ec", first.turnId());
    assertEquals("1.0", first.schemaVersion());
    OffsetDateTime nanos = OffsetDateTime.of(2026, 5, 18, 3, 40, 48, 888_851_795, ZoneOffset.UTC);
    assertEquals(nanos, first.createdAt());
    assertEquals(nanos, first.processedAt());

    SessionStatusRescheduledEvent second = assertInstanceOf(SessionStatusRescheduledEvent.class, page.data().get(1));
    assertEquals("evt_771c1195bcbd4a07834d4ed4dd6450ca", second.id());
    assertEquals("session.status_rescheduled", second.type());
    assertEquals("turn_019e392c0d787ceea6bb62943f9ac3ec", second.turnId());
    OffsetDateTime millis = OffsetDateTime.of(2026, 5, 18, 3, 40, 50, 321_000_000, ZoneOffset.UTC);
    assertEquals(millis, second.createdAt());
    assertEquals(millis, second.processedAt());
  }

  @Test
  void agentMessageContentBlocksDecode() throws Exception {
    String event = Fixtures.event("evt_a", "{\"type\":\"agent.message\","
        + Fixtures.read("agent-message-content.json").strip().substring(1));
    server.enqueue(new MockResponse.Builder().body(Fixtures.page(false, "evt_a", "evt_a", event)).build());

    AgentMessageEvent message = assertInstanceOf(AgentMessageEvent.class,
        client.sessions().events(Fixtures.SESSION_ID).data().get(0));

    assertEquals("/api/v1/cloud/sessions/" + Fixtures.SESSION_ID + "/events", server.takeRequest().getTarget());
    TextBlock text = assertInstanceOf(TextBlock.class, message.content().get(0));
    assertEquals("text", text.type());
    assertEquals("The agent's reply text.", text.text());
  }

  @Test
  void sessionStatusIdleUsageAndStopReasonDecode() throws Exception {
    String event = Fixtures.event("evt_i", Fixtures.read("session-status-idle-fields.json"));
    server.enqueue(new MockResponse.Builder().body(Fixtures.page(false, "evt_i", "evt_i", event)).build());

    SessionStatusIdleEvent idle = assertInstanceOf(SessionStatusIdleEvent.class,
        client.sessions().events(Fixtures.SESSION_ID).data().get(0));

    assertEquals("/api/v1/cloud/sessions/" + Fixtures.SESSION_ID + "/events", server.takeRequest().getTarget());
    assertEquals(SessionStatus.IDLE, idle.status());
    assertEquals(150L, idle.usage().inputTokens());
    assertEquals(42L, idle.usage().outputTokens());
    assertEquals(0L, idle.usage().cacheReadInputTokens());
    assertEquals(0L, idle.usage().cacheCreationInputTokens());
    assertEquals(StopReasonType.END_TURN, idle.stopReason().type());
    assertEquals(StopReasonType.Known.END_TURN, idle.stopReason().type().known().orElseThrow());
  }

  @Test
  void sessionErrorErrorDetailsAndRetryStatusDecode() throws Exception {
    String event = Fixtures.event("evt_e", Fixtures.read("session-error-format.json"));
    server.enqueue(new MockResponse.Builder().body(Fixtures.page(false, "evt_e", "evt_e", event)).build());

    SessionErrorEvent error = assertInstanceOf(SessionErrorEvent.class,
        client.sessions().events(Fixtures.SESSION_ID).data().get(0));

    assertEquals("/api/v1/cloud/sessions/" + Fixtures.SESSION_ID + "/events", server.takeRequest().getTarget());
    assertEquals("The operation was aborted due to timeout", error.error().message());
    assertEquals(SessionErrorType.UNKNOWN_ERROR, error.error().type());
    assertEquals("The operation was aborted due to timeout", error.details().message());
    assertEquals("TimeoutError", error.details().name());
    assertEquals(RetryStatusType.EXHAUSTED, error.retryStatus().type());
    assertTrue(error.retryStatus().type().isKnown());
    assertNull(error.processedAt());
  }
}
