package dev.sessionkit.core;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Every page of a listing, fetched lazily one at a time, each with its typed response and the cursor
 * of the next one, so a job can stop and later resume from a stored cursor.
 *
 * <p>Iterating fetches the page at the start cursor, then follows each page's next cursor until a
 * page has none; the next page is fetched only when asked for. Each call to {@link #iterator()} or
 * {@link #stream()} starts again from the start cursor. A server that hands back a cursor already
 * followed fails with a {@link dev.sessionkit.errors.PaginationException}, as in {@link AutoPager}.
 *
 * @param <R> the response type
 * @param <T> the item type
 */
public final class Pages<R, T> implements Iterable<PageOf<R, T>> {
  private final AutoPager<PageOf<R, T>> pager;

  /**
   * Creates the pages that start at {@code startCursor} (null: the first page).
   *
   * @param startCursor the cursor of the first page to fetch, or null
   * @param fetch fetches the page at a cursor (null: the first page)
   */
  public Pages(@Nullable String startCursor, Function<@Nullable String, PageOf<R, T>> fetch) {
    Objects.requireNonNull(fetch, "fetch == null");
    // Each page is one "item" of an AutoPager, which brings its laziness and cycle detection along.
    this.pager = new AutoPager<>(startCursor, cursor -> {
      PageOf<R, T> page = fetch.apply(cursor);
      return new Page<>(List.of(page), page.nextCursor());
    });
  }

  /** Returns a lazy iterator over every page from the start cursor on. */
  @Override
  public Iterator<PageOf<R, T>> iterator() {
    return pager.iterator();
  }

  /** Returns a lazy, sequential stream over every page from the start cursor on. */
  public Stream<PageOf<R, T>> stream() {
    return pager.stream();
  }
}
