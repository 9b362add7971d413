package dev.sessionkit.core.vendor;

import org.jspecify.annotations.Nullable;

/**
 * Token usage as the vendor reports it; a component is null when the vendor does not give it.
 *
 * @param inputTokens tokens sent to the model
 * @param outputTokens tokens the model produced
 * @param cacheReadTokens input tokens read from the prompt cache
 * @param cacheWriteTokens input tokens written to the prompt cache
 */
public record TokenUsage(@Nullable Long inputTokens, @Nullable Long outputTokens, @Nullable Long cacheReadTokens,
    @Nullable Long cacheWriteTokens) {
  /** Returns the usage of these tokens, or null when none is given. */
  public static @Nullable TokenUsage of(@Nullable Long inputTokens, @Nullable Long outputTokens, @Nullable Long cacheReadTokens,
      @Nullable Long cacheWriteTokens) {
    if (inputTokens == null && outputTokens == null && cacheReadTokens == null && cacheWriteTokens == null) return null;
    return new TokenUsage(inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens);
  }
}
