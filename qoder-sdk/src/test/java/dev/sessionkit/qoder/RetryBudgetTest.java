package dev.sessionkit.qoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sessionkit.core.RetryBudget;
import dev.sessionkit.errors.ServerException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** A client stops retrying once its retry budget is spent, and starts again after successes. */
class RetryBudgetTest {
  @StartStop private final MockWebServer server = new MockWebServer();

  private static MockResponse unavailable() {
    return new MockResponse.Builder().code(503).addHeader("Retry-After", "0")
        .body("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"busy\"}}").build();
  }

  @Test
  void onceTheBudgetIsSpentAFailedCallIsNotRetried() {
    // 10 tokens, 5 a retry: two retries in all, then none.
    QoderClient client = QoderClient.builder().token("pt-t").baseUrl(server.url("/").toString())
        .retryBudget(RetryBudget.of(10, 5)).build();
    for (int i = 0; i < 6; i++) server.enqueue(unavailable());

    ServerException first = assertThrows(ServerException.class, () -> client.sessions().events(Fixtures.SESSION_ID));
    ServerException second = assertThrows(ServerException.class, () -> client.sessions().events(Fixtures.SESSION_ID));

    assertEquals(3, first.attempts(), "the first call spends the whole budget on its two retries");
    assertEquals(1, second.attempts(), "the second fails at once");
    assertEquals(4, server.getRequestCount());
  }

  @Test
  void successesRefillTheBudget() {
    QoderClient client = QoderClient.builder().token("pt-t").baseUrl(server.url("/").toString())
        .retryBudget(RetryBudget.of(5, 5)).build();
    String page = Fixtures.page(false, null, null);
    server.enqueue(unavailable());
    server.enqueue(new MockResponse.Builder().body(page).build()); // a retried success gives its 5 tokens back
    server.enqueue(unavailable());
    server.enqueue(new MockResponse.Builder().body(page).build());

    client.sessions().events(Fixtures.SESSION_ID);
    client.sessions().events(Fixtures.SESSION_ID);

    assertEquals(4, server.getRequestCount());
  }

  @Test
  void anUnlimitedBudgetKeepsEveryCallsRetries() {
    QoderClient client = QoderClient.builder().token("pt-t").baseUrl(server.url("/").toString())
        .retryBudget(RetryBudget.of(5, 5)).build().toBuilder().retryBudget(RetryBudget.UNLIMITED).build();
    for (int i = 0; i < 6; i++) server.enqueue(unavailable());

    for (int call = 0; call < 2; call++) {
      ServerException e = assertThrows(ServerException.class, () -> client.sessions().events(Fixtures.SESSION_ID));
      assertEquals(3, e.attempts());
    }
  }

  @Test
  void aServiceUnavailableWithRetryAfterZeroIsRetriedOnceByTheClientNotAgainByOkHttp() {
    QoderClient client = QoderClient.builder().token("pt-t").baseUrl(server.url("/").toString()).maxRetries(1).build();
    for (int i = 0; i < 3; i++) server.enqueue(unavailable());

    ServerException e = assertThrows(ServerException.class, () -> client.sessions().events(Fixtures.SESSION_ID));

    assertEquals(2, e.attempts());
    assertEquals(2, server.getRequestCount(), "every request the server saw is an attempt the client counted");
  }
}
