package dev.sessionkit.contract.hardening;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.sessionkit.contract.hardening.Mutations.Mutant;
import dev.sessionkit.contract.hardening.SpecOperation.Call;
import dev.sessionkit.errors.DecodingException;
import dev.sessionkit.errors.SessionkitException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The response fuzzer over every operation of every installed vendor, found through the vendor
 * descriptors: the spec's example of the operation's success (its JSON body, or its stream's frames
 * as the server sends them) is mutated (see {@link Mutations}) and handed to the real client by an
 * OkHttp interceptor, without sockets, strict and lenient by turns. A call answered with a body ends
 * in a value or a {@link DecodingException}; a stream, read to its end or failure, ends in its events
 * or a typed {@link SessionkitException} (a mutated frame may also cut the stream short). Never an
 * untyped exception, never a hang.
 *
 * <p>{@value #DEFAULT_TRIES} tries per operation by default; {@code -Dsessionkit.fuzz.tries=N} and
 * {@code -Dsessionkit.fuzz.seed=S} as for {@link ResponseFuzzTest}.
 */
class EveryOperationResponseFuzzTest {
  static final int DEFAULT_TRIES = 200;
  private static final long SEED = Long.getLong("sessionkit.fuzz.seed", 20261203L);
  private static final int TRIES = Integer.getInteger("sessionkit.fuzz.tries", DEFAULT_TRIES);
  private static final Duration BOUND = Duration.ofSeconds(30).plusMillis(TRIES * 50L);

  @TestFactory
  @Execution(ExecutionMode.CONCURRENT)
  @Timeout(300)
  Stream<DynamicTest> everyMutatedAnswerOfEveryOperationDecodesOrIsATypedException() {
    return SpecOperation.all().stream()
        .filter(op -> op.call == Call.STREAM || op.success.body() != null)
        .map(op -> dynamicTest(op + (op.call == Call.STREAM
            ? ": every mutated stream gives its events or a typed exception"
            : ": every mutated " + op.success.status() + " body decodes or is a DecodingException"), () -> fuzz(op)));
  }

  private static void fuzz(SpecOperation op) {
    String refused = op.refusedBody();
    Assumptions.assumeTrue(refused == null, () -> op + ": the SDK refuses the spec's own request body example: " + refused);
    boolean stream = op.call == Call.STREAM;
    byte[] seed = (stream ? op.streamBody() : op.success.body()).getBytes(StandardCharsets.UTF_8);
    MediaType type = MediaType.get(stream ? "text/event-stream" : "application/json");
    int status = stream ? 200 : op.success.status();
    AtomicReference<byte[]> body = new AtomicReference<>(seed);
    OkHttpClient http = new OkHttpClient.Builder()
        .addInterceptor(chain -> new Response.Builder()
            .request(chain.request())
            .protocol(Protocol.HTTP_1_1)
            .code(status)
            .message("OK")
            .header("Content-Type", type.toString())
            .body(ResponseBody.create(body.get(), type))
            .build())
        .build();
    Object lenient = op.client("http://127.0.0.1:1/", b -> b.httpClient(http).maxRetries(0));
    Object strict = op.client("http://127.0.0.1:1/", b -> b.httpClient(http).maxRetries(0).strictDecoding(true));
    int maxEvents = op.frames.size() + (op.endEvent() == null ? 0 : 1);
    int opIndex = op.toString().hashCode();

    assertTimeoutPreemptively(BOUND, () -> {
      for (int n = 0; n < TRIES; n++) {
        SplittableRandom random = new SplittableRandom(SEED * 31 + opIndex * 1_000_003L + n * 0x9E3779B97F4A7C15L);
        Mutant mutant = n == 0 ? new Mutant(seed, "none (the example itself)") : Mutations.mutate(seed, random);
        body.set(mutant.body());
        boolean isStrict = n % 2 == 1;
        Throwable failure;
        try {
          op.callOnce(isStrict ? strict : lenient, op.endsWithTheResponse() ? Integer.MAX_VALUE : maxEvents);
          continue;
        } catch (SpecOperation.StreamFailure e) {
          failure = e.getCause();
        } catch (RuntimeException e) {
          failure = e;
        }
        if (n == 0) throw new AssertionError(op + ": the unmutated example failed: " + failure, failure);
        boolean allowed = stream || op.descriptor.responseType().isEmpty()
            ? failure instanceof SessionkitException : failure instanceof DecodingException;
        if (!allowed) {
          String text = new String(mutant.body(), StandardCharsets.UTF_8);
          throw new AssertionError(op + (isStrict ? " (strict)" : " (lenient)") + ", try " + n + " of seed " + SEED
              + ": not " + (stream ? "a typed exception" : "a value or a DecodingException") + " but "
              + failure.getClass().getName() + ": " + failure.getMessage() + "\nmutations: " + mutant.description()
              + "\nbody: " + (text.length() > 600 ? text.substring(0, 600) + "…" : text), failure);
        }
      }
    }, () -> op + ": the tries did not end within " + BOUND);
  }
}
