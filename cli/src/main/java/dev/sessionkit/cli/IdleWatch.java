package dev.sessionkit.cli;

import dev.sessionkit.core.EventStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * {@code --idle-timeout}: closes a followed stream once no event has arrived for the given seconds,
 * which ends its iteration quietly ({@link EventStream#close()} may be called from any thread).
 * Without a timeout it does nothing.
 */
final class IdleWatch implements AutoCloseable {
  private final EventStream<?> stream;
  private final @Nullable Integer seconds;
  private final @Nullable ScheduledExecutorService timer;
  private @Nullable ScheduledFuture<?> pending;

  IdleWatch(EventStream<?> stream, @Nullable Integer seconds) {
    this.stream = stream;
    this.seconds = seconds;
    this.timer = seconds == null ? null : Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "sessionkit-idle-timeout");
      thread.setDaemon(true);
      return thread;
    });
    reset();
  }

  /** Starts the quiet time again: an event arrived. */
  synchronized void reset() {
    if (timer == null || seconds == null) return;
    if (pending != null) pending.cancel(false);
    pending = timer.schedule(stream::close, seconds, TimeUnit.SECONDS);
  }

  @Override
  public synchronized void close() {
    if (timer != null) timer.shutdownNow();
  }
}
