package dev.sessionkit.piper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.EventStream;
import dev.sessionkit.core.PageOf;
import dev.sessionkit.core.json.JsonValue;
import dev.sessionkit.errors.DecodingException;
import dev.sessionkit.errors.StreamInterruptedException;
import dev.sessionkit.piper.model.AgentResponse;
import dev.sessionkit.piper.model.ResponseRequest;
import dev.sessionkit.piper.model.SessionListItem;
import dev.sessionkit.piper.model.SessionListResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The operations piper.yaml adds for the session lifecycle, against a local server: the sessions
 * listed by offset (one page, and auto-paged to the total), a response created at once, and the
 * response stream, whose undocumented frames arrive raw.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class OperationsTest {
  private static final String AGENT = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private PiperClient client() {
    return PiperClient.builder().token(Fixtures.TOKEN).baseUrl(server.url("/").toString()).defaultOrgId(Fixtures.ORG_ID)
        .strictDecoding(true).noRetries().build();
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
  }

  private static String session(String id) {
    return "{\"id\":\"" + id + "\",\"agent_id\":\"" + AGENT + "\",\"agent_name\":\"Support\",\"channel_id\":null,"
        + "\"channel_type\":null,\"channel_name\":null,\"message_count\":2,\"is_test\":false,\"scenario_run_status\":null,"
        + "\"created_at\":\"2023-11-07T05:31:56Z\",\"updated_at\":\"2023-11-07T05:31:56Z\"}";
  }

  private static String page(long total, String... ids) {
    List<String> sessions = new ArrayList<>();
    for (String id : ids) sessions.add(session(id));
    return "{\"sessions\":[" + String.join(",", sessions) + "],\"total\":" + total + "}";
  }

  private static ResponseRequest hello() {
    return ResponseRequest.builder().agentId(AGENT).message("Hello").build();
  }

  @Test
  void listingSessionsSendsLimitAndOffsetAndDecodesThePageAndItsTotal() throws Exception {
    server.enqueue(json(Fixtures.read("operations/listSessions.json")));

    SessionListResponse page = client().sessions().list(SessionListParams.builder().limit(100).offset(200).build());

    assertEquals(123L, page.total());
    assertEquals(AGENT, page.sessions().get(0).id());
    RecordedRequest request = server.takeRequest();
    assertEquals("GET", request.getMethod());
    assertEquals("/v1/orgs/" + Fixtures.ORG_ID + "/sessions/?limit=100&offset=200", request.getTarget());
    assertEquals("Bearer " + Fixtures.TOKEN, request.getHeaders().get("Authorization"));
  }

  @Test
  void autoPagingAsksForFiveHundredAtATimeAndMovesTheOffsetUntilTheTotal() throws Exception {
    server.enqueue(json(page(3, "00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002")));
    server.enqueue(json(page(3, "00000000-0000-4000-8000-000000000003")));

    List<String> ids = client().sessions().streamList(Fixtures.ORG_ID).map(SessionListItem::id).toList();

    assertEquals(3, ids.size());
    assertEquals("/v1/orgs/" + Fixtures.ORG_ID + "/sessions/?limit=500", server.takeRequest().getTarget());
    assertEquals("/v1/orgs/" + Fixtures.ORG_ID + "/sessions/?limit=500&offset=2", server.takeRequest().getTarget());
    assertEquals(2, server.getRequestCount(), "the total is reached");
  }

  @Test
  void pagesNameTheNextOffsetToResumeFrom() throws Exception {
    server.enqueue(json(page(5, "00000000-0000-4000-8000-000000000004")));
    server.enqueue(json(page(5, "00000000-0000-4000-8000-000000000005")));

    List<String> next = new ArrayList<>();
    for (PageOf<SessionListResponse, SessionListItem> page
        : client().sessions().listPages(Fixtures.ORG_ID, SessionListParams.builder().offset(3).limit(1).build())) {
      next.add(page.nextCursor());
    }

    assertEquals(Arrays.asList("4", null), next);
    assertEquals("/v1/orgs/" + Fixtures.ORG_ID + "/sessions/?limit=1&offset=3", server.takeRequest().getTarget());
    assertEquals("/v1/orgs/" + Fixtures.ORG_ID + "/sessions/?limit=1&offset=4", server.takeRequest().getTarget());
  }

  @Test
  void aResponseIsCreatedWithItsBodyAndDecodedWithItsEvents() throws Exception {
    server.enqueue(json(Fixtures.read("operations/createResponse.json")));

    AgentResponse response = client().responses().create(Fixtures.ORG_ID, ResponseRequest.builder().agentId(AGENT)
        .message("Hello").sessionId("3c90c3cc-0d44-4b50-8888-8dd25736052a").build(),
        ResponseCreateParams.builder().includeEvents(false).build());

    assertEquals("<string>", response.content());
    assertEquals(1, response.events().size());
    RecordedRequest request = server.takeRequest();
    assertEquals("POST", request.getMethod());
    assertEquals("/v1/orgs/" + Fixtures.ORG_ID + "/responses/?include_events=false", request.getTarget());
    assertEquals("{\"agent_id\":\"" + AGENT + "\",\"message\":\"Hello\",\"session_id\":"
        + "\"3c90c3cc-0d44-4b50-8888-8dd25736052a\"}", request.getBody().utf8());
    assertNull(request.getHeaders().get("Idempotency-Key"), "Piper documents no idempotency key");
  }

  @Test
  void theResponseStreamDeliversEveryFrameRawWhateverItsEventName() throws Exception {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
        .body(": keep-alive\n\nevent: delta\ndata: {\"content\":\"Hel\"}\n\nid: 7\nevent: delta\ndata: {\"content\":\"lo\"}\n\n"
            + "event: done\ndata: {\"session_id\":\"3c90c3cc-0d44-4b50-8888-8dd25736052a\",\"n\":1.50}\n\ndata: [1,2]\n\n")
        .build());

    List<JsonValue> frames = new ArrayList<>();
    try (EventStream<JsonValue> stream = client().responses().stream(Fixtures.ORG_ID, hello())) {
      stream.forEach(frames::add);
    }

    assertEquals(List.of(JsonValue.of("{\"content\":\"Hel\"}"), JsonValue.of("{\"content\":\"lo\"}"),
        JsonValue.of("{\"session_id\":\"3c90c3cc-0d44-4b50-8888-8dd25736052a\",\"n\":1.50}"), JsonValue.of("[1,2]")),
        frames, "each frame's data, byte for byte, until the server ends the response");
    RecordedRequest request = server.takeRequest();
    assertEquals("POST", request.getMethod());
    assertEquals("/v1/orgs/" + Fixtures.ORG_ID + "/responses/stream", request.getTarget());
    assertEquals("text/event-stream", request.getHeaders().get("Accept"));
    assertEquals("{\"agent_id\":\"" + AGENT + "\",\"message\":\"Hello\"}", request.getBody().utf8());
  }

  @Test
  void aFrameWhoseDataIsNotJsonIsATypedDecodingError() {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
        .body("data: {\"content\":\"Hi\"}\n\ndata: plain text\n\n").build());

    List<JsonValue> frames = new ArrayList<>();
    DecodingException e = assertThrows(DecodingException.class, () -> {
      try (EventStream<JsonValue> stream = client().responses().stream(Fixtures.ORG_ID, hello())) {
        stream.forEach(frames::add);
      }
    });

    assertEquals(List.of(JsonValue.of("{\"content\":\"Hi\"}")), frames);
    assertTrue(e.getMessage().contains("/responses/stream"), e.getMessage());
  }

  @Test
  void aCutResponseStreamIsNeverResent() {
    String body = "data: {\"content\":\"Hel\"}\n\ndata: {\"cont";
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(body)
        .removeHeader("Content-Length").addHeader("Content-Length", body.length() + 4096)
        .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build());

    StreamInterruptedException e = assertThrows(StreamInterruptedException.class, () -> {
      try (EventStream<JsonValue> stream = PiperClient.builder().token(Fixtures.TOKEN).baseUrl(server.url("/").toString())
          .maxRetries(2).build().responses().stream(Fixtures.ORG_ID, hello())) {
        stream.forEach(frame -> { });
      }
    });

    assertTrue(e.getMessage().contains("this stream cannot be resumed"), e.getMessage());
    assertEquals(1, server.getRequestCount());
  }
}
