package dev.sessionkit.pipecat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.errors.AuthenticationException;
import dev.sessionkit.errors.NotFoundException;
import dev.sessionkit.errors.RateLimitException;
import dev.sessionkit.pipecat.model.SessionDetails;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pipecat's error bodies become typed exceptions; rate limits are retried. */
class ErrorResponsesTest {
  private static final String TOO_MANY = "{\"error\": \"Too many requests\", \"code\": \"429\"}";

  private final MockWebServer server = new MockWebServer();
  private PipecatClient client;

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
  void badTokenBecomesAuthenticationExceptionWithPipecatsCodeAndMessage() throws Exception {
    server.enqueue(Fixtures.json(401, Fixtures.read("error-unauthorized.json")));

    AuthenticationException e = assertThrows(AuthenticationException.class,
        () -> client.sessions().get(Fixtures.AGENT, Fixtures.SESSION_ID));

    RecordedRequest request = server.takeRequest();
    assertEquals(Fixtures.SESSION_PATH, request.getTarget());
    assertEquals("Bearer " + Fixtures.API_KEY, request.getHeaders().get("Authorization"));
    assertEquals(401, e.status());
    assertEquals("401", e.errorCode());
    assertEquals("Unauthorized / token expired", e.errorMessage());
    assertEquals("HTTP 401 401: Unauthorized / token expired", e.getMessage());
    assertFalse(e.getMessage().contains(Fixtures.API_KEY));
    assertEquals(1, server.getRequestCount(), "a 401 is not retried");
  }

  @Test
  void unknownAgentOrSessionBecomesNotFoundException() throws Exception {
    server.enqueue(Fixtures.json(404, Fixtures.read("error-not-found.json")));

    NotFoundException e = assertThrows(NotFoundException.class,
        () -> client.sessions().get("no-such-agent", Fixtures.SESSION_ID));

    RecordedRequest request = server.takeRequest();
    assertEquals("/v1/agents/no-such-agent/sessions/" + Fixtures.SESSION_ID, request.getTarget());
    assertEquals("Bearer " + Fixtures.API_KEY, request.getHeaders().get("Authorization"));
    assertEquals(404, e.status());
    assertEquals("404", e.errorCode());
    assertEquals("API endpoint not found / agent deployment not found / Organization not found", e.errorMessage());
    assertEquals(1, server.getRequestCount(), "a 404 is not retried");
  }

  @Test
  void rateLimitedRequestIsRetriedAfterRetryAfter() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").body(TOO_MANY).build());
    server.enqueue(Fixtures.json(200, Fixtures.read("get-session-example.json")));

    RawResponse<SessionDetails> raw = client.sessions().withRawResponse().get(Fixtures.AGENT, Fixtures.SESSION_ID);

    for (int i = 0; i < 2; i++) {
      RecordedRequest request = server.takeRequest();
      assertEquals(Fixtures.SESSION_PATH, request.getTarget());
      assertEquals("Bearer " + Fixtures.API_KEY, request.getHeaders().get("Authorization"));
    }
    assertEquals(2, raw.attempts());
    assertEquals(200, raw.status());
    assertEquals(Fixtures.SESSION_ID, raw.body().sessionId());
  }

  @Test
  void rateLimitThatOutlastsTheRetriesBecomesRateLimitException() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").body(TOO_MANY).build());
    }

    RateLimitException e = assertThrows(RateLimitException.class,
        () -> client.sessions().get(Fixtures.AGENT, Fixtures.SESSION_ID));

    for (int i = 0; i < 3; i++) {
      RecordedRequest request = server.takeRequest();
      assertEquals(Fixtures.SESSION_PATH, request.getTarget());
      assertEquals("Bearer " + Fixtures.API_KEY, request.getHeaders().get("Authorization"));
    }
    assertEquals(3, e.attempts(), "the first attempt and the default two retries");
    assertEquals("429", e.errorCode());
    assertEquals("Too many requests", e.errorMessage());
  }

  @Test
  void plainTextErrorBodyBecomesTheMessage() throws Exception {
    server.enqueue(new MockResponse.Builder().code(404).body("404 page not found").build());

    NotFoundException e = assertThrows(NotFoundException.class,
        () -> client.sessions().get(Fixtures.AGENT, Fixtures.SESSION_ID));

    assertEquals(Fixtures.SESSION_PATH, server.takeRequest().getTarget());
    assertNull(e.errorCode());
    assertEquals("404 page not found", e.errorMessage());
  }
}
