package dev.sessionkit.errors;

import org.jspecify.annotations.Nullable;

/**
 * An event of a live stream was larger than the client's {@code maxEventBytes(...)} allows (its
 * lines and fields together), so reading stopped there instead of running out of memory. A stream
 * is read one event at a time, so its whole length is never limited, only each event's. The stream
 * is closed and not resumed: the server would send the same event again. Raise the limit on the
 * client builder for larger events.
 */
public class EventTooLargeException extends ResponseTooLargeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for an event of more than {@code limit} bytes that starts with {@code eventStart}. */
  public EventTooLargeException(String message, int status, @Nullable String requestId, long limit,
      @Nullable String eventStart, int attempts) {
    super(message, status, requestId, limit, eventStart, attempts);
  }
}
