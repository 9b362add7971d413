package dev.sessionkit.contract.hardening;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a documented example body into a hostile one: byte flips, truncation, values swapped for
 * huge numbers, out-of-range timestamps and epoch seconds, other JSON types, invalid UTF-8, nesting
 * 10,000 levels deep, duplicated and removed keys. Each mutation is chosen by the random it is given,
 * so one seed always gives the same bodies; {@link Mutant#description()} says what was done.
 */
final class Mutations {
  /** A scalar JSON value after a colon or in an array: where a replacement keeps the document's shape. */
  private static final Pattern VALUE = Pattern.compile(
      "(?<=[:\\[,]\\s{0,8})(\"(?:[^\"\\\\]++|\\\\.)*+\"|-?\\d[\\d.eE+-]*+|true|false|null)");
  /** A member: {@code "key": scalar}. */
  private static final Pattern MEMBER = Pattern.compile(
      "\"(?:[^\"\\\\]++|\\\\.)*+\"\\s*:\\s*(?:\"(?:[^\"\\\\]++|\\\\.)*+\"|-?\\d[\\d.eE+-]*+|true|false|null)");

  /** What goes in place of a value: the numbers, timestamps and types a broken server sends. */
  static final List<String> HOSTILE_VALUES = List.of(
      "1e400", "-1e400", "99999999999999999999", "-99999999999999999999", "1.7976931348623157E309",
      "99999999999999999", "-99999999999999999", "9223372036854775808", "2147483648", "-2147483649",
      "0.5", "-0", "1E2", "0x10", "NaN", "Infinity",
      "\"99999-13-45T25:61:61Z\"", "\"2024-02-30T00:00:00Z\"", "\"+999999999-12-31T23:59:59Z\"",
      "\"-999999999-01-01T00:00:00Z\"", "\"2026-05-18T03:40:48.8888517951234Z\"", "\"2026-05-18\"",
      "\"2026-05-18T03:40:48\"", "\"\"", "\"\\uD800\"", "\"\\u0000\"", "\"evt_\\n\"",
      "true", "false", "null", "{}", "[]", "[null]", "{\"type\":\"\"}", "{\"type\":null}",
      "\"HTTP_COMPLETED\"", "\"user.message\"", "\"agent_output\"", "123", "\"123\"", "-1");

  private Mutations() {}

  /** A mutated body and what was done to it. */
  record Mutant(byte[] body, String description) {}

  /** Returns {@code seed} with one to three mutations applied, chosen by {@code random}. */
  static Mutant mutate(byte[] seed, SplittableRandom random) {
    byte[] body = seed;
    List<String> done = new ArrayList<>();
    int rounds = 1 + random.nextInt(3);
    for (int i = 0; i < rounds; i++) {
      int kind = random.nextInt(10);
      switch (kind) {
        case 0 -> {
          int flips = 1 + random.nextInt(8);
          body = body.clone();
          for (int f = 0; f < flips && body.length > 0; f++) {
            body[random.nextInt(body.length)] ^= (byte) (1 << random.nextInt(8));
          }
          done.add("flip " + flips + " bits");
        }
        case 1 -> {
          int at = body.length == 0 ? 0 : random.nextInt(body.length);
          body = java.util.Arrays.copyOf(body, at);
          done.add("truncate at " + at);
        }
        case 2, 3, 4 -> {
          String value = HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size()));
          body = replaceValue(body, random, value, done);
        }
        case 5 -> body = invalidUtf8(body, random, done);
        case 6 -> {
          boolean arrays = random.nextBoolean();
          int depth = random.nextBoolean() ? 10_000 : 300;
          body = replaceValue(body, random, nested(depth, arrays, random.nextInt(4) != 0), done);
        }
        case 7 -> body = duplicateKey(body, random, done);
        case 8 -> body = removeMember(body, random, done);
        default -> {
          int at = body.length == 0 ? 0 : random.nextInt(body.length);
          String junk = List.of("{", "}", "[", "]", ",", ":", "\"", "\\", "/*", "\u0000", "e", "-").get(random.nextInt(12));
          body = splice(body, at, at, junk.getBytes(StandardCharsets.UTF_8));
          done.add("insert " + quote(junk) + " at " + at);
        }
      }
    }
    return new Mutant(body, String.join(", then ", done));
  }

  /** JSON nested {@code depth} levels deep, as arrays or objects; closed or left open. */
  static String nested(int depth, boolean arrays, boolean closed) {
    StringBuilder json = new StringBuilder(depth * 7);
    for (int i = 0; i < depth; i++) json.append(arrays ? "[" : "{\"a\":");
    json.append("1");
    if (closed) for (int i = 0; i < depth; i++) json.append(arrays ? ']' : '}');
    return json.toString();
  }

  private static byte[] replaceValue(byte[] body, SplittableRandom random, String value, List<String> done) {
    String text = new String(body, StandardCharsets.UTF_8);
    List<int[]> spans = spans(VALUE, text);
    if (spans.isEmpty()) {
      done.add("no value to replace");
      return body;
    }
    int[] span = spans.get(random.nextInt(spans.size()));
    done.add("replace " + abbreviate(text.substring(span[0], span[1])) + " at char " + span[0] + " with "
        + abbreviate(value));
    return (text.substring(0, span[0]) + value + text.substring(span[1])).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] invalidUtf8(byte[] body, SplittableRandom random, List<String> done) {
    byte[][] bad = {
        {(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE2, (byte) 0x82}};
    byte[] chosen = bad[random.nextInt(bad.length)];
    // Inside a string value where there is one, so the bytes reach a string adapter rather than the tokenizer.
    String text = new String(body, StandardCharsets.ISO_8859_1);
    int quote = text.indexOf('"', body.length == 0 ? 0 : random.nextInt(body.length));
    int at = quote < 0 ? body.length : quote + 1;
    done.add("invalid UTF-8 " + hex(chosen) + " at byte " + at);
    return splice(body, at, at, chosen);
  }

  private static byte[] duplicateKey(byte[] body, SplittableRandom random, List<String> done) {
    String text = new String(body, StandardCharsets.UTF_8);
    List<int[]> members = spans(MEMBER, text);
    if (members.isEmpty()) {
      done.add("no member to duplicate");
      return body;
    }
    int[] span = members.get(random.nextInt(members.size()));
    String member = text.substring(span[0], span[1]);
    String key = member.substring(0, member.indexOf(':') + 1);
    String copy = random.nextBoolean() ? member : key + HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size()));
    done.add("duplicate " + abbreviate(member) + " as " + abbreviate(copy));
    return (text.substring(0, span[1]) + "," + copy + text.substring(span[1])).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] removeMember(byte[] body, SplittableRandom random, List<String> done) {
    String text = new String(body, StandardCharsets.UTF_8);
    List<int[]> members = spans(MEMBER, text);
    if (members.isEmpty()) {
      done.add("no member to remove");
      return body;
    }
    int[] span = members.get(random.nextInt(members.size()));
    int end = span[1];
    while (end < text.length() && Character.isWhitespace(text.charAt(end))) end++;
    if (end < text.length() && text.charAt(end) == ',') end++;
    done.add("remove " + abbreviate(text.substring(span[0], span[1])));
    return (text.substring(0, span[0]) + text.substring(end)).getBytes(StandardCharsets.UTF_8);
  }

  private static List<int[]> spans(Pattern pattern, String text) {
    List<int[]> spans = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) spans.add(new int[] {m.start(), m.end()});
    return spans;
  }

  private static byte[] splice(byte[] body, int from, int to, byte[] insert) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + insert.length);
    out.write(body, 0, from);
    out.write(insert, 0, insert.length);
    out.write(body, to, body.length - to);
    return out.toByteArray();
  }

  static String abbreviate(String text) {
    String shown = text.length() > 60 ? text.substring(0, 40) + "…(" + text.length() + " chars)" : text;
    return quote(shown);
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("'");
    for (char c : text.toCharArray()) {
      if (c < 0x20 || c == 0x7f) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    return out.append("'").toString();
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) out.append(String.format("%02X", b & 0xff));
    return out.toString();
  }
}
