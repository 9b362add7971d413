package dev.sessionkit.conformance.streams.last_event_id;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.conformance.streams.last_event_id.model.*;
import dev.sessionkit.core.EventStream;
import dev.sessionkit.core.Sleeper;
import dev.sessionkit.conformance.streams.last_event_id.internal.descriptor.ConformanceDescriptor;
import dev.sessionkit.core.vendor.Arguments;
import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.generator.conformance.Conformance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

public final class LastEventIdCheck {
  /** Waits for nothing, so a reconnect is immediate. */
  static final class NoWait implements Sleeper {
    @Override
    public void sleep(Duration duration) {}

    @Override
    public CompletableFuture<Void> sleepAsync(Duration duration) {
      return CompletableFuture.completedFuture(null);
    }
  }

  private static MockResponse sse(String body) {
    return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(body).build();
  }

  private static ConformanceClient client(Conformance c) {
    return ConformanceClient.builder().token("t").baseUrl(c.baseUrl()).noRetries().build();
  }

  public void eventsArriveTypedHeartbeatsNeverAndAnUnknownTypeAsTheUnknownVariant(Conformance c) {
    c.server().enqueue(sse("id: e1\nevent: user.message\ndata: {\"id\":\"e1\",\"type\":\"user.message\",\"content\":\"hi\"}\n\n"
        + "event: heartbeat\ndata: {}\n\n"
        + "id: e2\nevent: agent.thinking\ndata: {\"id\":\"e2\",\"type\":\"agent.thinking\"}\n\n"
        + "id: e3\nevent: agent.message\ndata: {\"id\":\"e3\",\"type\":\"agent.message\",\"text\":\"hello\"}\n\n"));

    List<String> seen = new ArrayList<>();
    try (EventStream<SessionEvent> events = client(c).sessions().streamEvents("sess_1")) {
      for (SessionEvent event : events) {
        seen.add(event.getClass().getSimpleName() + ":" + event.type());
        if (seen.size() == 3) break; // a live stream does not end: the caller stops reading
      }
    }

    assertEquals(List.of("UserMessage:user.message", "Unknown:agent.thinking", "AgentMessage:agent.message"), seen);
    RecordedRequest request = c.request();
    assertEquals("/sessions/sess_1/events/stream", request.getUrl().encodedPath());
    assertEquals("text/event-stream", request.getHeaders().get("Accept"));
    assertEquals("Bearer t", request.getHeaders().get("Authorization"));
  }

  public void aDroppedStreamResumesWithTheLastEventIdAndLosesNothing(Conformance c) {
    c.server().enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
        .body("id: e1\nevent: user.message\ndata: {\"id\":\"e1\",\"type\":\"user.message\"}\n\nid: e2\nevent: user.mes")
        .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build());
    c.server().enqueue(sse("id: e2\nevent: user.message\ndata: {\"id\":\"e2\",\"type\":\"user.message\"}\n\n"));
    ConformanceClient client = ConformanceClient.builder().token("t").baseUrl(c.baseUrl()).maxRetries(2)
        .sleeper(new NoWait()).build();

    List<String> ids = new ArrayList<>();
    try (EventStream<SessionEvent> events = client.sessions().streamEvents("sess_1")) {
      for (SessionEvent event : events) {
        ids.add(((UserMessage) event).id());
        if (ids.size() == 2) break;
      }
    }

    assertEquals(List.of("e1", "e2"), ids);
    assertNull(c.request().getHeaders().get("Last-Event-ID"));
    assertEquals("e1", c.request().getHeaders().get("Last-Event-ID"));
  }

  public void theStreamChecksItsArgumentsAndTakesTheOptionalParameters(Conformance c) {
    c.server().enqueue(sse(""));

    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> client(c).sessions().streamEvents("nope"));
    client(c).sessions().streamEvents("sess_1", EventsParams.builder().type("user.message").build()).close();

    assertEquals("sessionId must match ^sess_[a-z0-9]+$ (got \"nope\")", bad.getMessage());
    assertEquals("user.message", c.request().getUrl().queryParameter("type"));
  }

  public void thePublisherDeliversWhatWasRequested(Conformance c) throws Exception {
    c.server().enqueue(sse("id: e1\nevent: user.message\ndata: {\"id\":\"e1\",\"type\":\"user.message\"}\n\n"
        + "id: e2\nevent: user.message\ndata: {\"id\":\"e2\",\"type\":\"user.message\"}\n\n"));

    List<String> ids = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Void> done = new CompletableFuture<>();
    client(c).sessions().streamEventsAsync("sess_1").subscribe(new Flow.Subscriber<SessionEvent>() {
      private Flow.Subscription subscription;

      @Override
      public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(2);
      }

      @Override
      public void onNext(SessionEvent event) {
        ids.add(((UserMessage) event).id());
        if (ids.size() == 2) {
          subscription.cancel();
          done.complete(null);
        }
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
    done.get(10, TimeUnit.SECONDS);

    assertEquals(List.of("e1", "e2"), ids);
  }

  public void theDescriptorOpensTheSameStreamWithTextArguments(Conformance c) {
    c.server().enqueue(sse("id: e1\nevent: user.message\ndata: {\"id\":\"e1\",\"type\":\"user.message\",\"content\":\"hi\"}\n\n"));
    OperationDescriptor follow = new ConformanceDescriptor().operation("streamSessionEvents").orElseThrow();

    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> follow.stream(client(c), Arguments.builder().put("session_id", "nope").build()));
    List<Object> seen = new ArrayList<>();
    try (EventStream<?> events = follow.stream(client(c), Arguments.builder().put("session_id", "sess_1")
        .put("type", "user.message").build())) {
      for (Object event : events) {
        seen.add(event);
        break; // a live stream does not end
      }
    }

    assertEquals(SessionEvent.class, follow.eventType().orElseThrow());
    assertEquals(List.of(new UserMessage("e1", "user.message", "hi")), seen);
    assertEquals("sessionId must match ^sess_[a-z0-9]+$ (got \"nope\")", bad.getMessage());
    RecordedRequest request = c.request();
    assertEquals("/sessions/sess_1/events/stream", request.getUrl().encodedPath());
    assertEquals("user.message", request.getUrl().queryParameter("type"));
    assertEquals("text/event-stream", request.getHeaders().get("Accept"));
    assertEquals(1, c.server().getRequestCount(), "the refused call sent nothing");
    assertEquals("streamSessionEvents only streams; open it with stream(..)", assertThrows(
        UnsupportedOperationException.class, () -> follow.invoke(client(c), Arguments.NONE)).getMessage());
  }
}
