package dev.sessionkit.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.errors.ApiException;
import dev.sessionkit.errors.AuthenticationException;
import dev.sessionkit.errors.BadRequestException;
import dev.sessionkit.errors.NotFoundException;
import dev.sessionkit.errors.RateLimitException;
import dev.sessionkit.errors.ServerException;
import dev.sessionkit.inbox.model.Message;
import dev.sessionkit.inbox.model.MessageList;
import dev.sessionkit.inbox.model.Thread;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Inbox client is generated from specs/inbox.yaml alone (this module has no main Java), and it
 * pages both ways, maps every documented error status, answers raw and async, and checks arguments.
 */
class GeneratedClientTest {
  private static final String THREAD = "thread_abc123";
  private final MockWebServer server = new MockWebServer();
  private InboxClient client;

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = InboxClient.builder().token("sk_test_secret").baseUrl(server.url("/v1/").toString()).noRetries().build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String message(String id) {
    return "{\"id\":\"" + id + "\",\"thread_id\":\"" + THREAD + "\",\"role\":\"user\",\"content\":\"text of " + id
        + "\",\"created_at\":\"2026-01-02T03:04:05Z\"}";
  }

  private static String page(boolean hasMore, String... ids) {
    StringBuilder data = new StringBuilder();
    for (String id : ids) data.append(data.length() == 0 ? "" : ",").append(message(id));
    return "{\"object\":\"list\",\"data\":[" + data + "],\"first_id\":\"" + ids[0] + "\",\"last_id\":\""
        + ids[ids.length - 1] + "\",\"has_more\":" + hasMore + "}";
  }

