package dev.sessionkit.qoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.errors.ApiConnectionException;
import dev.sessionkit.errors.ApiTimeoutException;
import dev.sessionkit.errors.AuthenticationException;
import dev.sessionkit.errors.BadRequestException;
import dev.sessionkit.errors.DecodingException;
import dev.sessionkit.errors.NotFoundException;
import dev.sessionkit.errors.RateLimitException;
import dev.sessionkit.errors.ServerException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP failures become typed exceptions with Qoder's envelope; idempotent requests are retried. */
class ErrorsAndRetriesTest {
  private static final String EVENTS = "/sessions/" + Fixtures.SESSION_ID + "/events";
  @StartStop private final MockWebServer server = new MockWebServer();
  private QoderClient client;

  @BeforeEach
  void buildClient() {
    client = QoderClient.builder().token("pt-t").baseUrl(server.url("/").toString()).build();
  }

  private static MockResponse error(int status, String type, String message) {
    return new MockResponse.Builder().code(status).addHeader("x-request-id", "req_" + status)
        .body("{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}").build();
  }

  @Test
  void unauthorizedBecomesAuthenticationExceptionWithTheEnvelope() throws Exception {
    server.enqueue(error(401, "authentication_error", "PAT invalid or expired"));

    AuthenticationException e = assertThrows(AuthenticationException.class,
        () -> client.sessions().events(Fixtures.SESSION_ID));

    assertEquals(401, e.status());
    assertEquals("authentication_error", e.errorCode());
    assertEquals("PAT invalid or expired", e.errorMessage());
    assertEquals("req_401", e.requestId());
    assertEquals(1, e.attempts());
    assertEquals("HTTP 401 authentication_error: PAT invalid or expired [request id req_401]", e.getMessage());
    assertEquals(EVENTS, server.takeRequest().getTarget());
    assertEquals(1, server.getRequestCount(), "a 401 is not retried");
  }

  @Test
  void notFoundBecomesNotFoundExceptionWithTheEnvelope() throws Exception {
    server.enqueue(error(404, "not_found_error", "Session does not exist"));

    NotFoundException e = assertThrows(NotFoundException.class, () -> client.sessions().events(Fixtures.SESSION_ID));

    assertEquals(404, e.status());
    assertEquals("not_found_error", e.errorCode());
    assertEquals("Session does not exist", e.errorMessage());
    assertEquals(EVENTS, server.takeRequest().getTarget());
  }

  @Test
  void plainTextNotFoundKeepsTheTextAsMessage() throws Exception {
    server.enqueue(new MockResponse.Builder().code(404).body("404 page not found").build());

    NotFoundException e = assertThrows(NotFoundException.class, () -> client.sessions().events(Fixtures.SESSION_ID));

    assertEquals(null, e.errorCode());
    assertEquals("404 page not found", e.errorMessage());
    assertEquals(EVENTS, server.takeRequest().getTarget());
  }

  @Test
  void badRequestCarriesTheInvalidRequestType() throws Exception {
    server.enqueue(error(400, "invalid_request_error", "limit must be positive"));

    BadRequestException e = assertThrows(BadRequestException.class, () -> client.sessions().events(Fixtures.SESSION_ID));

    assertEquals("invalid_request_error", e.errorCode());
    assertEquals(EVENTS, server.takeRequest().getTarget());
  }

