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

  /**
   * Returns {@code value} if it matches {@code regex} (the spec's pattern); throws otherwise.
   *
   * @deprecated compiles the pattern on every call; use {@link #requirePattern(String, String, Pattern)}
   */
  @Deprecated
  public static String requirePattern(String name, @Nullable String value, String regex) {
    return requirePattern(name, value, Pattern.compile(regex));
  }

  /**
   * Returns {@code value} if the WHOLE value matches {@code pattern} (the spec's pattern) and holds no
   * ISO control character; throws otherwise.
   */
  public static String requirePattern(String name, @Nullable String value, Pattern pattern) {
    Objects.requireNonNull(value, () -> name + " == null");
    if (value.chars().anyMatch(Character::isISOControl) || !pattern.matcher(value).matches()) {
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
}
