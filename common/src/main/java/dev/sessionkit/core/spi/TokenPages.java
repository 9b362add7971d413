package dev.sessionkit.core.spi;

import dev.sessionkit.core.Page;
import dev.sessionkit.core.PageOf;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Token paging, the {@code x-sessionkit-pagination} style {@code token}: each page carries the opaque
 * token of the next one (Agents API v2's {@code metadata.page_key}), sent back as a request parameter;
 * a page without a token (absent, null or empty) is the last.
 */
public final class TokenPages {
  private TokenPages() {}

  /**
   * Returns the reader of token pages: a response's items, its next token (null when absent or
   * empty) and the response itself.
   *
   * @param items the page's items
   * @param token the page's token of the next page, or null
   * @param <P> the page type
   * @param <T> the item type
   */
  public static <P, T> Function<P, PageOf<P, T>> reader(Function<P, List<T>> items,
      Function<P, @Nullable String> token) {
    Objects.requireNonNull(items, "items == null");
    return page -> new PageOf<>(new Page<>(items.apply(page), next(token.apply(page)).orElse(null)), page);
  }

  /** Returns {@code token} when it names a next page: present and not empty. */
  public static Optional<String> next(@Nullable String token) {
    return token == null || token.isEmpty() ? Optional.empty() : Optional.of(token);
  }
}
