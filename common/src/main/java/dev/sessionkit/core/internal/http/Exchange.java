package dev.sessionkit.core.internal.http;

import dev.sessionkit.errors.ApiConnectionException;
import dev.sessionkit.errors.ApiTimeoutException;
import dev.sessionkit.errors.InterceptorException;
import dev.sessionkit.errors.SessionkitException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/** One logical call: its request, the attempts sent so far and the budget tokens its retries took. */
final class Exchange {
  private final Engine engine;
  private final Request request;
  private final int maxRetries;
  private final @Nullable Duration timeout;
  int attempts;
  private int tokens;

  Exchange(Engine engine, Request request, @Nullable Integer maxRetries, @Nullable Duration timeout) {
    this.engine = engine;
    this.request = request;
    this.maxRetries = maxRetries == null ? engine.maxRetries : maxRetries;
    this.timeout = timeout;
  }

  Call newCall() {
    attempts++;
    Call call = engine.okHttp.newCall(request);
    if (timeout != null) call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return call;
  }

  /**
   * Decides after an error status; returns the wait before the next attempt.
   *
   * @throws SessionkitException the status's typed exception, when the call ends here
   * @throws IOException when the connection fails while the error body is read
   */
  Duration afterStatus(Response response) throws IOException {
    Duration wait = decide(engine.policy.afterStatus(request, response.code(), response.headers(), attempts, maxRetries,
        engine.idempotencyHeader));
    if (wait == null) throw engine.errors.map(response, attempts);
    return wait;
  }

  /**
   * Decides after an attempt that got no (complete) response; returns the wait before the next one.
   *
   * @throws SessionkitException when the call ends here: the interceptor's failure, or a connection failure
   */
  Duration afterFailure(IOException failure) {
    SessionkitException intercepted = interceptorFailure(failure);
    if (intercepted != null) {
      engine.logs.debug(() -> "not retrying " + describe() + ": " + intercepted.getMessage());
      throw intercepted;
    }
    Duration wait = decide(engine.policy.afterFailure(request, failure, attempts, maxRetries, engine.idempotencyHeader));
    if (wait == null) throw connectionFailure(failure);
    return wait;
  }

  /** Applies the retry budget to {@code decision} and logs the outcome; returns the wait, or null to give up. */
  private @Nullable Duration decide(RetryPolicy.Decision decision) {
    if (!decision.retry()) {
      engine.logs.debug(() -> "not retrying " + describe() + " after attempt " + attempts + ": " + decision.reason());
      return null;
    }
    int taken = engine.budget.tryAcquireRetry();
    if (taken < 0) {
      engine.logs.debug(() -> "not retrying " + describe() + " after attempt " + attempts + ": " + decision.reason()
          + ", but the cost of retrying exceeds the available retry capacity (" + engine.budget.available()
          + " tokens left, a retry costs " + engine.retryCost + ")");
      return null;
    }
    tokens += taken;
    engine.logs.debug(() -> "retrying " + describe() + " in " + RetryPolicy.seconds(decision.delay()) + " (attempt "
        + (attempts + 1) + " of " + (maxRetries + 1) + "): " + decision.reason());
    return decision.delay();
  }

  void sleep(Duration wait) {
    try {
      engine.sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiConnectionException(describe(), new InterruptedIOException("interrupted while waiting to retry"),
          attempts);
    }
  }

  void succeeded() {
    engine.budget.onSuccess(tokens);
  }

  private @Nullable SessionkitException interceptorFailure(IOException failure) {
    if (failure instanceof InterceptedFailure intercepted) return intercepted.failure();
    // OkHttp's async path reports an interceptor's RuntimeException as IOException("canceled due
    // to ...") carrying the original (OkHttp 5 as its cause, OkHttp 4 as a suppressed exception);
    // it is no connection failure and retrying cannot help.
    String message = failure.getMessage();
    if (message == null || !message.startsWith("canceled due to ")) return null;
    Throwable thrown = failure.getCause() != null ? failure.getCause()
        : failure.getSuppressed().length > 0 ? failure.getSuppressed()[0] : null;
    if (thrown == null || thrown instanceof IOException) return null;
    if (thrown instanceof SessionkitException typed) return typed;
    return new InterceptorException(describe(), thrown, attempts);
  }

  private ApiConnectionException connectionFailure(IOException e) {
    boolean timedOut = e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()));
    return timedOut ? new ApiTimeoutException(describe(), e, attempts) : new ApiConnectionException(describe(), e,
        attempts);
  }

  String describe() {
    return ResponseDecoder.describe(request);
  }
}
