package dev.sessionkit.qoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sessionkit.core.EventStream;
import dev.sessionkit.core.Sleeper;
import dev.sessionkit.qoder.model.AgentMessageEvent;
import dev.sessionkit.qoder.model.AgentThinkingEvent;
import dev.sessionkit.qoder.model.SessionEvent;
import dev.sessionkit.qoder.model.SessionStatusIdleEvent;
import dev.sessionkit.qoder.model.TextBlock;
import dev.sessionkit.qoder.model.UserMessageContent;
import dev.sessionkit.qoder.model.UserMessageEvent;
import java.time.Duration;
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
 * Qoder's live streams, the session's and a thread's: frames with ids named by {@code event:}, the
 * {@code heartbeat} never delivered, an unknown event type as SessionEvent.Unknown, and a stream cut
 * mid-event resumed with {@code Last-Event-ID}, each event delivered exactly once (blocking and as
 * a publisher).
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class StreamsTest {
  private static final String SESSION = "sess_019e392c0d1e74e095d21ea4c6b41def";
  private static final String THREAD = "sthr_019f00000000000000000000000002bb";
  private static final String TURN = "turn_019e392c0d787ceea6bb62943f9ac3ec";

  @StartStop private final MockWebServer server = new MockWebServer();

  /** Waits for nothing, so a reconnect is immediate. */
  private static final class NoWait implements Sleeper {
    @Override
    public void sleep(Duration duration) {}

    @Override
    public CompletableFuture<Void> sleepAsync(Duration duration) {
      return CompletableFuture.completedFuture(null);
    }
  }

  private QoderClient client() {
    return QoderClient.builder().token("pt-test").baseUrl(server.url("/api/v1/cloud/").toString())
        .strictDecoding(true).maxRetries(2).sleeper(new NoWait()).build();
  }

  private static String frame(String id, String type, String fields) {
    return "id: " + id + "\nevent: " + type + "\ndata: {\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"session_id\":\""
        + SESSION + "\",\"turn_id\":\"" + TURN + "\",\"created_at\":\"2026-05-18T03:40:48.888851795Z\"" + fields + "}\n\n";
  }

  private static final String HEARTBEAT = "event: heartbeat\ndata: {}\n\n";
  private static final String USER = frame("evt_1", "user.message", ",\"content\":[{\"type\":\"text\",\"text\":\"Hello\"}]");
  private static final String THINKING = frame("evt_2", "agent.thinking", ",\"thinking\":\"The user greets me.\"");
  private static final String REPLY = frame("evt_3", "agent.message", ",\"content\":[{\"type\":\"text\",\"text\":\"Hi!\"}]");
  private static final String IDLE = frame("evt_4", "session.status_idle", ",\"status\":\"idle\"");

  private static MockResponse sse(String body) {
    return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(body).build();
  }

  /** A response cut after {@code body}: it promises more, and the connection is shut down there. */
  private static MockResponse cut(String body) {
    return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(body)
        .removeHeader("Content-Length").addHeader("Content-Length", body.length() + 4096)
        .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build();
  }

  private static List<String> ids(EventStream<SessionEvent> events, int count) {
    List<String> ids = new ArrayList<>();
    try (events) {
      for (SessionEvent event : events) {
        ids.add(id(event));
        if (ids.size() == count) break; // a live stream does not end: the caller stops reading
      }
    }
    return ids;
  }

  private static String id(SessionEvent event) {
    if (event instanceof UserMessageEvent e) return e.id();
    if (event instanceof AgentThinkingEvent e) return e.id();
    if (event instanceof AgentMessageEvent e) return e.id();
    if (event instanceof SessionStatusIdleEvent e) return e.id();
    return event.type();
  }

  @Test
  void eventsArriveTypedWithTheirIdsAndTheHeartbeatNever() throws Exception {
    server.enqueue(sse(HEARTBEAT + USER + HEARTBEAT + THINKING + REPLY + HEARTBEAT + IDLE));

    List<SessionEvent> events = new ArrayList<>();
    try (EventStream<SessionEvent> stream = client().sessions().stream(SESSION)) {
      for (SessionEvent event : stream) {
        events.add(event);
        if (event instanceof SessionStatusIdleEvent) break; // the turn ended
      }
    }

    assertEquals(List.of("evt_1", "evt_2", "evt_3", "evt_4"), events.stream().map(StreamsTest::id).toList());
    UserMessageEvent user = assertInstanceOf(UserMessageEvent.class, events.get(0));
    UserMessageContent.OfContentBlockList blocks = assertInstanceOf(UserMessageContent.OfContentBlockList.class,
        user.content());
    assertEquals("Hello", ((TextBlock) blocks.value().get(0)).text());
    assertEquals("The user greets me.", ((AgentThinkingEvent) events.get(1)).thinking());
    assertEquals("Hi!", ((TextBlock) ((AgentMessageEvent) events.get(2)).content().get(0)).text());
    RecordedRequest request = server.takeRequest();
    assertEquals("GET", request.getMethod());
    assertEquals("/api/v1/cloud/sessions/" + SESSION + "/events/stream", request.getTarget());
    assertEquals("text/event-stream", request.getHeaders().get("Accept"));
    assertEquals("Bearer pt-test", request.getHeaders().get("Authorization"));
    assertNull(request.getHeaders().get("Last-Event-ID"));
  }

  @Test
  void anUnknownEventTypeArrivesAsTheUnionsUnknownVariantWithItsJson() {
    String future = "id: evt_9\nevent: agent.plan_updated\ndata: {\"id\":\"evt_9\",\"type\":\"agent.plan_updated\","
        + "\"steps\":[1,2]}\n\n";
    server.enqueue(sse(future + USER));

    List<SessionEvent> events = new ArrayList<>();
    try (EventStream<SessionEvent> stream = QoderClient.builder().token("pt-test")
        .baseUrl(server.url("/").toString()).build().sessions().stream(SESSION)) {
      for (SessionEvent event : stream) {
        events.add(event);
        if (events.size() == 2) break;
      }
    }

    SessionEvent.Unknown unknown = assertInstanceOf(SessionEvent.Unknown.class, events.get(0));
    assertEquals("agent.plan_updated", unknown.type());
    assertEquals("{\"id\":\"evt_9\",\"type\":\"agent.plan_updated\",\"steps\":[1,2]}", unknown.raw().json());
    assertInstanceOf(UserMessageEvent.class, events.get(1));
  }

  @Test
  void aStreamCutMidEventResumesWithLastEventIdAndDeliversEachEventOnce() throws Exception {
    server.enqueue(cut(USER + THINKING + REPLY.substring(0, 40)));
    server.enqueue(sse(REPLY + HEARTBEAT + IDLE));

    List<String> ids = ids(client().sessions().stream(SESSION, EventStreamParams.builder().type("user.message,"
        + "agent.thinking,agent.message,session.status_idle").build()), 4);

    assertEquals(List.of("evt_1", "evt_2", "evt_3", "evt_4"), ids);
    RecordedRequest first = server.takeRequest();
    assertNull(first.getHeaders().get("Last-Event-ID"));
    RecordedRequest resumed = server.takeRequest();
    assertEquals("evt_2", resumed.getHeaders().get("Last-Event-ID"));
    assertEquals(first.getTarget(), resumed.getTarget(), "the same stream, filters included");
    assertEquals("/api/v1/cloud/sessions/" + SESSION + "/events/stream?type=user.message%2Cagent.thinking%2C"
        + "agent.message%2Csession.status_idle", resumed.getTarget());
  }

  @Test
  void theCallersLastEventIdOpensTheStreamAfterIt() throws Exception {
    server.enqueue(sse(REPLY));

    List<String> ids = ids(client().sessions().stream(SESSION, EventStreamParams.builder().lastEventID("evt_2")
        .build()), 1);

    assertEquals(List.of("evt_3"), ids);
    assertEquals("evt_2", server.takeRequest().getHeaders().get("Last-Event-ID"));
  }

  @Test
  void aThreadStreamCutMidFrameResumesAsAPublisherDeliveringEachEventOnce() throws Exception {
    server.enqueue(cut(USER + THINKING + "id: evt_3\nevent: agent.mes"));
    server.enqueue(sse(REPLY + IDLE));

    List<String> ids = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Void> done = new CompletableFuture<>();
    client().threads().streamAsync(SESSION, THREAD).subscribe(new Flow.Subscriber<>() {
      private Flow.Subscription subscription;

      @Override
      public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(SessionEvent event) {
        ids.add(id(event));
        if (ids.size() == 4) {
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

    assertEquals(List.of("evt_1", "evt_2", "evt_3", "evt_4"), ids);
    assertEquals("/api/v1/cloud/sessions/" + SESSION + "/threads/" + THREAD + "/stream", server.takeRequest().getTarget());
    assertEquals("evt_2", server.takeRequest().getHeaders().get("Last-Event-ID"));
  }
}
