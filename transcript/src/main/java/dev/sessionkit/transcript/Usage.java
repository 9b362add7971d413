package dev.sessionkit.transcript;

import org.jspecify.annotations.Nullable;

/**
 * Token usage as the vendor reports it; a component is null when the vendor does not give it.
 *
 * @param inputTokens tokens sent to the model
 * @param outputTokens tokens the model produced
 * @param cacheReadTokens input tokens read from the prompt cache
 * @param cacheWriteTokens input tokens written to the prompt cache
 */
public record Usage(@Nullable Long inputTokens, @Nullable Long outputTokens, @Nullable Long cacheReadTokens,
    @Nullable Long cacheWriteTokens) {}
