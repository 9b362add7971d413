package dev.sessionkit.core.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Reads how long a server asked to wait: {@code retry-after-ms}, then {@code Retry-After} as seconds or an HTTP date.
 */
final class RetryAfter {
  private RetryAfter() {}

  /** Returns the wait the headers ask for, or null when they ask for none or cannot be read. */
  static @Nullable Duration parse(Headers headers, Clock clock) {
    String millis = headers.get("retry-after-ms");
    if (millis != null) {
      try {
        double ms = Double.parseDouble(millis.trim());
        if (ms >= 0 && Double.isFinite(ms)) return Duration.ofNanos((long) (ms * 1_000_000));
      } catch (NumberFormatException ignored) {
        // fall through to Retry-After
      }
    }
    String value = headers.get("Retry-After");
    if (value == null) return null;
    value = value.trim();
    try {
      double seconds = Double.parseDouble(value);
      return seconds >= 0 && Double.isFinite(seconds) ? Duration.ofMillis((long) (seconds * 1000)) : null;
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(clock.instant(), at.toInstant());
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }
}
