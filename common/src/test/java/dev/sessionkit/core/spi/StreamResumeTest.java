package dev.sessionkit.core.spi;

import static dev.sessionkit.core.spi.StreamFixtures.cut;
import static dev.sessionkit.core.spi.StreamFixtures.frame;
import static dev.sessionkit.core.spi.StreamFixtures.frames;
import static dev.sessionkit.core.spi.StreamFixtures.sse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.ClientOptions;
import dev.sessionkit.core.Credential;
import dev.sessionkit.core.LogLevel;
import dev.sessionkit.core.RequestOptions;
import dev.sessionkit.core.RetryBudget;
import dev.sessionkit.core.spi.StreamFixtures.Api;
import dev.sessionkit.core.spi.StreamFixtures.Ev;
import dev.sessionkit.core.spi.StreamFixtures.Outcome;
import dev.sessionkit.core.spi.StreamFixtures.Reading;
import dev.sessionkit.errors.StreamInterruptedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A dropped stream, blocking and as a publisher: it resumes where the spec says it may, from the
 * last event delivered, waiting what the server asked with {@code retry:} (recorded by a sleeper
 * that never sleeps), and it refuses typed where resuming would replay or resend what is not safe.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class StreamResumeTest {
  private static final StreamSpec<Ev> LAST_EVENT_ID = StreamSpec.builder(Ev.class).heartbeats("heartbeat")
      .resumeWithLastEventId().build();
  private static final MockResponse STOP = new MockResponse.Builder().code(204).build();

  private final MockWebServer server = new MockWebServer();
  private final RetryScheduleTest.RecordingSleeper sleeper = new RetryScheduleTest.RecordingSleeper();
  private final List<String> log = new CopyOnWriteArrayList<>();

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
        .sleeper(sleeper).logLevel(LogLevel.DEBUG).logger(log::add).build(), ServiceProfile.builder("Test").build());
  }

  private ClientRuntime runtime() {
    return runtime(ClientOptions.builder());
  }

  private Outcome read(Reading reading, ClientRuntime runtime, StreamSpec<Ev> spec) throws Exception {
    return reading.read(runtime, () -> runtime.service(Api.class).events("sess_1"), spec, RequestOptions.NONE);
  }

  private List<String> lastEventIds(int requests) throws InterruptedException {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < requests; i++) ids.add(server.takeRequest().getHeaders().get("Last-Event-ID"));
    return ids;
  }

  @ParameterizedTest
  @EnumSource(Reading.class)
  void aStreamCutMidFrameResumesWithLastEventIdDeliveringEveryEventOnce(Reading reading) throws Exception {
    server.enqueue(cut(frames(1, 3) + "id: 4\nevent: message\n"));
    server.enqueue(sse(frames(4, 6)));
    server.enqueue(STOP);

    Outcome outcome = read(reading, runtime(), LAST_EVENT_ID);

    assertNull(outcome.failure());
    assertEquals(List.of(1, 2, 3, 4, 5, 6), outcome.numbers());
    assertEquals(java.util.Arrays.asList(null, "3", "6"), lastEventIds(3),
        "the id of a frame cut before its blank line was never committed");
  }

  @ParameterizedTest
  @EnumSource(Reading.class)
  void aStreamCutMidEventResumesWithLastEventIdDeliveringEveryEventOnce(Reading reading) throws Exception {
    server.enqueue(cut(frames(1, 2) + "id: 3\nevent: message\ndata: {\"type\":\"mess"));
    server.enqueue(cut(frame(3) + "event: heartbeat\ndata: {}\n\n" + "id: 4\nev"));
    server.enqueue(sse(frames(4, 5)));
    server.enqueue(STOP);

    Outcome outcome = read(reading, runtime(), LAST_EVENT_ID);

    assertNull(outcome.failure());
    assertEquals(List.of(1, 2, 3, 4, 5), outcome.numbers());
    assertEquals(java.util.Arrays.asList(null, "2", "3", "5"), lastEventIds(4));
    assertTrue(log.stream().anyMatch(line -> line.startsWith("resuming GET " + server.url("/v1/sessions/sess_1/events/stream")
        + " with Last-Event-ID 2 in ") && line.contains("(reconnect 1 of 2): the stream dropped after 2 events (")),
        log.toString());
  }

  @ParameterizedTest
  @EnumSource(Reading.class)
  void retryIsTheWaitBeforeReconnectingCappedAtAMinuteAndNothingSleepsForReal(Reading reading) throws Exception {
    server.enqueue(cut(frame(1)));
    server.enqueue(cut("retry: 2500\n\n" + frame(2)));
    server.enqueue(cut("retry: 3600000\n\n" + frame(3)));
    server.enqueue(STOP);

    Outcome outcome = read(reading, runtime(), LAST_EVENT_ID);

    assertEquals(List.of(1, 2, 3), outcome.numbers());
    assertEquals(3, sleeper.waits.size(), sleeper.waits.toString());
    long backoff = sleeper.waits.get(0).toMillis();
    assertTrue(backoff >= 375 && backoff <= 500, "no retry: yet, so the policy's backoff: " + backoff + " ms");
    assertEquals(List.of(Duration.ofMillis(2500), Duration.ofSeconds(60)), sleeper.waits.subList(1, 3));
    assertTrue(log.stream().anyMatch(line -> line.endsWith(", retry: 2500 ms")), log.toString());
    assertTrue(log.stream().anyMatch(line -> line.endsWith(", retry: 3600000 ms capped at 60 s")), log.toString());
  }

  @ParameterizedTest
  @EnumSource(Reading.class)
  void aDropAfterEventsWithoutAnIdEndsTypedInsteadOfReplayingHistory(Reading reading) throws Exception {
    server.enqueue(cut("data: {\"type\":\"message\",\"n\":1}\n\n"));

    Outcome outcome = read(reading, runtime(), LAST_EVENT_ID);

    assertEquals(List.of(1), outcome.numbers());
    StreamInterruptedException e = assertInstanceOf(StreamInterruptedException.class, outcome.failure());
    assertNull(e.lastEventId());
    assertTrue(e.getMessage().contains("no event id had arrived, so reconnecting would replay the events delivered"),
        e.getMessage());
    assertEquals(1, server.getRequestCount());
    assertTrue(log.stream().anyMatch(line -> line.startsWith("not resuming GET ")), log.toString());
  }

  @ParameterizedTest
  @EnumSource(Reading.class)
  void aStreamThatCannotResumeEndsTypedCarryingItsLastEventId(Reading reading) throws Exception {
    server.enqueue(cut(frames(1, 3)));

    Outcome outcome = read(reading, runtime(), StreamSpec.builder(Ev.class).build());

    assertEquals(List.of(1, 2, 3), outcome.numbers());
    StreamInterruptedException e = assertInstanceOf(StreamInterruptedException.class, outcome.failure());
    assertEquals("3", e.lastEventId());
    assertEquals(1, server.getRequestCount());
  }

  @ParameterizedTest
  @EnumSource(Reading.class)
  void aDropBeforeTheFirstEventOpensTheStreamAgainFromTheStart(Reading reading) throws Exception {
    server.enqueue(cut(": hello\n\n"));
    server.enqueue(sse(frames(1, 2)));

    Outcome outcome = read(reading, runtime(), StreamSpec.builder(Ev.class).build());

    assertNull(outcome.failure());
    assertEquals(List.of(1, 2), outcome.numbers());
    assertEquals(2, server.getRequestCount());
    assertTrue(log.stream().anyMatch(line -> line.contains(" from the start, as no event had arrived in ")),
        log.toString());
  }

  @ParameterizedTest
  @EnumSource(Reading.class)
  void reconnectsInARowWithoutAnEventAreBoundedByMaxRetries(Reading reading) throws Exception {
    server.enqueue(cut(frames(1, 2)));
    for (int i = 0; i < 3; i++) server.enqueue(cut(": nothing\n"));

    Outcome outcome = read(reading, runtime(), LAST_EVENT_ID);

    assertEquals(List.of(1, 2), outcome.numbers());
    StreamInterruptedException e = assertInstanceOf(StreamInterruptedException.class, outcome.failure());
    assertEquals("2", e.lastEventId());
    assertTrue(e.getMessage().contains("that was the last of 2 reconnects in a row without an event"), e.getMessage());
    assertEquals(java.util.Arrays.asList(null, "2", "2"), lastEventIds(3));
  }

  @ParameterizedTest
  @EnumSource(Reading.class)
  void aResumedConnectionThatDeliversAnEventStartsTheCountAgain(Reading reading) throws Exception {
    for (int n = 1; n <= 4; n++) server.enqueue(cut(frame(n)));
    server.enqueue(STOP);
    ClientRuntime runtime = runtime(ClientOptions.builder().maxRetries(1).retryBudget(RetryBudget.of(2, 1)));

    Outcome outcome = read(reading, runtime, LAST_EVENT_ID);

    assertNull(outcome.failure());
    assertEquals(List.of(1, 2, 3, 4), outcome.numbers(), "four drops, one reconnect each, on a budget of two");
  }

  @ParameterizedTest
  @EnumSource(Reading.class)
  void aRequestFieldResumeSendsTheNextRequestWithTheCursor(Reading reading) throws Exception {
    server.enqueue(cut("data: {\"type\":\"message\",\"n\":1,\"event_id\":\"aev_1\"}\n\n"
        + "data: {\"type\":\"message\",\"n\":2}\n\n"));
    server.enqueue(sse("data: {\"type\":\"message\",\"n\":3,\"event_id\":\"aev_3\"}\n\ndata: {\"type\":\"end\"}\n\n"));
    ClientRuntime runtime = runtime();
    Api api = runtime.service(Api.class);
    StreamSpec<Ev> spec = StreamSpec.builder(Ev.class).nameFromData("type").ends("end")
        .resumeWithRequestField(since -> api.eventsSince("sess_1", since), "event_id").build();

    Outcome outcome = reading.read(runtime, () -> api.events("sess_1"), spec, RequestOptions.NONE);

    assertNull(outcome.failure());
    assertEquals(List.of(1, 2, 3), outcome.numbers());
    assertEquals("/v1/sessions/sess_1/events/stream", server.takeRequest().getTarget());
    RecordedRequest resumed = server.takeRequest();
    assertEquals("/v1/sessions/sess_1/events/stream?since=aev_1", resumed.getTarget());
    assertEquals("text/event-stream", resumed.getHeaders().get("Accept"));
  }

  @ParameterizedTest
  @EnumSource(Reading.class)
  void aRequestFieldResumeThatIsNotSafeToSendIsNotSentAndTheCursorIsKept(Reading reading) throws Exception {
    server.enqueue(cut("data: {\"type\":\"message\",\"n\":1,\"event_id\":\"aev_1\"}\n\n"
        + "data: {\"type\":\"message\",\"n\":2,\"event_id\":\"aev_2\"}\n\n"));
    ClientRuntime runtime = runtime();
    Api api = runtime.service(Api.class);
    StreamSpec<Ev> spec = StreamSpec.builder(Ev.class).nameFromData("type").ends("end")
        .resumeWithRequestField(since -> api.input("sess_1", Map.of("since", since)), "event_id").build();

    Outcome outcome = reading.read(runtime, () -> api.input("sess_1", Map.of("text", "hi")), spec, RequestOptions.NONE);

    assertEquals(List.of(1, 2), outcome.numbers());
    StreamInterruptedException e = assertInstanceOf(StreamInterruptedException.class, outcome.failure());
    assertEquals("aev_2", e.lastEventId());
    assertTrue(e.getMessage().contains("POST is not idempotent, so the request that resumes it is not sent"),
        e.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @ParameterizedTest
  @EnumSource(Reading.class)
  void aRequestThatCannotCarryTheCursorIsNotResumedAndTheCursorIsKept(Reading reading) throws Exception {
    server.enqueue(cut("data: {\"type\":\"message\",\"n\":1,\"event_id\":\"aev_1\"}\n\n"
        + "data: {\"type\":\"message\",\"n\":2}\n\n"));
    ClientRuntime runtime = runtime();
    Api api = runtime.service(Api.class);
    StreamSpec<Ev> spec = StreamSpec.builder(Ev.class).nameFromData("type").ends("end")
        .resumeWithRequestField(since -> null, "event_id").build();

    Outcome outcome = reading.read(runtime, () -> api.events("sess_1"), spec, RequestOptions.NONE);

    assertEquals(List.of(1, 2), outcome.numbers());
    StreamInterruptedException e = assertInstanceOf(StreamInterruptedException.class, outcome.failure());
    assertEquals("aev_1", e.lastEventId());
    assertTrue(e.getMessage().contains("the request sent cannot carry the resume cursor"), e.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @ParameterizedTest
  @EnumSource(Reading.class)
  void aNonAsciiLastEventIdIsSentAsUtf8(Reading reading) throws Exception {
    server.enqueue(cut("id: été-1\ndata: {\"type\":\"message\",\"n\":1}\n\n"));
    server.enqueue(STOP);

    Outcome outcome = read(reading, runtime(), LAST_EVENT_ID);

    assertNull(outcome.failure());
    server.takeRequest();
    assertEquals("été-1", server.takeRequest().getHeaders().get("Last-Event-ID"));
  }
}
