package dev.sessionkit.errors;

import java.time.Duration;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The server answered 429 Too Many Requests, and retries did not get through; {@link #retryAfter()}
 * says how long it asked to wait.
 */
public class RateLimitException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link ApiException}. */
  public RateLimitException(int status, ErrorDetails details, @Nullable String requestId, Headers headers,
      @Nullable String body, int attempts, @Nullable Duration retryAfter) {
    super(status, details, requestId, headers, body, attempts, retryAfter);
  }
}
