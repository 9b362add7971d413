package dev.sessionkit.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.ClientOptions;
import dev.sessionkit.core.Credential;
import dev.sessionkit.core.LogLevel;
import dev.sessionkit.core.RequestOptions;
import dev.sessionkit.core.RetryBudget;
import dev.sessionkit.core.Sleeper;
import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.core.json.JsonValue;
import dev.sessionkit.errors.ApiTimeoutException;
import dev.sessionkit.errors.InsecureTransportException;
import dev.sessionkit.errors.InterceptorException;
import dev.sessionkit.errors.RateLimitException;
import dev.sessionkit.errors.ServerException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.POST;

/**
 * The one engine's retry schedule, driven with a fixed clock and a sleeper that never sleeps: the
 * same backoff, {@code Retry-After} and budget on the blocking and the asynchronous path. A real
 * wait would take minutes; the timeout proves none happens.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RetryScheduleTest {
  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  interface Api {
    @GET("items")
    Call<JsonValue> items();

    @POST("items")
    Call<JsonValue> create();
  }

  /** The two paths through the engine. */
  enum Path {
    SYNC {
      @Override
      RawResponse<JsonValue> call(ClientRuntime runtime, java.util.function.Supplier<Call<JsonValue>> call,
          RequestOptions options) {
        return runtime.execute(call.get(), options);
      }
    },
    ASYNC {
      @Override
      RawResponse<JsonValue> call(ClientRuntime runtime, java.util.function.Supplier<Call<JsonValue>> call,
          RequestOptions options) {
        try {
          return runtime.executeRawAsync(call, options).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException runtimeFailure) throw runtimeFailure;
          throw new AssertionError(e);
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      }
    };

    abstract RawResponse<JsonValue> call(ClientRuntime runtime, java.util.function.Supplier<Call<JsonValue>> call,
        RequestOptions options);
  }

  /** Records each wait and returns at once. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
      waits.add(duration);
    }

    @Override
    public CompletableFuture<Void> sleepAsync(Duration duration) {
      waits.add(duration);
      return CompletableFuture.completedFuture(null);
    }
  }

  private final MockWebServer server = new MockWebServer();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final List<String> log = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ClientOptions.Builder options() {
    return ClientOptions.builder()
        .baseUrl(server.url("/v1/").toString())
        .credential(Credential.of("secret-token"))
        .clock(CLOCK)
        .sleeper(sleeper)
        .logLevel(LogLevel.DEBUG)
        .logger(log::add);
  }

  private static ClientRuntime runtime(ClientOptions options, ServiceProfile profile) {
    return ClientRuntime.create(options, profile);
  }

  private static ServiceProfile profile() {
    return ServiceProfile.builder("Test").requestIdHeaders("x-request-id").build();
  }

  private static String httpDate(Instant instant) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(instant, ZoneOffset.UTC));
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void drivesTheWholeScheduleBackoffRetryAfterSecondsDateAndCapWithoutSleeping(Path path) throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", httpDate(NOW.plusSeconds(30))).build());
    server.enqueue(new MockResponse.Builder().code(500).addHeader("Retry-After", "3600").build());
    server.enqueue(new MockResponse.Builder().body("{\"ok\":true}").build());
    ClientRuntime runtime = runtime(options().maxRetries(4).build(), profile());
    Api api = runtime.service(Api.class);

    RawResponse<JsonValue> response = path.call(runtime, api::items, RequestOptions.NONE);

    assertEquals("{\"ok\":true}", response.body().json());
    assertEquals(5, response.attempts());
    assertEquals(5, server.getRequestCount());
    assertEquals(4, sleeper.waits.size(), sleeper.waits.toString());
    long backoff = sleeper.waits.get(0).toMillis();
    assertTrue(backoff >= 375 && backoff <= 500, "first backoff " + backoff + " ms is 0.5 s less up to a quarter");
    assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(30), Duration.ofSeconds(60)),
        sleeper.waits.subList(1, 4), "Retry-After in seconds, as an HTTP date read with the client's clock, capped");
    assertTrue(log.stream().anyMatch(line -> line.startsWith("retrying GET " + server.url("/v1/items")
        + " in 7 s (attempt 3 of 5): HTTP 429, Retry-After 7 s")), log.toString());
    assertTrue(log.stream().anyMatch(line -> line.endsWith("HTTP 500, Retry-After 3600 s capped at 60 s")), log.toString());
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void backoffDoublesUpToEightSecondsBetweenAttempts(Path path) {
    for (int i = 0; i < 6; i++) server.enqueue(new MockResponse.Builder().code(502).build());
    server.enqueue(new MockResponse.Builder().body("{}").build());
    ClientRuntime runtime = runtime(options().maxRetries(6).retryBudget(RetryBudget.UNLIMITED).build(), profile());

    path.call(runtime, runtime.service(Api.class)::items, RequestOptions.NONE);

    long[] ceilings = {500, 1000, 2000, 4000, 8000, 8000};
    assertEquals(6, sleeper.waits.size());
    for (int i = 0; i < ceilings.length; i++) {
      long wait = sleeper.waits.get(i).toMillis();
      assertTrue(wait > ceilings[i] * 3 / 4 - 1 && wait <= ceilings[i], "wait " + (i + 1) + " was " + wait + " ms");
    }
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void anExhaustedBudgetEndsTheCallWithTheLastAttemptsErrorAndSaysWhy(Path path) {
    for (int i = 0; i < 6; i++) server.enqueue(new MockResponse.Builder().code(503).build());
    ClientRuntime runtime = runtime(options().maxRetries(5).retryBudget(RetryBudget.of(10, 5)).build(), profile());

    ServerException e = assertThrows(ServerException.class,
        () -> path.call(runtime, runtime.service(Api.class)::items, RequestOptions.NONE));

    assertEquals(3, e.attempts(), "10 tokens pay for two retries of 5");
    assertEquals(3, server.getRequestCount());
    assertEquals(2, sleeper.waits.size());
    assertTrue(log.stream().anyMatch(line -> line.contains("not retrying GET") && line.endsWith(
        "HTTP 503, backoff, but the cost of retrying exceeds the available retry capacity (0 tokens left, a retry costs 5)")),
        log.toString());
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void theLastAllowedAttemptEndsTheCallAndIsLogged(Path path) {
    for (int i = 0; i < 3; i++) server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build());
    ClientRuntime runtime = runtime(options().build(), profile());

    RateLimitException e = assertThrows(RateLimitException.class,
        () -> path.call(runtime, runtime.service(Api.class)::items, RequestOptions.NONE));

    assertEquals(3, e.attempts());
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), sleeper.waits);
    assertEquals(java.util.Optional.of(Duration.ofSeconds(1)), e.retryAfter());
    assertTrue(log.stream().anyMatch(line -> line.endsWith("HTTP 429, but that was the last of 3 attempts")), log.toString());
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void aRequestOptionsRetryLimitOverridesTheClients(Path path) {
    server.enqueue(new MockResponse.Builder().code(503).build());
    ClientRuntime runtime = runtime(options().build(), profile());

    assertThrows(ServerException.class, () -> path.call(runtime, runtime.service(Api.class)::items,
        RequestOptions.builder().maxRetries(0).build()));

    assertEquals(1, server.getRequestCount());
    assertTrue(sleeper.waits.isEmpty());
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void aPostIsNotRetriedWhenTheVendorDocumentsNoIdempotencyHeader(Path path) {
    server.enqueue(new MockResponse.Builder().code(503).build());
    ClientRuntime runtime = runtime(options().build(), profile());

    ServerException e = assertThrows(ServerException.class,
        () -> path.call(runtime, runtime.service(Api.class)::create, RequestOptions.NONE));

    assertEquals(1, e.attempts());
    assertTrue(log.stream().anyMatch(line -> line.endsWith("HTTP 503, but POST is not idempotent")), log.toString());
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void aPostCarryingTheVendorsIdempotencyKeyIsRetriedWithTheSameKey(Path path) throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().body("{\"id\":1}").build());
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().body("{\"id\":2}").build());
    ServiceProfile profile = ServiceProfile.builder("Test").idempotencyHeader("Idempotency-Key").build();
    ClientRuntime runtime = runtime(options().build(), profile);

    path.call(runtime, runtime.service(Api.class)::create, RequestOptions.NONE);
    path.call(runtime, runtime.service(Api.class)::create, RequestOptions.builder().idempotencyKey("my-key-1").build());

    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 4; i++) keys.add(server.takeRequest().getHeaders().get("Idempotency-Key"));
    assertNotNull(keys.get(0));
    assertEquals(keys.get(0), keys.get(1), "one key per call, the same on its retry");
    assertEquals(List.of("my-key-1", "my-key-1"), keys.subList(2, 4));
  }

  @Test
  void anIdempotencyKeyForAVendorWithoutTheHeaderIsRefusedBeforeSending() {
    ClientRuntime runtime = runtime(options().build(), profile());

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> runtime.execute(
        runtime.service(Api.class).create(), RequestOptions.builder().idempotencyKey("k").build()));
    assertTrue(e.getMessage().contains("Test documents no idempotency header"), e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void extraHeadersAndQueryParametersAreSentButNeverTheCredentialsOwnHeader(Path path) throws Exception {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    ClientRuntime runtime = runtime(options().build(), profile());

    path.call(runtime, runtime.service(Api.class)::items, RequestOptions.builder()
        .header("X-Trace", "t-1").header("Authorization", "Bearer someone-else").queryParameter("debug", "1").build());

    RecordedRequest request = server.takeRequest();
    assertEquals("t-1", request.getHeaders().get("X-Trace"));
    assertEquals("Bearer secret-token", request.getHeaders().get("Authorization"));
    assertEquals("/v1/items?debug=1", request.getTarget());
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void aPerCallTimeoutEndsASlowAttempt(Path path) {
    server.enqueue(new MockResponse.Builder().body("{}").headersDelay(5, TimeUnit.SECONDS).build());
    ClientRuntime runtime = runtime(options().maxRetries(0).build(), profile());

    assertThrows(ApiTimeoutException.class, () -> path.call(runtime, runtime.service(Api.class)::items,
        RequestOptions.builder().timeout(Duration.ofMillis(200)).build()));
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void anInterceptorsRuntimeExceptionIsATypedFailureNeverRetriedAsAConnectionFailure(Path path) {
    OkHttpClient throwing = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          throw new IllegalStateException("token store unavailable");
        })
        .build();
    ClientRuntime runtime = runtime(options().httpClient(throwing).build(), profile());

    InterceptorException e = assertThrows(InterceptorException.class,
        () -> path.call(runtime, runtime.service(Api.class)::items, RequestOptions.NONE));

    assertInstanceOf(IllegalStateException.class, e.getCause());
    assertEquals(1, e.attempts());
    assertTrue(sleeper.waits.isEmpty(), "not retried");
    assertEquals(0, server.getRequestCount());
  }

  @ParameterizedTest
  @EnumSource(Path.class)
  void aRequestRewrittenToPlainHttpElsewhereIsRefusedTypedAndNotRetried(Path path) {
    OkHttpClient rewriting = new OkHttpClient.Builder()
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().url("http://example.com/v1/items").build()))
        .build();
    ClientRuntime runtime = runtime(options().httpClient(rewriting).build(), profile());

    assertThrows(InsecureTransportException.class,
        () -> path.call(runtime, runtime.service(Api.class)::items, RequestOptions.NONE));

    assertTrue(sleeper.waits.isEmpty(), "not retried");
  }

  @Test
  void asyncResultsCompleteOnTheCallbackExecutor() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{}").headersDelay(200, TimeUnit.MILLISECONDS).build());
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "app-callbacks"));
    try {
      ClientRuntime runtime = runtime(options().callbackExecutor(executor).build(), profile());
      CompletableFuture<String> thread = runtime.executeAsync(runtime.service(Api.class)::items)
          .thenApply(body -> Thread.currentThread().getName());

      assertEquals("app-callbacks", thread.get(10, TimeUnit.SECONDS));
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void cancellingTheFutureOnTheCallbackExecutorCancelsTheCall() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{}").headersDelay(5, TimeUnit.SECONDS).build());
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      ClientRuntime runtime = runtime(options().callbackExecutor(executor).build(), profile());
      CompletableFuture<JsonValue> future = runtime.executeAsync(runtime.service(Api.class)::items);
      server.takeRequest(5, TimeUnit.SECONDS);

      future.cancel(true);

      assertTrue(future.isCancelled());
      assertThrows(java.util.concurrent.CancellationException.class, future::join);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void anAsyncFailureIsNeverThrownButCompletesTheFuture() {
    ClientRuntime runtime = runtime(options().build(), profile());

    CompletableFuture<JsonValue> future = runtime.executeAsync(() -> {
      throw new IllegalArgumentException("sessionId must match ^sess_");
    });

    CompletionException e = assertThrows(CompletionException.class, future::join);
    assertInstanceOf(IllegalArgumentException.class, e.getCause());
    assertEquals(0, server.getRequestCount());
  }
}
