package dev.sessionkit.core.spi;

import dev.sessionkit.core.json.JsonValue;
import dev.sessionkit.core.json.SessionkitMoshi;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the transcript readers generated from {@code x-sessionkit-transcript} share: conversions of
 * the spec's types to the {@link dev.sessionkit.core.vendor.TranscriptItem}'s, and the reading of an
 * unknown event's raw JSON by the same property names the mapping declares for its known ones.
 *
 * <p>Part of the service-provider contract between {@code common} and generated vendor code;
 * public because a vendor module generated from any spec must reach it. Applications have no
 * reason to call it.
 */
public final class TranscriptSupport {
  private TranscriptSupport() {}

  /** Returns {@code time} as an instant, or null. */
  public static @Nullable Instant instant(@Nullable OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  /** Returns {@code number} as a long (truncated), or null. */
  public static @Nullable Long whole(@Nullable Number number) {
    return number == null ? null : number.longValue();
  }

  /** Returns {@code number} as an exact decimal (a double by its shortest decimal form), or null. */
  public static @Nullable BigDecimal decimal(@Nullable Number number) {
    if (number == null) return null;
    if (number instanceof BigDecimal decimal) return decimal;
    if (number instanceof Double || number instanceof Float) return BigDecimal.valueOf(number.doubleValue());
    return BigDecimal.valueOf(number.longValue());
  }

  /** Returns a number of milliseconds as a duration, or null. */
  public static @Nullable Duration millis(@Nullable Number millis) {
    return millis == null ? null : Duration.ofMillis(millis.longValue());
  }

  /**
   * Returns the JSON of {@code value}, encoded with the generated adapter of {@code type}: what a
   * value the mapping does not know is kept as.
   */
  public static <T> JsonValue json(T value, Class<T> type) {
    return JsonValue.of(SessionkitMoshi.adapter(type, false).toJson(value));
  }

  /**
   * Returns the string at {@code path} (property names, outermost first) of the JSON object
   * {@code raw}, or null when there is none or it is not a string.
   */
  public static @Nullable String string(JsonValue raw, String... path) {
    return at(raw, path) instanceof String value ? value : null;
  }

  /**
   * Returns the RFC 3339 date-time at {@code path} of the JSON object {@code raw}, or null when
   * there is none or it is not one: a time that cannot be read is left out, never guessed.
   */
  public static @Nullable Instant time(JsonValue raw, String... path) {
    String value = string(raw, path);
    if (value == null) return null;
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static @Nullable Object at(JsonValue raw, String... path) {
    if (!raw.isObject()) return null;
    Object value = raw.toJavaValue();
    for (String name : path) {
      if (!(value instanceof Map<?, ?> object)) return null;
      value = object.get(name);
    }
    return value;
  }
}
