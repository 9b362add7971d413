package dev.sessionkit.core;

import dev.sessionkit.errors.PaginationException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Every item of a listing, fetched lazily one page at a time.
 *
 * <p>Iterating fetches the first page, yields its items, then follows the page's next cursor
 * until a page has none. Only the current page is held in memory (and at most 65 cursors, whatever
 * the number of pages), so a listing of any length can be streamed. Each call to {@link #iterator()} or {@link #stream()} starts again from the start
 * cursor. A server that hands back a cursor already followed fails with a
 * {@link PaginationException} instead of looping forever: at once when it repeats one of the last 64
 * cursors, and a longer cycle within a few rounds of it.
 *
 * <pre>{@code
 * for (SessionEvent event : client.sessions().iterateEvents(sessionId)) {
 *   System.out.println(event.type());
 * }
 * }</pre>
 *
 * @param <T> the item type
 */
public final class AutoPager<T> implements Iterable<T> {
  private final @Nullable String startCursor;
  private final PageFetcher<T> fetcher;

  /** Creates a pager that starts at {@code startCursor} (null: the first page). */
  public AutoPager(@Nullable String startCursor, PageFetcher<T> fetcher) {
    this.startCursor = startCursor;
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher == null");
  }

  /** Returns a lazy iterator over every item from the start cursor on. */
  @Override
  public Iterator<T> iterator() {
    return new PagingIterator<>(startCursor, fetcher);
  }

  /** Returns a lazy, sequential stream over every item from the start cursor on. */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /**
   * Follows the cursors. Memory is constant in the number of pages: besides the current page it
   * holds the last {@value #RECENT} cursors and one more for Brent's cycle detection. A server that
   * repeats one of the recent cursors (or the start cursor) is caught at once; one that goes round a
   * longer cycle of {@code λ} cursors, entered after {@code μ} pages, is caught within
   * {@code 2·max(μ, λ) + λ} pages.
   */
  private static final class PagingIterator<T> implements Iterator<T> {
    private final PageFetcher<T> fetcher;
    private static final int RECENT = 64;
    private @Nullable String cursor;
    /** The last {@value #RECENT} cursors followed, oldest first, and the same as a set. */
    private final ArrayDeque<String> recent = new ArrayDeque<>(RECENT);
    private final Set<String> recentSet = new HashSet<>();
    /** Brent's tortoise: the cursor at the last power-of-two step, compared with every new one. */
    private @Nullable String saved;
    private long power = 1;
    private long steps;
    private boolean fetchedAny;
    private long pages;
    private Iterator<T> current = Collections.emptyIterator();

    PagingIterator(@Nullable String start, PageFetcher<T> fetcher) {
      this.fetcher = fetcher;
      this.cursor = start;
      this.saved = start;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext()) {
        if (fetchedAny) {
          if (cursor == null) return false;
          checkNotRepeated(cursor);
        }
        Page<T> page = fetcher.fetch(cursor);
        fetchedAny = true;
        pages++;
        current = page.items().iterator();
        if (cursor != null) remember(cursor);
        cursor = page.nextCursor();
      }
      return true;
    }

    private void checkNotRepeated(String next) {
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

    private void remember(String followed) {
      if (recentSet.add(followed)) {
        recent.addLast(followed);
        if (recent.size() > RECENT) recentSet.remove(recent.removeFirst());
      }
    }

    @Override
    public T next() {
      if (!hasNext()) throw new NoSuchElementException();
      return current.next();
    }
  }
}
