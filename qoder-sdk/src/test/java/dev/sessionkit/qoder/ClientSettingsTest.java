package dev.sessionkit.qoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.ClientOptions;
import dev.sessionkit.core.LogLevel;
import dev.sessionkit.core.RetryBudget;
import dev.sessionkit.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The settings every client shares, as a Qoder user sets them: from the builder or the environment. */
class ClientSettingsTest {
  private static final String TOKEN = "pt-SECRET-settings";
  @StartStop private final MockWebServer server = new MockWebServer();

  private void enqueueEmptyPage() {
    server.enqueue(new MockResponse.Builder().body(Fixtures.page(false, null, null)).build());
  }

  @Test
  void theUserAgentNamesTheVersionBeingBuiltAndTheService() throws Exception {
    enqueueEmptyPage();
    QoderClient client = QoderClient.builder().token(TOKEN).baseUrl(server.url("/").toString()).build();

    client.sessions().events(Fixtures.SESSION_ID);

    String version = System.getProperty("sessionkit.version");
    assertTrue(version != null && !version.isBlank(), "surefire passes the project version");
    assertEquals("sessionkit-java/" + version + " (Qoder)", server.takeRequest().getHeaders().get("User-Agent"));
  }

  @Test
  void sessionkitLogFromTheEnvironmentTurnsOnRedactedLoggingWithRetryReasons() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    server.enqueue(new MockResponse.Builder().code(503).build());
    enqueueEmptyPage();
    QoderClient client = QoderClient.builder()
        .fromEnv(Map.of("QODER_PAT", TOKEN, "QODER_BASE_URL", server.url("/").toString(), "SESSIONKIT_LOG", "debug"))
        .logger(lines::add)
        .sleeper(instant())
        .build();

    client.sessions().events(Fixtures.SESSION_ID);

    assertEquals(LogLevel.DEBUG, client.options().logLevel());
    assertTrue(lines.stream().anyMatch(line -> line.startsWith("--> GET " + server.url("/sessions/"))), lines.toString());
    assertTrue(lines.stream().anyMatch(line -> line.startsWith("Authorization: ██")), "redacted: " + lines);
    assertTrue(lines.stream().anyMatch(line -> line.startsWith("retrying GET ") && line.endsWith("HTTP 503, backoff")),
        lines.toString());
    assertTrue(lines.stream().anyMatch(line -> line.startsWith("<-- body {\"data\":[]")), "bodies: " + lines);
    for (String line : lines) assertFalse(line.contains(TOKEN), line);
  }

  @Test
  void infoLogsOneLineEachWayWithoutHeadersOrBodies() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    enqueueEmptyPage();
    QoderClient client = QoderClient.builder().token(TOKEN).baseUrl(server.url("/").toString())
        .fromEnv(Map.of("SESSIONKIT_LOG", "INFO")).logger(lines::add).build();

    client.sessions().events(Fixtures.SESSION_ID);

    assertEquals(2, lines.size(), lines.toString());
    assertTrue(lines.get(0).startsWith("--> GET "), lines.toString());
    assertTrue(lines.get(1).startsWith("<-- 200 "), lines.toString());
  }

  @Test
  void anUnknownSessionkitLogValueIsRefusedNamingTheVariable() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> QoderClient.builder().fromEnv(Map.of("QODER_PAT", TOKEN, "SESSIONKIT_LOG", "verbose")));
    assertEquals("SESSIONKIT_LOG must be info, debug or none (got \"verbose\")", e.getMessage());
  }

  @Test
  void asyncPagingHandsEveryItemToTheCallbackExecutor() throws Exception {
    server.enqueue(new MockResponse.Builder().body(Fixtures.page(true, "evt_1", "evt_1",
        Fixtures.userMessage("evt_1", "a"))).build());
    server.enqueue(new MockResponse.Builder().body(Fixtures.page(false, "evt_2", "evt_2",
        Fixtures.userMessage("evt_2", "b"))).build());
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "app-executor"));
    try {
      QoderClient client = QoderClient.builder().token(TOKEN).baseUrl(server.url("/").toString())
          .callbackExecutor(executor).build();
      List<String> threads = new CopyOnWriteArrayList<>();

      client.sessions().iterateEventsAsync(Fixtures.SESSION_ID)
          .forEach(event -> threads.add(Thread.currentThread().getName()))
          .get(10, TimeUnit.SECONDS);

      assertEquals(List.of("app-executor", "app-executor"), threads);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void optionsAreAnImmutableClassWhoseBuilderKeepsEverySetting() {
    Clock clock = Clock.fixed(Instant.parse("2026-12-03T00:00:00Z"), ZoneOffset.UTC);
    Sleeper sleeper = instant();
    QoderClient client = QoderClient.builder().token(TOKEN).baseUrl(server.url("/").toString())
        .connectTimeout(Duration.ofSeconds(3)).readTimeout(Duration.ofSeconds(4)).callTimeout(Duration.ofSeconds(5))
        .maxRetries(7).retryBudget(RetryBudget.of(50, 5)).maxResponseBytes(1024).strictDecoding(true)
        .logLevel(LogLevel.INFO).clock(clock).sleeper(sleeper).build();

    ClientOptions copy = client.toBuilder().build().options();

    assertEquals(client.options().toString(), copy.toString());
    assertSame(clock, copy.clock());
    assertSame(sleeper, copy.sleeper());
    assertEquals(7, copy.maxRetries());
    ClientOptions lenient = copy.toBuilder().strictDecoding(false).build();
    assertTrue(copy.strictDecoding(), "toBuilder() never changes the original");
    assertNotEquals(copy.strictDecoding(), lenient.strictDecoding());
    assertFalse(copy.toString().contains(TOKEN));
  }

  /** A sleeper that never sleeps. */
  private static Sleeper instant() {
    return new Sleeper() {
      @Override
      public void sleep(Duration duration) {}

      @Override
      public CompletableFuture<Void> sleepAsync(Duration duration) {
        return CompletableFuture.completedFuture(null);
      }
    };
  }
}
