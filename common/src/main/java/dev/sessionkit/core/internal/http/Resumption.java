package dev.sessionkit.core.internal.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * The engine's side of one live stream: it opens the stream like any call (auth, logging, the retry
 * policy and budget, the request options), and after a drop decides, with the same policy, budget
 * and log, whether and when to reconnect. Reconnects in a row without an event in between are
 * bounded by the retry limit; each takes a retry token, given back once a resumed connection
 * delivers an event. A server's {@code retry:} is the wait, capped like {@code Retry-After};
 * otherwise the policy's backoff. Every decision is logged at debug level with its reason.
 *
 * <p>Internal to sessionkit. Not thread-safe: one stream decides at a time.
 */
public final class Resumption {
  private final Engine engine;
  private final @Nullable Integer maxRetries;
  private final @Nullable Duration timeout;
  private final int maxReconnects;
  private int reconnects;
  private int tokens;

  /** The resumption of a stream sent with {@code maxRetries} and {@code timeout} (null: the client's). */
  public Resumption(Engine engine, @Nullable Integer maxRetries, @Nullable Duration timeout) {
    this.engine = engine;
    this.maxRetries = maxRetries;
    this.timeout = timeout;
    this.maxReconnects = maxRetries == null ? engine.maxRetries : maxRetries;
  }

  /** Sends the stream's first request, blocking, retried like a call until the handler has the response. */
  public <R> R open(Request request, Engine.SuccessHandler<R> handler) {
    return engine.execute(request, maxRetries, timeout, handler);
  }

  /** Like {@link #open}, without blocking; cancelling the future cancels the attempt in flight. */
  public <R> CompletableFuture<R> openAsync(Request request, Engine.SuccessHandler<R> handler) {
    return engine.executeAsync(request, maxRetries, timeout, handler);
  }

  /**
   * Whether a dropped stream reconnects.
   *
   * @param delay how long to wait before reconnecting, or null when it may not
   * @param reason why, in words
   */
  public record Decision(@Nullable Duration delay, String reason) {}

  /**
   * Decides whether to reconnect with {@code next} after the stream dropped ({@code why}, in words);
   * {@code how} says what the request resumes from, for the log ({@code " with Last-Event-ID 7"}).
   * It may not when the request is not safe to send again, this was the last reconnect allowed in a
   * row, or the budget is spent.
   *
   * @param serverRetryMillis the reconnection time the server set with {@code retry:}, or -1
   */
  public Decision decide(Request next, String how, String why, long serverRetryMillis) {
    String target = ResponseDecoder.describe(next);
    String unsafe = RetryPolicy.unsafe(next, engine.idempotencyHeader);
    if (unsafe != null) return refused(next, why, unsafe + ", so the request that resumes it is not sent");
    if (reconnects >= maxReconnects) {
      return refused(next, why, maxReconnects == 0 ? "retries are off"
          : "that was the last of " + maxReconnects + " reconnects in a row without an event");
    }
    int taken = engine.budget.tryAcquireRetry();
    if (taken < 0) {
      return refused(next, why, "the cost of retrying exceeds the available retry capacity ("
          + engine.budget.available() + " tokens left, a retry costs " + engine.retryCost + ")");
    }
    tokens += taken;
    reconnects++;
    Duration wait;
    String reason;
    if (serverRetryMillis >= 0) {
      Duration asked = Duration.ofMillis(serverRetryMillis);
      boolean capped = asked.compareTo(RetryPolicy.MAX_RETRY_AFTER) > 0;
      wait = capped ? RetryPolicy.MAX_RETRY_AFTER : asked;
      reason = "retry: " + serverRetryMillis + " ms" + (capped ? " capped at " + RetryPolicy.seconds(wait) : "");
    } else {
      wait = engine.policy.backoff(reconnects);
      reason = "backoff";
    }
    String line = "resuming " + target + how + " in " + RetryPolicy.seconds(wait) + " (reconnect " + reconnects + " of "
        + maxReconnects + "): " + why + ", " + reason;
    engine.logs.debug(() -> line);
    return new Decision(wait, reason);
  }

  private Decision refused(Request request, String why, String reason) {
    refuse(request, why, reason);
    return new Decision(null, reason);
  }

  /** Logs that the stream from {@code request}, which dropped ({@code why}), is not resumed because of {@code reason}. */
  public void refuse(Request request, String why, String reason) {
    engine.logs.debug(() -> "not resuming " + ResponseDecoder.describe(request) + ": " + why + ", but " + reason);
  }

  /** A resumed connection delivered an event: the count of reconnects starts again and their tokens go back. */
  public void progressed() {
    if (reconnects == 0) return;
    engine.budget.onSuccess(tokens);
    reconnects = 0;
    tokens = 0;
  }

  /** Returns how many reconnects were made since the last event. */
  public int reconnects() {
    return reconnects;
  }

  /**
   * Waits {@code wait} with the client's sleeper, then sends {@code next} like a call, blocking no
   * thread. Cancelling the future cancels the wait or the attempt in flight; a connection that
   * opens after that is closed.
   */
  public <R extends AutoCloseable> CompletableFuture<R> reconnect(Request next, Duration wait,
      Engine.SuccessHandler<R> handler) {
    CompletableFuture<R> result = new CompletableFuture<>();
    AtomicReference<CompletableFuture<?>> stage = new AtomicReference<>(engine.sleeper.sleepAsync(wait));
    result.whenComplete((value, error) -> {
      if (result.isCancelled()) stage.get().cancel(true);
    });
    stage.get().whenComplete((ignored, slept) -> {
      if (slept != null) {
        result.completeExceptionally(slept);
        return;
      }
      if (result.isDone()) return;
      CompletableFuture<R> attempt = openAsync(next, handler);
      stage.set(attempt);
      if (result.isCancelled()) attempt.cancel(true);
      attempt.whenComplete((connection, failed) -> {
        if (failed != null) {
          result.completeExceptionally(failed);
        } else if (!result.complete(connection)) {
          closeQuietly(connection);
        }
      });
    });
    return result;
  }

  private static void closeQuietly(AutoCloseable connection) {
    try {
      connection.close();
    } catch (Exception ignored) {
      // Nobody is left to tell: the stream was closed while it reconnected.
    }
  }
}
