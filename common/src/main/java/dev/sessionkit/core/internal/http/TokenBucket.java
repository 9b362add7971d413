package dev.sessionkit.core.internal.http;

import dev.sessionkit.core.RetryBudget;
import java.util.concurrent.atomic.AtomicInteger;

/** The live state of one client's {@link RetryBudget}: lock-free, shared by all its calls. */
final class TokenBucket {
  private final RetryBudget budget;
  private final AtomicInteger tokens;

  TokenBucket(RetryBudget budget) {
    this.budget = budget;
    this.tokens = new AtomicInteger(budget.capacity());
  }

  /** Takes the cost of one retry; returns the tokens taken, or -1 when too few are left. */
  int tryAcquireRetry() {
    int cost = budget.retryCost();
    if (cost == 0) return 0;
    while (true) {
      int now = tokens.get();
      if (now < cost) return -1;
      if (tokens.compareAndSet(now, now - cost)) return cost;
    }
  }

  /** A request succeeded: gives back what its retries took, or one token when it took none. */
  void onSuccess(int acquiredByRequest) {
    if (budget.isUnlimited()) return;
    int refund = acquiredByRequest > 0 ? acquiredByRequest : 1;
    tokens.getAndUpdate(now -> Math.min(budget.capacity(), now + refund));
  }

  /** Returns the tokens left. */
  int available() {
    return tokens.get();
  }
}
