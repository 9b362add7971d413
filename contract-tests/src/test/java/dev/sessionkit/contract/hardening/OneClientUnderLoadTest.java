package dev.sessionkit.contract.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.errors.SessionkitException;
import dev.sessionkit.qoder.EventListParams;
import dev.sessionkit.qoder.QoderClient;
import dev.sessionkit.qoder.model.SessionEventList;
import dev.sessionkit.sandbox.Fault;
import dev.sessionkit.sandbox.FaultPlan;
import dev.sessionkit.sandbox.Sandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * One client under load against the sandbox and its {@link FaultPlan}: {@value #THREADS_DEFAULT}
 * threads of {@value #CALLS_DEFAULT} blocking calls each, plus callers without blocking, while the
 * sandbox answers with latency, 503s, 429s, dropped connections and bodies cut off. Every call must
 * end, within the bound, in a value or a {@link SessionkitException}; afterwards the dispatcher runs
 * nothing, no connection is left in use, and every thread the load started ends. Issue 10, "load on
 * one client".
 *
 * <p>The OkHttp client is the test's own (shared through {@code httpClient(...)}) so that its pool
 * and dispatcher can be watched; its idle connections and dispatcher threads are let go after one
 * second instead of minutes, so "back to baseline" is seen within the test rather than assumed.
 * {@code -Dsessionkit.load.threads=N -Dsessionkit.load.calls=M} change the load.
 */
@Isolated("counts the JVM's live threads before and after")
class OneClientUnderLoadTest {
  static final int THREADS_DEFAULT = 32;
  /**
   * Calls per caller, as the issue asks: 36,000 calls in all took 50 s (41 s of CPU for client and
   * sandbox together) on a 2-core machine shared with other builds (load average 30).
   */
  static final int CALLS_DEFAULT = 1_000;
  private static final int THREADS = Integer.getInteger("sessionkit.load.threads", THREADS_DEFAULT);
  private static final int CALLS = Integer.getInteger("sessionkit.load.calls", CALLS_DEFAULT);
  /** Callers without blocking, each with at most {@link #ASYNC_IN_FLIGHT} futures outstanding. */
  private static final int ASYNC_CALLERS = 4;
  private static final int ASYNC_IN_FLIGHT = 8;
  /** No call may hang: the whole load must end by then (generous, for a busy CI machine). */
  private static final Duration BOUND = Duration.ofSeconds(240);
  private static final Duration SETTLE = Duration.ofSeconds(20);
  private static final int PAGE_SIZE = 5;
  private static final String SESSION = "sess_sandbox_" + PAGE_SIZE;
  private static final EventListParams PAGE = EventListParams.builder().limit(PAGE_SIZE).build();

  @Test
  void everyCallEndsTypedAndThreadsAndConnectionsReturnToTheirBaseline() throws Exception {
    FaultPlan faults = FaultPlan.builder()
        .seed(10)
        .script(Fault.SERVER_ERROR) // the warm-up's retry starts sessionkit's retry scheduler before the baseline
        .latency(Duration.ofMillis(5), 0.05)
        .serverErrors(0.01)
        .rateLimited(0.01, Duration.ZERO)
        .droppedConnections(0.005)
        .truncatedBodies(0.005)
        .build();
    try (Sandbox sandbox = Sandbox.builder().faults(faults).start()) {
      ThreadPoolExecutor okHttpThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 1, TimeUnit.SECONDS,
          new java.util.concurrent.SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "load-okhttp-dispatcher");
            t.setDaemon(true);
            return t;
          });
      Dispatcher dispatcher = new Dispatcher(okHttpThreads);
      dispatcher.setMaxRequests(64);
      dispatcher.setMaxRequestsPerHost(64);
      ConnectionPool pool = new ConnectionPool(64, 1, TimeUnit.SECONDS);
      OkHttpClient http = new OkHttpClient.Builder().dispatcher(dispatcher).connectionPool(pool).build();
      QoderClient client = QoderClient.builder()
          .token(sandbox.credential("qoder"))
          .baseUrl(sandbox.baseUrl("qoder"))
          .httpClient(http)
          .build();

      // Warm up: one call without blocking (retried once, after the scripted 503) and one blocking.
      client.sessions().eventsAsync(SESSION, PAGE).get(10, TimeUnit.SECONDS);
      client.sessions().events(SESSION, PAGE);
      awaitTrue(() -> pool.connectionCount() == 0 && okHttpThreads.getPoolSize() == 0, SETTLE);
      Set<Thread> baseline = Thread.getAllStackTraces().keySet();

      Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
      long started = System.nanoTime();
      long cpuBefore = processCpuNanos();
      ExecutorService callers = Executors.newFixedThreadPool(THREADS + ASYNC_CALLERS);
      ArrayList<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        work.add(callers.submit(() -> {
          for (int i = 0; i < CALLS; i++) {
            try {
              RawResponse<SessionEventList> raw = client.sessions().withRawResponse().events(SESSION, PAGE);
              record(outcomes, raw.body().data().size() == PAGE_SIZE ? "value" : "value of the wrong size");
            } catch (Throwable e) {
              record(outcomes, e);
            }
          }
        }));
      }
      for (int a = 0; a < ASYNC_CALLERS; a++) {
        work.add(callers.submit(() -> {
          Semaphore inFlight = new Semaphore(ASYNC_IN_FLIGHT);
          for (int i = 0; i < CALLS; i++) {
            inFlight.acquireUninterruptibly();
            CompletableFuture<SessionEventList> future;
            try {
              future = client.sessions().eventsAsync(SESSION, PAGE);
            } catch (Throwable e) {
              record(outcomes, "the async method threw " + e.getClass().getName());
              inFlight.release();
              continue;
            }
            future.whenComplete((page, e) -> {
              if (e == null) record(outcomes, page.data().size() == PAGE_SIZE ? "value" : "value of the wrong size");
              else record(outcomes, e instanceof java.util.concurrent.CompletionException ? e.getCause() : e);
              inFlight.release();
            });
          }
          // Every future of this caller has completed once all permits are back.
          if (!inFlight.tryAcquire(ASYNC_IN_FLIGHT, BOUND.toSeconds(), TimeUnit.SECONDS)) {
            record(outcomes, "futures that never completed");
          }
          return null;
        }));
      }
      callers.shutdown();
      if (!callers.awaitTermination(BOUND.toSeconds(), TimeUnit.SECONDS)) {
        callers.shutdownNow();
        fail("the load did not end within " + BOUND + "; outcomes so far: " + outcomes);
      }
      for (Future<?> f : work) f.get();
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      Duration cpu = Duration.ofNanos(processCpuNanos() - cpuBefore);

      long calls = (long) (THREADS + ASYNC_CALLERS) * CALLS;
      Map<String, Long> counts = new TreeMap<>();
      outcomes.forEach((k, v) -> counts.put(k, v.get()));
      System.out.printf("load: %d calls on one client in %d ms (%d ms of CPU, client and sandbox), %d requests to the"
          + " sandbox; outcomes %s%n", calls, took.toMillis(), cpu.toMillis(), sandbox.requestCount(), counts);

      assertEquals(calls, counts.values().stream().mapToLong(Long::longValue).sum(), "every call ended once: " + counts);
      for (String outcome : counts.keySet()) {
        assertTrue(outcome.equals("value") || outcome.startsWith("typed "), "untyped outcome " + outcome + ": " + counts);
      }
      assertTrue(counts.getOrDefault("value", 0L) > calls * 9 / 10, "most calls succeed through the retries: " + counts);
      assertTrue(sandbox.requestCount() > calls, "the faults were retried");

      // Back to the baseline: nothing running, no connection left in use, every thread the load started gone.
      assertEquals(0, dispatcher.runningCallsCount(), "calls still running");
      assertEquals(0, dispatcher.queuedCallsCount(), "calls still queued");
      assertEquals(pool.idleConnectionCount(), pool.connectionCount(), "connections still in use (a body left open)");
      awaitTrue(() -> pool.connectionCount() == 0, SETTLE);
      assertEquals(0, pool.connectionCount(), "pooled connections after the idle timeout");
      awaitTrue(() -> newThreads(baseline).isEmpty(), SETTLE);
      assertEquals("", newThreads(baseline), "threads started by the load and still alive");
    }
  }

  private static void record(Map<String, AtomicLong> outcomes, String outcome) {
    outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
  }

  private static void record(Map<String, AtomicLong> outcomes, Throwable e) {
    record(outcomes, (e instanceof SessionkitException ? "typed " : "untyped ") + e.getClass().getName());
  }

  /**
   * The live threads that were not there at the baseline, other than OkHttp's own task runner (one
   * pool per JVM, shared by every OkHttp client, whose idle threads OkHttp keeps for 60 s by design)
   * and the sandbox's server threads.
   */
  private static String newThreads(Set<Thread> baseline) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !baseline.contains(t))
        .filter(t -> !t.getName().startsWith("OkHttp TaskRunner"))
        .filter(t -> !t.getName().startsWith("MockWebServer")) // the sandbox's side, not the client's
        .map(Thread::getName)
        .sorted()
        .collect(Collectors.joining(", "));
  }

  private static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
  }

  private static void awaitTrue(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) Thread.sleep(50);
  }
}
