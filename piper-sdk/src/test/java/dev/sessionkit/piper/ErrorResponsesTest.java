package dev.sessionkit.piper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.errors.AuthenticationException;
import dev.sessionkit.errors.NotFoundException;
import dev.sessionkit.errors.UnprocessableEntityException;
import dev.sessionkit.piper.model.ScenarioRunDetail;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Piper's FastAPI error bodies become the typed exceptions with their messages, and ids that are
 * not UUIDs are refused before any request. The {@code detail} strings are illustrative: the pages
 * document the shapes ({@code {"detail": "..."}}, the 422 list), not the wording.
 */
class ErrorResponsesTest {
  private static final String PYDANTIC_422 = "{\"detail\":[{\"type\":\"uuid_parsing\",\"loc\":[\"path\",\"session_id\"],"
      + "\"msg\":\"Input should be a valid UUID, invalid length: expected length 32 for simple format, found 3\","
      + "\"input\":\"abc\",\"ctx\":{\"error\":\"invalid length: expected length 32 for simple format, found 3\"}}]}";

  private final MockWebServer server = new MockWebServer();
  private PiperClient client;

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = Fixtures.clientFor(server).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void unauthorizedSessionEventsThrowAuthenticationException() throws Exception {
    server.enqueue(Fixtures.json(401, "{\"detail\":\"Invalid or expired token\"}"));

    AuthenticationException e = assertThrows(AuthenticationException.class,
        () -> client.sessions().events(Fixtures.ORG_ID, Fixtures.SESSION_ID));

    RecordedRequest request = server.takeRequest();
    assertEquals(Fixtures.EVENTS_PATH, request.getTarget());
    assertEquals("Bearer " + Fixtures.TOKEN, request.getHeaders().get("Authorization"));
    assertEquals(401, e.status());
    assertEquals("Invalid or expired token", e.errorMessage());
    assertNull(e.errorCode());
    assertEquals("HTTP 401: Invalid or expired token", e.getMessage());
  }

  @Test
  void unauthorizedScenarioRunThrowsAuthenticationException() throws Exception {
    server.enqueue(Fixtures.json(401, "{\"detail\":\"Not authenticated\"}"));

    AuthenticationException e = assertThrows(AuthenticationException.class,
        () -> client.scenarioRuns().bySession(Fixtures.ORG_ID, Fixtures.SESSION_ID));

    assertEquals(Fixtures.SCENARIO_RUN_PATH, server.takeRequest().getTarget());
    assertEquals("Not authenticated", e.errorMessage());
  }

  @Test
  void missingSessionThrowsNotFoundException() throws Exception {
    server.enqueue(Fixtures.json(404, "{\"detail\":\"Session not found\"}"));

    NotFoundException e = assertThrows(NotFoundException.class,
        () -> client.sessions().events(Fixtures.ORG_ID, Fixtures.SESSION_ID));

    RecordedRequest request = server.takeRequest();
    assertEquals(Fixtures.EVENTS_PATH, request.getTarget());
    assertEquals("Bearer " + Fixtures.TOKEN, request.getHeaders().get("Authorization"));
    assertEquals(404, e.status());
    assertEquals("Session not found", e.errorMessage());
    assertEquals("HTTP 404: Session not found", e.getMessage());
  }

  @Test
  void sessionWithoutScenarioRunThrowsNotFoundException() throws Exception {
    server.enqueue(Fixtures.json(404, "{\"detail\":\"Scenario run not found for this session\"}"));

    NotFoundException e = assertThrows(NotFoundException.class,
        () -> client.scenarioRuns().bySession(Fixtures.ORG_ID, Fixtures.SESSION_ID));

    RecordedRequest request = server.takeRequest();
    assertEquals(Fixtures.SCENARIO_RUN_PATH, request.getTarget());
    assertEquals("Bearer " + Fixtures.TOKEN, request.getHeaders().get("Authorization"));
    assertEquals("Scenario run not found for this session", e.errorMessage());
  }

  @Test
  void findBySessionIsEmptyWhenNoScenarioRunExists() throws Exception {
    server.enqueue(Fixtures.json(404, "{\"detail\":\"Scenario run not found for this session\"}"));

    Optional<ScenarioRunDetail> run = client.scenarioRuns().findBySession(Fixtures.ORG_ID, Fixtures.SESSION_ID);

    RecordedRequest request = server.takeRequest();
    assertEquals(Fixtures.SCENARIO_RUN_PATH, request.getTarget());
    assertEquals("Bearer " + Fixtures.TOKEN, request.getHeaders().get("Authorization"));
    assertTrue(run.isEmpty());
  }

  @Test
  void findBySessionReturnsTheRunWhenOneExists() throws Exception {
    server.enqueue(Fixtures.json(200, Fixtures.scenarioRun()));

    Optional<ScenarioRunDetail> run = client.scenarioRuns().findBySession(Fixtures.ORG_ID, Fixtures.SESSION_ID);

    assertEquals(Fixtures.SCENARIO_RUN_PATH, server.takeRequest().getTarget());
    assertEquals(Fixtures.SEED_ID, run.orElseThrow().id());
  }

  @Test
  void findBySessionStillThrowsOtherErrors() throws Exception {
    server.enqueue(Fixtures.json(401, "{\"detail\":\"Invalid or expired token\"}"));

    assertThrows(AuthenticationException.class,
        () -> client.scenarioRuns().findBySession(Fixtures.ORG_ID, Fixtures.SESSION_ID));

    assertEquals(Fixtures.SCENARIO_RUN_PATH, server.takeRequest().getTarget());
  }

