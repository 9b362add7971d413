package dev.sessionkit.sandbox;

/** What the sandbox does to one request instead of (or on top of) answering it normally. */
public enum Fault {
  /** No fault: the request is answered normally. */
  NONE,
  /** HTTP 429 with a {@code Retry-After} header and the vendor's error body. */
  RATE_LIMITED,
  /** An HTTP 5xx with the vendor's error body. */
  SERVER_ERROR,
  /** The connection is closed after the request is read, before any response. */
  DROPPED_CONNECTION,
  /**
   * A normal response whose body is cut off halfway and its connection closed (a live stream: in
   * the middle of its first frame).
   */
  TRUNCATED_BODY,
  /**
   * A live stream whose connection is closed in the middle of a frame, after
   * {@link FaultPlan#streamCutAfter()} whole frames; a response that is not a live stream is
   * answered normally.
   */
  STREAM_CUT
}
