package dev.sessionkit.qoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sessionkit.core.RequestOptions;
import dev.sessionkit.core.Sleeper;
import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.errors.ConflictException;
import dev.sessionkit.qoder.model.ContentBlock;
import dev.sessionkit.qoder.model.CreateSessionRequest;
import dev.sessionkit.qoder.model.SendEventsRequest;
import dev.sessionkit.qoder.model.SendUserMessage;
import dev.sessionkit.qoder.model.Session;
import dev.sessionkit.qoder.model.SessionAgent;
import dev.sessionkit.qoder.model.TextBlock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Qoder's writes: every POST carries an Idempotency-Key (the caller's, or one per call), the same key
 * on each retry, so a POST is retried like a GET; a key reused with another body is the typed 409;
 * 204 answers nothing.
 */
class WritesTest {
  private static final String SESSION = "sess_019e392c0d1e74e095d21ea4c6b41def";

  @StartStop private final MockWebServer server = new MockWebServer();

  /** Waits for nothing, so a retry is immediate. */
  private static final class NoWait implements Sleeper {
    @Override
    public void sleep(Duration duration) {}

    @Override
    public CompletableFuture<Void> sleepAsync(Duration duration) {
      return CompletableFuture.completedFuture(null);
    }
  }

  private QoderClient client() {
    return QoderClient.builder().token("pt-test").baseUrl(server.url("/").toString()).maxRetries(2)
        .sleeper(new NoWait()).build();
  }

  private static CreateSessionRequest create() {
    return CreateSessionRequest.builder().agent(new SessionAgent.OfString("agent_019e390add9f7bac9b6cc806db46fcbd"))
        .environmentId("env_019e2590d33f711fabf42f2857cecd8a").build();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  @Test
  void aPostRetriedAfterA503SendsTheSameIdempotencyKeyAndTheSameBody() throws Exception {
    server.enqueue(json(503, "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"busy\"}}"));
    server.enqueue(json(201, Fixtures.read("operations/createSession.json")));

    Session session = client().sessions().create(create());

    RecordedRequest first = server.takeRequest();
    RecordedRequest retry = server.takeRequest();
    assertEquals("sess_019e3bb1e8c171fd9abbb1477ffb84cc", session.id());
    String key = first.getHeaders().get("Idempotency-Key");
    assertEquals(36, key.length());
    assertEquals(key, retry.getHeaders().get("Idempotency-Key"), "one key per logical call");
    assertEquals(first.getBody().utf8(), retry.getBody().utf8());
    assertEquals("{\"agent\":\"agent_019e390add9f7bac9b6cc806db46fcbd\",\"environment_id\":"
        + "\"env_019e2590d33f711fabf42f2857cecd8a\"}", retry.getBody().utf8());
  }

  @Test
  void twoCallsSendTwoKeysAndTheCallersKeyIsSentAsGiven() throws Exception {
    server.enqueue(json(202, Fixtures.read("operations/sendEvents.json")));
    server.enqueue(json(202, Fixtures.read("operations/sendEvents.json")));
    server.enqueue(json(202, Fixtures.read("operations/sendEvents.json")));
    SendEventsRequest hello = SendEventsRequest.builder().events(List.of(SendUserMessage.builder().type("user.message")
        .content(List.<ContentBlock>of(TextBlock.builder().type("text").text("Hello").build())).build())).build();

    client().sessions().send(SESSION, hello);
    client().sessions().send(SESSION, hello);
    client().sessions().send(SESSION, hello, RequestOptions.builder()
        .idempotencyKey("6f1c0a3e-51f2-4a8e-9b0d-2f4c7e1a9d35").build());

    String one = server.takeRequest().getHeaders().get("Idempotency-Key");
    String two = server.takeRequest().getHeaders().get("Idempotency-Key");
    assertEquals(false, one.equals(two), "a new call is a new key");
    assertEquals("6f1c0a3e-51f2-4a8e-9b0d-2f4c7e1a9d35", server.takeRequest().getHeaders().get("Idempotency-Key"));
  }

  @Test
  void aKeyReusedWithAnotherBodyIsTheTypedConflictNamingQodersErrorType() {
    server.enqueue(json(409, "{\"type\":\"error\",\"error\":{\"type\":\"conflict_error\",\"message\":"
        + "\"Idempotency key reused with a different request body.\"}}"));

    ConflictException e = assertThrows(ConflictException.class, () -> client().sessions().create(create(),
        RequestOptions.builder().idempotencyKey("6f1c0a3e-51f2-4a8e-9b0d-2f4c7e1a9d35").build()));

    assertEquals("conflict_error", e.errorCode());
    assertEquals("Idempotency key reused with a different request body.", e.errorMessage());
    assertEquals(1, server.getRequestCount(), "a 409 is not retried");
  }

  @Test
  void aDeleteAnsweredWith204ReturnsNothingAndItsRawFormTheStatus() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).addHeader("x-request-id", "req_9").build());

    RawResponse<Void> raw = client().environments().withRawResponse().delete("env_019e3bb39b6774d8878cd0b9d237574b");

    assertEquals(204, raw.status());
    assertEquals("req_9", raw.requestId());
    assertEquals("DELETE", server.takeRequest().getMethod());
  }
}
