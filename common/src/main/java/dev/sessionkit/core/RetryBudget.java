package dev.sessionkit.core;

/**
 * How many retries one client may spend while its requests keep failing: a token bucket, as in
 * AWS SDK v2's standard retry mode, so that an outage does not multiply the load on a struggling
 * API.
 *
 * <p>The bucket starts full with {@code capacity} tokens. Each retry takes {@code retryCost}
 * tokens; when fewer are left the request is not retried and fails at once with the typed
 * exception of its last attempt. A request that succeeds gives back what its retries took, or
 * one token when it took none, up to the capacity. The default, {@link #DEFAULT}, is 500 tokens and
 * 5 a retry: 100 retries in a row with no success in between, then none until requests succeed again.
 *
 * <pre>{@code
 * AcmeClient client = AcmeClient.builder().fromEnv().retryBudget(RetryBudget.of(100, 5)).build();
 * AcmeClient unlimited = client.toBuilder().retryBudget(RetryBudget.UNLIMITED).build();
 * }</pre>
 *
 * @param capacity the tokens the bucket holds when full (1 or more)
 * @param retryCost the tokens one retry takes (0 makes retries free, that is the budget unlimited)
 */
public record RetryBudget(int capacity, int retryCost) {
  /** 500 tokens, 5 a retry: AWS SDK v2's standard retry mode. */
  public static final RetryBudget DEFAULT = new RetryBudget(500, 5);
  /** No budget: every request may use all of its retries, whatever the others do. */
  public static final RetryBudget UNLIMITED = new RetryBudget(1, 0);

  /** Checks the budget. */
  public RetryBudget {
    if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1 (got " + capacity + ")");
    if (retryCost < 0 || retryCost > capacity) {
      throw new IllegalArgumentException("retryCost must be between 0 and capacity " + capacity + " (got " + retryCost + ")");
    }
  }

  /** Returns a budget of {@code capacity} tokens, {@code retryCost} a retry. */
  public static RetryBudget of(int capacity, int retryCost) {
    return new RetryBudget(capacity, retryCost);
  }

  /** Returns whether retries cost nothing. */
  public boolean isUnlimited() {
    return retryCost == 0;
  }
}
