package dev.sessionkit.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of a listing as the server sent it: the typed response, its items and the cursor of the
 * next page. Store {@link #nextCursor()} to resume the listing later from the page after this one.
 *
 * @param page the page's items and next cursor
 * @param response the page's typed response, as decoded
 * @param <R> the response type
 * @param <T> the item type
 */
public record PageOf<R, T>(Page<T> page, R response) {

  /** Creates a page; both components are required. */
  public PageOf {
    Objects.requireNonNull(page, "page == null");
    Objects.requireNonNull(response, "response == null");
  }

  /** Returns the page's items, in the order they are yielded. */
  public List<T> items() {
    return page.items();
  }

  /** Returns the cursor of the next page, or null on the last page. */
  public @Nullable String nextCursor() {
    return page.nextCursor();
  }

  /** Returns whether another page follows. */
  public boolean hasNextPage() {
    return page.hasNextPage();
  }

  /** Returns the next page's cursor, if another page follows. */
  public Optional<String> next() {
    return page.next();
  }
}
