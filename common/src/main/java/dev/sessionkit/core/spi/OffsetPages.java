package dev.sessionkit.core.spi;

import dev.sessionkit.core.Page;
import dev.sessionkit.core.PageOf;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Offset paging, the {@code x-sessionkit-pagination} style {@code offset}: each next page is requested
 * with an integer offset parameter moved past the items read so far (a parameter such as
 * {@code offset}), until the page's total count of items is reached or a page comes back empty.
 *
 * <p>The cursor the pagers pass around is the offset in decimal ({@code "100"}); a page's
 * {@link PageOf#nextCursor()} is the offset of the next page, to pass back as the offset parameter.
 * Generated services configure it; {@link dev.sessionkit.core.AutoPager} follows it.
 */
public final class OffsetPages {
  private OffsetPages() {}

  /**
   * Returns the reader of the page requested at {@code cursor}: a response's items, the offset of the
   * next page (null when the page is empty or the total is reached) and the response itself.
   *
   * @param cursor the offset the page was requested at, in decimal, or null for the first page (0)
   * @param items the page's items
   * @param total the page's total count of items, or null when it does not say (then only an empty
   *     page ends)
   * @param <P> the page type
   * @param <T> the item type
   * @throws dev.sessionkit.errors.PaginationException if the next offset would not fit an int
   */
  public static <P, T> Function<P, PageOf<P, T>> reader(@Nullable String cursor, Function<P, List<T>> items,
      Function<P, @Nullable Number> total) {
    Objects.requireNonNull(items, "items == null");
    Objects.requireNonNull(total, "total == null");
    long offset = offset(cursor);
    return page -> {
      List<T> read = items.apply(page);
      Number count = total.apply(page);
      long next = offset + read.size();
      boolean more = !read.isEmpty() && (count == null || next < count.longValue());
      if (more && next > Integer.MAX_VALUE) {
        throw new dev.sessionkit.errors.PaginationException("the next offset " + next + " does not fit the offset "
            + "parameter (an int)");
      }
      return new PageOf<>(new Page<>(read, more ? Long.toString(next) : null), page);
    };
  }

  /**
   * Returns the offset {@code cursor} names: 0 for null.
   *
   * @throws IllegalArgumentException if {@code cursor} is not a decimal offset from 0 to {@link Integer#MAX_VALUE}
   */
  public static int offset(@Nullable String cursor) {
    if (cursor == null) return 0;
    int offset;
    try {
      offset = Integer.parseInt(cursor);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("an offset cursor is a decimal number (got \"" + cursor + "\")");
    }
    if (offset < 0) throw new IllegalArgumentException("an offset cursor must be at least 0 (got " + offset + ")");
    return offset;
  }
}
