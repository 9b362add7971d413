package dev.sessionkit.core.spi;

import static dev.sessionkit.core.spi.StreamFixtures.cut;
import static dev.sessionkit.core.spi.StreamFixtures.frame;
import static dev.sessionkit.core.spi.StreamFixtures.frames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.ClientOptions;
import dev.sessionkit.core.Credential;
import dev.sessionkit.core.EventStream;
import dev.sessionkit.core.RequestOptions;
import dev.sessionkit.core.Sleeper;
import dev.sessionkit.core.spi.StreamFixtures.Api;
import dev.sessionkit.core.spi.StreamFixtures.Endless;
import dev.sessionkit.core.spi.StreamFixtures.Ev;
import dev.sessionkit.core.spi.StreamFixtures.Msg;
import dev.sessionkit.core.spi.StreamPublisherTest.Recorder;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Closing a stream, or cancelling a subscription, whatever it is doing (waiting for the next event,
 * holding events nobody asked for yet, waiting to reconnect) ends it quietly and leaves neither a
 * thread nor a connection: checked on the client (threads, the connection pool, the dispatcher) and
 * on the server (it sees the connection close, and no request follows).
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class StreamCloseTest {
  private static final StreamSpec<Ev> SPEC = StreamSpec.builder(Ev.class).heartbeats("heartbeat")
      .resumeWithLastEventId().build();

  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient http = new OkHttpClient();

  /** Never completes a wait: a stream that drops stays waiting to reconnect until it is closed. */
  static final class HangingSleeper implements Sleeper {
    final CompletableFuture<Void> wait = new CompletableFuture<>();

    @Override
    public void sleep(Duration duration) {
      throw new AssertionError("streams wait without blocking a thread in the sleeper");
    }

    @Override
    public CompletableFuture<Void> sleepAsync(Duration duration) {
      return wait;
    }
  }

  private final HangingSleeper hanging = new HangingSleeper();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ClientRuntime runtime() {
    return ClientRuntime.create(ClientOptions.builder().baseUrl(server.url("/v1/").toString())
        .credential(Credential.of("t")).httpClient(http).sleeper(hanging).build(), ServiceProfile.builder("Test").build());
  }

  private EventStream<Ev> open(ClientRuntime runtime) {
    return runtime.stream(runtime.service(Api.class).events("s"), SPEC, RequestOptions.NONE);
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
  void closeFromAnotherThreadEndsABlockedIterationQuietlyAndLeavesNoConnection() throws Exception {
    Endless body = new Endless(frames(1, 2));
    server.enqueue(body.response());
    EventStream<Ev> stream = open(runtime());
    Iterator<Ev> events = stream.iterator();
    events.next();
    events.next();
    CompletableFuture<Boolean> blocked = CompletableFuture.supplyAsync(events::hasNext);
    Thread.sleep(200);
    assertFalse(blocked.isDone(), "waiting for a third event");

    stream.close();

    assertFalse(blocked.get(5, TimeUnit.SECONDS), "ends quietly, with no connection error");
    assertTrue(body.gone.await(5, TimeUnit.SECONDS), "the server saw the connection close");
    assertEquals(0, http.connectionPool().connectionCount());
    assertEquals("2", stream.lastEventId());
  }

  @Test
  void closingTheJavaStreamClosesTheEventStreamWhichIsIteratedOnce() throws Exception {
    Endless body = new Endless(frames(1, 3));
    server.enqueue(body.response());
    EventStream<Ev> events = open(runtime());

    try (Stream<Ev> stream = events.stream()) {
      assertEquals(List.of(1, 2), stream.limit(2).map(event -> ((Msg) event).n()).toList());
    }

    assertTrue(body.gone.await(5, TimeUnit.SECONDS));
    IllegalStateException e = assertThrows(IllegalStateException.class, events::iterator);
    assertEquals("an EventStream is iterated once; this one already was", e.getMessage());
  }

  @Test
  void closingAStreamWaitingToReconnectEndsItQuietlyAndSendsNothingMore() throws Exception {
    server.enqueue(cut(frame(1)));
    EventStream<Ev> stream = open(runtime());
    Iterator<Ev> events = stream.iterator();
    events.next();
    CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(events::hasNext);
    Thread.sleep(200);

    stream.close();

    assertFalse(waiting.get(5, TimeUnit.SECONDS));
    assertTrue(hanging.wait.isCancelled(), "the wait was cancelled");
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void cancellingWhileTheReaderWaitsForAnEventLeavesNoThreadAndNoConnection() throws Exception {
    Endless body = new Endless(frames(1, 2));
    server.enqueue(body.response());
    Recorder recorder = new Recorder();
    ClientRuntime runtime = runtime();
    runtime.streamAsync(() -> runtime.service(Api.class).events("s"), SPEC, RequestOptions.NONE).subscribe(recorder);
    recorder.subscription.request(Long.MAX_VALUE);
    recorder.next();
    recorder.next();
    assertEquals(1, streamThreads().size(), "one thread of its own, now waiting for a third event");

    recorder.subscription.cancel();

    assertTrue(body.gone.await(5, TimeUnit.SECONDS), "the server saw the connection close");
    awaitNoStreamThread();
    assertEquals(0, http.connectionPool().connectionCount());
    assertEquals(0, http.dispatcher().runningCallsCount());
    assertEquals(List.of("sessionkit-stream-Test-"), recorder.threads.stream()
        .map(name -> name.replaceAll("[0-9]+$", "")).distinct().toList());
    assertNull(recorder.signals.poll(100, TimeUnit.MILLISECONDS), "no signal after cancel");
    assertFalse(recorder.done.isDone(), "no onComplete or onError after cancel");
  }

  @Test
  void cancellingWhileDemandIsZeroLeavesNoThreadAndNoConnection() throws Exception {
    Endless body = new Endless(frames(1, 5));
    server.enqueue(body.response());
    Recorder recorder = new Recorder();
    ClientRuntime runtime = runtime();
    runtime.streamAsync(() -> runtime.service(Api.class).events("s"), SPEC, RequestOptions.NONE).subscribe(recorder);
    recorder.subscription.request(1);
    recorder.next();

    recorder.subscription.cancel();

    assertTrue(body.gone.await(5, TimeUnit.SECONDS));
    awaitNoStreamThread();
    assertEquals(0, http.connectionPool().connectionCount());
  }

  @Test
  void cancellingASubscriptionWaitingToReconnectSendsNothingMoreAndSignalsNothing() throws Exception {
    server.enqueue(cut(frame(1)));
    Recorder recorder = new Recorder();
    ClientRuntime runtime = runtime();
    runtime.streamAsync(() -> runtime.service(Api.class).events("s"), SPEC, RequestOptions.NONE).subscribe(recorder);
    recorder.subscription.request(5);
    recorder.next();
    for (int i = 0; i < 100 && hanging.wait.getNumberOfDependents() == 0; i++) Thread.sleep(10);

    recorder.subscription.cancel();

    assertTrue(hanging.wait.isCancelled(), "the wait was cancelled");
    awaitNoStreamThread();
    assertEquals(1, server.getRequestCount());
    assertFalse(recorder.done.isDone(), "no onComplete or onError after cancel");
  }
}
