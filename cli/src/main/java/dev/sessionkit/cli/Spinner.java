package dev.sessionkit.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A spinner on standard error while an agent works: one line, redrawn in place, cleared before
 * anything else is written. Only on a terminal: {@link #NONE} writes nothing.
 */
class Spinner {
  /** The spinner of a stream that is not a terminal: nothing. */
  static final Spinner NONE = new Spinner(null, "");

  private static final String FRAMES = "|/-\\";
  private final PrintStream err;
  private final String label;
  private final Object lock = new Object();
  private Thread thread;
  private long start;
  private int drawn;

  private Spinner(PrintStream err, String label) {
    this.err = err;
    this.label = label;
  }

  /** A spinner on {@code err} saying {@code label}, or {@link #NONE} when {@code terminal} is false. */
  static Spinner on(PrintStream err, boolean terminal, String label) {
    return terminal ? new Spinner(err, label) : NONE;
  }

  /** Starts spinning. */
  void start() {
    if (err == null) return;
    start = System.nanoTime();
    thread = new Thread(() -> {
      int frame = 0;
      while (!Thread.currentThread().isInterrupted()) {
        synchronized (lock) {
          String text = String.format(Locale.ROOT, "%c %s %.1f s", FRAMES.charAt(frame++ % FRAMES.length()), label,
              (System.nanoTime() - start) / 1e9);
          err.print("\r" + text);
          err.flush();
          drawn = text.length();
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "sessionkit-spinner");
    thread.setDaemon(true);
    thread.start();
  }

  /** Clears the spinner's line, so that a line can be written; the spinner draws again after. */
  void clear() {
    if (err == null) return;
    synchronized (lock) {
      if (drawn > 0) {
        err.print("\r" + " ".repeat(drawn) + "\r");
        err.flush();
        drawn = 0;
      }
    }
  }

  /** Clears the spinner's line and runs {@code write} before the spinner can draw again. */
  void around(Runnable write) {
    if (err == null) {
      write.run();
      return;
    }
    synchronized (lock) {
      clear();
      write.run();
    }
  }

  /** Stops spinning and clears the line. */
  void stop() {
    if (err == null || thread == null) return;
    thread.interrupt();
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread = null;
    clear();
  }
}
