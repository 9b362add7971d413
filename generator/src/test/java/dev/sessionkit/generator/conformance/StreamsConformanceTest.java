package dev.sessionkit.generator.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Live event streams (conformance/streams/): a stream named by SSE {@code event:} fields that skips
 * heartbeats and resumes with Last-Event-ID (last-event-id.yaml), and one named by its data's
 * {@code type}, asked for with a body property, ending with an end event and reporting error events
 * typed (data-named.yaml). The runtime (EventStream, ClientRuntime.stream) is issue 19's; these
 * tests run where it is on the class path and are skipped, saying so, where it is not yet.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StreamsConformanceTest extends ConformanceServer {
  private static Conformance.Generated live;
  private static Conformance.Generated agents;

  @BeforeAll
  static void generate() {
    boolean runtime;
    try {
      Class.forName("dev.sessionkit.core.spi.StreamSpec");
      runtime = true;
    } catch (ClassNotFoundException e) {
      runtime = false;
    }
    assumeTrue(runtime, "the live-stream runtime (issue 19: StreamSpec, EventStream) is not in sessionkit-common yet");
    live = Conformance.generate("streams/last-event-id.yaml");
    agents = Conformance.generate("streams/data-named.yaml");
  }

  private static MockResponse sse(String body) {
    return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(body).build();
  }

  @Test
  void eventsArriveTypedHeartbeatsNeverAndAnUnknownTypeAsTheUnknownVariant() throws Exception {
    server.enqueue(sse("""
        id: e1
        event: user.message
        data: {"id":"e1","type":"user.message","content":"hi"}

        event: heartbeat
        data: {}

        id: e2
        event: agent.thinking
        data: {"id":"e2","type":"agent.thinking"}

        id: e3
        event: agent.message
        data: {"id":"e3","type":"agent.message","text":"hello"}

        """));

    Object seen = live.run(url(), """
        List<String> seen = new ArrayList<>();
        LiveClient client = LiveClient.builder().token("t").baseUrl(url).noRetries().build();
        try (EventStream<SessionEvent> events = client.sessions().streamEvents("sess_1")) {
          for (SessionEvent event : events) seen.add(event.getClass().getSimpleName() + ":" + event.type());
        }
        return seen;""");

    assertEquals("[UserMessage:user.message, Unknown:agent.thinking, AgentMessage:agent.message]", seen.toString());
    RecordedRequest request = take();
    assertEquals("/sessions/sess_1/events/stream", request.getUrl().encodedPath());
    assertEquals("text/event-stream", request.getHeaders().get("Accept"));
    assertEquals("Bearer t", request.getHeaders().get("Authorization"));
  }

  @Test
  void aDroppedStreamResumesWithTheLastEventIdAndLosesNothing() throws Exception {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
        .body("id: e1\nevent: user.message\ndata: {\"id\":\"e1\",\"type\":\"user.message\"}\n\nid: e2\nevent: user.mes")
        .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(sse("id: e2\nevent: user.message\ndata: {\"id\":\"e2\",\"type\":\"user.message\"}\n\n"));

    Object ids = live.run(url(), """
        List<String> ids = new ArrayList<>();
        LiveClient client = LiveClient.builder().token("t").baseUrl(url).maxRetries(2).sleeper(%s).build();
        try (EventStream<SessionEvent> events = client.sessions().streamEvents("sess_1")) {
          for (SessionEvent event : events) ids.add(((UserMessage) event).id());
        }
        return ids;""".formatted(NO_WAIT_SLEEPER));

    assertEquals("[e1, e2]", ids.toString());
    assertNull(take().getHeaders().get("Last-Event-ID"));
    assertEquals("e1", take().getHeaders().get("Last-Event-ID"));
  }

  @Test
  void theStreamChecksItsArgumentsAndTakesTheOptionalParameters() throws Exception {
    server.enqueue(sse(""));

    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> live.run(url(), "return client(url).sessions().streamEvents(\"nope\");"));
    live.run(url(), "client(url).sessions().streamEvents(\"sess_1\", EventsParams.builder().type(\"user.message\")"
        + ".build()).close(); return null;");

    assertEquals("sessionId must match ^sess_[a-z0-9]+$ (got \"nope\")", bad.getMessage());
    assertEquals("user.message", take().getUrl().queryParameter("type"));
  }

  @Test
  void thePublisherDeliversWhatWasRequested() throws Exception {
    server.enqueue(sse("id: e1\nevent: user.message\ndata: {\"id\":\"e1\",\"type\":\"user.message\"}\n\n"
        + "id: e2\nevent: user.message\ndata: {\"id\":\"e2\",\"type\":\"user.message\"}\n\n"));

    Object ids = live.run(url(), """
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        client(url).sessions().streamEventsAsync("sess_1").subscribe(new java.util.concurrent.Flow.Subscriber<>() {
          public void onSubscribe(java.util.concurrent.Flow.Subscription s) { s.request(Long.MAX_VALUE); }
          public void onNext(SessionEvent e) { ids.add(((UserMessage) e).id()); }
          public void onError(Throwable t) { done.completeExceptionally(t); }
          public void onComplete() { done.complete(null); }
        });
        done.get(10, java.util.concurrent.TimeUnit.SECONDS);
        return ids;""");

    assertEquals("[e1, e2]", ids.toString());
  }

  @Test
  void thePlainFormAsksForJsonAndTheStreamFormForTheStream() throws Exception {
    enqueue(201, "{\"events\":[\"a\"]}");
    server.enqueue(sse("""
        data: {"type":"output","id":"aev_1","content":"Hel"}

        data: {"type":"output","id":"aev_2","content":"lo"}

        data: {"type":"end","event_id":"aev_3"}

        data: {"type":"output","content":"after the end"}

        """));

    Object plain = agents.run(url(), "return client(url).inputs().send(\"s1\", InputRequest.builder().message(\"hi\")"
        + ".streamResponse(true).build()).events();");
    Object streamed = agents.run(url(), """
        List<String> seen = new ArrayList<>();
        try (EventStream<StreamedEvent> events = client(url).inputs().sendStreaming("s1",
            InputRequest.builder().message("hi").build())) {
          for (StreamedEvent event : events) seen.add(event.type());
        }
        return seen;""");

    assertEquals("[a]", plain.toString());
    assertEquals("[output, output, end]", streamed.toString());
    assertEquals("{\"message\":\"hi\",\"stream_response\":false}", take().getBody().utf8());
    RecordedRequest stream = take();
    assertEquals("{\"message\":\"hi\",\"stream_response\":true}", stream.getBody().utf8());
    assertEquals("text/event-stream", stream.getHeaders().get("Accept"));
  }

  @Test
  void anErrorEventIsTheTypedStreamErrorWithTheVendorsMessage() {
    server.enqueue(sse("data: {\"type\":\"output\",\"content\":\"x\"}\n\n"
        + "data: {\"type\":\"error\",\"messages\":[\"the agent failed\"]}\n\n"));

    RuntimeException e = assertThrows(RuntimeException.class, () -> agents.run(url(), """
        try (EventStream<StreamedEvent> events = client(url).inputs().sendStreaming("s1",
            InputRequest.builder().message("hi").build())) {
          for (StreamedEvent event : events) { }
        }
        return null;"""));

    assertEquals("dev.sessionkit.errors.StreamErrorException", e.getClass().getName());
    assertTrue(e.getMessage().contains("the agent failed"), e.getMessage());
  }

  @Test
  void aResumeByRequestFieldRebuildsTheBodyWithTheCursor() {
    String service = agents.source("InputsService.java");
    assertTrue(service.contains(".resumeWithRequestField(cursor -> sendStreamingCall(sessionKey, "
        + "body.toBuilder().since(cursor).build()), \"event_id\", \"id\")"), service);
    assertTrue(service.contains(".nameFromData(\"type\")"), service);
  }
}
