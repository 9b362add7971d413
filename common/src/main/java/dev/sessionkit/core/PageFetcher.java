package dev.sessionkit.core;

import org.jspecify.annotations.Nullable;

/**
 * Fetches the page at a cursor; the one vendor-specific piece of auto-paging.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface PageFetcher<T> {
  /** Fetches the page at {@code cursor}, or the first page when it is null. */
  Page<T> fetch(@Nullable String cursor);
}
