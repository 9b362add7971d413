package dev.sessionkit.pipecat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Arguments that break the spec's patterns are refused before any request is sent. */
class ArgumentValidationTest {
  /** The spec's pattern for sessionId, spelled out so that a change to it shows up here. */
  private static final String UUID_PATTERN =
      "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

  private final MockWebServer server = new MockWebServer();
  private SessionsService sessions;

  @BeforeEach
  void start() throws Exception {
    server.start();
    sessions = Fixtures.clientFor(server).build().sessions();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void agentNameWithASlashIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> sessions.get("team/agent", Fixtures.SESSION_ID));

    assertEquals("agentName must match ^[^/]+$ (got \"team/agent\")", e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void emptyAgentNameIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> sessions.get("", Fixtures.SESSION_ID));

    assertEquals("agentName must match ^[^/]+$ (got \"\")", e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void nullAgentNameIsRefused() {
    NullPointerException e = assertThrows(NullPointerException.class, () -> sessions.get(null, Fixtures.SESSION_ID));

    assertEquals("agentName == null", e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void dotDotAgentNameIsRefusedAsPathTraversal() {
    assertThrows(IllegalArgumentException.class, () -> sessions.get("..", Fixtures.SESSION_ID));

    assertEquals(0, server.getRequestCount());
  }

  @Test
  void sessionIdThatIsNotAUuidIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> sessions.get(Fixtures.AGENT, "sess_123"));

    assertEquals("sessionId must match " + UUID_PATTERN + " (got \"sess_123\")", e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void uuidWithoutHyphensIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> sessions.get(Fixtures.AGENT, "800d444ae67e4686afb3b0de509cccb3"));

    assertEquals(0, server.getRequestCount());
  }

  @Test
  void upperCaseUuidIsAcceptedAndSentAsGiven() throws Exception {
    server.enqueue(Fixtures.json(200, Fixtures.read("get-session-example.json")));

    sessions.get(Fixtures.AGENT, Fixtures.SESSION_ID.toUpperCase(Locale.ROOT));

    RecordedRequest request = server.takeRequest();
    assertEquals(Fixtures.SESSION_PATH.replace(Fixtures.SESSION_ID, Fixtures.SESSION_ID.toUpperCase(Locale.ROOT)),
        request.getTarget());
    assertEquals("Bearer " + Fixtures.API_KEY, request.getHeaders().get("Authorization"));
  }

  @Test
  void asyncGetFailsTheFutureInsteadOfSending() {
    CompletableFuture<?> future = sessions.getAsync(Fixtures.AGENT, "not-a-uuid");

    ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
    assertInstanceOf(IllegalArgumentException.class, e.getCause());
    assertEquals(0, server.getRequestCount());
  }
}
