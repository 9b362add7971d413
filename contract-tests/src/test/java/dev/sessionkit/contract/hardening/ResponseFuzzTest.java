package dev.sessionkit.contract.hardening;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sessionkit.contract.hardening.Mutations.Mutant;
import dev.sessionkit.contract.hardening.Outcome.Mode;
import dev.sessionkit.errors.DecodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes the response body of every operation through the real client: the documented example,
 * mutated (see {@link Mutations}), is handed to the client by an OkHttp application interceptor
 * instead of a server, so the whole decoding path of {@code Transport} runs, with no sockets. The only
 * outcomes allowed are a decoded value and a {@link DecodingException}. Issue 10, "fuzzing of
 * response bodies for every operation".
 *
 * <p>Each try's mutations come from the run's seed and the try's number alone, so a failure names
 * the properties that replay it. By default each operation gets {@value #DEFAULT_TRIES} tries with a
 * lenient client and as many with a strict one (a few seconds in all). To fuzz longer, or replay:
 *
 * <pre>
 * ./mvnw -B -pl contract-tests -am verify -Dtest=ResponseFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dsessionkit.fuzz.tries=200000 -Dsessionkit.fuzz.seed=$RANDOM
 * # replay one failing try: add -Dsessionkit.fuzz.seed=S -Dsessionkit.fuzz.only=N (both from the failure)
 * </pre>
 */
class ResponseFuzzTest {
  static final int DEFAULT_TRIES = 1_000;
  private static final long SEED = Long.getLong("sessionkit.fuzz.seed", 20261125L);
  private static final int TRIES = Integer.getInteger("sessionkit.fuzz.tries", DEFAULT_TRIES);
  private static final long ONLY = Long.getLong("sessionkit.fuzz.only", -1L);
  /** One try in this many is also sent without blocking, through OkHttp's dispatcher. */
  private static final int ASYNC_EVERY = 16;
  private static final Duration BOUND = Duration.ofSeconds(10);
  private static final MediaType JSON = MediaType.get("application/json");

  static Stream<Arguments> operationsAndStrictness() {
    List<Arguments> all = new ArrayList<>();
    for (Operation op : Operation.ALL) {
      all.add(Arguments.of(op, false));
      all.add(Arguments.of(op, true));
    }
    return all.stream();
  }

  /** A client of {@code op} whose every response is the 200 {@code body} holds, made without a socket. */
  private static Operation.Caller fuzzedClient(Operation op, boolean strict, AtomicReference<byte[]> body) {
    OkHttpClient http = new OkHttpClient.Builder()
        .addInterceptor(chain -> new Response.Builder()
            .request(chain.request())
            .protocol(Protocol.HTTP_1_1)
            .code(200)
            .message("OK")
            .header("Content-Type", "application/json")
            .body(ResponseBody.create(body.get(), JSON))
            .build())
        .build();
    return op.connect(Operation.Settings.of("http://127.0.0.1:1/", "sk-fuzz-token").strict(strict)
        .httpClient(http).maxRetries(0));
  }

  @ParameterizedTest(name = "{0}, strict {1}")
  @MethodSource("operationsAndStrictness")
  void everyMutatedBodyDecodesOrIsADecodingException(Operation op, boolean strict) {
    AtomicReference<byte[]> body = new AtomicReference<>();
    Operation.Caller caller = fuzzedClient(op, strict, body);
    byte[] seed = op.seedBytes();
    int opIndex = Operation.ALL.indexOf(op);

    body.set(seed);
    assertNotNull(Outcome.of(caller, Mode.SYNC, BOUND).assertValue(1), "the unmutated example decodes");

    // One bound for all the tries (a thread per call would cost more than the call): a hang fails the test.
    Duration allTries = Duration.ofMinutes(2).plusMillis(TRIES * 20L);
    assertTimeoutPreemptively(allTries, () -> {
      for (long n = 0; n < TRIES; n++) {
        if (ONLY >= 0 && n != ONLY) continue;
        SplittableRandom random = new SplittableRandom(SEED * 31 + opIndex * 1_000_003L + n * 0x9E3779B97F4A7C15L);
        Mutant mutant = Mutations.mutate(seed, random);
        body.set(mutant.body());
        check(op, strict, n, mutant, Outcome.direct(caller));
        if (n % ASYNC_EVERY == 0) check(op, strict, n, mutant, Outcome.of(caller, Mode.ASYNC, BOUND));
      }
    }, () -> op + ": the tries did not end within " + allTries);
  }

  @ParameterizedTest(name = "{0}, strict {1}")
  @MethodSource("operationsAndStrictness")
  void theIssuesHostileBodiesDecodeOrAreDecodingExceptions(Operation op, boolean strict) {
    AtomicReference<byte[]> body = new AtomicReference<>();
    Operation.Caller caller = fuzzedClient(op, strict, body);
    List<byte[]> bodies = new ArrayList<>();
    // Issue 10 item 1, verbatim: epoch seconds past Instant's range in Pipecat's "t".
    bodies.add(bytes("{\"resourceMetrics\":{\"timeseries\":[{\"t\":99999999999999999}]}}"));
    String seed = op.seed();
    for (String value : Mutations.HOSTILE_VALUES) {
      // Every value of the example replaced at once by each hostile value.
      bodies.add(bytes(seed.replaceAll("(?<=:\\s{0,8})(\"(?:[^\"\\\\]++|\\\\.)*+\"|-?\\d[\\d.eE+-]*+|true|false|null)",
          java.util.regex.Matcher.quoteReplacement(value))));
    }
    for (boolean arrays : new boolean[] {true, false}) {
      bodies.add(bytes(Mutations.nested(10_000, arrays, true)));
      bodies.add(bytes(seed.replaceFirst("\\{", "{\"deep\":" + Mutations.nested(10_000, arrays, true) + ",")));
    }
    bodies.add(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'});
    bodies.add(bytes(seed.replaceFirst("\\{", "{\"x\":\"\uD83D\",")));
    bodies.add(seed.replace("\"", "\"\u00ff").getBytes(StandardCharsets.ISO_8859_1));

    for (int i = 0; i < bodies.size(); i++) {
      byte[] hostile = bodies.get(i);
      body.set(hostile);
      Mutant mutant = new Mutant(hostile, "hostile body #" + i);
      check(op, strict, i, mutant, Outcome.of(caller, Mode.SYNC, BOUND));
      check(op, strict, i, mutant, Outcome.of(caller, Mode.ASYNC, BOUND));
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void check(Operation op, boolean strict, long n, Mutant mutant, Outcome outcome) {
    Throwable failure = outcome.failure();
    if (failure == null) {
      if (outcome.value() == null) fail("a null value without an exception for " + describe(op, strict, n, mutant));
      return;
    }
    if (failure instanceof DecodingException) return;
    throw new AssertionError("not a value or a DecodingException but " + failure.getClass().getName() + ": "
        + failure.getMessage() + "\n" + describe(op, strict, n, mutant), failure);
  }

  private static String describe(Operation op, boolean strict, long n, Mutant mutant) {
    String text = new String(mutant.body(), StandardCharsets.UTF_8);
    String replay = mutant.description().startsWith("hostile body")
        ? "" : " of seed " + SEED + " (replay: -Dsessionkit.fuzz.seed=" + SEED + " -Dsessionkit.fuzz.only=" + n + ")";
    return op + (strict ? " (strict)" : " (lenient)") + ", try " + n + replay + "\nmutations: "
        + mutant.description() + "\nbody (" + mutant.body().length + " bytes): "
        + (text.length() > 600 ? text.substring(0, 600) + "…" : text);
  }
}
