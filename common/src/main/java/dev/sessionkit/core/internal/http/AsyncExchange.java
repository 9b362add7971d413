package dev.sessionkit.core.internal.http;

import dev.sessionkit.core.Sleeper;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/** The asynchronous run of one exchange: each attempt is enqueued, each wait is the sleeper's future. */
final class AsyncExchange<R> implements Callback {
  private final Exchange exchange;
  private final Engine.SuccessHandler<R> handler;
  private final Sleeper sleeper;
  final CompletableFuture<R> result = new CompletableFuture<>();
  private final AtomicReference<@Nullable Call> inFlight = new AtomicReference<>();

  AsyncExchange(Exchange exchange, Engine.SuccessHandler<R> handler, Sleeper sleeper) {
    this.exchange = exchange;
    this.handler = handler;
    this.sleeper = sleeper;
    result.whenComplete((value, error) -> {
      Call call = inFlight.get();
      if (result.isCancelled() && call != null) call.cancel();
    });
  }

  /** Sends the next attempt, unless the call already ended. */
  void attempt() {
    if (result.isDone()) return;
    try {
      Call call = exchange.newCall();
      inFlight.set(call);
      if (result.isCancelled()) {
        call.cancel();
        return;
      }
      call.enqueue(this);
    } catch (Throwable e) {
      result.completeExceptionally(e);
    }
  }

  @Override
  public void onResponse(Call call, Response response) {
    try {
      if (response.isSuccessful()) {
        R value;
        try {
          value = handler.handle(call, response, exchange.attempts);
        } catch (IOException e) {
          response.close();
          retryLater(exchange.afterFailure(e));
          return;
        }
        exchange.succeeded();
        if (!result.complete(value) && value instanceof AutoCloseable open) open.close();
        return;
      }
      Duration wait;
      try (response) {
        wait = exchange.afterStatus(response);
      } catch (IOException e) {
        wait = exchange.afterFailure(e);
      }
      retryLater(wait);
    } catch (Throwable e) {
      result.completeExceptionally(e);
    }
  }

  @Override
  public void onFailure(Call call, IOException e) {
    try {
      if (result.isDone()) return;
      retryLater(exchange.afterFailure(e));
    } catch (Throwable t) {
      result.completeExceptionally(t);
    }
  }

  private void retryLater(Duration wait) {
    if (result.isDone()) return;
    sleeper.sleepAsync(wait).whenComplete((ignored, error) -> {
      if (error != null) {
        result.completeExceptionally(error);
      } else {
        attempt();
      }
    });
  }
}
