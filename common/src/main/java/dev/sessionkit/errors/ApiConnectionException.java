package dev.sessionkit.errors;

import java.io.IOException;

/**
 * No response arrived: the connection could not be made, was reset or dropped. Retried before
 * this is thrown when the request is idempotent.
 */
public class ApiConnectionException extends SessionkitException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for a request to {@code target} (method and URL without credentials). */
  public ApiConnectionException(String target, IOException cause, int attempts) {
    super(describe(target, cause), cause, attempts);
  }

  /** Creates the exception with its own {@code message}, for a subclass that says more. */
  protected ApiConnectionException(IOException cause, String message, int attempts) {
    super(message, cause, attempts);
  }

  static String describe(String target, IOException cause) {
    String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return "no response from " + target + ": " + why;
  }
}
