package dev.sessionkit.transcript;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The totals of a transcript: entries, tokens, and the cost in US dollars as an exact decimal, or
 * null when the vendor gives no cost.
 *
 * @param entries the number of entries
 * @param inputTokens input tokens of every usage the vendor reported
 * @param outputTokens output tokens
 * @param cacheReadTokens input tokens read from the prompt cache
 * @param cacheWriteTokens input tokens written to the prompt cache
 * @param costUsd the sum of the vendor's costs, exact; null when the vendor gives none
 */
public record Totals(long entries, long inputTokens, long outputTokens, long cacheReadTokens, long cacheWriteTokens,
    @Nullable BigDecimal costUsd) {}
