package dev.sessionkit.qoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.errors.AuthenticationException;
import dev.sessionkit.errors.UnexpectedStatusException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import dev.sessionkit.core.LogLevel;
import org.junit.jupiter.api.Test;

/** The token never leaks, plain http is refused, and bad input never reaches the server. */
class SecretsAndValidationTest {
  private static final String TOKEN = "pt-SECRET-7f3a9c";
  @StartStop private final MockWebServer server = new MockWebServer();

  @Test
  void tokenIsAbsentFromLogsExceptionsAndToString() throws Exception {
    List<String> logs = new ArrayList<>();
    QoderClient client = QoderClient.builder().token(TOKEN).baseUrl(server.url("/").toString())
        .logLevel(LogLevel.DEBUG).logger(logs::add).build();
    server.enqueue(new MockResponse.Builder().code(401)
        .body("{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"PAT invalid or expired\"}}")
        .build());

    AuthenticationException e = assertThrows(AuthenticationException.class,
        () -> client.sessions().events(Fixtures.SESSION_ID));

    assertEquals("Bearer " + TOKEN, server.takeRequest().getHeaders().get("Authorization"), "the token is sent");
    assertTrue(logs.stream().anyMatch(line -> line.startsWith("Authorization: ██")), "the header is logged redacted");
    assertTrue(logs.stream().anyMatch(line -> line.contains("PAT invalid or expired")), "bodies are logged");
    for (String line : logs) assertFalse(line.contains(TOKEN), line);
    assertFalse(e.getMessage().contains(TOKEN));
    assertFalse(String.valueOf(e.body()).contains(TOKEN));
    assertFalse(client.toString().contains(TOKEN));
    assertFalse(client.options().toString().contains(TOKEN));
    assertFalse(client.options().credential().toString().contains(TOKEN));
  }

  @Test
  void plainHttpToANonLoopbackHostIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> QoderClient.builder().token(TOKEN).baseUrl("http://api.example.com/v1/"));
    assertTrue(e.getMessage().contains("must use https"), e.getMessage());
    assertFalse(e.getMessage().contains(TOKEN));
  }

  @Test
  void redirectsAreReportedNotFollowedSoTheTokenStaysHome() throws Exception {
    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.start();
      QoderClient client = QoderClient.builder().token(TOKEN).baseUrl(server.url("/").toString()).build();
      server.enqueue(new MockResponse.Builder().code(302)
          .addHeader("Location", elsewhere.url("/steal").toString()).build());

      UnexpectedStatusException e = assertThrows(UnexpectedStatusException.class,
          () -> client.sessions().events(Fixtures.SESSION_ID));

      assertEquals(302, e.status());
      assertEquals(elsewhere.url("/steal").toString(), e.headers().get("Location"));
      assertEquals("/sessions/" + Fixtures.SESSION_ID + "/events", server.takeRequest().getTarget());
      assertEquals(0, elsewhere.getRequestCount(), "nothing, and no token, went to the redirect target");
    }
  }

  @Test
  void plainHttpToLoopbackIsAllowed() {
    QoderClient.builder().token(TOKEN).baseUrl("http://127.0.0.1:8080/").build();
    QoderClient.builder().token(TOKEN).baseUrl("http://localhost:8080/").build();
    QoderClient.builder().token(TOKEN).baseUrl("http://[::1]:8080/").build();
  }

  @Test
  void missingTokenNamesTheEnvironmentVariable() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> QoderClient.builder().build());
    assertTrue(e.getMessage().contains("QODER_PAT"), e.getMessage());
  }

  @Test
  void fromEnvReadsTheTokenAndBaseUrl() throws Exception {
    QoderClient client = QoderClient.builder()
        .fromEnv(Map.of("QODER_PAT", TOKEN, "QODER_BASE_URL", server.url("/api/").toString())).build();
    server.enqueue(new MockResponse.Builder().body(Fixtures.page(false, null, null)).build());

    assertEquals(0, client.sessions().events(Fixtures.SESSION_ID).data().size());

    var request = server.takeRequest();
    assertEquals("/api/sessions/" + Fixtures.SESSION_ID + "/events", request.getTarget());
    assertEquals("Bearer " + TOKEN, request.getHeaders().get("Authorization"));
  }

  @Test
  void toBuilderMakesAVariantWithEverySettingKept() throws Exception {
    QoderClient lenient = QoderClient.builder().token(TOKEN).baseUrl(server.url("/api/").toString())
        .readTimeout(java.time.Duration.ofSeconds(7)).maxRetries(4).build();

    QoderClient strict = lenient.toBuilder().strictDecoding(true).build();

    assertEquals(lenient.options().baseUrl(), strict.options().baseUrl());
    assertEquals(java.time.Duration.ofSeconds(7), strict.options().readTimeout());
    assertEquals(4, strict.options().maxRetries());
    assertTrue(strict.options().strictDecoding());
    assertFalse(lenient.options().strictDecoding());
    server.enqueue(new MockResponse.Builder().body(Fixtures.page(false, null, null)).build());
    strict.sessions().events(Fixtures.SESSION_ID);
    assertEquals("Bearer " + TOKEN, server.takeRequest().getHeaders().get("Authorization"), "the token came along");
  }

  @Test
  void defaultBaseUrlIsTheDocumentedServer() {
    assertEquals("https://api.qoder.com/api/v1/cloud/",
        QoderClient.builder().token(TOKEN).build().options().baseUrl().toString());
  }

  @Test
  void sessionIdWithoutPrefixIsRefusedBeforeAnyRequest() {
    QoderClient client = QoderClient.builder().token(TOKEN).baseUrl(server.url("/").toString()).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client.sessions().events("abc"));
    assertEquals("sessionId must match ^sess_[0-9A-Za-z_]+$ (got \"abc\")", e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void sessionIdWithASlashIsRefusedBeforeAnyRequest() {
    QoderClient client = QoderClient.builder().token(TOKEN).baseUrl(server.url("/").toString()).build();
    assertThrows(IllegalArgumentException.class, () -> client.sessions().events("sess_1/../admin"));
    assertThrows(IllegalArgumentException.class, () -> client.sessions().iterateEvents("sess_1/x"));
    ExecutionException async = assertThrows(ExecutionException.class,
        () -> client.sessions().eventsAsync("sess_/", EventListParams.NONE).get());
    assertTrue(async.getCause() instanceof IllegalArgumentException);
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void limitOutOfRangeIsRefused() {
    IllegalArgumentException low = assertThrows(IllegalArgumentException.class,
        () -> EventListParams.builder().limit(0).build());
    assertEquals("limit must be between 1 and 100 (got 0)", low.getMessage());
    assertThrows(IllegalArgumentException.class, () -> EventListParams.builder().limit(101).build());
    assertEquals(100, EventListParams.builder().limit(100).build().limit());
  }

  @Test
  void afterIdAndBeforeIdTogetherAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> EventListParams.builder().afterId("evt_1").beforeId("evt_2").build());
    assertThrows(IllegalArgumentException.class, () -> EventListParams.builder().afterId("1").build());
  }
}
