package dev.sessionkit.core.spi;

import dev.sessionkit.core.Page;
import dev.sessionkit.core.PageOf;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Cursor paging, the {@code x-sessionkit-pagination} style {@code cursor}: each next page is requested
 * with a request parameter set to a field of the page just read (such as {@code after_id} from
 * {@code last_id}), while the page's has-more flag is true.
 *
 * <p>Paging backward ({@code before_id} from {@code first_id}) reverses each page, so the items run
 * steadily back in time. Generated services configure it; {@link dev.sessionkit.core.AutoPager} follows it.
 */
public final class CursorPages {
  private CursorPages() {}

  /**
   * Returns the reader of cursor pages: a response's items (reversed when paging backward), its next
   * cursor (null when the has-more flag is false) and the response itself.
   *
   * @param items the page's items, in the order the server sent them
   * @param hasMore whether another page follows the page
   * @param cursor the page's field the next request takes as its cursor
   * @param backward whether the pages run backward, so each is reversed
   * @param <P> the page type
   * @param <T> the item type
   */
  public static <P, T> Function<P, PageOf<P, T>> reader(Function<P, List<T>> items, Predicate<P> hasMore,
      Function<P, @Nullable String> cursor, boolean backward) {
    Objects.requireNonNull(items, "items == null");
    return page -> {
      List<T> read = items.apply(page);
      if (backward) {
        read = new ArrayList<>(read);
        Collections.reverse(read);
      }
      return new PageOf<>(new Page<>(read, hasMore.test(page) ? cursor.apply(page) : null), page);
    };
  }
}
