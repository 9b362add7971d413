package dev.sessionkit.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast RFC 3339 path never disagrees with {@code OffsetDateTime.parse(text, ISO_OFFSET_DATE_TIME)}. */
class Rfc3339Test {

  private static final int TEXTS = 1_200_000;
  private static final long SEED = 0x5E55_10_4B17L;

  /** The JDK's answer: the value, or null when it refuses the text. */
  private static @Nullable OffsetDateTime jdk(String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeException e) {
      return null;
    }
  }

  @Test
  void overMoreThanAMillionRandomTextsTheParserReturnsWhatTheJdkReturnsOrFailsLikeIt() {
    SplittableRandom random = new SplittableRandom(SEED);
    int fast = 0;
    int declined = 0;
    int declinedRefused = 0;
    for (int n = 0; n < TEXTS; n++) {
      String text = n % 10 == 9 ? noise(random) : mutate(random, valid(random));
      OffsetDateTime quick = Rfc3339.tryFast(text);
      if (quick != null) {
        // Whatever the fast path accepts, the JDK accepts with the same value.
        fast++;
        OffsetDateTime expected = jdk(text);
        if (!quick.equals(expected)) {
          fail("fast path gave " + quick + " for \"" + text + "\" but the JDK gave " + expected + " (seed " + SEED + ")");
        }
      } else if (n % 16 == 0) {
        // Declined texts go to the JDK by construction (pinned below); sample them to show that
        // the mix holds texts the JDK refuses as well as shapes only the JDK accepts.
        declined++;
        if (jdk(text) == null) declinedRefused++;
      }
    }
    assertTrue(fast > TEXTS / 4, "fast path taken " + fast + " times");
    assertTrue(declinedRefused > declined / 2, "JDK refused " + declinedRefused + " of " + declined + " sampled");
    assertTrue(declined - declinedRefused > 100, "JDK-only acceptances " + (declined - declinedRefused));
  }

  /** A well-formed timestamp in the fast path's shape, with random fields, fraction and offset. */
  private static String valid(SplittableRandom random) {
    int year = random.nextInt(10) == 0 ? random.nextInt(10_000) : 1900 + random.nextInt(250);
    int month = 1 + random.nextInt(12);
    int day = 1 + random.nextInt(java.time.YearMonth.of(year, month).lengthOfMonth());
    if (random.nextInt(8) == 0) { // leap days and their neighbours
      int[] years = {1900, 2000, 2023, 2024, 2100, 2400, 0, 4, 9996};
      year = years[random.nextInt(years.length)];
      month = 2;
      day = 28 + random.nextInt(2);
    }
    StringBuilder text = new StringBuilder(40);
    pad(text, year, 4).append('-');
    pad(text, month, 2).append('-');
    pad(text, day, 2).append(random.nextInt(6) == 0 ? 't' : 'T');
    pad(text, random.nextInt(24), 2).append(':');
    pad(text, random.nextInt(60), 2).append(':');
    pad(text, random.nextInt(60), 2);
    int fraction = random.nextInt(13); // 0-12 digits; 10-12 are refused by the JDK
    if (fraction > 0 || random.nextInt(20) == 0) text.append('.');
    for (int k = 0; k < fraction; k++) text.append((char) ('0' + random.nextInt(10)));
    switch (random.nextInt(6)) {
      case 0 -> text.append('Z');
      case 1 -> text.append('z');
      default -> {
        text.append(random.nextBoolean() ? '+' : '-');
        pad(text, random.nextInt(5) == 0 ? random.nextInt(25) : random.nextInt(19), 2).append(':');
        pad(text, random.nextInt(4) == 0 ? random.nextInt(60) : 15 * random.nextInt(4), 2);
        if (random.nextInt(8) == 0) pad(text.append(':'), random.nextInt(60), 2);
      }
    }
    return text.toString();
  }

  private static final String ALPHABET = "0123456789-:+.TtZzZ x\u0660";

  /** Zero to three random edits: digits, separators, deletions, insertions, lengths, fields. */
  private static String mutate(SplittableRandom random, String valid) {
    StringBuilder text = new StringBuilder(valid);
    int edits = random.nextInt(2) == 0 ? 0 : 1 + random.nextInt(3);
    for (int e = 0; e < edits && text.length() > 0; e++) {
      int at = random.nextInt(text.length());
      switch (random.nextInt(9)) {
        case 0 -> text.setCharAt(at, (char) ('0' + random.nextInt(10)));
        case 1 -> text.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        case 2 -> text.deleteCharAt(at);
        case 3 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        case 4 -> text.setLength(at); // truncation: a missing second, fraction or offset
        case 5 -> text.insert(0, random.nextBoolean() ? '+' : '-'); // signed year
        case 6 -> field(text, 5, random.nextInt(100)); // month out of range
        case 7 -> field(text, 8, random.nextInt(100)); // day out of range
        default -> field(text, 11, 20 + random.nextInt(80)); // hour, minute or second out of range
      }
    }
    return text.toString();
  }

  /** Overwrites the two-digit field at {@code at} when the text still has it. */
  private static void field(StringBuilder text, int at, int value) {
    if (text.length() >= at + 2) {
      text.setCharAt(at, (char) ('0' + value / 10));
      text.setCharAt(at + 1, (char) ('0' + value % 10));
    }
  }

  /** A random string over the timestamp alphabet, 0 to 40 characters. */
  private static String noise(SplittableRandom random) {
    int length = random.nextInt(41);
    StringBuilder text = new StringBuilder(length);
    for (int k = 0; k < length; k++) text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    return text.toString();
  }

  private static StringBuilder pad(StringBuilder text, int value, int width) {
    String digits = Integer.toString(value);
    for (int k = digits.length(); k < width; k++) text.append('0');
    return text.append(digits);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2024-02-29T23:59:59.999999999Z",
      "2000-02-29t00:00:00z",
      "2026-05-18T03:40:48.3+05:30",
      "2026-05-18T03:40:48-00:00",
      "2026-05-18T03:40:48+18:00",
      "2026-05-18T03:40:48+01:02:03",
      "0000-01-01T00:00:00Z",
  })
  void theCommonShapesTakeTheFastPathAndEqualTheJdk(String text) {
    OffsetDateTime quick = Rfc3339.tryFast(text);
    assertNotNull(quick, text);
    assertEquals(jdk(text), quick);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-04-31T00:00:00Z",
      "2026-05-18T24:00:00Z", "2026-05-18T23:59:60Z", "2026-05-18T03:40:48.1234567890Z",
      "2026-05-18T03:40:48.Z", "2026-05-18T03:40:48+18:01", "2026-05-18T03:40:48", "2026-05-18 03:40:48Z",
      "2026-05-18T03:40Z", "+2026-05-18T03:40:48Z", "2026-05-18T03:40:48+0100", "2026-05-18T03:40:48Zjunk",
  })
  void everythingElseIsLeftToTheJdk(String text) {
    assertNull(Rfc3339.tryFast(text), text);
    OffsetDateTime expected = jdk(text);
    if (expected == null) {
      assertThrows(DateTimeException.class, () -> Rfc3339.parse(text));
    } else {
      assertEquals(expected, Rfc3339.parse(text));
    }
  }

  /** A holder for timestamps. */
  public record Stamped(@Json(name = "at") @Nullable OffsetDateTime at, @Json(name = "instant") @Nullable Instant instant,
      @Json(name = "t") @EpochSeconds @Nullable Instant epoch) {}

  @Test
  void anOutOfRangeEpochSecondIsADataErrorNamingItsPath() {
    JsonAdapter<Stamped> adapter = SessionkitMoshi.adapter(Stamped.class, false);
    JsonDataException e = assertThrows(JsonDataException.class, () -> adapter.fromJson("{\"t\":99999999999999999}"));
    assertEquals("Expected whole seconds since the epoch within Instant's range but was \"99999999999999999\" at $.t",
        e.getMessage());
    assertTrue(e.getCause() instanceof DateTimeException);
  }

  @Test
  void aTimestampTheJdkRefusesIsADataErrorNamingItsPath() {
    JsonAdapter<Stamped> adapter = SessionkitMoshi.adapter(Stamped.class, false);
    JsonDataException e = assertThrows(JsonDataException.class,
        () -> adapter.fromJson("{\"at\":\"2026-05-18T03:40:48Z\",\"instant\":\"2023-02-29T00:00:00Z\"}"));
    assertEquals("Expected an RFC 3339 timestamp but was \"2023-02-29T00:00:00Z\" at $.instant", e.getMessage());
  }

  @Test
  void instantsAreTheTimestampsInstant() throws Exception {
    Stamped stamped = SessionkitMoshi.adapter(Stamped.class, true)
        .fromJson("{\"instant\":\"2026-05-18T05:40:48.5+02:00\"}");
    assertEquals(OffsetDateTime.of(2026, 5, 18, 3, 40, 48, 500_000_000, ZoneOffset.UTC).toInstant(), stamped.instant());
  }
}
