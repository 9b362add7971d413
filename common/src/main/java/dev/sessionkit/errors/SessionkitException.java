package dev.sessionkit.errors;

import org.jspecify.annotations.Nullable;

/**
 * The root of every failure a sessionkit client reports.
 *
 * <p>Subclasses say what happened: {@link ApiException} and its status-specific subclasses for an
 * HTTP error response, {@link ApiConnectionException} (and {@link ApiTimeoutException}) when no
 * response arrived, {@link DecodingException} when a response arrived but could not be read, and
 * {@link PaginationException} when a server's cursors go wrong. Messages never contain credentials.
 */
public class SessionkitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int attempts;

  /** Creates an exception for a request that was sent {@code attempts} times (0 if never sent). */
  public SessionkitException(String message, @Nullable Throwable cause, int attempts) {
    super(attempts > 1 ? message + " (after " + attempts + " attempts)" : message, cause);
    this.attempts = attempts;
  }

  /** Returns how many times the request was sent, retries included; 0 if it never was. */
  public int attempts() {
    return attempts;
  }
}
