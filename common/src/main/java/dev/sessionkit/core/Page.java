package dev.sessionkit.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of a listing: its items and the cursor that fetches the next one.
 *
 * @param items the page's items, in the order they are yielded (never null)
 * @param nextCursor the cursor of the next page, or null on the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, @Nullable String nextCursor) {

  /** Creates a page; {@code items} is copied. */
  public Page {
    Objects.requireNonNull(items, "items == null");
    items = Collections.unmodifiableList(new ArrayList<>(items));
  }

  /** Returns whether another page follows. */
  public boolean hasNextPage() {
    return nextCursor != null;
  }

  /** Returns the next page's cursor, if another page follows. */
  public Optional<String> next() {
    return Optional.ofNullable(nextCursor);
  }
}
