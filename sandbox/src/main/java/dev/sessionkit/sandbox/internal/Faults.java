package dev.sessionkit.sandbox.internal;

import java.time.Duration;

/**
 * The run's faults as the router asks for them, request by request (the public {@code FaultPlan}
 * answers; this package does not depend on the public one).
 */
public interface Faults {
  /** What happens to one request instead of (or on top of) its answer. */
  enum Kind {
    /** Nothing. */
    NONE,
    /** 429 with Retry-After. */
    RATE_LIMITED,
    /** A 5xx. */
    SERVER_ERROR,
    /** The connection closed before any answer. */
    DROPPED_CONNECTION,
    /** The body cut halfway (a live stream: in its first frame). */
    TRUNCATED_BODY,
    /** A live stream cut in the middle of a frame. */
    STREAM_CUT
  }

  /** Returns the fault of request {@code n}. */
  Kind faultFor(long n);

  /** Returns the delay before request {@code n}'s headers. */
  Duration latencyFor(long n);

  /** Returns the wait before each frame of request {@code n}'s live stream. */
  Duration frameDelayFor(long n);

  /** Returns whether request {@code n}, if it starts an agent turn, is answered 429. */
  boolean rateLimitsSend(long n);

  /** Returns the Retry-After of a 429. */
  Duration retryAfter();

  /** Returns the Retry-After of a 429 on a send. */
  Duration sendRetryAfter();

  /** Returns the status of a server error. */
  int serverErrorStatus();

  /** Returns how many whole frames a cut stream delivers. */
  int streamCutAfter();
}
