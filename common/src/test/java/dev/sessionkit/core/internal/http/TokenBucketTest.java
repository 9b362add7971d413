package dev.sessionkit.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sessionkit.core.RetryBudget;
import org.junit.jupiter.api.Test;

/** The retry budget: AWS SDK v2's standard-mode token bucket. */
class TokenBucketTest {
  @Test
  void theDefaultAllowsAHundredRetriesInARowThenNone() {
    TokenBucket bucket = new TokenBucket(RetryBudget.DEFAULT);
    for (int i = 0; i < 100; i++) assertEquals(5, bucket.tryAcquireRetry(), "retry " + (i + 1));
    assertEquals(-1, bucket.tryAcquireRetry());
    assertEquals(0, bucket.available());
  }

  @Test
  void aSuccessGivesBackWhatItsRetriesTookAndOneTokenOtherwise() {
    TokenBucket bucket = new TokenBucket(RetryBudget.of(20, 5));
    int taken = bucket.tryAcquireRetry() + bucket.tryAcquireRetry();
    assertEquals(10, bucket.available());
    bucket.onSuccess(taken);
    assertEquals(20, bucket.available());
    bucket.tryAcquireRetry();
    bucket.onSuccess(0);
    assertEquals(16, bucket.available());
  }

  @Test
  void neverFillsPastCapacity() {
    TokenBucket bucket = new TokenBucket(RetryBudget.of(20, 5));
    bucket.onSuccess(0);
    bucket.onSuccess(5);
    assertEquals(20, bucket.available());
  }

  @Test
  void anUnlimitedBudgetNeverRunsOut() {
    TokenBucket bucket = new TokenBucket(RetryBudget.UNLIMITED);
    for (int i = 0; i < 10_000; i++) assertEquals(0, bucket.tryAcquireRetry());
  }

  @Test
  void refusesABudgetThatCannotWork() {
    assertThrows(IllegalArgumentException.class, () -> RetryBudget.of(0, 0));
    assertThrows(IllegalArgumentException.class, () -> RetryBudget.of(10, 11));
    assertThrows(IllegalArgumentException.class, () -> RetryBudget.of(10, -1));
  }
}
