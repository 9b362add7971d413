package dev.sessionkit.contract.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.errors.SessionkitException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * What one call ended in: a value (with its attempt count when the call was blocking) or a
 * throwable. Made by {@link #of}, which fails the test when the call does not end within its bound.
 *
 * @param value the decoded body, or null when the call failed
 * @param attempts the attempts a blocking call reports, or -1 when unknown (a call without blocking)
 * @param failure what the call threw or its future failed with, unwrapped; null on success
 */
record Outcome(@Nullable Object value, int attempts, @Nullable Throwable failure) {
  /** How a suite calls an operation. */
  enum Mode {
    /** Blocking, with the raw response: {@code withRawResponse().events(...)}. */
    SYNC,
    /** Without blocking: {@code eventsAsync(...)}, waited for with a bound. */
    ASYNC
  }

  /**
   * Calls {@code caller} in {@code mode} and returns how it ended; fails the test if it did not end
   * within {@code bound} (a blocking call is interrupted, a future is left behind and reported).
   */
  static Outcome of(Operation.Caller caller, Mode mode, Duration bound) {
    if (mode == Mode.SYNC) {
      return assertTimeoutPreemptively(bound, () -> {
        try {
          RawResponse<?> raw = caller.call();
          return new Outcome(raw.body(), raw.attempts(), null);
        } catch (Throwable t) {
          return new Outcome(null, -1, t);
        }
      }, () -> "the blocking call did not end within " + bound);
    }
    CompletableFuture<?> future;
    try {
      future = caller.callAsync();
    } catch (Throwable t) {
      return fail("the async method threw instead of failing its future", t);
    }
    try {
      return new Outcome(future.get(bound.toMillis(), TimeUnit.MILLISECONDS), -1, null);
    } catch (ExecutionException e) {
      return new Outcome(null, -1, e.getCause());
    } catch (TimeoutException e) {
      future.cancel(true);
      return fail("the future did not complete within " + bound);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted");
    }
  }

  /**
   * Calls {@code caller} blocking, on this thread, without a bound of its own: for calls that touch
   * no socket (the fuzzer's), where a bound per call would cost a thread per call; the test method's
   * {@code @Timeout} bounds them all.
   */
  static Outcome direct(Operation.Caller caller) {
    try {
      RawResponse<?> raw = caller.call();
      return new Outcome(raw.body(), raw.attempts(), null);
    } catch (Throwable t) {
      return new Outcome(null, -1, t);
    }
  }

  /** Asserts the call succeeded (in {@code attempts} attempts, when a blocking call says) and returns the value. */
  Object assertValue(int expectedAttempts) {
    if (failure != null) throw new AssertionError("expected a value, got " + failure, failure);
    if (attempts >= 0) assertEquals(expectedAttempts, attempts, "attempts of the raw response");
    return value;
  }

  /**
   * Asserts the call failed with exactly {@code type} (not a subclass) after {@code expectedAttempts}
   * attempts, and returns the exception.
   */
  <E extends SessionkitException> E assertFailure(Class<E> type, int expectedAttempts) {
    if (failure == null) throw new AssertionError("expected " + type.getSimpleName() + ", got the value " + value);
    if (failure.getClass() != type) {
      throw new AssertionError("expected " + type.getName() + ", got " + failure.getClass().getName() + ": " + failure,
          failure);
    }
    E e = type.cast(failure);
    assertEquals(expectedAttempts, e.attempts(), () -> "attempts() of " + e);
    return e;
  }
}
