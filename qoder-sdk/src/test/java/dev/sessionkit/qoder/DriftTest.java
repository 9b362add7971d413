package dev.sessionkit.qoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.errors.DecodingException;
import dev.sessionkit.qoder.model.AgentMessageEvent;
import dev.sessionkit.qoder.model.ContentBlock;
import dev.sessionkit.qoder.model.SessionErrorEvent;
import dev.sessionkit.qoder.model.SessionEvent;
import dev.sessionkit.qoder.model.SessionStatusIdleEvent;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Drift never breaks lenient decoding and never loses data; strict decoding names it by JSON path. */
class DriftTest {
  private static final String UNKNOWN_EVENT = "{\"id\":\"evt_new\",\"type\":\"agent.plan_updated\",\"session_id\":\""
      + Fixtures.SESSION_ID + "\",\"created_at\":\"2026-05-18T03:40:48Z\",\"tool_input\":{\"n\":12345678901234567890}}";
  private static final String UNKNOWN_BLOCK = Fixtures.event("evt_b", "{\"type\":\"agent.message\",\"content\":["
      + "{\"type\":\"text\",\"text\":\"hi\"},{\"type\":\"image\",\"source\":{\"url\":\"https://x\"}}]}");
  private static final String UNKNOWN_STOP_REASON = Fixtures.event("evt_s", "{\"type\":\"session.status_idle\","
      + "\"status\":\"idle\",\"stop_reason\":{\"type\":\"requires_action\",\"event_ids\":[\"evt_1\"]}}");
  private static final String UNKNOWN_RETRY_STATUS = Fixtures.event("evt_r", "{\"type\":\"session.error\","
      + "\"error\":{\"message\":\"m\",\"type\":\"unknown_error\"},\"retry_status\":{\"type\":\"retrying\"}}");
  private static final String UNKNOWN_FIELD = Fixtures.event("evt_f", "{\"type\":\"user.message\",\"content\":\"x\","
      + "\"mood\":\"curious\"}");

  @StartStop private final MockWebServer server = new MockWebServer();

  private SessionEvent decodeOne(String event, boolean strict) throws Exception {
    server.enqueue(new MockResponse.Builder().body(Fixtures.page(false, "evt_x", "evt_x", event)).build());
    QoderClient client = QoderClient.builder().token("pt-t").baseUrl(server.url("/").toString())
        .strictDecoding(strict).build();
    try {
      return client.sessions().events(Fixtures.SESSION_ID).data().get(0);
    } finally {
      assertEquals("/sessions/" + Fixtures.SESSION_ID + "/events", server.takeRequest().getTarget());
    }
  }

  @Test
  void unknownEventTypeKeepsItsTypeAndRawJson() throws Exception {
    SessionEvent.Unknown unknown = assertInstanceOf(SessionEvent.Unknown.class, decodeOne(UNKNOWN_EVENT, false));
    assertEquals("agent.plan_updated", unknown.type());
    assertEquals(UNKNOWN_EVENT, unknown.raw().json());
    assertTrue(unknown.raw().isObject());
  }

  @Test
  void strictModeRejectsUnknownEventTypeNamingItsPath() {
    DecodingException e = assertThrows(DecodingException.class, () -> decodeOne(UNKNOWN_EVENT, true));
    assertTrue(e.getMessage().contains("\"agent.plan_updated\" at $.data[0]"), e.getMessage());
  }

  @Test
  void unknownContentBlockTypeKeepsItsRawJson() throws Exception {
    AgentMessageEvent message = assertInstanceOf(AgentMessageEvent.class, decodeOne(UNKNOWN_BLOCK, false));
    ContentBlock.Unknown image = assertInstanceOf(ContentBlock.Unknown.class, message.content().get(1));
    assertEquals("image", image.type());
    assertEquals("{\"type\":\"image\",\"source\":{\"url\":\"https://x\"}}", image.raw().json());
  }

  @Test
  void strictModeRejectsUnknownContentBlockNamingItsPath() {
    DecodingException e = assertThrows(DecodingException.class, () -> decodeOne(UNKNOWN_BLOCK, true));
    assertTrue(e.getMessage().contains("\"image\" at $.data[0].content[1]"), e.getMessage());
  }

  @Test
  void unknownStopReasonTypeKeepsItsValue() throws Exception {
    SessionStatusIdleEvent idle = assertInstanceOf(SessionStatusIdleEvent.class, decodeOne(UNKNOWN_STOP_REASON, false));
    assertEquals("requires_action", idle.stopReason().type().value());
    assertFalse(idle.stopReason().type().isKnown());
    assertTrue(idle.stopReason().type().known().isEmpty());
  }

  @Test
  void strictModeRejectsUnknownStopReasonNamingItsPath() {
    DecodingException e = assertThrows(DecodingException.class, () -> decodeOne(UNKNOWN_STOP_REASON, true));
    assertTrue(e.getMessage().contains("\"requires_action\" at $.data[0].stop_reason.type"), e.getMessage());
  }

  @Test
  void unknownEnumValueKeepsItsValue() throws Exception {
    SessionErrorEvent error = assertInstanceOf(SessionErrorEvent.class, decodeOne(UNKNOWN_RETRY_STATUS, false));
    assertEquals("retrying", error.retryStatus().type().value());
    assertFalse(error.retryStatus().type().isKnown());
  }

  @Test
  void strictModeRejectsUnknownEnumValueNamingItsPath() {
    DecodingException e = assertThrows(DecodingException.class, () -> decodeOne(UNKNOWN_RETRY_STATUS, true));
    assertTrue(e.getMessage().contains("\"retrying\" at $.data[0].retry_status.type"), e.getMessage());
  }

  @Test
  void unknownFieldIsIgnoredLeniently() throws Exception {
    assertInstanceOf(dev.sessionkit.qoder.model.UserMessageEvent.class, decodeOne(UNKNOWN_FIELD, false));
  }

  @Test
  void strictModeRejectsUnknownFieldNamingItsPath() {
    DecodingException e = assertThrows(DecodingException.class, () -> decodeOne(UNKNOWN_FIELD, true));
    assertTrue(e.getMessage().contains("$.data[0].mood"), e.getMessage());
  }

  @Test
  void unknownVariantRoundTripsByteForByte() throws Exception {
    SessionEvent unknown = decodeOne(UNKNOWN_EVENT, false);
    String json = dev.sessionkit.core.json.SessionkitMoshi.moshi().adapter(SessionEvent.class).toJson(unknown);
    assertEquals(UNKNOWN_EVENT, json);
    Object value = ((SessionEvent.Unknown) unknown).raw().toJavaValue();
    assertEquals("agent.plan_updated", ((Map<?, ?>) value).get("type"));
  }
}
