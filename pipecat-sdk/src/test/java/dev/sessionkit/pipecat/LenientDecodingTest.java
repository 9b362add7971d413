package dev.sessionkit.pipecat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.errors.DecodingException;
import dev.sessionkit.pipecat.model.CompletionStatus;
import dev.sessionkit.pipecat.model.SessionDetails;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the page allows beyond its example: null fields, no metrics, no meetings, other completion statuses. */
class LenientDecodingTest {
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void nullFieldsMissingMetricsAndUnknownStatusDecodeLeniently() throws Exception {
    server.enqueue(Fixtures.json(200, Fixtures.read("session-nullable-fields.json")));

    SessionDetails session = Fixtures.clientFor(server).build().sessions().get(Fixtures.AGENT, Fixtures.SESSION_ID);

    RecordedRequest request = server.takeRequest();
    assertEquals(Fixtures.SESSION_PATH, request.getTarget());
    assertEquals("Bearer " + Fixtures.API_KEY, request.getHeaders().get("Authorization"));
    assertEquals(Fixtures.SESSION_ID, session.sessionId());
    assertNull(session.endedAt());
    assertNull(session.botStartSeconds());
    assertNull(session.coldStart(), "an unknown cold start stays null, not false");
    assertNull(session.resourceMetrics());
    assertTrue(ResourceSamples.of(session).isEmpty());
    assertTrue(session.meetingIds().isEmpty());
    CompletionStatus status = session.completionStatus();
    assertEquals("BOT_SHUTDOWN_TIMEOUT", status.value());
    assertFalse(status.isKnown());
    assertTrue(status.known().isEmpty());
  }

  @Test
  void strictDecodingNamesTheUnknownCompletionStatus() throws Exception {
    server.enqueue(Fixtures.json(200, Fixtures.read("session-nullable-fields.json")));
    PipecatClient strict = Fixtures.clientFor(server).strictDecoding(true).build();

    DecodingException e = assertThrows(DecodingException.class,
        () -> strict.sessions().get(Fixtures.AGENT, Fixtures.SESSION_ID));

    assertEquals(Fixtures.SESSION_PATH, server.takeRequest().getTarget());
    assertTrue(e.getMessage().contains("Unknown CompletionStatus value \"BOT_SHUTDOWN_TIMEOUT\" at $.completionStatus"),
        e.getMessage());
    assertEquals(200, e.status());
  }

  @Test
  void nullCompletionStatusDecodesAsNullEvenStrictly() throws Exception {
    String body = Fixtures.read("session-nullable-fields.json")
        .replace("\"BOT_SHUTDOWN_TIMEOUT\"", "null");
    server.enqueue(Fixtures.json(200, body));

    SessionDetails session = Fixtures.clientFor(server).strictDecoding(true).build()
        .sessions().get(Fixtures.AGENT, Fixtures.SESSION_ID);

    assertEquals(Fixtures.SESSION_PATH, server.takeRequest().getTarget());
    assertNull(session.completionStatus());
  }

  @Test
  void completionStatusSentAsAnHttpReturnCodeNumberIsKept() throws Exception {
    String body = Fixtures.read("session-nullable-fields.json")
        .replace("\"BOT_SHUTDOWN_TIMEOUT\"", "500");
    server.enqueue(Fixtures.json(200, body));

    SessionDetails session = Fixtures.clientFor(server).build().sessions().get(Fixtures.AGENT, Fixtures.SESSION_ID);

    assertEquals(Fixtures.SESSION_PATH, server.takeRequest().getTarget());
    assertEquals("500", session.completionStatus().value());
    assertFalse(session.completionStatus().isKnown());
  }

  @Test
  void coldStartFalseStaysFalse() throws Exception {
    String body = Fixtures.read("session-nullable-fields.json")
        .replace("\"coldStart\": null", "\"coldStart\": false");
    server.enqueue(Fixtures.json(200, body));

    SessionDetails session = Fixtures.clientFor(server).build().sessions().get(Fixtures.AGENT, Fixtures.SESSION_ID);

    assertEquals(Fixtures.SESSION_PATH, server.takeRequest().getTarget());
    assertEquals(Boolean.FALSE, session.coldStart());
  }

  @Test
  void missingMeetingIdsDecodeAsAnEmptyList() throws Exception {
    String body = Fixtures.read("session-nullable-fields.json")
        .replace(",\n  \"meetingIds\": []", "");
    assertFalse(body.contains("meetingIds"));
    server.enqueue(Fixtures.json(200, body));

    SessionDetails session = Fixtures.clientFor(server).build().sessions().get(Fixtures.AGENT, Fixtures.SESSION_ID);

    assertEquals(Fixtures.SESSION_PATH, server.takeRequest().getTarget());
    assertTrue(session.meetingIds().isEmpty());
  }
}
