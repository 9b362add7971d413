package dev.sessionkit.core.http;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Headers;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * When to retry and how long to wait first: idempotent requests only, after a connection failure,
 * 408, 429 or 5xx; exponential backoff with jitter, or the server's {@code Retry-After}, capped.
 */
final class RetryPolicy {
  static final Duration INITIAL_BACKOFF = Duration.ofMillis(500);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(8);
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");

  private final int maxRetries;
  private final Clock clock;

  RetryPolicy(int maxRetries, Clock clock) {
    this.maxRetries = maxRetries;
    this.clock = clock;
  }

  static boolean isRetryableStatus(int status) {
    return status == 408 || status == 429 || status >= 500;
  }

  /** Returns the wait before retrying after an error response, or null to give up. */
  @Nullable Duration afterStatus(Request request, int status, Headers headers, int attemptsSoFar) {
    if (!isRetryableStatus(status) || !mayRetry(request, attemptsSoFar)) return null;
    Duration asked = RetryAfter.parse(headers, clock);
    if (asked != null) return asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
    return backoff(attemptsSoFar);
  }

  /** Returns the wait before retrying after no response arrived, or null to give up. */
  @Nullable Duration afterFailure(Request request, IOException failure, int attemptsSoFar) {
    return mayRetry(request, attemptsSoFar) ? backoff(attemptsSoFar) : null;
  }

  private boolean mayRetry(Request request, int attemptsSoFar) {
    return attemptsSoFar <= maxRetries && IDEMPOTENT.contains(request.method());
  }

  /** 0.5 s, 1 s, 2 s … up to 8 s, each shortened by up to a quarter at random. */
  static Duration backoff(int attemptsSoFar) {
    long base = INITIAL_BACKOFF.toMillis() << Math.min(attemptsSoFar - 1, 10);
    long capped = Math.min(base, MAX_BACKOFF.toMillis());
    double jitter = 1 - 0.25 * ThreadLocalRandom.current().nextDouble();
    return Duration.ofMillis((long) (capped * jitter));
  }
}
