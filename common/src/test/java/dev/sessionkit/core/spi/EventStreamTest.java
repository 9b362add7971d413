package dev.sessionkit.core.spi;

import static dev.sessionkit.core.spi.StreamFixtures.frame;
import static dev.sessionkit.core.spi.StreamFixtures.frames;
import static dev.sessionkit.core.spi.StreamFixtures.sse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.ClientOptions;
import dev.sessionkit.core.Credential;
import dev.sessionkit.core.EventStream;
import dev.sessionkit.core.RequestOptions;
import dev.sessionkit.core.json.JsonValue;
import dev.sessionkit.core.spi.StreamFixtures.Api;
import dev.sessionkit.core.spi.StreamFixtures.End;
import dev.sessionkit.core.spi.StreamFixtures.Ev;
import dev.sessionkit.core.spi.StreamFixtures.Msg;
import dev.sessionkit.core.spi.StreamFixtures.Outcome;
import dev.sessionkit.core.spi.StreamFixtures.Reading;
import dev.sessionkit.errors.DecodingException;
import dev.sessionkit.errors.EventTooLargeException;
import dev.sessionkit.errors.StreamErrorException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A live stream read through the engine against MockWebServer, blocking and as a publisher: what is
 * delivered, what is skipped, what ends it and what fails it typed; both directions are checked.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class EventStreamTest {
  private static final StreamSpec<Ev> QODER_LIKE = StreamSpec.builder(Ev.class).heartbeats("heartbeat").build();
  private static final StreamSpec<Ev> VECTARA_LIKE = StreamSpec.builder(Ev.class).nameFromData("type").ends("end")
      .errors("error").errorParser(ErrorEnvelope.builder().message("messages").type("type").build()).build();

  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient http = new OkHttpClient();
  private final RetryScheduleTest.RecordingSleeper sleeper = new RetryScheduleTest.RecordingSleeper();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ClientOptions.Builder options() {
    return ClientOptions.builder().baseUrl(server.url("/v1/").toString()).credential(Credential.of("secret-token"))
        .httpClient(http).sleeper(sleeper);
  }

  private ClientRuntime runtime(ClientOptions options) {
    ServiceProfile profile = ServiceProfile.builder("Test").requestIdHeaders("x-request-id")
        .errorParser(ErrorEnvelope.builder().code("error.type").message("error.message").build()).build();
    return ClientRuntime.create(options, profile);
  }

  @ParameterizedTest
  @EnumSource(Reading.class)
  void eventsArriveDecodedInOrderFromARequestForAnEventStream(Reading reading) throws Exception {
    server.enqueue(sse(frames(1, 3)));
    ClientRuntime runtime = runtime(options().build());

    Outcome outcome = reading.read(runtime, () -> runtime.service(Api.class).events("sess_1"), QODER_LIKE,
        RequestOptions.builder().header("X-Trace", "t-1").build());

    assertNull(outcome.failure());
    assertEquals(List.of(new Msg("message", 1), new Msg("message", 2), new Msg("message", 3)), outcome.events());
    RecordedRequest request = server.takeRequest();
    assertEquals("/v1/sessions/sess_1/events/stream", request.getTarget());
    assertEquals("text/event-stream", request.getHeaders().get("Accept"));
    assertEquals("Bearer secret-token", request.getHeaders().get("Authorization"));
    assertEquals("t-1", request.getHeaders().get("X-Trace"));
    assertNull(request.getHeaders().get("Last-Event-ID"));
  }

  @ParameterizedTest
  @EnumSource(Reading.class)
  void heartbeatsAndCommentsNeverReachTheUser(Reading reading) throws Exception {
    server.enqueue(sse("event: heartbeat\ndata: {}\n\n" + frame(1) + ": keep-alive\n\nevent: heartbeat\ndata: {}\n\n"
        + frame(2) + "event: heartbeat\ndata: {}\n\n"));
    ClientRuntime runtime = runtime(options().build());

    Outcome outcome = reading.read(runtime, () -> runtime.service(Api.class).events("sess_1"), QODER_LIKE,
        RequestOptions.NONE);

    assertNull(outcome.failure());
    assertEquals(List.of(1, 2), outcome.numbers());
    assertEquals(2, outcome.events().size());
  }

  @ParameterizedTest
  @EnumSource(Reading.class)
  void anUnknownEventNamePassesThroughToTheDecoderAsTheUnknownVariant(Reading reading) throws Exception {
    server.enqueue(sse(frame(1) + "event: agent.new_thing\ndata: {\"type\":\"agent.new_thing\",\"x\":[1]}\n\n"));
    ClientRuntime runtime = runtime(options().build());

    Outcome outcome = reading.read(runtime, () -> runtime.service(Api.class).events("sess_1"), QODER_LIKE,
        RequestOptions.NONE);

    assertNull(outcome.failure());
    assertEquals(new Ev.Unknown("agent.new_thing", JsonValue.of("{\"type\":\"agent.new_thing\",\"x\":[1]}")),
        outcome.events().get(1));
  }

  @ParameterizedTest
  @EnumSource(Reading.class)
  void anErrorEventIsATypedExceptionNamingTheVendorsCode(Reading reading) throws Exception {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
        .addHeader("x-request-id", "req_7").body(frame(1) + "event: error\ndata: {\"type\":\"error\",\"error\":"
            + "{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n" + frame(2)).build());
    ClientRuntime runtime = runtime(options().build());
    StreamSpec<Ev> spec = StreamSpec.builder(Ev.class).heartbeats("heartbeat").errors("error").build();

    Outcome outcome = reading.read(runtime, () -> runtime.service(Api.class).events("sess_1"), spec,
        RequestOptions.NONE);

    assertEquals(List.of(1), outcome.numbers(), "the events before it, and none after");
    StreamErrorException e = assertInstanceOf(StreamErrorException.class, outcome.failure());
    assertEquals("overloaded_error", e.errorCode());
    assertEquals("Overloaded", e.errorMessage());
    assertEquals("error", e.eventName());
    assertEquals("req_7", e.requestId());
    assertTrue(e.data().contains("overloaded_error"), e.data());
    assertEquals("the stream from GET " + server.url("/v1/sessions/sess_1/events/stream")
        + " sent the error event \"error\": overloaded_error Overloaded (request id req_7)", e.getMessage());
    assertEquals(1, server.getRequestCount(), "an error event is not retried");
  }

  @ParameterizedTest
  @EnumSource(Reading.class)
  void anEndEventNamedInTheDataIsDeliveredAndEndsTheStream(Reading reading) throws Exception {
    server.enqueue(new StreamFixtures.Endless("data: {\"type\":\"message\",\"n\":1}\n\ndata: {\"type\":\"end\"}\n\n"
        + "data: {\"type\":\"message\",\"n\":2}\n\n").response());
    ClientRuntime runtime = runtime(options().build());

    Outcome outcome = reading.read(runtime, () -> runtime.service(Api.class).events("s"), VECTARA_LIKE,
        RequestOptions.NONE);

    assertNull(outcome.failure());
    assertEquals(List.of(new Msg("message", 1), new End("end")), outcome.events());
  }

  @ParameterizedTest
  @EnumSource(Reading.class)
  void anErrorEventNamedInTheDataReadsItsMessageWithTheSpecsParser(Reading reading) throws Exception {
    server.enqueue(sse("data: {\"type\":\"error\",\"messages\":[\"quota exceeded\",\"try later\"]}\n\n"));
    ClientRuntime runtime = runtime(options().build());

    Outcome outcome = reading.read(runtime, () -> runtime.service(Api.class).events("s"), VECTARA_LIKE,
        RequestOptions.NONE);

    StreamErrorException e = assertInstanceOf(StreamErrorException.class, outcome.failure());
    assertEquals("error", e.errorCode());
    assertEquals("quota exceeded; try later", e.errorMessage());
  }

  @Test
  void aStreamThatNeitherEndsNorResumesEndsWithItsBody() {
    server.enqueue(sse(frames(1, 2) + "id: 3\ndata: {\"type\":\"mess"));
    ClientRuntime runtime = runtime(options().build());

    try (EventStream<Ev> stream = runtime.stream(runtime.service(Api.class).events("s"), QODER_LIKE,
        RequestOptions.NONE)) {
      assertEquals(2, stream.stream().count());
      assertEquals("2", stream.lastEventId());
    }
    assertEquals(1, server.getRequestCount());
  }

  @ParameterizedTest
  @EnumSource(Reading.class)
  void anEventOverMaxEventBytesIsATypedErrorAfterTheEventsBeforeIt(Reading reading) throws Exception {
    server.enqueue(sse(frame(1) + "data: {\"type\":\"message\",\"pad\":\"" + "x".repeat(4096) + "\"}\n\n" + frame(3)));
    ClientRuntime runtime = runtime(options().maxEventBytes(1024).build());

    Outcome outcome = reading.read(runtime, () -> runtime.service(Api.class).events("s"), QODER_LIKE,
        RequestOptions.NONE);

    assertEquals(List.of(1), outcome.numbers());
    EventTooLargeException e = assertInstanceOf(EventTooLargeException.class, outcome.failure());
    assertEquals(1024, e.limit());
    assertTrue(e.body().startsWith("data: {\"type\":\"message\",\"pad\":\"xxx"), e.body());
    assertTrue(e.getMessage().contains("is larger than maxEventBytes (1024 bytes)"), e.getMessage());
    assertEquals(1, server.getRequestCount(), "not retried: the server would send it again");
  }

  @Test
  void anEventThatIsNotWhatTheSpecDescribesFailsTypedNamingItsPath() {
    server.enqueue(sse(frame(1) + "event: message\ndata: {\"type\":\"message\",\"n\":\"two\"}\n\n"));
    ClientRuntime runtime = runtime(options().build());

    try (EventStream<Ev> stream = runtime.stream(runtime.service(Api.class).events("s"), QODER_LIKE,
        RequestOptions.NONE)) {
      Iterator<Ev> events = stream.iterator();
      events.next();
      DecodingException e = assertThrows(DecodingException.class, events::hasNext);
      assertTrue(e.getMessage().startsWith("could not decode the event \"message\" of the stream from GET "),
          e.getMessage());
      assertTrue(e.getMessage().contains("$.n"), e.getMessage());
      assertEquals(200, e.status());
    }
  }

  @Test
  void aResponseThatIsNotAnEventStreamFailsTypedWithItsStart() {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body("{\"data\":[]}").build());
    ClientRuntime runtime = runtime(options().build());
    Api api = runtime.service(Api.class);

    DecodingException e = assertThrows(DecodingException.class,
        () -> runtime.stream(api.events("s"), QODER_LIKE, RequestOptions.NONE));

    assertTrue(e.getMessage().contains("is application/json, not a text/event-stream"), e.getMessage());
    assertEquals("{\"data\":[]}", e.body());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void noContentIsAStreamThatEndsAtOnce() {
    server.enqueue(new MockResponse.Builder().code(204).build());
    ClientRuntime runtime = runtime(options().build());

    try (EventStream<Ev> stream = runtime.stream(runtime.service(Api.class).events("s"), QODER_LIKE,
        RequestOptions.NONE)) {
      assertFalse(stream.iterator().hasNext());
    }
  }

  @Test
  void anErrorStatusBeforeTheStreamOpensIsRetriedLikeACall() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "2").build());
    server.enqueue(sse(frames(1, 2)));
    ClientRuntime runtime = runtime(options().build());

    try (EventStream<Ev> stream = runtime.stream(runtime.service(Api.class).events("s"), QODER_LIKE,
        RequestOptions.NONE)) {
      assertEquals(2, stream.stream().count());
    }
    assertEquals(List.of(Duration.ofSeconds(2)), sleeper.waits);
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void theCallTimeoutBoundsOpeningButNotTheLiveStream() {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(frames(1, 5))
        .throttleBody(40, 100, TimeUnit.MILLISECONDS).build());
    ClientRuntime runtime = runtime(options().callTimeout(Duration.ofMillis(300)).build());

    try (EventStream<Ev> stream = runtime.stream(runtime.service(Api.class).events("s"), QODER_LIKE,
        RequestOptions.NONE)) {
      assertEquals(5, stream.stream().count(), "about a second of stream, past the 300 ms call timeout");
    }
  }
}
