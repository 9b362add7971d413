package dev.sessionkit.contract.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sessionkit.agents.AgentsClient;
import dev.sessionkit.agents.model.AgentEvent;
import dev.sessionkit.agents.model.AgentInput;
import dev.sessionkit.agents.model.AgentStreamedResponse;
import dev.sessionkit.agents.model.CreateAgentSessionRequest;
import dev.sessionkit.agents.model.CreateInputMessageRequest;
import dev.sessionkit.agents.model.StreamingAgentOutputEnd;
import dev.sessionkit.agents.model.TextInput;
import dev.sessionkit.core.EventStream;
import dev.sessionkit.core.json.JsonValue;
import dev.sessionkit.errors.RateLimitException;
import dev.sessionkit.errors.ServerException;
import dev.sessionkit.errors.SessionkitException;
import dev.sessionkit.errors.StreamInterruptedException;
import dev.sessionkit.pipecat.PipecatClient;
import dev.sessionkit.pipecat.model.StartRequest;
import dev.sessionkit.piper.PiperClient;
import dev.sessionkit.piper.model.AgentResponse;
import dev.sessionkit.piper.model.EventResponse;
import dev.sessionkit.piper.model.ResponseRequest;
import dev.sessionkit.piper.model.SessionEventsResponse;
import dev.sessionkit.qoder.QoderClient;
import dev.sessionkit.qoder.model.ContentBlock;
import dev.sessionkit.qoder.model.CreateSessionRequest;
import dev.sessionkit.qoder.model.SendEventsRequest;
import dev.sessionkit.qoder.model.SendUserMessage;
import dev.sessionkit.qoder.model.SessionAgent;
import dev.sessionkit.qoder.model.SessionEvent;
import dev.sessionkit.qoder.model.SessionStatusIdleEvent;
import dev.sessionkit.qoder.model.TextBlock;
import dev.sessionkit.sandbox.FaultPlan;
import dev.sessionkit.sandbox.Sandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Whole session lifecycles under load: one client per vendor, each shared by {@value #WORKERS}
 * workers, against one sandbox with its agents paced and faults on (429 on the requests that start
 * a turn, with Retry-After; live streams cut mid-turn; slow frames; 503s). Each worker runs
 * lifecycles of the four vendors in turn, half of them following the live stream as a
 * {@link Flow.Publisher} ({@code streamAsync}), half blocking:
 *
 * <ul>
 *   <li>Qoder: create, send, stream until {@code session.status_idle} (a cut stream resumes with
 *       Last-Event-ID), the history, delete;
 *   <li>Vectara: create, streamed input until {@code end}; a cut stream ends in a
 *       {@link StreamInterruptedException} and the next input carries {@code since} = its cursor;
 *       the history, delete;
 *   <li>Piper: a response (which creates the session), a streamed response, the session's events;
 *   <li>Pipecat: start, get, stop.
 * </ul>
 *
 * <p>Asserted: every call ends in a value or a {@link SessionkitException} (the outcomes are counted
 * by operation and kind, and printed); nothing hangs (a hard bound on the whole load, a bound on
 * every publisher); nothing is lost (for each Qoder session whose stream reached idle, the streamed
 * event ids are the history's, in order; for each Vectara session, no persisted event is delivered
 * twice, and what is delivered is in the history's order; for each Piper session, the streamed run's
 * events are the history's second run); and no OkHttp or sessionkit thread the load started is left.
 */
@Isolated("counts the JVM's live threads before and after")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SessionLifecyclesUnderLoadTest {
  static final int WORKERS = 16;
  /**
   * Lifecycles per worker (four vendors in turn): 16 × 24 = 384 lifecycles, 96 per vendor, about 1,400
   * calls; 4.3 s on a 2-core machine shared with other builds. {@code -Dsessionkit.lifecycles.perWorker=N}
   * changes it.
   */
  static final int LIFECYCLES_DEFAULT = 24;
  private static final int LIFECYCLES = Integer.getInteger("sessionkit.lifecycles.perWorker", LIFECYCLES_DEFAULT);
  /** No lifecycle may hang: the whole load must end by then. */
  private static final Duration BOUND = Duration.ofSeconds(120);
  /** No publisher may stay silent longer than this. */
  private static final Duration STREAM_BOUND = Duration.ofSeconds(30);
  private static final Duration SETTLE = Duration.ofSeconds(20);
  /** Vectara: inputs with {@code since} after cuts, at most. */
  private static final int VECTARA_STREAMS = 6;

  private static final String QODER_AGENT = "agent_019e390add9f7bac9b6cc806db46fcbd";
  private static final String QODER_ENVIRONMENT = "env_019e2590d33f711fabf42f2857cecd8a";
  private static final String VECTARA_AGENT = "agt_sandbox";
  private static final String PIPER_ORG = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
  private static final String PIPER_AGENT = "6b0a6c1e-2f1d-4a39-9a57-4c5f3a9d1e20";

  private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> figures = new ConcurrentHashMap<>();
  private final List<String> lost = new CopyOnWriteArrayList<>();

  /** A typed exception ended the lifecycle (it was counted). */
  private static final class Ended extends RuntimeException {
    private static final long serialVersionUID = 1;

    Ended() {
      super(null, null, false, false);
    }
  }

  @Test
  void everyLifecycleEndsTypedNothingHangsNothingIsLostAndNoThreadIsLeft() throws Exception {
    Set<Thread> baseline = Set.copyOf(Thread.getAllStackTraces().keySet());
    FaultPlan faults = FaultPlan.builder()
        .seed(11)
        .rateLimitedSends(0.15, Duration.ofMillis(200))
        .streamCuts(0.12, 2)
        .slowFrames(Duration.ofMillis(15), 0.1)
        .serverErrors(0.03)
        .build();
    ThreadPoolExecutor okHttpThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 1, TimeUnit.SECONDS,
        new SynchronousQueue<>(), r -> {
          Thread t = new Thread(r, "OkHttp Dispatcher (lifecycle load)");
          t.setDaemon(true);
          return t;
        });
    Dispatcher dispatcher = new Dispatcher(okHttpThreads);
    dispatcher.setMaxRequests(128);
    dispatcher.setMaxRequestsPerHost(128);
    ConnectionPool pool = new ConnectionPool(64, 1, TimeUnit.SECONDS);
    OkHttpClient http = new OkHttpClient.Builder().dispatcher(dispatcher).connectionPool(pool).build();

    long started;
    Duration took;
    long requests;
    try (Sandbox sandbox = Sandbox.builder().pace(0.02).faults(faults).start()) {
      QoderClient qoder = QoderClient.builder().fromEnv(sandbox.environment("qoder")).httpClient(http).build();
      AgentsClient vectara = AgentsClient.builder().fromEnv(sandbox.environment("agents-v2")).httpClient(http).build();
      PiperClient piper = PiperClient.builder().fromEnv(sandbox.environment("piper")).httpClient(http).build();
      PipecatClient pipecat = PipecatClient.builder().fromEnv(sandbox.environment("pipecat")).httpClient(http).build();
      String pipecatAgent = sandbox.documentedSession("pipecat").parameter("agentName");

      started = System.nanoTime();
      ExecutorService workers = Executors.newFixedThreadPool(WORKERS, r -> new Thread(r, "lifecycle-worker"));
      List<Future<?>> work = new ArrayList<>();
      for (int w = 0; w < WORKERS; w++) {
        int worker = w;
        work.add(workers.submit(() -> {
          for (int i = 0; i < LIFECYCLES; i++) {
            boolean async = (worker + i / 4) % 2 == 1;
            String name = "w" + worker + "_" + i;
            try {
              switch ((worker + i) % 4) {
                case 0 -> qoder(qoder, async);
                case 1 -> vectara(vectara, "ase_load_" + name, async);
                case 2 -> piper(piper, async);
                default -> pipecat(pipecat, pipecatAgent);
              }
              count("lifecycles run to their end");
            } catch (Ended e) {
              count("lifecycles ended by a typed exception");
            }
          }
          return null;
        }));
      }
      workers.shutdown();
      if (!workers.awaitTermination(BOUND.toSeconds(), TimeUnit.SECONDS)) {
        workers.shutdownNow();
        fail("the lifecycles did not end within " + BOUND + " (a hang); outcomes so far: " + sorted(outcomes));
      }
      for (Future<?> f : work) f.get();
      took = Duration.ofNanos(System.nanoTime() - started);
      requests = sandbox.requestCount();
    }

    Map<String, Long> counts = sorted(outcomes);
    Map<String, Long> kinds = new TreeMap<>();
    counts.forEach((k, v) -> kinds.merge(k.substring(k.indexOf(' ') + 1), v, Long::sum));
    long calls = kinds.values().stream().mapToLong(Long::longValue).sum();
    System.out.printf("lifecycle load: %d lifecycles (%s) on one client per vendor, %d workers, in %d ms: %d calls, %d"
        + " requests to the sandbox; %s; outcomes by kind %s; by operation %s%n", (long) WORKERS * LIFECYCLES,
        sorted(figures), WORKERS, took.toMillis(), calls, requests, faultsSeen(counts), kinds, counts);

    assertEquals((long) WORKERS * LIFECYCLES, figures.getOrDefault("lifecycles run to their end", new AtomicLong()).get()
        + figures.getOrDefault("lifecycles ended by a typed exception", new AtomicLong()).get(), "every lifecycle ended once");
    for (String kind : kinds.keySet()) {
      assertTrue(kind.equals("value") || kind.startsWith("typed "), "untyped outcome " + kind + ": " + counts);
    }
    assertEquals(List.of(), lost, "events lost, repeated or out of order");
    assertTrue(kinds.getOrDefault("value", 0L) > calls * 3 / 4, "most calls succeed: " + kinds);
    assertTrue(figures.getOrDefault("qoder sessions checked against their history", new AtomicLong()).get() > 0,
        "some Qoder streams were compared: " + sorted(figures));
    assertTrue(figures.getOrDefault("vectara sessions checked against their history", new AtomicLong()).get() > 0,
        "some Vectara streams were compared: " + sorted(figures));
    assertTrue(counts.keySet().stream().anyMatch(k -> k.endsWith(StreamInterruptedException.class.getName())),
        "some Vectara stream was cut: " + counts);

    // Nothing left: no call running, no connection in use, no OkHttp or sessionkit thread the load started.
    assertEquals(0, dispatcher.runningCallsCount(), "calls still running");
    assertEquals(0, dispatcher.queuedCallsCount(), "calls still queued");
    assertEquals(pool.idleConnectionCount(), pool.connectionCount(), "connections still in use (a body left open)");
    pool.evictAll();
    awaitTrue(() -> newThreads(baseline).isEmpty(), SETTLE);
    assertEquals("", newThreads(baseline), "OkHttp or sessionkit threads started by the load and still alive");
  }

  // ------------------------------------------------------------------ Qoder

  private void qoder(QoderClient client, boolean async) {
    String id = call("qoder.create", () -> client.sessions().create(CreateSessionRequest.builder()
        .agent(new SessionAgent.OfString(QODER_AGENT)).environmentId(QODER_ENVIRONMENT).title("load").build())).id();
    call("qoder.send", () -> client.sessions().send(id, SendEventsRequest.builder().events(List.of(SendUserMessage.builder()
        .type("user.message").content(List.<ContentBlock>of(TextBlock.builder().type("text").text("Rename the flag").build()))
        .build())).build()));
    List<SessionEvent> live = async
        ? call("qoder.streamAsync", () -> qoderUntilIdleAsync(client, id))
        : call("qoder.stream", () -> {
          List<SessionEvent> events = new ArrayList<>();
          try (EventStream<SessionEvent> stream = client.sessions().stream(id)) {
            for (SessionEvent event : stream) {
              events.add(event);
              if (event instanceof SessionStatusIdleEvent) break;
            }
          }
          return events;
        });
    if (live.isEmpty() || !(live.get(live.size() - 1) instanceof SessionStatusIdleEvent)) {
      lost.add("qoder " + id + ": the stream ended before the session was idle: " + qoderIds(live));
    }
    List<SessionEvent> history = call("qoder.history", () -> client.sessions().iterateEvents(id).stream().toList());
    if (!qoderIds(live).equals(qoderIds(history))) {
      lost.add("qoder " + id + ": streamed " + qoderIds(live) + ", history " + qoderIds(history));
    }
    count("qoder sessions checked against their history");
    call("qoder.delete", () -> client.sessions().delete(id));
  }

  private static List<SessionEvent> qoderUntilIdleAsync(QoderClient client, String id) {
    List<SessionEvent> live = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> idle = new CompletableFuture<>();
    AtomicReference<Flow.@Nullable Subscription> subscription = new AtomicReference<>();
    client.sessions().streamAsync(id).subscribe(collector(live, idle, subscription, SessionStatusIdleEvent.class::isInstance));
    await(idle, subscription);
    return live;
  }

  private static String qoderId(Object event) {
    try {
      return (String) event.getClass().getMethod("id").invoke(event);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(event + " has no id", e);
    }
  }

  private static List<String> qoderIds(List<SessionEvent> events) {
    return events.stream().map(SessionLifecyclesUnderLoadTest::qoderId).toList();
  }

  // ------------------------------------------------------------------ Vectara

  private void vectara(AgentsClient client, String key, boolean async) {
    call("vectara.create", () -> client.sessions().create(VECTARA_AGENT,
        CreateAgentSessionRequest.builder().key(key).name("load").build()));
    List<String> delivered = new ArrayList<>();
    String since = null;
    boolean ended = false;
    for (int n = 0; n < VECTARA_STREAMS && !ended; n++) {
      CreateInputMessageRequest input = CreateInputMessageRequest.builder().type("input_message").since(since)
          .messages(List.<AgentInput>of(TextInput.builder().type("text").content(n == 0 ? "Hello" : "Go on").build()))
          .build();
      List<AgentStreamedResponse> got = new CopyOnWriteArrayList<>();
      String op = async ? "vectara.streamAsync" : "vectara.stream";
      try {
        if (async) {
          CompletableFuture<Void> done = new CompletableFuture<>();
          AtomicReference<Flow.@Nullable Subscription> subscription = new AtomicReference<>();
          client.sessions().streamAsync(VECTARA_AGENT, key, input).subscribe(collector(got, done, subscription));
          await(done, subscription);
        } else {
          try (EventStream<AgentStreamedResponse> stream = client.sessions().stream(VECTARA_AGENT, key, input)) {
            stream.forEach(got::add);
          }
        }
        record(op, "value");
        ended = !got.isEmpty() && "end".equals(got.get(got.size() - 1).type());
        if (!ended) lost.add("vectara " + key + ": a stream ended without end: " + got);
      } catch (StreamInterruptedException cut) {
        record(op, cut);
        // The next input carries the cursor; with none, nothing persisted was delivered, so from the start.
        if (cut.lastEventId() != null) since = cut.lastEventId();
        else if (since == null) since = "start";
      } catch (RateLimitException | ServerException refused) {
        record(op, refused); // refused before the input was taken: send it again, with the same since
      } catch (Throwable e) {
        record(op, e);
        throw new Ended();
      } finally {
        delivered.addAll(persisted(got));
      }
    }
    if (!ended) throw new Ended();
    List<String> history = call("vectara.history", () -> client.sessions().iterateEvents(VECTARA_AGENT, key).stream()
        .map(SessionLifecyclesUnderLoadTest::vectaraId).toList());
    if (new HashSet<>(delivered).size() != delivered.size()) {
      lost.add("vectara " + key + ": a persisted event delivered twice: " + delivered);
    }
    int at = -1;
    for (String id : delivered) {
      int next = history.indexOf(id);
      if (next <= at) {
        lost.add("vectara " + key + ": delivered " + delivered + " is not in the history's order " + history);
        break;
      }
      at = next;
    }
    count("vectara sessions checked against their history");
    call("vectara.delete", () -> {
      client.sessions().delete(VECTARA_AGENT, key);
      return key;
    });
  }

  private static <T> Flow.Subscriber<T> collector(List<T> into, CompletableFuture<Void> done,
      AtomicReference<Flow.@Nullable Subscription> subscription) {
    return collector(into, done, subscription, item -> false);
  }

  /** Collects every item into {@code into}; {@code last} cancels the subscription and completes {@code done}. */
  private static <T> Flow.Subscriber<T> collector(List<T> into, CompletableFuture<Void> done,
      AtomicReference<Flow.@Nullable Subscription> subscription, java.util.function.Predicate<T> last) {
    return new Flow.Subscriber<>() {
      @Override
      public void onSubscribe(Flow.Subscription s) {
        subscription.set(s);
        s.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(T item) {
        into.add(item);
        if (last.test(item)) {
          subscription.get().cancel();
          done.complete(null);
        }
      }

      @Override
      public void onError(Throwable e) {
        done.completeExceptionally(e);
      }

      @Override
      public void onComplete() {
        done.complete(null);
      }
    };
  }

  private static String vectaraId(AgentEvent event) {
    return qoderId(event);
  }

  /** The id of the persisted event a streamed one is or ends (an agent output's end names it), else null. */
  private static @Nullable String persisted(AgentStreamedResponse event) {
    if (event instanceof StreamingAgentOutputEnd end) return end.eventId();
    if (event instanceof AgentStreamedResponse.Unknown unknown) {
      Object id = ((Map<?, ?>) unknown.raw().toJavaValue()).get("id");
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

  // ------------------------------------------------------------------ Piper and Pipecat

  private void piper(PiperClient client, boolean async) {
    AgentResponse first = call("piper.response", () -> client.responses().create(PIPER_ORG,
        ResponseRequest.builder().agentId(PIPER_AGENT).message("Where is my order?").build()));
    String session = first.sessionId();
    ResponseRequest next = ResponseRequest.builder().agentId(PIPER_AGENT).sessionId(session).message("Thanks").build();
    List<JsonValue> live = async
        ? call("piper.streamAsync", () -> {
          List<JsonValue> frames = new CopyOnWriteArrayList<>();
          CompletableFuture<Void> done = new CompletableFuture<>();
          AtomicReference<Flow.@Nullable Subscription> subscription = new AtomicReference<>();
          client.responses().streamAsync(PIPER_ORG, next).subscribe(collector(frames, done, subscription));
          await(done, subscription);
          return frames;
        })
        : call("piper.stream", () -> {
          List<JsonValue> frames = new ArrayList<>();
          try (EventStream<JsonValue> stream = client.responses().stream(PIPER_ORG, next)) {
            for (JsonValue frame : stream) frames.add(frame);
          }
          return frames;
        });
    SessionEventsResponse history = call("piper.sessionEvents", () -> client.sessions().events(PIPER_ORG, session));
    List<Object> streamed = live.stream().map(f -> (Map<?, ?>) f.toJavaValue())
        .filter(f -> f.containsKey("event_type")).<Object>map(f -> f.get("id")).toList();
    List<Object> runs = history.runs().stream().<Object>map(r -> r.id()).toList();
    if (history.runs().size() != 2 || !history.runs().get(0).id().equals(first.runId())
        || !history.runs().get(1).events().stream().map(EventResponse::id).toList().equals(streamed)) {
      lost.add("piper " + session + ": runs " + runs + " (first " + first.runId() + "), streamed " + streamed);
    }
  }

  private void pipecat(PipecatClient client, String agent) {
    String id = call("pipecat.start", () -> client.sessions().start(agent, StartRequest.builder().createDailyRoom(true)
        .build())).sessionId();
    call("pipecat.get", () -> client.sessions().get(agent, id));
    call("pipecat.stop", () -> client.sessions().stop(agent, id));
  }

  // ------------------------------------------------------------------ outcomes

  /** Runs one call and counts its outcome; a failure (counted) ends the lifecycle. */
  private <T> T call(String op, Supplier<T> call) {
    T value;
    try {
      value = call.get();
    } catch (Throwable e) {
      record(op, e);
      throw new Ended();
    }
    record(op, "value");
    return value;
  }

  /** Waits for a publisher's end within {@link #STREAM_BOUND}; a publisher that says nothing for that long hangs. */
  private static void await(CompletableFuture<Void> done, AtomicReference<Flow.@Nullable Subscription> subscription) {
    try {
      done.get(STREAM_BOUND.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | CompletionException e) {
      if (e.getCause() instanceof RuntimeException unchecked) throw unchecked;
      throw new IllegalStateException("the publisher failed with " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      Flow.Subscription s = subscription.get();
      if (s != null) s.cancel();
      throw new IllegalStateException("hang: the publisher neither ended nor failed within " + STREAM_BOUND);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void record(String op, String outcome) {
    outcomes.computeIfAbsent(op + " " + outcome, k -> new AtomicLong()).incrementAndGet();
  }

  private void record(String op, Throwable e) {
    String kind = e instanceof SessionkitException ? "typed " + e.getClass().getName()
        : "untyped " + e.getClass().getName() + (e.getMessage() != null && e.getMessage().startsWith("hang") ? " (hang)" : "");
    if (!(e instanceof SessionkitException)) e.printStackTrace();
    record(op, kind);
  }

  private void count(String figure) {
    figures.computeIfAbsent(figure, k -> new AtomicLong()).incrementAndGet();
  }

  private static Map<String, Long> sorted(Map<String, AtomicLong> counts) {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  private static String faultsSeen(Map<String, Long> counts) {
    Predicate<String> cut = k -> k.endsWith(StreamInterruptedException.class.getName());
    long cuts = counts.entrySet().stream().filter(e -> cut.test(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    long limited = counts.entrySet().stream().filter(e -> e.getKey().endsWith(RateLimitException.class.getName()))
        .mapToLong(Map.Entry::getValue).sum();
    long server = counts.entrySet().stream().filter(e -> e.getKey().endsWith(ServerException.class.getName()))
        .mapToLong(Map.Entry::getValue).sum();
    return cuts + " streams ended cut, " + limited + " calls ended rate-limited, " + server + " ended in a server error";
  }

  /**
   * The live threads named OkHttp or sessionkit that were not there at the baseline, other than
   * OkHttp's own task runner (one pool per JVM, shared by every OkHttp client, whose idle threads
   * OkHttp keeps for 60 s by design).
   */
  private static String newThreads(Set<Thread> baseline) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !baseline.contains(t))
        .filter(t -> t.getName().startsWith("OkHttp") || t.getName().startsWith("sessionkit"))
        .filter(t -> !t.getName().startsWith("OkHttp TaskRunner"))
        .map(Thread::getName)
        .sorted()
        .collect(Collectors.joining(", "));
  }

  private static void awaitTrue(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) Thread.sleep(50);
  }
}
