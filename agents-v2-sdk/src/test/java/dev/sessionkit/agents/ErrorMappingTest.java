package dev.sessionkit.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.agents.model.AgentOutputEvent;
import dev.sessionkit.agents.model.ErrorCode;
import dev.sessionkit.agents.model.ListAgentEventsResponse;
import dev.sessionkit.errors.ApiException;
import dev.sessionkit.errors.AuthenticationException;
import dev.sessionkit.errors.BadRequestException;
import dev.sessionkit.errors.NotFoundException;
import dev.sessionkit.errors.PermissionDeniedException;
import dev.sessionkit.errors.RateLimitException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every error code of the seed's table becomes its typed exception, carrying the code. Bodies follow
 * Vectara's Python SDK types: Error {messages, request_id}, NotFoundErrorBody {id, messages,
 * request_id}, BadRequestErrorBody {field_errors, messages, request_id}.
 */
class ErrorMappingTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  private AgentsClient client;

  @BeforeEach
  void setUp() {
    client = Fixtures.client(server, true);
  }


  private Executable listEvents() {
    return () -> client.sessions().events(Fixtures.AGENT_KEY, Fixtures.SESSION_KEY,
        EventListParams.builder().limit(20).build());
  }

  private void assertOneRequest() throws Exception {
    assertEquals(1, server.getRequestCount());
    RecordedRequest request = server.takeRequest();
    assertEquals(Fixtures.EVENTS_PATH + "?limit=20", request.getTarget());
    assertEquals(Fixtures.API_KEY, request.getHeaders().get("x-api-key"));
  }

  @Test
  void status400IsBadRequestWithInvalidRequestAndTheBodysMessagesAndRequestId() throws Exception {
    server.enqueue(Fixtures.error(400, "{\"field_errors\":{\"limit\":\"must be at most 100\"},"
        + "\"messages\":[\"Invalid query parameters\"],\"request_id\":\"req_400\"}"));

    BadRequestException e = assertThrows(BadRequestException.class, listEvents());

    assertOneRequest();
    assertEquals(400, e.status());
    assertEquals("invalid_request", e.errorCode());
    assertEquals("Invalid query parameters", e.errorMessage());
    assertEquals("req_400", e.requestId());
    assertEquals("HTTP 400 invalid_request: Invalid query parameters [request id req_400]", e.getMessage());
  }

  @Test
  void status401IsAuthenticationWithUnauthorizedAndNeverEchoesTheKey() throws Exception {
    server.enqueue(Fixtures.error(401, "{\"messages\":[\"Invalid or missing API key\"],\"request_id\":\"req_401\"}"));

    AuthenticationException e = assertThrows(AuthenticationException.class, listEvents());

    assertOneRequest();
    assertEquals(ErrorCode.UNAUTHORIZED.value(), e.errorCode());
    assertEquals("Invalid or missing API key", e.errorMessage());
    assertFalse(e.getMessage().contains(Fixtures.API_KEY));
  }

  @Test
  void status403IsPermissionDeniedWithForbidden() throws Exception {
    server.enqueue(Fixtures.error(403, "{\"messages\":[\"Insufficient permissions for accessing events in this "
        + "session\"],\"request_id\":\"req_403\"}"));

    PermissionDeniedException e = assertThrows(PermissionDeniedException.class, listEvents());

    assertOneRequest();
    assertEquals("forbidden", e.errorCode());
    assertEquals("req_403", e.requestId());
  }

  @Test
  void notFoundNamingTheAgentKeyIsAgentNotFound() throws Exception {
    server.enqueue(Fixtures.error(404, "{\"id\":\"agt_customer_support\",\"messages\":[\"Agent with the "
        + "specified agent_key does not exist\"],\"request_id\":\"req_404a\"}"));

    NotFoundException e = assertThrows(NotFoundException.class, listEvents());

    assertOneRequest();
    assertEquals("agent_not_found", e.errorCode());
    assertEquals(ErrorCode.AGENT_NOT_FOUND, ErrorCode.of(e.errorCode()));
    assertEquals("Agent with the specified agent_key does not exist", e.errorMessage());
  }

  @Test
  void notFoundNamingTheSessionKeyIsSessionNotFound() throws Exception {
    server.enqueue(Fixtures.error(404, "{\"id\":\"ase_customer_support_001\",\"messages\":[\"Session with the "
        + "specified session_key does not exist\"],\"request_id\":\"req_404s\"}"));

    NotFoundException e = assertThrows(NotFoundException.class, listEvents());

    assertOneRequest();
    assertEquals("session_not_found", e.errorCode());
    assertEquals(ErrorCode.SESSION_NOT_FOUND, ErrorCode.of(e.errorCode()));
  }

  @Test
  void notFoundWithoutIdTakesTheFirstKeyItsMessageNames() throws Exception {
    server.enqueue(Fixtures.error(404, "{\"messages\":[\"Session 'ase_customer_support_001' of agent "
        + "'agt_customer_support' not found\"]}"));

    NotFoundException e = assertThrows(NotFoundException.class, listEvents());

    assertOneRequest();
    assertEquals("session_not_found", e.errorCode());
  }

  @Test
  void aCodeTheBodyCarriesWinsOverTheDerivedOne() throws Exception {
    server.enqueue(Fixtures.error(404, "{\"code\":\"agent_not_found\",\"id\":\"ase_customer_support_001\","
        + "\"messages\":[\"Agent with the specified agent_key does not exist\"]}"));

    NotFoundException e = assertThrows(NotFoundException.class, listEvents());

    assertOneRequest();
    assertEquals("agent_not_found", e.errorCode());
  }

  @Test
  void notFoundThatNamesNoKeyHasNoCodeAndKeepsPlainText() throws Exception {
    server.enqueue(new MockResponse.Builder().code(404).body("404 page not found").build());

    NotFoundException e = assertThrows(NotFoundException.class, listEvents());

    assertOneRequest();
    assertNull(e.errorCode());
    assertEquals("404 page not found", e.errorMessage());
    assertEquals("404 page not found", e.body());
  }

  @Test
  void status429IsRetriedAsCommonDoesAndTheNextAnswerIsReturned() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0")
        .body("{\"messages\":[\"Request rate limit exceeded\"]}").build());
    server.enqueue(Fixtures.json(Fixtures.page(null, Fixtures.agentOutput("aev_1", "after the wait"))));

    ListAgentEventsResponse page = client.sessions().events(Fixtures.AGENT_KEY, Fixtures.SESSION_KEY,
        EventListParams.builder().limit(20).build());

    assertEquals("after the wait", ((AgentOutputEvent) page.events().get(0)).content());
    assertEquals(2, server.getRequestCount());
    for (int i = 0; i < 2; i++) {
      RecordedRequest request = server.takeRequest();
      assertEquals(Fixtures.EVENTS_PATH + "?limit=20", request.getTarget());
      assertEquals(Fixtures.API_KEY, request.getHeaders().get("x-api-key"));
    }
  }

  @Test
  void status429AfterTheLastRetryIsRateLimitWithRateLimitExceeded() throws Exception {
    client = AgentsClient.builder().apiKey(Fixtures.API_KEY).baseUrl(server.url("/").toString()).maxRetries(1).build();
    for (int i = 0; i < 2; i++) {
      server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0")
          .body("{\"messages\":[\"Request rate limit exceeded\"],\"request_id\":\"req_429\"}").build());
    }

    RateLimitException e = assertThrows(RateLimitException.class, listEvents());

    assertEquals(2, server.getRequestCount());
    assertEquals(Fixtures.EVENTS_PATH + "?limit=20", server.takeRequest().getTarget());
    assertEquals(Fixtures.EVENTS_PATH + "?limit=20", server.takeRequest().getTarget());
    assertEquals(2, e.attempts());
    assertEquals("rate_limit_exceeded", e.errorCode());
    assertEquals("Request rate limit exceeded", e.errorMessage());
    assertTrue(e.retryAfter().isPresent());
  }

  @Test
  void everyDocumentedStatusGetsItsSeedCodeEvenWithAnEmptyBody() throws Exception {
    int[] statuses = {400, 401, 403, 429};
    String[] codes = {"invalid_request", "unauthorized", "forbidden", "rate_limit_exceeded"};
    client = AgentsClient.builder().apiKey(Fixtures.API_KEY).baseUrl(server.url("/").toString()).noRetries().build();
    for (int i = 0; i < statuses.length; i++) {
      server.enqueue(new MockResponse.Builder().code(statuses[i]).build());

      ApiException e = assertThrows(ApiException.class, listEvents());

      assertEquals(statuses[i], e.status());
      assertEquals(codes[i], e.errorCode());
      assertNull(e.errorMessage());
      assertEquals(Fixtures.EVENTS_PATH + "?limit=20", server.takeRequest().getTarget());
    }
  }
}