  private void enqueue(int status, String body) {
    server.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
        .addHeader("x-request-id", "req_" + status).body(body).build());
  }

  private static List<String> ids(Iterable<Message> messages) {
    List<String> ids = new java.util.ArrayList<>();
    for (Message message : messages) ids.add(message.id());
    return ids;
  }

  @Test
  void pagesForwardWithAfterSetToEachPagesLastId() throws Exception {
    enqueue(200, page(true, "msg_1", "msg_2"));
    enqueue(200, page(false, "msg_3"));

    assertEquals(List.of("msg_1", "msg_2", "msg_3"), ids(client.threads().iterateMessages(THREAD,
        MessageListParams.builder().limit(2).build())));

    RecordedRequest first = server.takeRequest();
    assertEquals("/v1/threads/" + THREAD + "/messages?limit=2", first.getTarget());
    assertEquals("Bearer sk_test_secret", first.getHeaders().get("Authorization"));
    assertEquals("/v1/threads/" + THREAD + "/messages?limit=2&after=msg_2", server.takeRequest().getTarget());
  }

  @Test
  void pagesBackwardWithBeforeSetToEachPagesFirstIdNewestFirst() throws Exception {
    enqueue(200, page(true, "msg_7", "msg_8"));
    enqueue(200, page(false, "msg_5", "msg_6"));

    assertEquals(List.of("msg_8", "msg_7", "msg_6", "msg_5"),
        client.threads().streamMessages(THREAD, MessageListParams.builder().before("msg_9").build())
            .map(Message::id).toList());

    assertEquals("/v1/threads/" + THREAD + "/messages?before=msg_9", server.takeRequest().getTarget());
    assertEquals("/v1/threads/" + THREAD + "/messages?before=msg_7", server.takeRequest().getTarget());
  }

  @Test
  void retrievesOneThreadWithoutPaging() throws Exception {
    enqueue(200, "{\"id\":\"" + THREAD + "\",\"object\":\"thread\",\"created_at\":\"2026-01-02T03:04:05Z\",\"title\":null}");

    Thread thread = client.threads().retrieve(THREAD);

    assertEquals(THREAD, thread.id());
    assertNull(thread.title());
    assertEquals("/v1/threads/" + THREAD, server.takeRequest().getTarget());
  }

  @Test
  void everyDocumentedErrorStatusIsItsTypedExceptionWithTheEnvelope() throws Exception {
    Map<Integer, Class<? extends ApiException>> statuses = Map.of(400, BadRequestException.class,
        401, AuthenticationException.class, 404, NotFoundException.class, 429, RateLimitException.class,
        500, ServerException.class);
    for (Map.Entry<Integer, Class<? extends ApiException>> status : statuses.entrySet()) {
      enqueue(status.getKey(), "{\"error\":{\"message\":\"failed with " + status.getKey()
          + "\",\"type\":\"type_" + status.getKey() + "\",\"code\":\"code_" + status.getKey() + "\",\"param\":null}}");

      ApiException e = assertThrows(status.getValue(), () -> client.threads().messages(THREAD));

      assertEquals(status.getKey(), e.status());
      assertEquals("code_" + status.getKey(), e.errorCode());
      assertEquals("failed with " + status.getKey(), e.errorMessage());
      assertEquals("req_" + status.getKey(), e.requestId());
      assertEquals("/v1/threads/" + THREAD + "/messages", server.takeRequest().getTarget());
    }
  }

  @Test
  void anErrorWithoutCodeIsNamedByItsType() throws Exception {
    enqueue(404, "{\"error\":{\"message\":\"No thread found\",\"type\":\"invalid_request_error\",\"code\":null}}");

    NotFoundException e = assertThrows(NotFoundException.class, () -> client.threads().retrieve(THREAD));

    assertEquals("invalid_request_error", e.errorCode());
    assertEquals("No thread found", e.errorMessage());
    assertEquals("/v1/threads/" + THREAD, server.takeRequest().getTarget());
  }

  @Test
  void rawResponsesCarryStatusHeadersAndRequestId() throws Exception {
    enqueue(200, page(false, "msg_1"));

    RawResponse<MessageList> raw = client.threads().withRawResponse().messages(THREAD, MessageListParams.NONE);

    assertEquals(200, raw.status());
    assertEquals("req_200", raw.requestId());
    assertEquals(1, raw.attempts());
    assertEquals("msg_1", raw.body().data().get(0).id());
    assertEquals("/v1/threads/" + THREAD + "/messages", server.takeRequest().getTarget());
  }

  @Test
  void asyncCallsCompleteWithTheBodyOrTheTypedError() throws Exception {
    enqueue(200, page(false, "msg_1"));
    enqueue(401, "{\"error\":{\"message\":\"Incorrect API key\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}");

    assertEquals("msg_1", client.threads().messagesAsync(THREAD).get(5, TimeUnit.SECONDS).lastId());
    CompletableFuture<Thread> failed = client.threads().retrieveAsync(THREAD);
    ExecutionException e = assertThrows(ExecutionException.class, () -> failed.get(5, TimeUnit.SECONDS));

    assertEquals("invalid_api_key", assertInstanceOf(AuthenticationException.class, e.getCause()).errorCode());
    assertEquals("/v1/threads/" + THREAD + "/messages", server.takeRequest().getTarget());
    assertEquals("/v1/threads/" + THREAD, server.takeRequest().getTarget());
  }

  @Test
  void argumentsAreCheckedAgainstTheSpecBeforeAnyRequest() {
    IllegalArgumentException badId = assertThrows(IllegalArgumentException.class,
        () -> client.threads().retrieve("abc"));
    assertEquals("threadId must match ^thread_[A-Za-z0-9]+$ (got \"abc\")", badId.getMessage());
    assertEquals("limit must be between 1 and 100 (got 0)",
        assertThrows(IllegalArgumentException.class, () -> MessageListParams.builder().limit(0).build()).getMessage());
    assertEquals("after must match ^msg_[A-Za-z0-9]+$ (got \"m1\")",
        assertThrows(IllegalArgumentException.class, () -> MessageListParams.builder().after("m1").build()).getMessage());
    assertEquals("after and before are mutually exclusive (got both)", assertThrows(IllegalArgumentException.class,
        () -> MessageListParams.builder().after("msg_1").before("msg_2").build()).getMessage());
    CompletableFuture<MessageList> async = client.threads().messagesAsync("thread/../x");
    assertInstanceOf(IllegalArgumentException.class,
        assertThrows(ExecutionException.class, () -> async.get(5, TimeUnit.SECONDS)).getCause());
    assertThrows(IllegalArgumentException.class, () -> client.threads().iterateMessages("nope"));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void fromEnvReadsTheVariablesTheSpecNamesAndToStringNeverShowsTheKey() {
    InboxClient fromEnv = InboxClient.builder().fromEnv(Map.of("INBOX_API_KEY", "sk_env_secret",
        "INBOX_BASE_URL", server.url("/v1/").toString())).build();

    assertEquals("INBOX_API_KEY", InboxClient.TOKEN_ENV);
    assertEquals("INBOX_BASE_URL", InboxClient.BASE_URL_ENV);
    assertTrue(fromEnv.toString().startsWith("InboxClient(http://"));
    assertTrue(!fromEnv.options().toString().contains("sk_env_secret"));
    assertEquals(fromEnv.options().baseUrl(), fromEnv.toBuilder().build().options().baseUrl());
  }
}
