package dev.sessionkit.core.internal.http;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.DoubleSupplier;
import okhttp3.Headers;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * When a failed attempt is tried again and how long to wait first: requests that are safe to repeat
 * (an idempotent method, or a POST or PATCH carrying the vendor's idempotency key), after a
 * connection failure, 408, 429 or 5xx; exponential backoff with jitter, or the server's
 * {@code Retry-After}, capped. Every decision carries its reason, for the debug log.
 */
final class RetryPolicy {
  static final Duration INITIAL_BACKOFF = Duration.ofMillis(500);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(8);
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");

  /**
   * What to do after a failed attempt.
   *
   * @param delay how long to wait before the next attempt, or null to give up
   * @param reason why, in words: {@code "HTTP 503, Retry-After 2 s"}, {@code "HTTP 404 is not retried"}
   */
  record Decision(@Nullable Duration delay, String reason) {
    boolean retry() {
      return delay != null;
    }

    static Decision giveUp(String reason) {
      return new Decision(null, reason);
    }
  }

  private final Clock clock;
  private final DoubleSupplier random;

  /** A policy reading HTTP dates with {@code clock} and jittering backoff with {@code random} (0 ≤ x < 1). */
  RetryPolicy(Clock clock, DoubleSupplier random) {
    this.clock = clock;
    this.random = random;
  }

  static boolean isRetryableStatus(int status) {
    return status == 408 || status == 429 || status >= 500;
  }

  /** Decides after an error response with {@code status}. */
  Decision afterStatus(Request request, int status, Headers headers, int attemptsSoFar, int maxRetries,
      @Nullable String idempotencyHeader) {
    if (!isRetryableStatus(status)) return Decision.giveUp("HTTP " + status + " is not retried");
    String refused = refusal(request, attemptsSoFar, maxRetries, idempotencyHeader);
    if (refused != null) return Decision.giveUp("HTTP " + status + ", but " + refused);
    Duration asked = RetryAfter.parse(headers, clock);
    if (asked == null) return new Decision(backoff(attemptsSoFar), "HTTP " + status + ", backoff");
    if (asked.compareTo(MAX_RETRY_AFTER) > 0) {
      return new Decision(MAX_RETRY_AFTER, "HTTP " + status + ", Retry-After " + seconds(asked) + " capped at "
          + seconds(MAX_RETRY_AFTER));
    }
    return new Decision(asked, "HTTP " + status + ", Retry-After " + seconds(asked));
  }

  /** Decides after an attempt that got no (complete) response. */
  Decision afterFailure(Request request, IOException failure, int attemptsSoFar, int maxRetries,
      @Nullable String idempotencyHeader) {
    String what = "no response (" + (failure.getMessage() == null ? failure.getClass().getSimpleName()
        : failure.getMessage()) + ")";
    String refused = refusal(request, attemptsSoFar, maxRetries, idempotencyHeader);
    return refused == null ? new Decision(backoff(attemptsSoFar), what + ", backoff")
        : Decision.giveUp(what + ", but " + refused);
  }

  /** Why the request may not be sent again whatever the failure, or null when it may. */
  private static @Nullable String refusal(Request request, int attemptsSoFar, int maxRetries,
      @Nullable String idempotencyHeader) {
    if (attemptsSoFar > maxRetries) {
      return maxRetries == 0 ? "retries are off" : "that was the last of " + (maxRetries + 1) + " attempts";
    }
    return unsafe(request, idempotencyHeader);
  }

  /**
   * Why {@code request} is not safe to send again (neither an idempotent method nor carrying the
   * vendor's idempotency key), or null when it is.
   */
  static @Nullable String unsafe(Request request, @Nullable String idempotencyHeader) {
    if (IDEMPOTENT.contains(request.method())) return null;
    if (idempotencyHeader != null && request.header(idempotencyHeader) != null) return null;
    return request.method() + " is not idempotent" + (idempotencyHeader == null
        ? "" : " and carries no " + idempotencyHeader);
  }

  /** 0.5 s, 1 s, 2 s … up to 8 s, each shortened by up to a quarter at random. */
  Duration backoff(int attemptsSoFar) {
    long base = INITIAL_BACKOFF.toMillis() << Math.min(attemptsSoFar - 1, 10);
    long capped = Math.min(base, MAX_BACKOFF.toMillis());
    double jitter = 1 - 0.25 * random.getAsDouble();
    return Duration.ofMillis((long) (capped * jitter));
  }

  /** A duration in seconds for a log line: {@code 1.5 s}. */
  static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.3f s", millis / 1000.0);
  }
}
