package dev.sessionkit.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.ExecutionException;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keys that do not match the spec's patterns and limits outside 1..100 are refused before any request. */
class PreconditionsTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  private SessionsService sessions;

  @BeforeEach
  void setUp() {
    sessions = Fixtures.client(server, false).sessions();
  }


  @Test
  void agentKeyWithoutTheAgtPrefixIsRefusedNamingTheRule() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> sessions.events("customer_support", Fixtures.SESSION_KEY));

    assertEquals("agentKey must match ^agt_[0-9a-zA-Z_-]+$ (got \"customer_support\")", e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void sessionKeyWithoutTheAsePrefixIsRefusedNamingTheRule() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> sessions.events(Fixtures.AGENT_KEY, "sess_001"));

    assertEquals("sessionKey must match ^ase_[0-9a-zA-Z_-]+$ (got \"sess_001\")", e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void keysThatWouldChangeThePathAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> sessions.events("agt_a/../agt_b", Fixtures.SESSION_KEY));
    assertThrows(IllegalArgumentException.class, () -> sessions.events(Fixtures.AGENT_KEY, "ase_1?limit=1"));
    assertThrows(IllegalArgumentException.class, () -> sessions.events("xagt_a", Fixtures.SESSION_KEY));
    assertThrows(NullPointerException.class, () -> sessions.events(null, Fixtures.SESSION_KEY));

    assertEquals(0, server.getRequestCount());
  }

  @Test
  void limitOutsideOneToHundredIsRefused() {
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> EventListParams.builder().limit(0).build());
    IllegalArgumentException over = assertThrows(IllegalArgumentException.class,
        () -> new EventListParams(101, null));

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
    assertThrows(IllegalArgumentException.class, () -> sessions.iterateEvents("agent", Fixtures.SESSION_KEY));
    assertThrows(IllegalArgumentException.class, () -> sessions.iterateEvents(Fixtures.AGENT_KEY, "session"));

    assertEquals(0, server.getRequestCount());
  }

  @Test
  void asyncFormFailsItsFutureOnInvalidKeysWithoutARequest() {
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> sessions.eventsAsync("agent", Fixtures.SESSION_KEY, EventListParams.NONE).get());

    assertInstanceOf(IllegalArgumentException.class, e.getCause());
    assertEquals(0, server.getRequestCount());
  }
}
