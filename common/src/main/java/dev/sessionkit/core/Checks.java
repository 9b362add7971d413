package dev.sessionkit.core;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Preconditions for request parameters, checked before anything is sent. Each failure names the
 * parameter, the rule and the value.
 */
public final class Checks {
  private Checks() {}

  /** Returns {@code value} if it matches {@code regex} (the spec's pattern); throws otherwise. */
  public static String requirePattern(String name, @Nullable String value, String regex) {
    Objects.requireNonNull(value, () -> name + " == null");
    if (!Pattern.compile(regex).matcher(value).find()) {
      throw new IllegalArgumentException(name + " must match " + regex + " (got \"" + value + "\")");
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
}
