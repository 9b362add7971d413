package dev.sessionkit.errors;

import java.time.Duration;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/** The server answered an error status with no family of its own (another 4xx, or a non-2xx outside 4xx and 5xx). */
public class UnexpectedStatusException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link ApiException}. */
  public UnexpectedStatusException(int status, ErrorDetails details, @Nullable String requestId, Headers headers,
      @Nullable String body, int attempts, @Nullable Duration retryAfter) {
    super(status, details, requestId, headers, body, attempts, retryAfter);
  }
}
