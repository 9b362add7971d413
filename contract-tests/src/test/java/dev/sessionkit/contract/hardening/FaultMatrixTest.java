package dev.sessionkit.contract.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.contract.hardening.Outcome.Mode;
import dev.sessionkit.contract.hardening.ScriptedServer.Cut;
import dev.sessionkit.contract.hardening.ScriptedServer.Reply;
import dev.sessionkit.core.ClientBuilder;
import dev.sessionkit.errors.ApiConnectionException;
import dev.sessionkit.errors.ApiTimeoutException;
import dev.sessionkit.errors.AuthenticationException;
import dev.sessionkit.errors.DecodingException;
import dev.sessionkit.errors.MissingFieldException;
import dev.sessionkit.errors.ResponseTooLargeException;
import dev.sessionkit.errors.ServerException;
import dev.sessionkit.errors.UnexpectedStatusException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation of every SDK, blocking and not, against a server that misbehaves in one way at a
 * time: each (operation, mode, fault) is one test, and each ends in a value or in the one typed
 * exception named for it, within its bound, with {@code attempts()} equal to the requests the server
 * saw. Issue 10, "a fault matrix for each SDK".
 *
 * <p>Retried faults wait the client's real backoff (0.5 s then 1 s, with jitter), so the cases run
 * concurrently with each other (each has its own loopback {@link ScriptedServer}), while the class as
 * a whole runs after the other test classes, not beside them.
 */
class FaultMatrixTest {
  /** The most any case may take: the slowest (a stall, three read timeouts and two backoffs) needs about 3 s. */
  private static final Duration BOUND = Duration.ofSeconds(15);
  /** The read timeout of the stall case; every other case keeps the default, so a busy machine cannot time it out. */
  private static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(300);
  /** One request and two retries: the builders' default. */
  private static final int ALL_ATTEMPTS = 3;

  private static final String HTML = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
      + "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";

  static Stream<Arguments> operationsAndModes() {
    List<Arguments> all = new ArrayList<>();
    for (Operation op : Operation.ALL) {
      for (Mode mode : Mode.values()) all.add(Arguments.of(op, mode));
    }
    return all.stream();
  }

  /** A complete 200 body that is not what the spec describes. */
  enum BadBody {
    HTML_PAGE(op -> HTML),
    EMPTY(op -> ""),
    TRUNCATED_JSON(op -> op.seed().substring(0, op.seed().length() / 2)),
    JSON_NULL(op -> "null"),
    ARRAY_FOR_OBJECT(op -> "[" + op.seed() + "]"),
    WRONG_TYPE(op -> op.edit(op.wrongType)),
    TRAILING_GARBAGE(op -> op.seed() + "}");

    final Function<Operation, String> body;

    BadBody(Function<Operation, String> body) {
      this.body = body;
    }
  }

  static Stream<Arguments> badBodies() {
    return operationsAndModes().flatMap(pair -> Stream.of(BadBody.values())
        .map(bad -> Arguments.of(pair.get()[0], pair.get()[1], bad)));
  }

  static Stream<Arguments> cuts() {
    return operationsAndModes().flatMap(pair -> Stream.of(Cut.FIN, Cut.RST)
        .map(cut -> Arguments.of(pair.get()[0], pair.get()[1], cut)));
  }

  private static Operation.Caller connect(Operation op, ScriptedServer server) {
    return op.connect(Operation.Settings.of(server.url(), "sk-matrix-token"));
  }

