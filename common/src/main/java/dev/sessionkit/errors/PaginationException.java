package dev.sessionkit.errors;

/**
 * The server's pagination went wrong: it handed back a cursor that was already followed, which
 * would otherwise loop forever.
 */
public class PaginationException extends SessionkitException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public PaginationException(String message) {
    super(message, null, 0);
  }
}
