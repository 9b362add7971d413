package dev.sessionkit.cli;

import java.io.PrintStream;

/** Progress of a long export on standard error: every 10,000 items or every 2 seconds, and a last line. */
final class Progress {
  static final int EVERY = 10_000;
  private static final long INTERVAL_NANOS = 2_000_000_000L;

  private final PrintStream err;
  private final String label;
  private final String noun;
  private final boolean enabled;
  private final long start = System.nanoTime();
  private long last = start;
  private long count;

  /** Reports on {@code err} (unless not {@code enabled}) as {@code sessionkit: <label>: <count> <noun> ...}. */
  Progress(PrintStream err, String label, String noun, boolean enabled) {
    this.err = err;
    this.label = label;
    this.noun = noun;
    this.enabled = enabled;
  }

  /** Counts one item. */
  void tick() {
    count++;
    if (!enabled) return;
    if (count % EVERY == 0 || (count % 100 == 0 && System.nanoTime() - last > INTERVAL_NANOS)) {
      last = System.nanoTime();
      err.printf(java.util.Locale.ROOT, "sessionkit: %s: %,d %s so far (%.1f s)%n", label, count, noun, seconds());
      err.flush();
    }
  }

  /** Returns how many items were counted. */
  long count() {
    return count;
  }

  /** Writes the last line. */
  void done() {
    if (!enabled) return;
    err.printf(java.util.Locale.ROOT, "sessionkit: %s: %,d %s in %.1f s%n", label, count, noun, seconds());
    err.flush();
  }

  private double seconds() {
    return (System.nanoTime() - start) / 1e9;
  }
}