  /**
   * Asserts the server saw {@code count} requests, each for the operation's path. A request the client
   * sent and gave up on (a read timeout) may still be on its way through the server's accept queue on a
   * busy machine, so the count may take a moment to arrive; it must never pass {@code count}.
   */
  private static void assertRequests(ScriptedServer server, Operation op, int count) {
    server.awaitRequests(count, Duration.ofSeconds(5));
    List<ScriptedServer.Received> received = server.received();
    assertEquals(count, received.size(), () -> "requests the server saw: " + received);
    for (ScriptedServer.Received r : received) assertEquals(op.target, r.target(), "request target");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("operationsAndModes")
  @Execution(ExecutionMode.CONCURRENT)
  void theDocumentedExampleDecodesInOneAttempt(Operation op, Mode mode) {
    try (ScriptedServer server = ScriptedServer.start(List.of(Reply.json(200, op.seed())))) {
      Outcome outcome = Outcome.of(connect(op, server), mode, BOUND);

      assertNotNull(outcome.assertValue(1));
      assertRequests(server, op, 1);
    }
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("badBodies")
  @Execution(ExecutionMode.CONCURRENT)
  void aCompleteBodyThatIsNotTheSpecsShapeIsADecodingExceptionWithoutRetry(Operation op, Mode mode, BadBody bad) {
    String body = bad.body.apply(op);
    String contentType = bad == BadBody.HTML_PAGE ? "text/html" : "application/json";
    try (ScriptedServer server = ScriptedServer.start(
        List.of(Reply.of(200, contentType, body.getBytes(StandardCharsets.UTF_8))))) {
      Outcome outcome = Outcome.of(connect(op, server), mode, BOUND);

      DecodingException e = outcome.assertFailure(DecodingException.class, 1);
      assertEquals(200, e.status());
      assertRequests(server, op, 1);
    }
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("cuts")
  @Execution(ExecutionMode.CONCURRENT)
  void aBodyCutByTheConnectionIsRetriedAsAConnectionFailure(Operation op, Mode mode, Cut cut) {
    try (ScriptedServer server = ScriptedServer.start(List.of(Reply.cut(op.seedBytes(), cut)))) {
      Outcome outcome = Outcome.of(connect(op, server), mode, BOUND);

      outcome.assertFailure(ApiConnectionException.class, ALL_ATTEMPTS);
      assertRequests(server, op, ALL_ATTEMPTS);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("operationsAndModes")
  @Execution(ExecutionMode.CONCURRENT)
  void aBodyThatStallsPastTheReadTimeoutIsAnApiTimeoutExceptionAfterTheRetries(Operation op, Mode mode) {
    try (ScriptedServer server = ScriptedServer.start(List.of(Reply.cut(op.seedBytes(), Cut.STALL)))) {
      Operation.Caller caller = op.connect(Operation.Settings.of(server.url(), "sk-matrix-token")
          .readTimeout(SHORT_READ_TIMEOUT));

      Outcome outcome = Outcome.of(caller, mode, BOUND);

      outcome.assertFailure(ApiTimeoutException.class, ALL_ATTEMPTS);
      assertRequests(server, op, ALL_ATTEMPTS);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("operationsAndModes")
  @Execution(ExecutionMode.CONCURRENT)
  void a429WithAnHttpDateRetryAfterIsWaitedForThenTheValueArrives(Operation op, Mode mode) {
    try (ScriptedServer server = ScriptedServer.start(List.of(
        Reply.rateLimitedUntilDate(2, op.serverErrorBody), Reply.json(200, op.seed())))) {
      Outcome outcome = Outcome.of(connect(op, server), mode, BOUND);

      assertNotNull(outcome.assertValue(2));
      assertRequests(server, op, 2);
      List<ScriptedServer.Received> received = server.received();
      // The date is 1 to 2 s ahead (HTTP dates have whole seconds); the backoff alone would wait at most 0.5 s.
      Duration waited = Duration.ofNanos(received.get(1).nanoTime() - received.get(0).nanoTime());
      assertTrue(waited.compareTo(Duration.ofMillis(900)) >= 0, "retried after only " + waited);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("operationsAndModes")
  @Execution(ExecutionMode.CONCURRENT)
  void a503ThreeTimesIsAServerExceptionAfterThreeAttempts(Operation op, Mode mode) {
    try (ScriptedServer server = ScriptedServer.start(List.of(Reply.json(503, op.serverErrorBody)))) {
      Outcome outcome = Outcome.of(connect(op, server), mode, BOUND);

      ServerException e = outcome.assertFailure(ServerException.class, ALL_ATTEMPTS);
      assertEquals(503, e.status());
      assertRequests(server, op, ALL_ATTEMPTS);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("operationsAndModes")
  @Execution(ExecutionMode.CONCURRENT)
  void a502WithAnHtmlBodyIsAServerExceptionAfterThreeAttempts(Operation op, Mode mode) {
    try (ScriptedServer server = ScriptedServer.start(
        List.of(Reply.of(502, "text/html", HTML.getBytes(StandardCharsets.UTF_8))))) {
      Outcome outcome = Outcome.of(connect(op, server), mode, BOUND);

      ServerException e = outcome.assertFailure(ServerException.class, ALL_ATTEMPTS);
      assertEquals(502, e.status());
      assertRequests(server, op, ALL_ATTEMPTS);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("operationsAndModes")
  @Execution(ExecutionMode.CONCURRENT)
  void theVendors401BodyIsAnAuthenticationExceptionWithItsCodeAndMessage(Operation op, Mode mode) {
    try (ScriptedServer server = ScriptedServer.start(List.of(Reply.json(401, op.unauthorizedBody)))) {
      Outcome outcome = Outcome.of(connect(op, server), mode, BOUND);

      AuthenticationException e = outcome.assertFailure(AuthenticationException.class, 1);
      assertEquals(401, e.status());
      assertEquals(op.unauthorizedCode, e.errorCode());
      assertEquals(op.unauthorizedMessage, e.errorMessage());
      assertTrue(!e.getMessage().contains("sk-matrix-token"), "the token is not in the message");
      assertRequests(server, op, 1);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("operationsAndModes")
  @Execution(ExecutionMode.CONCURRENT)
  void a301ToAnotherPortIsReportedAndThatPortSeesNoRequest(Operation op, Mode mode) {
    try (ScriptedServer elsewhere = ScriptedServer.start(List.of(Reply.json(200, op.seed())))) {
      String location = elsewhere.url() + op.target.substring(1);
      try (ScriptedServer server = ScriptedServer.start(
          List.of(Reply.of(301, "text/html", new byte[0], "Location: " + location)))) {
        Outcome outcome = Outcome.of(connect(op, server), mode, BOUND);

        UnexpectedStatusException e = outcome.assertFailure(UnexpectedStatusException.class, 1);
        assertEquals(301, e.status());
        assertEquals(location, e.headers().get("Location"));
        assertRequests(server, op, 1);
        assertEquals(0, elsewhere.requestCount(), "the other port saw a request");
      }
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("operationsAndModes")
  @Execution(ExecutionMode.CONCURRENT)
  void aBodyStreamingPastTheSizeLimitIsResponseTooLargeWithoutRetry(Operation op, Mode mode) {
    long limit = 64 * 1024;
    // No Content-Length: the body runs to the end of the connection, so only counting can stop it.
    try (ScriptedServer server = ScriptedServer.start(List.of(Reply.huge(limit * 16, false)))) {
      Operation.Caller caller = op.connect(Operation.Settings.of(server.url(), "sk-matrix-token").maxResponseBytes(limit));

      ResponseTooLargeException e = Outcome.of(caller, mode, BOUND).assertFailure(ResponseTooLargeException.class, 1);

      assertEquals(limit, e.limit());
      assertEquals(200, e.status());
      assertRequests(server, op, 1);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("operationsAndModes")
  @Execution(ExecutionMode.CONCURRENT)
  void aContentLengthPastTheDefaultLimitIsResponseTooLargeWithoutRetry(Operation op, Mode mode) {
    long size = ClientBuilder.DEFAULT_MAX_RESPONSE_BYTES + 1;
    try (ScriptedServer server = ScriptedServer.start(List.of(Reply.huge(size, true)))) {
      ResponseTooLargeException e = Outcome.of(connect(op, server), mode, BOUND)
          .assertFailure(ResponseTooLargeException.class, 1);

      assertEquals(ClientBuilder.DEFAULT_MAX_RESPONSE_BYTES, e.limit());
      assertRequests(server, op, 1);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("operationsAndModes")
  @Execution(ExecutionMode.CONCURRENT)
  void theSizeLimitAdmitsABodyOfExactlyItsSizeAndNotOneByteMore(Operation op, Mode mode) {
    byte[] seed = op.seedBytes();
    for (boolean declared : new boolean[] {true, false}) {
      String framing = declared ? "with Content-Length" : "to the end of the connection";
      Reply exact = declared ? Reply.json(200, op.seed()) : Reply.undeclared(seed);
      try (ScriptedServer server = ScriptedServer.start(List.of(exact))) {
        Operation.Settings settings = Operation.Settings.of(server.url(), "sk-matrix-token");

        assertNotNull(Outcome.of(op.connect(settings.maxResponseBytes(seed.length)), mode, BOUND).assertValue(1),
            framing);
        Outcome.of(op.connect(settings.maxResponseBytes(seed.length - 1)), mode, BOUND)
            .assertFailure(ResponseTooLargeException.class, 1);
        assertRequests(server, op, 2);
      }
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("operationsAndModes")
  @Execution(ExecutionMode.CONCURRENT)
  void anErrorThrownWhileTheBodyIsReadStillEndsTheCall(Operation op, Mode mode) {
    // Issue 10 item 2: an OutOfMemoryError while reading left the future incomplete forever.
    AtomicInteger reads = new AtomicInteger();
    OkHttpClient http = new OkHttpClient.Builder()
        .addInterceptor(chain -> new Response.Builder()
            .request(chain.request())
            .protocol(Protocol.HTTP_1_1)
            .code(200)
            .message("OK")
            .body(new ResponseBody() {
              @Override
              public MediaType contentType() {
                return MediaType.get("application/json");
              }

              @Override
              public long contentLength() {
                return -1;
              }

              @Override
              public BufferedSource source() {
                return Okio.buffer(new Source() {
                  @Override
                  public long read(Buffer sink, long byteCount) {
                    reads.incrementAndGet();
                    throw new OutOfMemoryError("simulated: the body did not fit in the heap");
                  }

                  @Override
                  public Timeout timeout() {
                    return Timeout.NONE;
                  }

                  @Override
                  public void close() {}
                });
              }
            })
            .build())
        .build();
    Operation.Caller caller = op.connect(Operation.Settings.of("http://127.0.0.1:1/", "sk-matrix-token").httpClient(http));

    Outcome outcome = Outcome.of(caller, mode, BOUND);

    assertInstanceOf(OutOfMemoryError.class, outcome.failure(), () -> "ended with " + outcome);
    assertEquals(1, reads.get(), "an Error is not retried");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("operationsAndModes")
  @Execution(ExecutionMode.CONCURRENT)
  void strictDecodingFailsOnAMissingRequiredFieldNamingItsPath(Operation op, Mode mode) {
    try (ScriptedServer server = ScriptedServer.start(List.of(Reply.json(200, op.edit(op.missingRequired))))) {
      Operation.Caller caller = op.connect(Operation.Settings.of(server.url(), "sk-matrix-token").strict(true));

      DecodingException e = Outcome.of(caller, mode, BOUND).assertFailure(DecodingException.class, 1);

      // The contract's form: Required field "session_id" missing at $.data[3] (the path of the object lacking it).
      String container = op.missingPath.substring(0, op.missingPath.lastIndexOf('.'));
      assertTrue(e.getMessage().contains("Required field \"" + op.missingField + "\" missing at " + container),
          e.getMessage());
      assertRequests(server, op, 1);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("operationsAndModes")
  @Execution(ExecutionMode.CONCURRENT)
  void lenientDecodingDecodesAndTheMissingRequiredComponentThrowsWhenRead(Operation op, Mode mode) {
    try (ScriptedServer server = ScriptedServer.start(List.of(Reply.json(200, op.edit(op.missingRequired))))) {
      Object body = Outcome.of(connect(op, server), mode, BOUND).assertValue(1);

      MissingFieldException e = assertThrows(MissingFieldException.class, () -> op.readMissing.apply(body));

      assertTrue(e.getMessage().contains(op.missingField), e.getMessage());
      assertTrue(e.getMessage().contains(op.missingPath), e.getMessage());
      assertRequests(server, op, 1);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("operationsAndModes")
  @Execution(ExecutionMode.CONCURRENT)
  void strictDecodingFailsOnANumberWhereTheSpecSaysString(Operation op, Mode mode) {
    try (ScriptedServer server = ScriptedServer.start(List.of(Reply.json(200, op.edit(op.numberForString))))) {
      Operation.Caller caller = op.connect(Operation.Settings.of(server.url(), "sk-matrix-token").strict(true));

      DecodingException e = Outcome.of(caller, mode, BOUND).assertFailure(DecodingException.class, 1);

      assertInstanceOf(Exception.class, e.getCause());
      assertTrue(e.getMessage().contains("$."), e.getMessage());
      assertRequests(server, op, 1);
    }
  }
}
