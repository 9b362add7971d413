package dev.sessionkit.core.json;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * Parses RFC 3339 timestamps exactly as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} does, fast.
 *
 * <p>The fast path accepts only the common shape {@code yyyy-MM-dd(T|t)HH:mm:ss[.f{1,9}](Z|z|±HH:mm[:ss])}
 * with every field in range; for such a text it builds the same {@link OffsetDateTime} the JDK
 * would, without the JDK's parse context, field map and resolver. Any other text (a missing second,
 * a sign on the year, a lenient offset, an out-of-range field, garbage) goes to the JDK, which
 * accepts or refuses it as always. The fast path therefore never widens or narrows what is accepted;
 * {@code Rfc3339Test} checks this against the JDK on more than a million random texts.
 */
final class Rfc3339 {
  private Rfc3339() {}

  /**
   * Returns the timestamp {@code text} denotes, exactly as
   * {@code OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)} does.
   *
   * @throws java.time.format.DateTimeParseException when the JDK refuses the text
   */
  static OffsetDateTime parse(String text) {
    OffsetDateTime fast = tryFast(text);
    return fast != null ? fast : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /**
   * Returns the timestamp when {@code text} has the common shape and every field is in range, else
   * {@code null} (the caller then asks the JDK). Never throws.
   */
  static @Nullable OffsetDateTime tryFast(String text) {
    int length = text.length();
    // Shortest: 2024-01-01T00:00:00Z (20); longest: 9 fraction digits and an offset with seconds (38).
    if (length < 20 || length > 38) return null;
    int year = digits4(text, 0);
    int month = digits2(text, 5);
    int day = digits2(text, 8);
    int hour = digits2(text, 11);
    int minute = digits2(text, 14);
    int second = digits2(text, 17);
    if ((year | month | day | hour | minute | second) < 0) return null;
    char t = text.charAt(10);
    if (text.charAt(4) != '-' || text.charAt(7) != '-' || (t != 'T' && t != 't')
        || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)
        || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    int i = 19;
    int nano = 0;
    if (text.charAt(i) == '.') {
      int start = ++i;
      while (i < length && i - start < 10) {
        int d = text.charAt(i) - '0';
        if (d < 0 || d > 9) break;
        nano = nano * 10 + d;
        i++;
      }
      int count = i - start;
      if (count == 0 || count > 9) return null;
      for (int k = count; k < 9; k++) nano *= 10;
    }
    if (i >= length) return null;
    ZoneOffset offset;
    char sign = text.charAt(i);
    if (sign == 'Z' || sign == 'z') {
      if (i + 1 != length) return null;
      offset = ZoneOffset.UTC;
    } else if (sign == '+' || sign == '-') {
      int rest = length - i;
      if (rest != 6 && rest != 9) return null;
      int offsetHours = digits2(text, i + 1);
      int offsetMinutes = digits2(text, i + 4);
      if (text.charAt(i + 3) != ':' || (offsetHours | offsetMinutes) < 0 || offsetMinutes > 59) return null;
      int offsetSeconds = 0;
      if (rest == 9) {
        offsetSeconds = digits2(text, i + 7);
        if (text.charAt(i + 6) != ':' || offsetSeconds < 0 || offsetSeconds > 59) return null;
      }
      int total = offsetHours * 3600 + offsetMinutes * 60 + offsetSeconds;
      if (total > 18 * 3600) return null;
      offset = ZoneOffset.ofTotalSeconds(sign == '-' ? -total : total);
    } else {
      return null;
    }
    return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
  }

  private static int daysIn(int month, int year) {
    switch (month) {
      case 2:
        boolean leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
        return leap ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Returns the two ASCII digits at {@code at} as a number, or -1. */
  private static int digits2(String text, int at) {
    int a = text.charAt(at) - '0';
    int b = text.charAt(at + 1) - '0';
    if (a < 0 || a > 9 || b < 0 || b > 9) return -1;
    return a * 10 + b;
  }

  /** Returns the four ASCII digits at {@code at} as a number, or -1. */
  private static int digits4(String text, int at) {
    int high = digits2(text, at);
    int low = digits2(text, at + 2);
    return (high | low) < 0 ? -1 : high * 100 + low;
  }
}
