package dev.sessionkit.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.ClientOptions;
import dev.sessionkit.core.Credential;
import dev.sessionkit.core.LogLevel;
import dev.sessionkit.core.OAuthClientCredentials;
import dev.sessionkit.core.RequestOptions;
import dev.sessionkit.core.Sleeper;
import dev.sessionkit.core.json.JsonValue;
import dev.sessionkit.errors.AuthenticationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import retrofit2.Call;
import retrofit2.http.GET;

/**
 * OAuth2 client credentials through the one engine, against MockWebServer with a clock the test
 * moves: the token is fetched once and kept, fetched again shortly before it expires and once after
 * a 401, one fetch at a time whatever the threads, and the secret never shows.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class OAuthClientCredentialsTest {
  private static final String SECRET = "s3cret/+=";

  interface Api {
    @GET("items")
    Call<JsonValue> items();
  }

  /** A clock the test moves by hand. */
  static final class MovableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-12-03T10:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final MockWebServer server = new MockWebServer();
  private final MovableClock clock = new MovableClock();
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
        .oauthClientCredentials(OAuthClientCredentials.of(server.url("/oauth2/token").toString(), "client-id", SECRET,
            List.of()))
        .clock(clock)
        .sleeper(new Sleeper() {
          @Override
          public void sleep(Duration duration) {}

          @Override
          public CompletableFuture<Void> sleepAsync(Duration duration) {
            return CompletableFuture.completedFuture(null);
          }
        })
        .logLevel(LogLevel.DEBUG)
        .logger(log::add);
  }

  private Api api(ClientRuntime runtime) {
    return runtime.service(Api.class);
  }

  private static ClientRuntime runtime(ClientOptions options) {
    return ClientRuntime.create(options, ServiceProfile.builder("Test").build());
  }

  private static MockResponse token(String value, long expiresIn) {
    return new MockResponse.Builder().addHeader("Content-Type", "application/json")
        .body("{\"access_token\":\"" + value + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}").build();
  }

  private static MockResponse ok() {
    return new MockResponse.Builder().body("{}").build();
  }

  @Test
  void fetchesATokenOnceAndSendsItAsABearerUntilItIsDueForRefresh() throws Exception {
    server.enqueue(token("tok-1", 1800));
    server.enqueue(ok());
    server.enqueue(ok());
    ClientRuntime runtime = runtime(options().build());

    runtime.execute(api(runtime).items());
    clock.advance(Duration.ofSeconds(1679));
    runtime.execute(api(runtime).items());

    RecordedRequest tokenRequest = server.takeRequest();
    assertEquals("POST", tokenRequest.getMethod());
    assertEquals("/oauth2/token", tokenRequest.getUrl().encodedPath());
    assertEquals("Basic " + Base64.getEncoder().encodeToString("client-id:s3cret%2F%2B%3D".getBytes(StandardCharsets.UTF_8)),
        tokenRequest.getHeaders().get("Authorization"), "RFC 6749 2.3.1: id and secret form-encoded, then Basic");
    assertEquals("grant_type=client_credentials", tokenRequest.getBody().utf8());
    assertTrue(tokenRequest.getHeaders().get("Content-Type").startsWith("application/x-www-form-urlencoded"));
    assertEquals("Bearer tok-1", server.takeRequest().getHeaders().get("Authorization"));
    assertEquals("Bearer tok-1", server.takeRequest().getHeaders().get("Authorization"));
    assertEquals(3, server.getRequestCount());

    server.enqueue(token("tok-2", 1800));
    server.enqueue(ok());
    clock.advance(Duration.ofSeconds(1)); // 28 minutes in: two minutes before the token expires
    runtime.execute(api(runtime).items());

    assertEquals("/oauth2/token", server.takeRequest().getUrl().encodedPath());
    assertEquals("Bearer tok-2", server.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void aShortLivedTokenIsRefreshedAtHalfItsLifetime() throws Exception {
    server.enqueue(token("tok-1", 60));
    server.enqueue(ok());
    server.enqueue(ok());
    server.enqueue(token("tok-2", 60));
    server.enqueue(ok());
    ClientRuntime runtime = runtime(options().build());

    runtime.execute(api(runtime).items());
    clock.advance(Duration.ofSeconds(29));
    runtime.execute(api(runtime).items());
    clock.advance(Duration.ofSeconds(1));
    runtime.execute(api(runtime).items());

    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      RecordedRequest request = server.takeRequest();
      sent.add(request.getUrl().encodedPath() + " " + request.getHeaders().get("Authorization"));
    }
    assertEquals("/v1/items Bearer tok-1", sent.get(1));
    assertEquals("/v1/items Bearer tok-1", sent.get(2));
    assertTrue(sent.get(3).startsWith("/oauth2/token Basic "), sent.toString());
    assertEquals("/v1/items Bearer tok-2", sent.get(4));
  }

  @Test
  void a401FetchesANewTokenOnceAndSendsTheRequestAgain() throws Exception {
    server.enqueue(token("tok-1", 1800));
    server.enqueue(new MockResponse.Builder().code(401).body("{\"error\":\"expired\"}").build());
    server.enqueue(token("tok-2", 1800));
    server.enqueue(new MockResponse.Builder().body("{\"ok\":true}").build());
    ClientRuntime runtime = runtime(options().build());

    assertEquals("{\"ok\":true}", runtime.execute(api(runtime).items()).body().json());

    server.takeRequest();
    assertEquals("Bearer tok-1", server.takeRequest().getHeaders().get("Authorization"));
    assertEquals("/oauth2/token", server.takeRequest().getUrl().encodedPath());
    assertEquals("Bearer tok-2", server.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void aSecond401IsTheAuthenticationExceptionWithoutAThirdFetch() throws Exception {
    server.enqueue(token("tok-1", 1800));
    server.enqueue(new MockResponse.Builder().code(401).build());
    server.enqueue(token("tok-2", 1800));
    server.enqueue(new MockResponse.Builder().code(401).body("{\"messages\":[\"no\"]}").build());
    ClientRuntime runtime = runtime(options().build());

    AuthenticationException e = assertThrows(AuthenticationException.class, () -> runtime.execute(api(runtime).items()));

    assertEquals(401, e.status());
    assertEquals(4, server.getRequestCount());
  }

  @Test
  void concurrentCallsShareOneTokenFetch() throws Exception {
    AtomicInteger tokenFetches = new AtomicInteger();
    CountDownLatch allWaiting = new CountDownLatch(1);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        if (request.getUrl().encodedPath().equals("/oauth2/token")) {
          tokenFetches.incrementAndGet();
          allWaiting.await(5, TimeUnit.SECONDS);
          return token("tok-" + tokenFetches.get(), 1800);
        }
        return ok();
      }
    });
    ClientRuntime runtime = runtime(options().build());
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) calls.add(threads.submit(() -> runtime.execute(api(runtime).items())));
      Thread.sleep(200); // every caller is now inside the one fetch or waiting for it
      allWaiting.countDown();
      for (Future<?> call : calls) call.get(10, TimeUnit.SECONDS);
    } finally {
      threads.shutdownNow();
    }

    assertEquals(1, tokenFetches.get());
    assertEquals(9, server.getRequestCount());
  }

  @Test
  void theTokenEndpointsRefusalIsAnAuthenticationExceptionThatNeverShowsTheSecret() {
    server.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
        .body("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}").build());
    ClientRuntime runtime = runtime(options().build());

    AuthenticationException e = assertThrows(AuthenticationException.class, () -> runtime.execute(api(runtime).items()));

    assertEquals("invalid_client", e.errorCode());
    assertTrue(e.getMessage().contains("the OAuth2 token endpoint " + server.url("/oauth2/token")
        + " refused the client credentials of client-id: invalid_client (Client authentication failed)"), e.getMessage());
    assertEquals(1, server.getRequestCount(), "the API is not called without a token");
    assertFalse(e.toString().contains(SECRET));
  }

  @Test
  void aTokenEndpointThatFailsIsRetriedLikeAConnectionFailure() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(token("tok-1", 1800));
    server.enqueue(ok());
    ClientRuntime runtime = runtime(options().build());

    runtime.execute(api(runtime).items(), RequestOptions.NONE);

    assertEquals(3, server.getRequestCount());
    assertTrue(log.stream().anyMatch(line -> line.contains("the OAuth2 token endpoint " + server.url("/oauth2/token")
        + " answered 503")), log.toString());
  }

  @Test
  void neitherTheSecretNorATokenAppearsInLogsOrToString() throws Exception {
    server.enqueue(token("tok-1-secret-value", 1800));
    server.enqueue(ok());
    ClientOptions options = options().build();
    ClientRuntime runtime = runtime(options);

    runtime.execute(api(runtime).items());

    String basic = Base64.getEncoder().encodeToString("client-id:s3cret%2F%2B%3D".getBytes(StandardCharsets.UTF_8));
    for (String text : List.of(String.join("\n", log), options.toString(), options.oauthClientCredentials().toString())) {
      assertFalse(text.contains("s3cret"), text);
      assertFalse(text.contains(basic), text);
      assertFalse(text.contains("tok-1-secret-value"), text);
    }
    assertTrue(options.toString().contains("clientId=client-id, clientSecret=redacted"), options.toString());
    assertTrue(log.stream().anyMatch(line -> line.startsWith("fetched an OAuth2 access token from")), log.toString());
  }

  @Test
  void aStaticTokenSetAfterTheClientCredentialsReplacesThem() throws Exception {
    server.enqueue(ok());
    ClientOptions options = options().credential(Credential.of("static")).build();
    ClientRuntime runtime = runtime(options);

    runtime.execute(api(runtime).items());

    assertEquals(null, options.oauthClientCredentials());
    assertEquals("Bearer static", server.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void aTokenUrlOverPlainHttpToAnotherHostIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OAuthClientCredentials.of("http://auth.example.com/token", "id", SECRET, List.of()));
    assertTrue(e.getMessage().startsWith("tokenUrl must use https unless its host is loopback"), e.getMessage());
    IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
        () -> OAuthClientCredentials.of("https://auth.example.com/token", "id", " ", List.of()));
    assertEquals("clientSecret must not be blank", blank.getMessage());
  }

  @Test
  void scopesAreRequestedWithEachToken() throws Exception {
    server.enqueue(token("tok-1", 1800));
    server.enqueue(ok());
    ClientRuntime runtime = runtime(options().oauthClientCredentials(OAuthClientCredentials.of(
        server.url("/oauth2/token").toString(), "client-id", SECRET, List.of("read", "write"))).build());

    runtime.execute(api(runtime).items());

    assertEquals("grant_type=client_credentials&scope=read+write", server.takeRequest().getBody().utf8());
  }
}
