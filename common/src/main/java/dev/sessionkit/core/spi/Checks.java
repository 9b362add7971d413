package dev.sessionkit.core.spi;

import dev.sessionkit.core.json.OpenEnum;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Preconditions for request parameters, checked by generated code before anything is sent. Each
 * failure names the parameter, the rule and the value.
 */
public final class Checks {
  private Checks() {}

  /**
   * Returns {@code value} if the whole of it matches {@code pattern} (the spec's pattern) and it
   * holds no control character; throws {@link IllegalArgumentException} otherwise.
   *
   * <p>The whole value must match: a pattern such as {@code ^agt_[0-9a-z]+$} does not accept
   * {@code "agt_a\n"} here, although {@code find()} would ({@code $} also matches before a final
   * line terminator). A control character (a newline, a NUL, a tab) is refused whatever the
   * pattern, so none can reach a request path or query.
   */
  public static String requirePattern(String name, @Nullable String value, Pattern pattern) {
    Objects.requireNonNull(value, () -> name + " == null");
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(name + " must not contain control characters (got \""
            + printable(value) + "\")");
      }
    }
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(name + " must match " + pattern.pattern() + " (got \"" + value + "\")");
    }
    return value;
  }

  /** Returns {@code value} if it is within {@code min..max}; throws otherwise. */
  public static int requireRange(String name, int value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be between " + min + " and " + max + " (got " + value + ")");
    }
    return value;
  }

  /** Returns {@code value} if it is within {@code min..max}; throws otherwise. */
  public static long requireRange(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be between " + min + " and " + max + " (got " + value + ")");
    }
    return value;
  }

  /** Returns {@code value} if it is a number within {@code min..max}; throws otherwise (NaN included). */
  public static double requireRange(String name, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(name + " must be between " + min + " and " + max + " (got " + value + ")");
    }
    return value;
  }

  /**
   * Returns {@code value} if it is one of the values the spec documents; throws otherwise. An open
   * enum keeps any value the server sends, but a request may carry only the documented ones.
   */
  public static <E extends OpenEnum> E requireKnown(String name, @Nullable E value) {
    Objects.requireNonNull(value, () -> name + " == null");
    if (!value.isKnown()) {
      throw new IllegalArgumentException(name + " must be a value the spec documents (got \"" + printable(value.value())
          + "\")");
    }
    return value;
  }

  /** The value with control characters shown as {@code \n}, {@code \t} or {@code \}{@code uXXXX}. */
  private static String printable(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\n') out.append("\\n");
      else if (c == '\r') out.append("\\r");
      else if (c == '\t') out.append("\\t");
      else if (Character.isISOControl(c)) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    return out.toString();
  }
}
