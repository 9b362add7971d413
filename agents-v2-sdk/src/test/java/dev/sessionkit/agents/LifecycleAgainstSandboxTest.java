package dev.sessionkit.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.agents.model.AgentEvent;
import dev.sessionkit.agents.model.AgentInput;
import dev.sessionkit.agents.model.AgentSession;
import dev.sessionkit.agents.model.AgentStreamedResponse;
import dev.sessionkit.agents.model.CreateAgentSessionRequest;
import dev.sessionkit.agents.model.CreateInputMessageRequest;
import dev.sessionkit.agents.model.StreamingAgentOutputEnd;
import dev.sessionkit.agents.model.TextInput;
import dev.sessionkit.core.EventStream;
import dev.sessionkit.errors.NotFoundException;
import dev.sessionkit.errors.StreamInterruptedException;
import dev.sessionkit.sandbox.Fault;
import dev.sessionkit.sandbox.FaultPlan;
import dev.sessionkit.sandbox.Sandbox;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Vectara's documented lifecycle through the public SDK against the sandbox: create an agent
 * session, send it input and follow the streamed answer to its {@code end}, read the session's
 * events (the persisted events the stream named, in order) and delete the session; and a stream cut
 * in the middle of a turn is never re-sent: it ends with its cursor, and the next input with
 * {@code since} set to it delivers the rest, each persisted event exactly once, blocking and as a
 * publisher.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LifecycleAgainstSandboxTest {
  private static final String AGENT = "agt_sandbox";

  private static AgentsClient client(Sandbox sandbox) {
    return AgentsClient.builder().fromEnv(sandbox.environment("agents-v2")).build();
  }

  private static AgentSession create(AgentsClient client, String key) {
    return client.sessions().create(AGENT, CreateAgentSessionRequest.builder().key(key).name("lifecycle").build());
  }

  private static CreateInputMessageRequest message(String text, @Nullable String since) {
    return CreateInputMessageRequest.builder().type("input_message").since(since)
        .messages(List.<AgentInput>of(TextInput.builder().type("text").content(text).build())).build();
  }

  private static String id(AgentEvent event) {
    try {
      return (String) event.getClass().getMethod("id").invoke(event);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(event + " has no id", e);
    }
  }

  /** The id of the persisted event a streamed one is or ends (an agent output's end names it), else null. */
  private static @Nullable String persisted(AgentStreamedResponse event) {
    if (event instanceof StreamingAgentOutputEnd end) return end.eventId();
    if (event instanceof AgentStreamedResponse.Unknown unknown) {
      // A replayed history event the stream union does not name (agent_output): kept raw, with its id.
      Object id = ((java.util.Map<?, ?>) unknown.raw().toJavaValue()).get("id");
      return id instanceof String s ? s : null;
    }
    try {
      return (String) event.getClass().getMethod("id").invoke(event);
    } catch (NoSuchMethodException e) {
      return null;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> persisted(List<AgentStreamedResponse> events) {
    List<String> ids = new ArrayList<>();
    for (AgentStreamedResponse event : events) {
      String id = persisted(event);
      if (id != null) ids.add(id);
    }
    return ids;
  }

  private static Sandbox cutting(int cut) {
    Fault[] script = new Fault[cut + 1];
    java.util.Arrays.fill(script, Fault.NONE);
    script[cut] = Fault.STREAM_CUT;
    return Sandbox.builder().pace(0.05).faults(FaultPlan.builder().script(script).streamCuts(0, 2).build()).start();
  }

  @Test
  void aSessionIsCreatedSentInputFollowedToItsEndReadAndDeleted() {
    try (Sandbox sandbox = Sandbox.start()) {
      AgentsClient client = client(sandbox);
      AgentSession session = create(client, "ase_lifecycle");
      assertEquals("ase_lifecycle", session.key());

      List<AgentStreamedResponse> live = new ArrayList<>();
      try (EventStream<AgentStreamedResponse> stream = client.sessions().stream(AGENT, session.key(),
          message("How do I reset my password?", null))) {
        stream.forEach(live::add);
      }
      assertEquals("end", live.get(live.size() - 1).type(), "the stream ends with end");

      List<String> persisted = persisted(live);
      assertTrue(persisted.size() >= 2, "the input and the reply at least: " + persisted);
      List<AgentEvent> history = client.sessions().iterateEvents(AGENT, session.key()).stream().toList();
      assertEquals(List.of("input_message", "thinking", "tool_input", "tool_output", "agent_output"),
          history.stream().map(AgentEvent::type).toList(), "the turn's persisted events");
      List<String> ids = history.stream().map(LifecycleAgainstSandboxTest::id).toList();
      assertInOrder(persisted, ids);
      assertEquals(ids.subList(2, 5), persisted, "the stream names the tool call, its output and the reply's "
          + "persisted agent_output; the input and the thinking (streamed as chunks) it does not name");

      client.sessions().delete(AGENT, session.key());
      assertThrows(NotFoundException.class, () -> client.sessions().get(AGENT, session.key()));
    }
  }

  @Test
  void aBlockingStreamCutMidTurnEndsWithItsCursorAndSinceDeliversTheRestOnce() {
    try (Sandbox sandbox = cutting(1)) {
      AgentsClient client = client(sandbox);
      create(client, "ase_cut");
      List<AgentStreamedResponse> first = new ArrayList<>();
      StreamInterruptedException cut = assertThrows(StreamInterruptedException.class, () -> {
        try (EventStream<AgentStreamedResponse> stream = client.sessions().stream(AGENT, "ase_cut", message("Hello", null))) {
          stream.forEach(first::add);
        }
      });
      assertEquals(2, sandbox.requestCount(), "create and the cut stream: the input is not sent again");
      List<AgentStreamedResponse> rest = new ArrayList<>();
      try (EventStream<AgentStreamedResponse> stream = client.sessions().stream(AGENT, "ase_cut",
          message("Thanks", cut.lastEventId() == null ? "start" : cut.lastEventId()))) {
        stream.forEach(rest::add);
      }
      assertEquals("end", rest.get(rest.size() - 1).type());
      assertOnceAndInOrder(client, cut, first, rest);
    }
  }

  @Test
  void aPublisherCutMidTurnEndsWithItsCursorAndSinceDeliversTheRestOnce() throws Exception {
    try (Sandbox sandbox = cutting(1)) {
      AgentsClient client = client(sandbox);
      create(client, "ase_cut");
      List<AgentStreamedResponse> first = new CopyOnWriteArrayList<>();
      ExecutionException failed = assertThrows(ExecutionException.class,
          () -> collect(client.sessions().streamAsync(AGENT, "ase_cut", message("Hello", null)), first).get(30, TimeUnit.SECONDS));
      StreamInterruptedException cut = (StreamInterruptedException) failed.getCause();
      List<AgentStreamedResponse> rest = new CopyOnWriteArrayList<>();
      collect(client.sessions().streamAsync(AGENT, "ase_cut",
          message("Thanks", cut.lastEventId() == null ? "start" : cut.lastEventId())), rest).get(30, TimeUnit.SECONDS);
      assertEquals("end", rest.get(rest.size() - 1).type());
      assertOnceAndInOrder(client, cut, first, rest);
    }
  }

  /**
   * No persisted event is delivered twice, what is delivered is in the history's order, and every
   * event of the cut turn after the cursor arrives on the resumed stream.
   */
  private static void assertOnceAndInOrder(AgentsClient client, StreamInterruptedException cut,
      List<AgentStreamedResponse> first, List<AgentStreamedResponse> rest) {
    List<String> delivered = new ArrayList<>(persisted(first));
    delivered.addAll(persisted(rest));
    assertEquals(new HashSet<>(delivered).size(), delivered.size(), "no persisted event twice: " + delivered);
    List<AgentEvent> history = client.sessions().iterateEvents(AGENT, "ase_cut").stream().toList();
    List<String> ids = history.stream().map(LifecycleAgainstSandboxTest::id).toList();
    assertInOrder(delivered, ids);
    int from = cut.lastEventId() == null ? 0 : ids.indexOf(cut.lastEventId()) + 1;
    assertTrue(from > 0 || cut.lastEventId() == null, "the cursor is an event of the session: " + cut.lastEventId());
    int secondInput = from;
    while (secondInput < history.size() && !(secondInput > from && history.get(secondInput).type().equals("input_message"))) {
      secondInput++;
    }
    for (int i = from; i < secondInput; i++) {
      assertTrue(persisted(rest).contains(ids.get(i)), ids.get(i) + " (" + history.get(i).type() + ") of the cut turn, after "
          + "the cursor " + cut.lastEventId() + ", arrives on the resumed stream: " + persisted(rest));
    }
  }

  /** Asserts that {@code some} appear in {@code all}, in the same order. */
  private static void assertInOrder(List<String> some, List<String> all) {
    int at = -1;
    for (String id : some) {
      int next = all.indexOf(id);
      assertTrue(next > at, id + " is in the history after the one before it: " + some + " in " + all);
      at = next;
    }
  }

  private static CompletableFuture<Void> collect(Flow.Publisher<AgentStreamedResponse> publisher,
      List<AgentStreamedResponse> into) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    publisher.subscribe(new Flow.Subscriber<>() {
      @Override
      public void onSubscribe(Flow.Subscription s) {
        s.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(AgentStreamedResponse item) {
        into.add(item);
      }

      @Override
      public void onError(Throwable e) {
        done.completeExceptionally(e);
      }

      @Override
      public void onComplete() {
        done.complete(null);
      }
    });
    return done;
  }
}
