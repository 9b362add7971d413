package dev.sessionkit.core.spi;

import static dev.sessionkit.core.spi.StreamFixtures.frames;
import static dev.sessionkit.core.spi.StreamFixtures.sse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sessionkit.core.ClientOptions;
import dev.sessionkit.core.Credential;
import dev.sessionkit.core.RequestOptions;
import dev.sessionkit.core.spi.StreamFixtures.Api;
import dev.sessionkit.core.spi.StreamFixtures.Endless;
import dev.sessionkit.core.spi.StreamFixtures.Ev;
import dev.sessionkit.core.spi.StreamFixtures.Msg;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The asynchronous form: a cold publisher that reads only what is requested, delivers on the
 * client's executor or its own thread, and leaves neither a thread nor a connection behind.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class StreamPublisherTest {
  private static final StreamSpec<Ev> SPEC = StreamSpec.builder(Ev.class).heartbeats("heartbeat").build();

  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient http = new OkHttpClient();

  /** Records what it is sent; requests only when the test says. */
  static final class Recorder implements Flow.Subscriber<Ev> {
    final BlockingQueue<Object> signals = new LinkedBlockingQueue<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    final CompletableFuture<@Nullable Throwable> done = new CompletableFuture<>();
    volatile Flow.Subscription subscription;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
    }

    @Override
    public void onNext(Ev item) {
      threads.add(Thread.currentThread().getName());
      signals.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
      done.complete(throwable);
    }

    @Override
    public void onComplete() {
      done.complete(null);
    }

    Ev next() throws InterruptedException {
      Object signal = signals.poll(5, TimeUnit.SECONDS);
      if (signal == null) throw new AssertionError("no event within 5 s");
      return (Ev) signal;
    }
  }

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ClientRuntime runtime(ClientOptions.Builder options) {
    return ClientRuntime.create(options.baseUrl(server.url("/v1/").toString()).credential(Credential.of("t"))
        .httpClient(http).build(), ServiceProfile.builder("Test").build());
  }

  private Flow.Publisher<Ev> publisher(ClientRuntime runtime) {
    return runtime.streamAsync(() -> runtime.service(Api.class).events("sess_1"), SPEC, RequestOptions.NONE);
  }

  private static List<Thread> streamThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("sessionkit-stream-Test-") && thread.isAlive()).toList();
  }

  private static void awaitNoStreamThread() throws InterruptedException {
    for (int i = 0; i < 100 && !streamThreads().isEmpty(); i++) Thread.sleep(20);
    assertEquals(List.of(), streamThreads());
  }

  @Test
  void neverDeliversMoreThanRequested() throws Exception {
    server.enqueue(new Endless(frames(1, 50)).response());
    Recorder recorder = new Recorder();
    publisher(runtime(ClientOptions.builder())).subscribe(recorder);

    recorder.subscription.request(3);
    assertEquals(1, ((Msg) recorder.next()).n());
    assertEquals(2, ((Msg) recorder.next()).n());
    assertEquals(3, ((Msg) recorder.next()).n());
    assertNull(recorder.signals.poll(300, TimeUnit.MILLISECONDS), "47 more events were there to read");

    recorder.subscription.request(2);
    assertEquals(4, ((Msg) recorder.next()).n());
    assertEquals(5, ((Msg) recorder.next()).n());
    assertNull(recorder.signals.poll(300, TimeUnit.MILLISECONDS));
    recorder.subscription.cancel();
  }

  @Test
  void aStreamThatEndsCompletesAndItsThreadEnds() throws Exception {
    server.enqueue(sse(frames(1, 2)));
    Recorder recorder = new Recorder();
    publisher(runtime(ClientOptions.builder())).subscribe(recorder);
    recorder.subscription.request(10);

    assertNull(recorder.done.get(5, TimeUnit.SECONDS));
    assertEquals(2, recorder.signals.size());
    awaitNoStreamThread();
  }

  @Test
  void eventsAreDeliveredOnTheCallbackExecutorWithNoThreadOfItsOwn() throws Exception {
    server.enqueue(sse(frames(1, 3)));
    ExecutorService executor = Executors.newSingleThreadExecutor(task -> new Thread(task, "app-callbacks"));
    try {
      Recorder recorder = new Recorder();
      publisher(runtime(ClientOptions.builder().callbackExecutor(executor))).subscribe(recorder);
      recorder.subscription.request(Long.MAX_VALUE);

      assertNull(recorder.done.get(5, TimeUnit.SECONDS));
      assertEquals(List.of("app-callbacks", "app-callbacks", "app-callbacks"), recorder.threads);
      assertEquals(List.of(), streamThreads());
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void eachSubscriptionBuildsItsCallAndAFailureThereReachesOnError() throws Exception {
    ClientRuntime runtime = runtime(ClientOptions.builder());
    Flow.Publisher<Ev> publisher = runtime.streamAsync(() -> {
      throw new IllegalArgumentException("sessionId must start with \"sess_\" (got \"x\")");
    }, SPEC, RequestOptions.NONE);
    Recorder recorder = new Recorder();

    publisher.subscribe(recorder);

    assertInstanceOf(IllegalArgumentException.class, recorder.done.get(5, TimeUnit.SECONDS));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void eachSubscriptionOpensItsOwnStream() throws Exception {
    server.enqueue(sse(frames(1, 1)));
    server.enqueue(sse(frames(2, 2)));
    Flow.Publisher<Ev> publisher = publisher(runtime(ClientOptions.builder()));

    for (int n = 1; n <= 2; n++) {
      Recorder recorder = new Recorder();
      publisher.subscribe(recorder);
      recorder.subscription.request(5);
      assertEquals(n, ((Msg) recorder.next()).n());
      assertNull(recorder.done.get(5, TimeUnit.SECONDS));
    }
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void aRequestForNoEventsIsAnError() throws Exception {
    server.enqueue(new Endless(frames(1, 2)).response());
    Recorder recorder = new Recorder();
    publisher(runtime(ClientOptions.builder())).subscribe(recorder);

    recorder.subscription.request(0);

    IllegalArgumentException e = assertInstanceOf(IllegalArgumentException.class, recorder.done.get(5, TimeUnit.SECONDS));
    assertEquals("request(n) needs n > 0 (got 0)", e.getMessage());
    awaitNoStreamThread();
  }
}
