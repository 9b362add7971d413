package dev.sessionkit.errors;

import java.time.Duration;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/** The server answered 401 Unauthorized: the credential is missing, invalid or expired. */
public class AuthenticationException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link ApiException}. */
  public AuthenticationException(int status, ErrorDetails details, @Nullable String requestId, Headers headers,
      @Nullable String body, int attempts, @Nullable Duration retryAfter) {
    super(status, details, requestId, headers, body, attempts, retryAfter);
  }
}
