package dev.sessionkit.errors;

import org.jspecify.annotations.Nullable;

/**
 * A response body was larger than the client's {@code maxResponseBytes(...)} allows, so reading it
 * stopped there instead of running out of memory. Not retried: the same request would get the same
 * body. Raise the limit on the client builder for larger responses.
 */
public class ResponseTooLargeException extends DecodingException {
  private static final long serialVersionUID = 1L;

  private final long limit;

  /** Creates the exception for a body of more than {@code limit} bytes. */
  public ResponseTooLargeException(String message, int status, @Nullable String requestId, long limit,
      @Nullable String bodyStart, int attempts) {
    super(message, null, status, requestId, bodyStart, attempts);
    this.limit = limit;
  }

  /** Returns the limit that was exceeded, in bytes. */
  public long limit() {
    return limit;
  }
}
