package dev.sessionkit.errors;

import java.io.IOException;

/** No response arrived in time: a connect, read or whole-call timeout expired. */
public class ApiTimeoutException extends ApiConnectionException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for a request to {@code target} (method and URL without credentials). */
  public ApiTimeoutException(String target, IOException cause, int attempts) {
    super(target, cause, attempts);
  }
}
