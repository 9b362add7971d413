package dev.sessionkit.core.spi;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import dev.sessionkit.core.json.JsonValue;
import dev.sessionkit.core.json.SessionkitMoshi;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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

  /** Returns {@code step} applied to {@code value}, or null when {@code value} is null: one step of a path. */
  public static <A, B> @Nullable B get(@Nullable A value, Function<? super A, ? extends @Nullable B> step) {
    return value == null ? null : step.apply(value);
  }

  /** Returns the first value that is not null, or null: the first present alternative. */
  @SafeVarargs
  public static <T> @Nullable T first(@Nullable T... values) {
    for (T value : values) if (value != null) return value;
    return null;
  }

  /** Returns whether {@code value} is present: not null, and not {@code false}. */
  public static boolean present(@Nullable Object value) {
    return value != null && !Boolean.FALSE.equals(value);
  }

  /** Returns {@code list}, or an empty list when it is null. */
  public static <T> List<T> list(@Nullable List<T> list) {
    return list == null ? List.of() : list;
  }

  /** Returns {@code value} as text ({@code String.valueOf}), or null. */
  public static @Nullable String text(@Nullable Object value) {
    return value == null ? null : String.valueOf(value);
  }

  /**
   * Returns the texts {@code text} reads from the elements of {@code items}, those that are not null,
   * as paragraphs (joined by a blank line); {@code ""} when there are none.
   */
  public static <E> String join(@Nullable List<E> items, Function<? super E, ? extends @Nullable String> text) {
    StringBuilder out = new StringBuilder();
    for (E item : list(items)) {
      String each = item == null ? null : text.apply(item);
      if (each == null) continue;
      if (out.length() > 0) out.append("\n\n");
      out.append(each);
    }
    return out.toString();
  }

  /**
   * Returns {@code text} with each {@code {}} replaced by the next of {@code values} as text, or null
   * when one of them is null (the text says nothing without its values).
   */
  public static @Nullable String template(String text, @Nullable Object... values) {
    StringBuilder out = new StringBuilder();
    int from = 0;
    for (Object value : values) {
      if (value == null) return null;
      int at = text.indexOf("{}", from);
      if (at < 0) throw new IllegalArgumentException("more values than {} in " + text);
      out.append(text, from, at).append(value);
      from = at + 2;
    }
    return out.append(text, from, text.length()).toString();
  }

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
  public static <T> @Nullable JsonValue json(@Nullable T value, Class<T> type) {
    if (value == null) return null;
    return JsonValue.of(SessionkitMoshi.adapter(type, false).toJson(value));
  }

  /**
   * Returns the JSON array of {@code values} (such as a tool result's content blocks), each encoded
   * with the generated adapter of {@code element}.
   */
  public static <T> @Nullable JsonValue jsonList(@Nullable List<T> values, Class<T> element) {
    if (values == null) return null;
    JsonAdapter<List<T>> adapter = SessionkitMoshi.adapter(Types.newParameterizedType(List.class, element), false);
    return JsonValue.of(adapter.toJson(values));
  }

  /**
   * Returns the text of a union value (such as a message's content, a string or a list of content
   * blocks), read from its JSON as encoded by the generated adapter of {@code type}: a string as it
   * is; an array, the text of each element (a string, or an object's {@code text} string) joined as
   * paragraphs; an object, its {@code text} string; anything else, null.
   */
  public static <T> @Nullable String unionText(@Nullable T value, Class<T> type) {
    JsonValue json = json(value, type);
    if (json == null) return null;
    Object decoded = json.toJavaValue();
    if (decoded instanceof String text) return text;
    if (decoded instanceof List<?> elements) {
      List<String> texts = new java.util.ArrayList<>();
      for (Object element : elements) {
        String text = element instanceof String s ? s
            : element instanceof Map<?, ?> object && object.get("text") instanceof String s ? s : null;
        if (text != null && !text.isEmpty()) texts.add(text);
      }
      return texts.isEmpty() ? null : String.join("\n\n", texts);
    }
    return decoded instanceof Map<?, ?> object && object.get("text") instanceof String text ? text : null;
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
