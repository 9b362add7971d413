package dev.sessionkit.qoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.EventStream;
import dev.sessionkit.errors.NotFoundException;
import dev.sessionkit.qoder.model.ContentBlock;
import dev.sessionkit.qoder.model.CreateSessionRequest;
import dev.sessionkit.qoder.model.DeletedSession;
import dev.sessionkit.qoder.model.SendEventsRequest;
import dev.sessionkit.qoder.model.SendUserMessage;
import dev.sessionkit.qoder.model.SentEvents;
import dev.sessionkit.qoder.model.Session;
import dev.sessionkit.qoder.model.SessionAgent;
import dev.sessionkit.qoder.model.SessionEvent;
import dev.sessionkit.qoder.model.SessionStatusIdleEvent;
import dev.sessionkit.qoder.model.TextBlock;
import dev.sessionkit.qoder.model.UserMessageEvent;
import dev.sessionkit.sandbox.Fault;
import dev.sessionkit.sandbox.FaultPlan;
import dev.sessionkit.sandbox.Sandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The documented lifecycle through the public SDK against the sandbox: create a session, send it a
 * message, follow the agent's turn live until the session is idle again, read the history (the same
 * events, in order), archive and delete it; and a live stream cut in the middle of a turn resumes
 * with Last-Event-ID and delivers each event exactly once, blocking and as a publisher.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LifecycleAgainstSandboxTest {
  private static final String AGENT = "agent_019e390add9f7bac9b6cc806db46fcbd";
  private static final String ENVIRONMENT = "env_019e2590d33f711fabf42f2857cecd8a";

  private static QoderClient client(Sandbox sandbox) {
    return QoderClient.builder().fromEnv(sandbox.environment("qoder")).build();
  }

  private static Session create(QoderClient client) {
    return client.sessions().create(CreateSessionRequest.builder().agent(new SessionAgent.OfString(AGENT))
        .environmentId(ENVIRONMENT).title("lifecycle").build());
  }

  private static SendEventsRequest message(String text) {
    return SendEventsRequest.builder().events(List.of(SendUserMessage.builder().type("user.message")
        .content(List.<ContentBlock>of(TextBlock.builder().type("text").text(text).build())).build())).build();
  }

  private static String id(SessionEvent event) {
    try {
      return (String) event.getClass().getMethod("id").invoke(event);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(event + " has no id", e);
    }
  }

  private static List<String> ids(List<SessionEvent> events) {
    return events.stream().map(LifecycleAgainstSandboxTest::id).toList();
  }

  private static List<SessionEvent> untilIdle(EventStream<SessionEvent> stream) {
    List<SessionEvent> events = new ArrayList<>();
    for (SessionEvent event : stream) {
      events.add(event);
      if (event instanceof SessionStatusIdleEvent) break;
    }
    return events;
  }

  /** A sandbox whose request {@code cut} (from 0) is a live stream cut after two frames, the agent paced. */
  private static Sandbox cutting(int cut) {
    Fault[] script = new Fault[cut + 1];
    java.util.Arrays.fill(script, Fault.NONE);
    script[cut] = Fault.STREAM_CUT;
    return Sandbox.builder().pace(0.05).faults(FaultPlan.builder().script(script).streamCuts(0, 2).build()).start();
  }

  @Test
  void aSessionIsCreatedSentAMessageFollowedLiveReadAndEnded() {
    try (Sandbox sandbox = Sandbox.start()) {
      QoderClient client = client(sandbox);
      Session session = create(client);
      assertTrue(session.id().matches("sess_[0-9a-f]{32}"), session.id());
      assertEquals("lifecycle", session.title());

      SentEvents sent = client.sessions().send(session.id(), message("Rename the config flag"));
      assertEquals(1, sent.data().size());

      List<SessionEvent> live;
      try (EventStream<SessionEvent> stream = client.sessions().stream(session.id())) {
        live = untilIdle(stream);
      }
      assertInstanceOf(UserMessageEvent.class, live.get(0), "the turn starts with the message sent");
      assertInstanceOf(SessionStatusIdleEvent.class, live.get(live.size() - 1));
      assertEquals(9, live.size(), "the scenario's turn: message, running, model request, thinking, tool call and "
          + "result, reply, request end, idle");

      List<SessionEvent> history = client.sessions().iterateEvents(session.id()).stream().toList();
      assertEquals(ids(live), ids(history), "the history holds what the stream delivered, in order");
      assertEquals(live.stream().map(SessionEvent::type).toList(), history.stream().map(SessionEvent::type).toList());

      assertTrue(client.sessions().archive(session.id()).archivedAt() != null, "archived");
      DeletedSession deleted = client.sessions().delete(session.id());
      assertEquals(session.id(), deleted.id());
      assertTrue(deleted.deleted());
      assertThrows(NotFoundException.class, () -> client.sessions().get(session.id()));
    }
  }

  @Test
  void aBlockingStreamCutMidTurnResumesWithLastEventIdAndDeliversEachEventOnce() {
    try (Sandbox sandbox = cutting(2)) {
      QoderClient client = client(sandbox);
      Session session = create(client);
      client.sessions().send(session.id(), message("hello"));
      List<SessionEvent> live;
      try (EventStream<SessionEvent> stream = client.sessions().stream(session.id())) {
        live = untilIdle(stream);
      }
      assertEquals(4, sandbox.requestCount(), "create, send, the cut stream, its resume");
      List<SessionEvent> history = client.sessions().iterateEvents(session.id()).stream().toList();
      assertEquals(ids(history), ids(live), "the whole turn, each event once, in order");
    }
  }

  @Test
  void aPublisherCutMidTurnResumesWithLastEventIdAndDeliversEachEventOnce() throws Exception {
    try (Sandbox sandbox = cutting(2)) {
      QoderClient client = client(sandbox);
      Session session = create(client);
      client.sessions().send(session.id(), message("hello"));
      List<SessionEvent> live = new CopyOnWriteArrayList<>();
      CompletableFuture<Void> idle = new CompletableFuture<>();
      client.sessions().streamAsync(session.id()).subscribe(new Flow.Subscriber<>() {
        private Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription s) {
          subscription = s;
          s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(SessionEvent event) {
          live.add(event);
          if (event instanceof SessionStatusIdleEvent) {
            subscription.cancel();
            idle.complete(null);
          }
        }

        @Override
        public void onError(Throwable e) {
          idle.completeExceptionally(e);
        }

        @Override
        public void onComplete() {
          idle.complete(null);
        }
      });
      idle.get(30, TimeUnit.SECONDS);
      assertEquals(4, sandbox.requestCount(), "create, send, the cut stream, its resume");
      List<SessionEvent> history = client.sessions().iterateEvents(session.id()).stream().toList();
      assertEquals(ids(history), ids(live), "the whole turn, each event once, in order");
    }
  }
}