  @Test
  void retriesA429AfterItsRetryAfterSecondsThenSucceeds() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build());
    server.enqueue(new MockResponse.Builder().body(Fixtures.page(false, "evt_1", "evt_1",
        Fixtures.userMessage("evt_1", "hi"))).build());

    long start = System.nanoTime();
    var raw = client.sessions().withRawResponse().events(Fixtures.SESSION_ID, EventListParams.NONE);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertEquals(1, raw.body().data().size());
    assertEquals(2, raw.attempts());
    assertTrue(took.compareTo(Duration.ofMillis(950)) >= 0, "waited " + took);
    assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "waited " + took);
    assertEquals(EVENTS, server.takeRequest().getTarget());
    assertEquals(EVENTS, server.takeRequest().getTarget());
  }

  @Test
  void givesUpAfterThreeServerErrorsWithTheAttemptCount() throws Exception {
    for (int i = 0; i < 3; i++) server.enqueue(error(503, "api_error", "overloaded"));

    ServerException e = assertThrows(ServerException.class, () -> client.sessions().events(Fixtures.SESSION_ID));

    assertEquals(503, e.status());
    assertEquals(3, e.attempts());
    assertEquals("api_error", e.errorCode());
    assertTrue(e.getMessage().endsWith("(after 3 attempts)"), e.getMessage());
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void retriesAreOffWhenMaxRetriesIsZero() throws Exception {
    QoderClient noRetries = QoderClient.builder().token("pt-t").baseUrl(server.url("/").toString()).noRetries().build();
    server.enqueue(error(503, "api_error", "overloaded"));

    ServerException e = assertThrows(ServerException.class, () -> noRetries.sessions().events(Fixtures.SESSION_ID));

    assertEquals(1, e.attempts());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void rateLimitExceptionAfterRetriesKeepsRetryAfter() throws Exception {
    QoderClient oneRetry = QoderClient.builder().token("pt-t").baseUrl(server.url("/").toString()).maxRetries(1).build();
    for (int i = 0; i < 2; i++) {
      server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build());
    }

    RateLimitException e = assertThrows(RateLimitException.class, () -> oneRetry.sessions().events(Fixtures.SESSION_ID));

    assertEquals(2, e.attempts());
    assertEquals(Duration.ZERO, e.retryAfter().orElseThrow());
  }

  @Test
  void truncatedJsonBodyGivesDecodingException() throws Exception {
    server.enqueue(new MockResponse.Builder().addHeader("x-request-id", "req_t")
        .body("{\"data\":[{\"id\":\"evt_1\",\"type\":\"user.message\"").build());

    DecodingException e = assertThrows(DecodingException.class, () -> client.sessions().events(Fixtures.SESSION_ID));

    assertEquals(200, e.status());
    assertEquals("req_t", e.requestId());
    assertTrue(e.getMessage().contains("$.data[0]"), e.getMessage());
    assertEquals(1, server.getRequestCount(), "a complete but malformed body is not retried");
  }

  @Test
  void droppedConnectionsAreRetriedThenReportedAsConnectionFailure() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket(true, false, false)).build());
    }

    ApiConnectionException e = assertThrows(ApiConnectionException.class,
        () -> client.sessions().events(Fixtures.SESSION_ID));

    assertEquals(3, e.attempts());
    assertTrue(e.getMessage().startsWith("no response from GET http://"), e.getMessage());
  }

  @Test
  void slowResponsesBecomeTimeouts() throws Exception {
    QoderClient impatient = QoderClient.builder().token("pt-t").baseUrl(server.url("/").toString())
        .readTimeout(Duration.ofMillis(200)).noRetries().build();
    server.enqueue(new MockResponse.Builder().headersDelay(2, java.util.concurrent.TimeUnit.SECONDS).body("{}").build());

    assertThrows(ApiTimeoutException.class, () -> impatient.sessions().events(Fixtures.SESSION_ID));
  }

  @Test
  void asyncFormFailsWithTheSameTypedException() throws Exception {
    server.enqueue(error(404, "not_found_error", "Session does not exist"));

    ExecutionException e = assertThrows(ExecutionException.class,
        () -> client.sessions().eventsAsync(Fixtures.SESSION_ID, EventListParams.NONE).get());

    NotFoundException cause = assertInstanceOf(NotFoundException.class, e.getCause());
    assertEquals("Session does not exist", cause.errorMessage());
    assertEquals(EVENTS, server.takeRequest().getTarget());
  }

  @Test
  void asyncFormRetriesAndSucceeds() throws Exception {
    server.enqueue(error(503, "api_error", "overloaded"));
    server.enqueue(new MockResponse.Builder().body(Fixtures.page(false, "evt_1", "evt_1",
        Fixtures.userMessage("evt_1", "hi"))).build());

    var page = client.sessions().eventsAsync(Fixtures.SESSION_ID, EventListParams.builder().limit(1).build()).get();

    assertEquals(1, page.data().size());
    assertEquals(EVENTS + "?limit=1", server.takeRequest().getTarget());
    assertEquals(EVENTS + "?limit=1", server.takeRequest().getTarget());
  }

  @Test
  void cancellingTheAsyncFormCancelsTheCall() throws Exception {
    okhttp3.OkHttpClient shared = new okhttp3.OkHttpClient();
    QoderClient sharing = QoderClient.builder().token("pt-t").baseUrl(server.url("/").toString())
        .httpClient(shared).build();
    server.enqueue(new MockResponse.Builder().headersDelay(5, java.util.concurrent.TimeUnit.SECONDS).body("{}").build());

    var future = sharing.sessions().eventsAsync(Fixtures.SESSION_ID, EventListParams.NONE);
    assertEquals(EVENTS, server.takeRequest().getTarget());
    assertEquals(1, shared.dispatcher().runningCallsCount());
    future.cancel(true);

    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (shared.dispatcher().runningCallsCount() > 0 && System.nanoTime() < deadline) Thread.sleep(10);
    assertEquals(0, shared.dispatcher().runningCallsCount(), "the HTTP call was cancelled, not left running");
    assertTrue(future.isCancelled());
  }
}
