package dev.sessionkit.contract.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.sessionkit.contract.hardening.ScriptedServer.Cut;
import dev.sessionkit.contract.hardening.ScriptedServer.Reply;
import dev.sessionkit.contract.hardening.SpecOperation.Answer;
import dev.sessionkit.contract.hardening.SpecOperation.Call;
import dev.sessionkit.core.ClientBuilder;
import dev.sessionkit.core.json.SessionkitMoshi;
import dev.sessionkit.errors.ApiConnectionException;
import dev.sessionkit.errors.ApiException;
import dev.sessionkit.errors.ApiTimeoutException;
import dev.sessionkit.errors.AuthenticationException;
import dev.sessionkit.errors.BadRequestException;
import dev.sessionkit.errors.ConflictException;
import dev.sessionkit.errors.DecodingException;
import dev.sessionkit.errors.NotFoundException;
import dev.sessionkit.errors.PermissionDeniedException;
import dev.sessionkit.errors.RateLimitException;
import dev.sessionkit.errors.ResponseTooLargeException;
import dev.sessionkit.errors.ServerException;
import dev.sessionkit.errors.SessionkitException;
import dev.sessionkit.errors.StreamInterruptedException;
import dev.sessionkit.errors.UnexpectedStatusException;
import dev.sessionkit.errors.UnprocessableEntityException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The fault matrix over every operation of every installed vendor, found through the vendor
 * descriptors (the whole session lifecycle: reads, creates, sends, updates, deletes, 201/202/204
 * answers and live streams), not a hand-written list: each operation is called with its spec's
 * examples (parameters and request body) against a loopback {@link ScriptedServer} that answers in
 * one way per case, and each case is one dynamic test. Every call must end, within its bound, in a
 * value or a typed {@link SessionkitException}; a decoded success must hold everything the body said
 * (see {@link JsonContainment}); {@code attempts()} must equal the requests the server saw, retries
 * only for a request that may be repeated.
 *
 * <p>The client retries once ({@code maxRetries(1)}) and the retried answers say {@code Retry-After: 0}
 * so the matrix stays quick; the hand-written {@link FaultMatrixTest} covers the real backoff, the
 * default retries and the non-blocking calls of the seed operations.
 */
class EveryOperationFaultMatrixTest {
  private static final Duration BOUND = Duration.ofSeconds(20);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(300);
  private static final int MAX_RETRIES = 1;
  private static final long SIZE_LIMIT = 64 * 1024;
  private static final String HTML = "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>";

  @TestFactory
  @Execution(ExecutionMode.CONCURRENT)
  @Timeout(300)
  Stream<DynamicNode> everyOperationOfEveryVendorEndsInAValueOrATypedExceptionWhateverTheServerAnswers() {
    List<SpecOperation> all = SpecOperation.all();
    assertTrue(all.size() >= 81, "operations found: " + all.size());
    return all.stream().map(op -> dynamicContainer(op.toString(), op.call == Call.STREAM ? streamCases(op) : callCases(op)));
  }

  // ---- the cases of a call answered with one value ----

