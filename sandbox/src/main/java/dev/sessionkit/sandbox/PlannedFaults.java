package dev.sessionkit.sandbox;

import dev.sessionkit.sandbox.internal.Faults;
import java.time.Duration;

/** The run's plan, as the router asks for it. */
record PlannedFaults(FaultPlan plan) implements Faults {
  @Override
  public Kind faultFor(long n) {
    return Kind.valueOf(plan.faultFor(n).name());
  }

  @Override
  public Duration latencyFor(long n) {
    return plan.latencyFor(n);
  }

  @Override
  public Duration frameDelayFor(long n) {
    return plan.frameDelayFor(n);
  }

  @Override
  public boolean rateLimitsSend(long n) {
    return plan.rateLimitsSend(n);
  }

  @Override
  public Duration retryAfter() {
    return plan.retryAfter();
  }

  @Override
  public Duration sendRetryAfter() {
    return plan.sendRetryAfter();
  }

  @Override
  public int serverErrorStatus() {
    return plan.serverErrorStatus();
  }

  @Override
  public int streamCutAfter() {
    return plan.streamCutAfter();
  }
}
