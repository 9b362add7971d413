package dev.sessionkit.errors;

import java.time.Duration;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/** The server answered 404 Not Found: the resource (or the route) does not exist. */
public class NotFoundException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link ApiException}. */
  public NotFoundException(int status, ErrorDetails details, @Nullable String requestId, Headers headers,
      @Nullable String body, int attempts, @Nullable Duration retryAfter) {
    super(status, details, requestId, headers, body, attempts, retryAfter);
  }
}