  private static Stream<DynamicTest> callCases(SpecOperation op) {
    List<DynamicTest> cases = new ArrayList<>();
    Answer success = op.success;
    boolean hasBody = op.descriptor.responseType().isPresent();
    byte[] body = success.body() == null ? new byte[0] : bytes(success.body());
    cases.add(dynamicTest("the documented " + success.status() + " decodes to everything its body says, in one request", () -> {
      try (ScriptedServer server = ScriptedServer.start(List.of(Reply.of(success.status(), "application/json", body)))) {
        Object value = value(run(op, server, b -> {}));
        assertRequests(op, server, 1);
        if (success.body() != null) {
          assertNotNull(value, "a null value for a documented body");
          assertNothingLost(success.body(), value, op.descriptor.responseType().orElseThrow());
        }
      }
    }));
    errorCases(op, cases);
    byte[] sample = body.length > 4 ? body : bytes("{\"id\":\"example\",\"items\":[1,2,3]}");
    // A 204 cannot carry a body: the body faults of an operation that answers without one come in a 200.
    int faultStatus = success.status() == 204 ? 200 : success.status();
    cases.add(dynamicTest("a truncated JSON body is " + (hasBody ? "a DecodingException" : "a value or typed"), () -> {
      byte[] truncated = java.util.Arrays.copyOf(sample, sample.length / 2);
      try (ScriptedServer server = ScriptedServer.start(List.of(Reply.of(faultStatus, "application/json", truncated)))) {
        Result result = run(op, server, b -> {});
        if (hasBody) result.assertFailure(DecodingException.class, 1);
        assertRequests(op, server, result.attempts());
      }
    }));
    cases.add(dynamicTest("a malformed body (an HTML page said to be JSON) is " + (hasBody ? "a DecodingException" : "a value or typed"), () -> {
      try (ScriptedServer server = ScriptedServer.start(List.of(Reply.of(faultStatus, "application/json", bytes(HTML))))) {
        Result result = run(op, server, b -> {});
        if (hasBody) result.assertFailure(DecodingException.class, 1);
        assertRequests(op, server, result.attempts());
      }
    }));
    cases.add(dynamicTest("an empty body is " + (hasBody ? "a DecodingException" : "a value"), () -> {
      try (ScriptedServer server = ScriptedServer.start(List.of(Reply.of(faultStatus, "application/json", new byte[0])))) {
        Result result = run(op, server, b -> {});
        if (hasBody) result.assertFailure(DecodingException.class, 1);
        else assertNull(result.failure, () -> "an empty body failed: " + result.failure);
        assertRequests(op, server, 1);
      }
    }));
    cases.add(dynamicTest("a body past maxResponseBytes is " + (hasBody ? "a ResponseTooLargeException" : "a value or typed")
        + " without retry", () -> {
      try (ScriptedServer server = ScriptedServer.start(List.of(Reply.huge(SIZE_LIMIT * 16, false)))) {
        Result result = run(op, server, b -> b.maxResponseBytes(SIZE_LIMIT));
        if (hasBody) result.assertFailure(ResponseTooLargeException.class, 1);
        assertRequests(op, server, result.attempts());
      }
    }));
    cases.add(dynamicTest("a connection reset mid-body is an ApiConnectionException, retried only if the request may be repeated", () -> {
      try (ScriptedServer server = ScriptedServer.start(List.of(Reply.cut(sample, Cut.RST)))) {
        Result result = run(op, server, b -> {});
        if (!hasBody && result.failure == null) return; // an answer without a body may be over before the cut
        result.assertFailure(ApiConnectionException.class, retriedAttempts(op, server));
        assertRequests(op, server, retriedAttempts(op, server));
      }
    }));
    cases.add(dynamicTest("a body that stalls past the read timeout is an ApiTimeoutException, retried only if the request may be repeated", () -> {
      try (ScriptedServer server = ScriptedServer.start(List.of(Reply.cut(sample, Cut.STALL)))) {
        Result result = run(op, server, b -> b.readTimeout(SHORT_READ_TIMEOUT));
        if (!hasBody && result.failure == null) return;
        result.assertFailure(ApiTimeoutException.class, retriedAttempts(op, server));
        assertRequests(op, server, retriedAttempts(op, server));
      }
    }));
    cases.add(dynamicTest("a 429 with Retry-After, then the documented answer: retried to the value if the request may be "
        + "repeated, else a RateLimitException", () -> {
      try (ScriptedServer server = ScriptedServer.start(List.of(
          Reply.json(429, errorBody(op), "Retry-After: 0"), Reply.of(success.status(), "application/json", body)))) {
        Result result = run(op, server, b -> {});
        server.awaitRequests(1, Duration.ofSeconds(5));
        if (op.repeatable(server.received().get(0))) {
          result.value();
          assertRequests(op, server, 2);
        } else {
          result.assertFailure(RateLimitException.class, 1);
          assertRequests(op, server, 1);
        }
      }
    }));
    return cases.stream();
  }

