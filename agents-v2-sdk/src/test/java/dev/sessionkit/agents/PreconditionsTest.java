package dev.sessionkit.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.ExecutionException;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Keys that do not match the OAS's patterns (letters, digits, {@code _} and {@code -}, 1 to 50 of
 * them; no prefix) and limits outside 1..100 are refused before any request.
 */
class PreconditionsTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  private SessionsService sessions;

  @BeforeEach
  void setUp() {
    sessions = Fixtures.client(server, false).sessions();
  }


  @Test
  void anAgentKeyOutsideTheOasAlphabetIsRefusedNamingTheRule() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> sessions.events("customer.support", Fixtures.SESSION_KEY));

    assertEquals("agentKey must match ^[0-9a-zA-Z_-]{1,50}$ (got \"customer.support\")", e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aSessionKeyLongerThanFiftyIsRefused() {
    String longKey = "s".repeat(51);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> sessions.events(Fixtures.AGENT_KEY, longKey));

    assertEquals("sessionKey must match ^[0-9a-zA-Z_-]{1,50}$ (got \"" + longKey + "\")", e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void unprefixedKeysAreAcceptedAsTheOasSays() throws Exception {
    server.enqueue(Fixtures.json("{\"events\":[],\"metadata\":{}}"));

    sessions.events("customer_support", "support_session_12345");

    assertEquals("/v2/agents/customer_support/sessions/support_session_12345/events", server.takeRequest().getTarget());
  }

  @Test
  void keysThatWouldChangeThePathAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> sessions.events("agt_a/../agt_b", Fixtures.SESSION_KEY));
    assertThrows(IllegalArgumentException.class, () -> sessions.events(Fixtures.AGENT_KEY, "ase_1?limit=1"));
    assertThrows(IllegalArgumentException.class, () -> sessions.events("agt a", Fixtures.SESSION_KEY));
    assertThrows(NullPointerException.class, () -> sessions.events(null, Fixtures.SESSION_KEY));

    assertEquals(0, server.getRequestCount());
  }

  @Test
  void limitOutsideOneToHundredIsRefused() {
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> EventListParams.builder().limit(0).build());
    IllegalArgumentException over = assertThrows(IllegalArgumentException.class,
        () -> new EventListParams(101, null, null, null, null));

    assertEquals("limit must be between 1 and 100 (got 0)", zero.getMessage());
    assertEquals("limit must be between 1 and 100 (got 101)", over.getMessage());
    assertEquals(100, EventListParams.builder().limit(100).build().limit());
    assertEquals(1, EventListParams.builder().limit(1).build().limit());
  }

  @Test
  void blankPageKeyIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> EventListParams.builder().pageKey(" ").build());
  }

  @Test
  void autoPagingChecksKeysWhenCreatedNotWhenIterated() {
    assertThrows(IllegalArgumentException.class, () -> sessions.iterateEvents("agent/x", Fixtures.SESSION_KEY));
    assertThrows(IllegalArgumentException.class, () -> sessions.iterateEvents(Fixtures.AGENT_KEY, "session?x"));

    assertEquals(0, server.getRequestCount());
  }

  @Test
  void asyncFormFailsItsFutureOnInvalidKeysWithoutARequest() {
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> sessions.eventsAsync("agent/x", Fixtures.SESSION_KEY, EventListParams.NONE).get());

    assertInstanceOf(IllegalArgumentException.class, e.getCause());
    assertEquals(0, server.getRequestCount());
  }
}
