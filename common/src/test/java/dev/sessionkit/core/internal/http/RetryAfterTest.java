package dev.sessionkit.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.Headers;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/** Retry-After in all its forms, and the policy that caps and applies it. */
class RetryAfterTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
  private static final Request GET = new Request.Builder().url("https://example.com/").build();

  @Test
  void readsSeconds() {
    assertEquals(Duration.ofSeconds(3), RetryAfter.parse(Headers.of("Retry-After", "3"), CLOCK));
    assertEquals(Duration.ofMillis(1500), RetryAfter.parse(Headers.of("Retry-After", "1.5"), CLOCK));
  }

  @Test
  void readsAnHttpDate() {
    assertEquals(Duration.ofSeconds(30),
        RetryAfter.parse(Headers.of("Retry-After", "Tue, 24 Nov 2026 10:00:30 GMT"), CLOCK));
    assertEquals(Duration.ZERO, RetryAfter.parse(Headers.of("Retry-After", "Tue, 24 Nov 2026 09:00:00 GMT"), CLOCK));
  }

  @Test
  void prefersRetryAfterMs() {
    assertEquals(Duration.ofMillis(250),
        RetryAfter.parse(Headers.of("retry-after-ms", "250", "Retry-After", "9"), CLOCK));
  }

  @Test
  void ignoresGarbage() {
    assertNull(RetryAfter.parse(Headers.of("Retry-After", "soon"), CLOCK));
    assertNull(RetryAfter.parse(Headers.of("Retry-After", "-1"), CLOCK));
    assertNull(RetryAfter.parse(Headers.of(), CLOCK));
  }

  @Test
  void policyCapsRetryAfterAtOneMinute() {
    RetryPolicy policy = new RetryPolicy(CLOCK, () -> 0.5);
    assertEquals(Duration.ofSeconds(60), policy.afterStatus(GET, 429, Headers.of("Retry-After", "3600"), 1, 2, null).delay());
  }

  @Test
  void policyRetriesOnlyRetryableStatusesOfIdempotentRequestsWithinTheBudget() {
    RetryPolicy policy = new RetryPolicy(CLOCK, () -> 0.5);
    Request post = GET.newBuilder().post(okhttp3.RequestBody.create(new byte[0])).build();
    assertNull(policy.afterStatus(GET, 404, Headers.of(), 1, 2, null).delay());
    assertNull(policy.afterStatus(post, 503, Headers.of(), 1, 2, null).delay());
    assertNull(policy.afterStatus(GET, 503, Headers.of(), 3, 2, null).delay());
    for (int status : new int[] {408, 429, 500, 502, 503, 504}) {
      assertTrue(policy.afterStatus(GET, status, Headers.of(), 1, 2, null).retry(), "retries " + status);
    }
  }

  @Test
  void backoffGrowsExponentiallyWithJitterUpToEightSeconds() {
    RetryPolicy policy = new RetryPolicy(CLOCK, () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    for (int i = 0; i < 50; i++) {
      long first = policy.backoff(1).toMillis();
      long second = policy.backoff(2).toMillis();
      long tenth = policy.backoff(10).toMillis();
      assertTrue(first >= 375 && first <= 500, "first " + first);
      assertTrue(second >= 750 && second <= 1000, "second " + second);
      assertTrue(tenth >= 6000 && tenth <= 8000, "tenth " + tenth);
    }
  }
}