  /** The documented error answers, and a 503 with Retry-After in the vendor's envelope. */
  private static void errorCases(SpecOperation op, List<DynamicTest> cases) {
    List<Answer> answers = new ArrayList<>(op.errors);
    if (answers.stream().noneMatch(a -> a.status() >= 500)) answers.add(new Answer(503, errorBody(op)));
    for (Answer error : answers) {
      Class<? extends ApiException> type = exceptionFor(error.status());
      boolean retried = error.status() == 429 || error.status() >= 500;
      String name = "a documented " + error.status() + " in the vendor's envelope is a " + type.getSimpleName()
          + " with its message" + (retried ? ", after a retry (Retry-After) if the request may be repeated" : "");
      cases.add(dynamicTest(name, () -> {
        String[] headers = retried ? new String[] {"Retry-After: 0"} : new String[0];
        try (ScriptedServer server = ScriptedServer.start(List.of(Reply.json(error.status(), error.body(), headers)))) {
          Result result = run(op, server, b -> {});
          int attempts = retried ? retriedAttempts(op, server) : 1;
          ApiException e = result.assertFailure(type, attempts);
          assertEquals(error.status(), e.status());
          // A HEAD answer has no body to read; any other must give the envelope's message (or at least its code).
          if (!op.descriptor.httpMethod().equals("HEAD")) {
            assertTrue(e.errorMessage() != null || e.errorCode() != null, () -> "nothing read from " + error.body());
          }
          assertRequests(op, server, attempts);
        }
      }));
    }
  }

  // ---- the cases of a live stream ----

  private static Stream<DynamicTest> streamCases(SpecOperation op) {
    List<DynamicTest> cases = new ArrayList<>();
    int expected = op.frames.size() + (op.endEvent() == null ? 0 : 1);
    Type eventType = op.descriptor.eventType().orElseThrow();
    cases.add(dynamicTest("each documented frame arrives once, in order, holding everything its data says", () -> {
      try (ScriptedServer server = ScriptedServer.start(List.of(Reply.stream(bytes(op.streamBody()), null)))) {
        List<?> events = (List<?>) run(op, server, b -> {}).value();
        assertEquals(expected, events.size(), () -> "events: " + events);
        for (int i = 0; i < op.frames.size(); i++) assertNothingLost(op.frames.get(i), events.get(i), eventType);
        assertRequests(op, server, 1);
      }
    }));
    errorCases(op, cases);
    cases.add(dynamicTest("a stream cut mid-frame (reset) loses and repeats nothing: "
        + (op.resumesWithLastEventId() ? "it resumes with Last-Event-ID" : "a StreamInterruptedException after the frames before the cut"), () -> {
      String first = SpecOperation.frame(op, op.frames.get(0));
      String second = SpecOperation.frame(op, op.frames.get(1));
      String cut = first + second.substring(0, second.length() / 2);
      String rest = op.streamBody().substring(first.length());
      try (ScriptedServer server = ScriptedServer.start(List.of(
          Reply.stream(bytes(cut), Cut.RST), Reply.stream(bytes(rest), null)))) {
        Result result = run(op, server, b -> {});
        if (op.resumesWithLastEventId()) {
          List<?> events = (List<?>) result.value();
          assertEquals(expected, events.size(), () -> "events: " + events);
          for (int i = 0; i < op.frames.size(); i++) assertNothingLost(op.frames.get(i), events.get(i), eventType);
          assertRequests(op, server, 2);
          assertEquals(SpecOperation.stringMember(op.frames.get(0), "id"), server.received().get(1).header("Last-Event-ID"));
        } else {
          result.assertFailure(StreamInterruptedException.class, 1);
          assertEquals(1, result.events.size(), () -> "events before the cut: " + result.events);
          assertNothingLost(op.frames.get(0), result.events.get(0), eventType);
          assertRequests(op, server, 1);
        }
      }
    }));
    cases.add(dynamicTest("a stream that sends nothing within the read timeout ends in a typed exception, no event", () -> {
      try (ScriptedServer server = ScriptedServer.start(List.of(Reply.stream(new byte[0], Cut.STALL)))) {
        Result result = run(op, server, b -> b.readTimeout(SHORT_READ_TIMEOUT));
        assertNotNull(result.failure, "a silent stream gave a value");
        assertEquals(List.of(), result.events);
        int attempts = retriedAttempts(op, server);
        assertEquals(attempts, ((SessionkitException) result.failure).attempts(), "attempts()");
        assertRequests(op, server, attempts);
      }
    }));
    cases.add(dynamicTest("a frame whose data is not JSON is a DecodingException after the frames before it", () -> {
      String body = SpecOperation.frame(op, op.frames.get(0)) + "data: {\"type\": <html>\n\n";
      try (ScriptedServer server = ScriptedServer.start(List.of(Reply.stream(bytes(body), Cut.STALL)))) {
        Result result = run(op, server, b -> {});
        result.assertFailure(DecodingException.class, 1);
        assertEquals(1, result.events.size(), () -> "events: " + result.events);
        assertRequests(op, server, 1);
      }
    }));
    cases.add(dynamicTest("a stream that ends before any frame "
        + (op.endsWithTheResponse() ? "has no events" : "ends in a typed exception"), () -> {
      try (ScriptedServer server = ScriptedServer.start(List.of(Reply.stream(new byte[0], null)))) {
        Result result = run(op, server, b -> {});
        if (op.endsWithTheResponse()) {
          assertEquals(List.of(), result.value());
          assertRequests(op, server, 1);
        } else {
          assertNotNull(result.failure, "an empty stream gave a value");
          assertEquals(List.of(), result.events);
          int attempts = retriedAttempts(op, server);
          assertEquals(attempts, ((SessionkitException) result.failure).attempts(), "attempts()");
          assertRequests(op, server, attempts);
        }
      }
    }));
    cases.add(dynamicTest("an HTML page instead of a stream is an ApiException or a DecodingException", () -> {
      try (ScriptedServer server = ScriptedServer.start(List.of(Reply.of(200, "text/html", bytes(HTML))))) {
        Result result = run(op, server, b -> {});
        assertNotNull(result.failure, () -> "an HTML page gave events: " + result.events);
      }
    }));
    return cases.stream();
  }

