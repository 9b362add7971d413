package dev.sessionkit.core.internal.http;

import dev.sessionkit.errors.SessionkitException;
import java.io.IOException;

/**
 * Carries a typed failure out of one of sessionkit's interceptors. OkHttp's interceptor contract
 * passes only {@link IOException}s through (anything else cancels the call and, on the async path,
 * reaches the callback as a misleading {@code IOException}); the engine unwraps this one and throws
 * {@link #failure()} without retrying.
 */
final class InterceptedFailure extends IOException {
  private static final long serialVersionUID = 1L;

  private final SessionkitException failure;

  InterceptedFailure(SessionkitException failure) {
    super(failure.getMessage(), failure);
    this.failure = failure;
  }

  SessionkitException failure() {
    return failure;
  }
}
