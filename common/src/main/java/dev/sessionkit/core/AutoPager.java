package dev.sessionkit.core;

import dev.sessionkit.errors.PaginationException;
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
 * until a page has none. Only the current page is held in memory, so a listing of any length can
 * be streamed. Each call to {@link #iterator()} or {@link #stream()} starts again from the start
 * cursor. A server that hands back a cursor already followed fails with a
 * {@link PaginationException} instead of looping forever.
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

  private static final class PagingIterator<T> implements Iterator<T> {
    private final PageFetcher<T> fetcher;
    private final Set<String> followed = new HashSet<>();
    private @Nullable String cursor;
    private boolean fetchedAny;
    private int pages;
    private Iterator<T> current = java.util.Collections.emptyIterator();

    PagingIterator(@Nullable String start, PageFetcher<T> fetcher) {
      this.fetcher = fetcher;
      this.cursor = start;
      if (start != null) followed.add(start);
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext()) {
        if (fetchedAny) {
          if (cursor == null) return false;
          if (!followed.add(cursor)) {
            throw new PaginationException("the server repeated the cursor \"" + cursor + "\" after page "
                + pages + "; stopping instead of fetching the same pages again");
          }
        }
        Page<T> page = fetcher.fetch(cursor);
        fetchedAny = true;
        pages++;
        current = page.items().iterator();
        cursor = page.nextCursor();
      }
      return true;
    }

    @Override
    public T next() {
      if (!hasNext()) throw new NoSuchElementException();
      return current.next();
    }
  }
}