  // ---- running one call ----

  /** What one call ended in: its value (or the events of a stream) or a typed exception, checked to be typed. */
  private static final class Result {
    final @Nullable Object value;
    final @Nullable Throwable failure;
    final List<?> events;

    Result(@Nullable Object value, @Nullable Throwable failure, List<?> events) {
      this.value = value;
      this.failure = failure;
      this.events = events;
    }

    /** The attempts a failure reports, or one for a value. */
    int attempts() {
      return failure instanceof SessionkitException e ? e.attempts() : 1;
    }

    Object value() {
      if (failure != null) throw new AssertionError("expected a value, got " + failure, failure);
      return value;
    }

    <E extends SessionkitException> E assertFailure(Class<E> type, int attempts) {
      if (failure == null) throw new AssertionError("expected " + type.getSimpleName() + ", got the value " + value);
      if (failure.getClass() != type) {
        throw new AssertionError("expected " + type.getName() + ", got " + failure.getClass().getName() + ": " + failure,
            failure);
      }
      E e = type.cast(failure);
      assertEquals(attempts, e.attempts(), () -> "attempts() of " + e);
      return e;
    }
  }

  private static Object value(Result result) {
    return result.value();
  }

  /**
   * Calls {@code op} once against {@code server}, bounded by {@link #BOUND}; fails unless it ended in
   * a value or a {@link SessionkitException} (never a raw RuntimeException, IOException or Moshi's).
   */
  private static Result run(SpecOperation op, ScriptedServer server, Consumer<ClientBuilder<?, ?>> settings) {
    String refused = op.refusedBody();
    org.junit.jupiter.api.Assumptions.assumeTrue(refused == null,
        () -> op + ": the SDK refuses the spec's own request body example, so it cannot be called with it: " + refused);
    Object client = op.client(server.url(), builder -> {
      builder.readTimeout(READ_TIMEOUT).maxRetries(MAX_RETRIES);
      settings.accept(builder);
    });
    int maxEvents = op.frames.size() + (op.endEvent() == null ? 0 : 1);
    Result result = assertTimeoutPreemptively(BOUND, () -> {
      try {
        return new Result(op.callOnce(client, op.endsWithTheResponse() ? Integer.MAX_VALUE : maxEvents), null, List.of());
      } catch (SpecOperation.StreamFailure e) {
        return new Result(null, e.getCause(), e.events);
      } catch (RuntimeException e) {
        return new Result(null, e, List.of());
      }
    }, () -> op + ": the call did not end within " + BOUND);
    if (result.failure != null && !(result.failure instanceof SessionkitException)) {
      throw new AssertionError(op + " ended in an untyped " + result.failure.getClass().getName() + ": " + result.failure,
          result.failure);
    }
    if (result.value instanceof List<?> events) return new Result(events, null, events);
    return result;
  }

