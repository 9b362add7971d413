package dev.sessionkit.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.agents.model.AgentInput;
import dev.sessionkit.agents.model.AgentStreamedResponse;
import dev.sessionkit.agents.model.CreateInputMessageRequest;
import dev.sessionkit.agents.model.CreateInterruptRequest;
import dev.sessionkit.agents.model.InputMessageEvent;
import dev.sessionkit.agents.model.StreamingAgentOutput;
import dev.sessionkit.agents.model.StreamingAgentOutputEnd;
import dev.sessionkit.agents.model.TextInput;
import dev.sessionkit.agents.model.ToolInputEvent;
import dev.sessionkit.agents.model.ToolOutputEvent;
import dev.sessionkit.core.EventStream;
import dev.sessionkit.errors.StreamErrorException;
import dev.sessionkit.errors.StreamInterruptedException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Vectara's streamed input ("interact with an agent", stream_response true): data-only frames named
 * by their data's type, ending with {@code end}; an {@code error} frame thrown typed; an unknown
 * event type as the union's Unknown. A stream cut mid-turn is never re-sent (a POST of new input):
 * it ends with a StreamInterruptedException carrying the last persisted event id, and the caller's
 * next input with {@code since} set to it delivers the rest exactly once.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class StreamsTest {
  private static final String AGENT = "customer_support";
  private static final String SESSION = "support_session_12345";
  private static final String PATH = "/v2/agents/" + AGENT + "/sessions/" + SESSION + "/events";

  @StartStop private final MockWebServer server = new MockWebServer();

  private static String data(String json) {
    return "data: " + json + "\n\n";
  }

  private static String persisted(String id, String type, String fields) {
    return data("{\"type\":\"" + type + "\",\"id\":\"" + id + "\",\"session_key\":\"" + SESSION + "\"," + fields
        + ",\"created_at\":\"2024-01-15T10:35:02Z\"}");
  }

  private static String chunk(String type, String content) {
    return data("{\"type\":\"" + type + "\",\"content\":\"" + content + "\",\"created_at\":\"2024-01-15T10:35:01Z\"}");
  }

  private static final String INPUT = persisted("aev_in_1", "input_message",
      "\"messages\":[{\"type\":\"text\",\"content\":\"Hello\"}]");
  private static final String THINKING = chunk("streaming_thinking", "The user greets me.")
      + data("{\"type\":\"streaming_thinking_end\",\"created_at\":\"2024-01-15T10:35:01Z\"}");
  private static final String TOOL_INPUT = persisted("aev_ti_1", "tool_input", "\"tool_call_id\":\"call_1\","
      + "\"tool_configuration_name\":\"customer_search\",\"tool_name\":\"corpora_search\",\"tool_input\":{\"query\":\"hi\"}");
  private static final String TOOL_OUTPUT = persisted("aev_to_1", "tool_output", "\"tool_call_id\":\"call_1\","
      + "\"tool_configuration_name\":\"customer_search\",\"tool_name\":\"corpora_search\",\"tool_output\":{\"hits\":0},"
      + "\"error\":false");
  private static final String REPLY = chunk("streaming_agent_output", "Hi") + chunk("streaming_agent_output", " there")
      + data("{\"type\":\"streaming_agent_output_end\",\"event_id\":\"aev_out_1\",\"created_at\":\"2024-01-15T10:35:03Z\"}");
  private static final String END = data("{\"type\":\"end\"}");

  private static MockResponse sse(String body) {
    return new MockResponse.Builder().code(201).addHeader("Content-Type", "text/event-stream").body(body).build();
  }

  private static MockResponse cut(String body) {
    return new MockResponse.Builder().code(201).addHeader("Content-Type", "text/event-stream").body(body)
        .removeHeader("Content-Length").addHeader("Content-Length", body.length() + 4096)
        .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build();
  }

  private AgentsClient client() {
    return AgentsClient.builder().apiKey(Fixtures.API_KEY).baseUrl(server.url("/").toString()).strictDecoding(true)
        .maxRetries(2).build();
  }

  private static CreateInputMessageRequest message(String text, String since) {
    return CreateInputMessageRequest.builder().type("input_message").since(since)
        .messages(List.<AgentInput>of(TextInput.builder().type("text").content(text).build())).build();
  }

  /** What identifies an event across streams: a persisted event's id, a chunk's content, else its type. */
  private static String key(AgentStreamedResponse event) {
    if (event instanceof InputMessageEvent e) return e.id();
    if (event instanceof ToolInputEvent e) return e.id();
    if (event instanceof ToolOutputEvent e) return e.id();
    if (event instanceof StreamingAgentOutput e) return "chunk:" + e.content();
    if (event instanceof StreamingAgentOutputEnd e) return "end of " + e.eventId();
    return event.type();
  }

  @Test
  void dataOnlyFramesArriveTypedByTheirTypeUntilTheEndEvent() throws Exception {
    server.enqueue(sse(INPUT + THINKING + TOOL_INPUT + TOOL_OUTPUT + REPLY + END + data("{\"type\":\"after_end\"}")));

    List<String> seen = new ArrayList<>();
    try (EventStream<AgentStreamedResponse> events = client().sessions().stream(AGENT, SESSION, message("Hello", null))) {
      for (AgentStreamedResponse event : events) seen.add(key(event));
    }

    assertEquals(List.of("aev_in_1", "streaming_thinking", "streaming_thinking_end", "aev_ti_1", "aev_to_1",
        "chunk:Hi", "chunk: there", "end of aev_out_1", "end"), seen, "the stream ends with end; nothing after it");
    RecordedRequest request = server.takeRequest();
    assertEquals("POST", request.getMethod());
    assertEquals(PATH, request.getTarget());
    assertEquals("text/event-stream", request.getHeaders().get("Accept"));
    assertEquals(Fixtures.API_KEY, request.getHeaders().get("x-api-key"));
    assertEquals("{\"type\":\"input_message\",\"messages\":[{\"type\":\"text\",\"content\":\"Hello\"}],"
        + "\"stream_response\":true}", request.getBody().utf8());
  }

  @Test
  void anErrorFrameIsTheTypedStreamErrorWithVectarasMessages() {
    server.enqueue(sse(INPUT + data("{\"type\":\"error\",\"messages\":[\"Failed to communicate with the pod\"]}")));

    List<String> seen = new ArrayList<>();
    StreamErrorException e = assertThrows(StreamErrorException.class, () -> {
      try (EventStream<AgentStreamedResponse> events = client().sessions().stream(AGENT, SESSION, message("Hi", null))) {
        for (AgentStreamedResponse event : events) seen.add(key(event));
      }
    });

    assertEquals(List.of("aev_in_1"), seen);
    assertEquals("error", e.eventName());
    assertEquals("Failed to communicate with the pod", e.errorMessage());
  }

  @Test
  void anUnknownEventTypeArrivesAsTheUnionsUnknownVariant() {
    String memory = "{\"type\":\"memory_recalled\",\"id\":\"aev_m_1\",\"facts\":[\"a\"]}";
    server.enqueue(sse(data(memory) + END));

    List<AgentStreamedResponse> events = new ArrayList<>();
    try (EventStream<AgentStreamedResponse> stream = AgentsClient.builder().apiKey(Fixtures.API_KEY)
        .baseUrl(server.url("/").toString()).build().sessions().stream(AGENT, SESSION, message("Hi", null))) {
      stream.forEach(events::add);
    }

    AgentStreamedResponse.Unknown unknown = assertInstanceOf(AgentStreamedResponse.Unknown.class, events.get(0));
    assertEquals("memory_recalled", unknown.type());
    assertEquals(memory, unknown.raw().json());
    assertEquals("end", events.get(1).type());
  }

  @Test
  void aCutMidTurnIsNeverResentAndTheNextInputWithSinceDeliversTheRestExactlyOnce() throws Exception {
    server.enqueue(cut(INPUT + THINKING + TOOL_INPUT + chunk("streaming_agent_output", "Hi")
        + "data: {\"type\":\"tool_out"));
    // Vectara's answer to the next input with since: every event after aev_ti_1, then the new turn's.
    server.enqueue(sse(TOOL_OUTPUT + REPLY + persisted("aev_in_2", "input_message",
        "\"messages\":[{\"type\":\"text\",\"content\":\"Thanks\"}]") + END));

    List<String> seen = new ArrayList<>();
    StreamInterruptedException cut = assertThrows(StreamInterruptedException.class, () -> {
      try (EventStream<AgentStreamedResponse> events = client().sessions().stream(AGENT, SESSION, message("Hello", null))) {
        for (AgentStreamedResponse event : events) seen.add(key(event));
      }
    });
    assertEquals(1, server.getRequestCount(), "the input is not sent again");
    try (EventStream<AgentStreamedResponse> events = client().sessions().stream(AGENT, SESSION,
        message("Thanks", cut.lastEventId()))) {
      for (AgentStreamedResponse event : events) seen.add(key(event));
    }

    assertEquals("aev_ti_1", cut.lastEventId(), "the last persisted event delivered");
    assertTrue(cut.getMessage().contains("POST is not idempotent"), cut.getMessage());
    assertEquals(List.of("aev_in_1", "streaming_thinking", "streaming_thinking_end", "aev_ti_1", "chunk:Hi",
        "aev_to_1", "chunk:Hi", "chunk: there", "end of aev_out_1", "aev_in_2", "end"), seen);
    assertEquals(seen.stream().filter(k -> k.startsWith("aev_")).distinct().count(),
        seen.stream().filter(k -> k.startsWith("aev_")).count(), "each persisted event exactly once");
    server.takeRequest();
    RecordedRequest next = server.takeRequest();
    assertEquals("{\"type\":\"input_message\",\"messages\":[{\"type\":\"text\",\"content\":\"Thanks\"}],"
        + "\"since\":\"aev_ti_1\",\"stream_response\":true}", next.getBody().utf8());
  }

  @Test
  void aPublisherCutAfterAStreamEndEventCarriesItsEventIdAsTheCursor() throws Exception {
    server.enqueue(cut(INPUT + REPLY + "data: {\"type\":\"thi"));

    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Void> done = new CompletableFuture<>();
    client().sessions().streamAsync(AGENT, SESSION, message("Hello", null)).subscribe(new Flow.Subscriber<>() {
      @Override
      public void onSubscribe(Flow.Subscription s) {
        s.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(AgentStreamedResponse event) {
        seen.add(key(event));
      }

      @Override
      public void onError(Throwable failure) {
        done.completeExceptionally(failure);
      }

      @Override
      public void onComplete() {
        done.complete(null);
      }
    });
    Throwable failure = assertThrows(java.util.concurrent.ExecutionException.class,
        () -> done.get(10, TimeUnit.SECONDS)).getCause();

    StreamInterruptedException cut = assertInstanceOf(StreamInterruptedException.class, failure);
    assertEquals("aev_out_1", cut.lastEventId(), "streaming_agent_output_end.event_id is the cursor");
    assertEquals(List.of("aev_in_1", "chunk:Hi", "chunk: there", "end of aev_out_1"), seen);
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void anInterruptStreamsOnTheAliasRouteAndACutEndsWithTheCursorToo() throws Exception {
    server.enqueue(cut(persisted("aev_si_1", "session_interrupted", "\"messages\":[]").replace(",\"messages\":[]", "")
        + "data: {\"ty"));

    StreamInterruptedException cut = assertThrows(StreamInterruptedException.class, () -> {
      try (EventStream<AgentStreamedResponse> events = client().aliasSessions().stream("support", SESSION,
          CreateInterruptRequest.builder().type("interrupt").build())) {
        events.forEach(event -> { });
      }
    });

    assertEquals("aev_si_1", cut.lastEventId());
    RecordedRequest request = server.takeRequest();
    assertEquals("/v2/agent_aliases/support/sessions/" + SESSION + "/events", request.getTarget());
    assertEquals("{\"type\":\"interrupt\",\"stream_response\":true}", request.getBody().utf8());
    assertNull(request.getHeaders().get("Last-Event-ID"));
  }
}
