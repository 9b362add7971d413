package dev.sessionkit.errors;

/**
 * An OkHttp interceptor threw something other than an {@link java.io.IOException} while the call ran:
 * one of yours, on the {@code OkHttpClient} given to {@code httpClient(...)}, or a failure inside
 * sessionkit's own. The call stopped there; it is not retried, since repeating it would fail the
 * same way. The cause is what the interceptor threw.
 */
public class InterceptorException extends SessionkitException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for a request to {@code target} (method and URL), with what the interceptor threw. */
  public InterceptorException(String target, Throwable cause, int attempts) {
    super("an interceptor failed on " + target + ": " + describe(cause), cause, attempts);
  }

  private static String describe(Throwable cause) {
    return cause.getMessage() == null ? cause.getClass().getName() : cause.getClass().getName() + ": " + cause.getMessage();
  }
}