  /** The attempts a retried failure takes: all of them if the request may be repeated, else one. */
  private static int retriedAttempts(SpecOperation op, ScriptedServer server) {
    server.awaitRequests(1, Duration.ofSeconds(5));
    return op.repeatable(server.received().get(0)) ? MAX_RETRIES + 1 : 1;
  }

  /** Asserts the server saw {@code count} requests, each the operation's method and path, with its body. */
  private static void assertRequests(SpecOperation op, ScriptedServer server, int count) {
    server.awaitRequests(count, Duration.ofSeconds(5));
    List<ScriptedServer.Received> received = server.received();
    assertEquals(count, received.size(), () -> "requests the server saw: " + received);
    for (ScriptedServer.Received r : received) {
      assertEquals(op.descriptor.httpMethod(), r.method(), "method");
      assertEquals(op.path, r.path(), "request path");
      String sent = op.arguments.body();
      if (sent != null) {
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(!body.isEmpty(), "the request body was not sent");
        // The request carries every member of the example (a stream call may add its stream switch).
        String streamSwitch = op.streamSwitch();
        if (streamSwitch != null) {
          assertTrue(body.contains("\"" + streamSwitch + "\":true"), () -> "the stream call did not ask for the stream: " + body);
          sent = sent.replaceAll("\"" + streamSwitch + "\"\\s*:\\s*false", "\"" + streamSwitch + "\":true");
        }
        // ...and the JSON call of an operation that also streams asks for JSON, whatever the example says.
        String jsonSwitch = op.jsonSwitch();
        if (jsonSwitch != null) sent = sent.replaceAll("\"" + jsonSwitch + "\"\\s*:\\s*true", "\"" + jsonSwitch + "\":false");
        String lost = JsonContainment.missing(sent, body);
        assertNull(lost, () -> "the request body lost " + lost + ": " + body);
      }
    }
  }

  /** Asserts {@code decoded}, written back with the SDK's own adapter, holds everything {@code sent} holds. */
  private static void assertNothingLost(String sent, Object decoded, Type type) {
    String written = SessionkitMoshi.adapter(type, false).toJson(decoded);
    String lost = JsonContainment.missing(sent, written);
    assertNull(lost, () -> "lost " + lost + "\nsent:    " + sent + "\ndecoded: " + written);
  }

  /** A body in the vendor's envelope: the documented 5xx, else any documented error, else a generic one. */
  private static String errorBody(SpecOperation op) {
    return op.errors.stream().filter(a -> a.status() >= 500).findFirst()
        .or(() -> op.errors.stream().findFirst())
        .map(Answer::body)
        .orElseGet(() -> java.util.Objects.requireNonNull(op.vendorErrorBody, () -> op.vendor.id() + " documents no error body"));
  }

  private static Class<? extends ApiException> exceptionFor(int status) {
    return switch (status) {
      case 400 -> BadRequestException.class;
      case 401 -> AuthenticationException.class;
      case 403 -> PermissionDeniedException.class;
      case 404 -> NotFoundException.class;
      case 409 -> ConflictException.class;
      case 422 -> UnprocessableEntityException.class;
      case 429 -> RateLimitException.class;
      default -> status >= 500 ? ServerException.class : UnexpectedStatusException.class;
    };
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