  @Test
  void validationErrorThrowsUnprocessableEntityWithReadableMessage() throws Exception {
    server.enqueue(Fixtures.json(422, PYDANTIC_422));

    UnprocessableEntityException e = assertThrows(UnprocessableEntityException.class,
        () -> client.sessions().events(Fixtures.ORG_ID, Fixtures.SESSION_ID));

    RecordedRequest request = server.takeRequest();
    assertEquals(Fixtures.EVENTS_PATH, request.getTarget());
    assertEquals("Bearer " + Fixtures.TOKEN, request.getHeaders().get("Authorization"));
    assertEquals(422, e.status());
    assertEquals("uuid_parsing", e.errorCode());
    assertEquals("path.session_id: Input should be a valid UUID, invalid length: expected length 32 for simple"
        + " format, found 3", e.errorMessage());
    assertTrue(e.getMessage().startsWith("HTTP 422 uuid_parsing: path.session_id: Input should be a valid UUID"),
        e.getMessage());
    assertEquals(PYDANTIC_422, e.body());
  }

  @Test
  void documentedValidationExampleThrowsUnprocessableEntity() throws Exception {
    server.enqueue(Fixtures.json(422, Fixtures.read("validation-error-example.json")));

    UnprocessableEntityException e = assertThrows(UnprocessableEntityException.class,
        () -> client.scenarioRuns().bySession(Fixtures.ORG_ID, Fixtures.SESSION_ID));

    assertEquals(Fixtures.SCENARIO_RUN_PATH, server.takeRequest().getTarget());
    assertEquals("<string>", e.errorCode());
    assertEquals("<string>: <string>", e.errorMessage());
  }

  @Test
  void requestIdHeaderIsKeptOnTheException() throws Exception {
    server.enqueue(new MockResponse.Builder().code(404).addHeader("x-request-id", "req-42")
        .body("{\"detail\":\"Session not found\"}").build());

    NotFoundException e = assertThrows(NotFoundException.class,
        () -> client.sessions().events(Fixtures.ORG_ID, Fixtures.SESSION_ID));

    assertEquals(Fixtures.EVENTS_PATH, server.takeRequest().getTarget());
    assertEquals("req-42", e.requestId());
  }

  @Test
  void nonUuidSessionIdIsRefusedBeforeAnyRequest() {
    IllegalArgumentException events = assertThrows(IllegalArgumentException.class,
        () -> client.sessions().events(Fixtures.ORG_ID, "sess_123"));
    IllegalArgumentException scenario = assertThrows(IllegalArgumentException.class,
        () -> client.scenarioRuns().bySession(Fixtures.ORG_ID, "../sessions"));
    IllegalArgumentException find = assertThrows(IllegalArgumentException.class,
        () -> client.scenarioRuns().findBySession(Fixtures.ORG_ID, "3c90c3cc0d444b5088888dd25736052a"));

    assertEquals(0, server.getRequestCount());
    assertTrue(events.getMessage().startsWith("sessionId must match ^[0-9a-fA-F]{8}-"), events.getMessage());
    assertTrue(events.getMessage().endsWith("(got \"sess_123\")"), events.getMessage());
    assertTrue(scenario.getMessage().startsWith("sessionId must match"), scenario.getMessage());
    assertTrue(find.getMessage().startsWith("sessionId must match"), find.getMessage());
  }

  @Test
  void nonUuidOrgIdIsRefusedBeforeAnyRequest() {
    IllegalArgumentException events = assertThrows(IllegalArgumentException.class,
        () -> client.sessions().events("acme", Fixtures.SESSION_ID));
    IllegalArgumentException scenario = assertThrows(IllegalArgumentException.class,
        () -> client.scenarioRuns().bySession("acme", Fixtures.SESSION_ID));

    assertEquals(0, server.getRequestCount());
    assertTrue(events.getMessage().startsWith("orgId must match"), events.getMessage());
    assertTrue(scenario.getMessage().startsWith("orgId must match"), scenario.getMessage());
  }

  @Test
  void nullIdIsRefusedBeforeAnyRequest() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> client.sessions().events(Fixtures.ORG_ID, null));

    assertEquals(0, server.getRequestCount());
    assertEquals("sessionId == null", e.getMessage());
  }

  @Test
  void asyncCallsFailWithTheSameExceptions() throws Exception {
    server.enqueue(Fixtures.json(404, "{\"detail\":\"Scenario run not found for this session\"}"));

    CompletableFuture<ScenarioRunDetail> missing =
        client.scenarioRuns().bySessionAsync(Fixtures.ORG_ID, Fixtures.SESSION_ID);
    ExecutionException notFound = assertThrows(ExecutionException.class, missing::get);
    ExecutionException invalid = assertThrows(ExecutionException.class,
        () -> client.sessions().eventsAsync(Fixtures.ORG_ID, "nope").get());

    assertEquals(Fixtures.SCENARIO_RUN_PATH, server.takeRequest().getTarget());
    assertEquals(1, server.getRequestCount());
    assertInstanceOf(NotFoundException.class, notFound.getCause());
    assertInstanceOf(IllegalArgumentException.class, invalid.getCause());
  }
}
