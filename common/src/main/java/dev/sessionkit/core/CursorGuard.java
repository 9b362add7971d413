package dev.sessionkit.core;

import dev.sessionkit.errors.PaginationException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Catches a server that hands back a cursor already followed. Memory is constant in the number of
 * pages: it holds the last {@value #RECENT} cursors and one more for Brent's cycle detection. A server
 * that repeats one of the recent cursors (or the start cursor) is caught at once; one that goes round a
 * longer cycle of {@code λ} cursors, entered after {@code μ} pages, is caught within
 * {@code 2·max(μ, λ) + λ} pages. Shared by the sync and async pagers; not thread-safe (one page at a time).
 */
final class CursorGuard {
  private static final int RECENT = 64;
  /** The last {@value #RECENT} cursors followed, oldest first, and the same as a set. */
  private final ArrayDeque<String> recent = new ArrayDeque<>(RECENT);
  private final Set<String> recentSet = new HashSet<>();
  /** Brent's tortoise: the cursor at the last power-of-two step, compared with every new one. */
  private @Nullable String saved;
  private long power = 1;
  private long steps;
  private long pages;

  CursorGuard(@Nullable String start) {
    this.saved = start;
  }

  /** Fails when {@code next}, about to be followed, was already followed. */
  void checkNotRepeated(String next) {
    if (next.equals(saved) || recentSet.contains(next)) {
      throw new PaginationException("the server repeated the cursor \"" + next + "\" after page " + pages
          + "; stopping instead of fetching the same pages again");
    }
    if (steps == power) {
      saved = next;
      power <<= 1;
      steps = 0;
    }
    steps++;
  }

  /** Records that the page at {@code followed} (null: the first page) was fetched. */
  void fetched(@Nullable String followed) {
    pages++;
    if (followed != null && recentSet.add(followed)) {
      recent.addLast(followed);
      if (recent.size() > RECENT) recentSet.remove(recent.removeFirst());
    }
  }
}
