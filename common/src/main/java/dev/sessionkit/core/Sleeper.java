package dev.sessionkit.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * How a client waits before a retry: blocking on the synchronous path, with a future on the
 * asynchronous one. The default waits for real; a test passes its own (with a fixed
 * {@link java.time.Clock}) to run a whole retry schedule at once and see every wait.
 *
 * <pre>{@code
 * List<Duration> waits = new CopyOnWriteArrayList<>();
 * Sleeper instant = new Sleeper() {
 *   public void sleep(Duration d) { waits.add(d); }
 *   public CompletableFuture<Void> sleepAsync(Duration d) { waits.add(d); return CompletableFuture.completedFuture(null); }
 * };
 * }</pre>
 */
public interface Sleeper {
  /** Blocks the calling thread for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;

  /** Returns a future that completes after {@code duration}, blocking no thread meanwhile. */
  CompletableFuture<Void> sleepAsync(Duration duration);

  /** Returns the sleeper that waits for real (the default). */
  static Sleeper system() {
    return SystemSleeper.INSTANCE;
  }
}

/** Waits for real: {@link Thread#sleep}, and the JDK's delayed completion for futures. */
final class SystemSleeper implements Sleeper {
  static final SystemSleeper INSTANCE = new SystemSleeper();

  private SystemSleeper() {}

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis());
  }

  @Override
  public CompletableFuture<Void> sleepAsync(Duration duration) {
    return new CompletableFuture<Void>().completeOnTimeout(null, duration.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public String toString() {
    return "Sleeper.system()";
  }
}
