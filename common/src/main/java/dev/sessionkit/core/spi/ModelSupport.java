package dev.sessionkit.core.spi;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.sessionkit.core.json.DriftListener;
import dev.sessionkit.core.json.JsonValue;
import dev.sessionkit.core.json.OpenEnum;
import dev.sessionkit.core.internal.json.MissingPaths;
import dev.sessionkit.core.internal.json.NullableValuesAdapter;
import dev.sessionkit.errors.MissingFieldException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * What the generated Moshi adapters share: what they do when a document differs from the spec
 * (an unknown field, variant or enum value, a missing required field), in strict decoding, in
 * lenient decoding and for a {@link DriftListener}, with the JSON paths.
 *
 * <p>Part of the service-provider contract between {@code common} and the code generated from a
 * spec (the record, union and open enum templates in {@code specs/templates} call it); public
 * because a vendor module generated from any spec must reach it. Applications have no reason to
 * call it.
 *
 * <p>Nothing here runs on the happy path: generated adapters call it only for what the spec does
 * not describe, and paths are built, and decoded records remembered, only then.
 */
public final class ModelSupport {
  /** How many records with missing fields are remembered at most; the oldest are forgotten first. */
  static final int LIMIT = 4096;


  private ModelSupport() {}

  /**
   * Skips the member {@code reader} is at, whose name the record does not declare: strict
   * decoding fails naming its path (Moshi's {@code Cannot skip unexpected NAME at $.data[1].mood}),
   * and a {@link DriftListener} hears of it. The caller then passes {@code -1} as the last field
   * read to {@link #missingFields}.
   */
  public static void skipUnknownField(JsonReader reader) throws IOException {
    DriftListener drift = reader.failOnUnknown() ? null : reader.tag(DriftListener.class);
    if (drift == null) {
      reader.skipName();
    } else {
      String name = reader.nextName();
      drift.unknownField(reader.getPath(), name);
    }
    reader.skipValue();
  }

  /**
   * Applies the required-field rule to the object {@code reader} is inside, before its
   * {@code endObject()}, when fields are missing: bit {@code i} of {@code missing} is set when
   * {@code names[i - 1]} is, and {@code last} is the 1-based index in {@code names} of the last
   * field read, 0 when none was, and -1 when the last one was skipped as unknown. Strict decoding
   * fails naming the first missing field ({@code Required field "session_id" missing at $.data[3]});
   * a {@link DriftListener} hears of each, in the order of {@code names}.
   *
   * @return the object's path, for {@link #remember}
   */
  public static String missingFields(JsonReader reader, String[] names, long missing, int last) {
    return missingFields(reader, names, missing, last, null);
  }

  /**
   * Like {@link #missingFields(JsonReader, String[], long, int)}, for a record that keeps the
   * members its properties do not name ({@code additionalProperties}): {@code last} is {@code -2}
   * when the last member read was one of those, named {@code lastExtra}.
   */
  public static String missingFields(JsonReader reader, String[] names, long missing, int last,
      @Nullable String lastExtra) {
    String objectPath = last == -2 ? objectPath(reader, "." + lastExtra) : objectPath(reader, names, last);
    if (reader.failOnUnknown()) throw missingRequired(names, missing, objectPath);
    DriftListener drift = reader.tag(DriftListener.class);
    if (drift != null) {
      for (long left = missing; left != 0L; left &= left - 1) {
        String name = names[Long.numberOfTrailingZeros(left) - 1];
        drift.missingRequiredField(objectPath + "." + name, name);
      }
    }
    return objectPath;
  }

  /**
   * Handles the union value {@code reader} is at, whose discriminator names no variant the spec
   * lists ({@code label}), or which has no string discriminator ({@code label} null): strict
   * decoding fails naming the union and the path, and a {@link DriftListener} hears of it; the
   * caller then keeps the value whole.
   */
  public static void unknownVariant(JsonReader reader, Class<?> union, String discriminator, @Nullable String label) {
    if (reader.failOnUnknown()) {
      throw new JsonDataException(label == null
          ? union.getSimpleName() + " without a string \"" + discriminator + "\" at " + reader.getPath()
          : "Unknown " + union.getSimpleName() + " " + discriminator + " \"" + label + "\" at " + reader.getPath());
    }
    DriftListener drift = reader.tag(DriftListener.class);
    if (drift != null) drift.unknownVariant(reader.getPath(), union, discriminator, label);
  }

  /**
   * Returns the path of the value {@code reader} is at if an unknown value there would be refused
   * (strict decoding) or reported (a {@link DriftListener}), else {@code null}, so that plain
   * lenient decoding builds no path. Call it before reading the value.
   */
  public static @Nullable String watchedPath(JsonReader reader) {
    return reader.failOnUnknown() || reader.tag(DriftListener.class) != null ? reader.getPath() : null;
  }

  /**
   * Handles an open enum value the spec does not list, read at {@code path} (from
   * {@link #watchedPath}): strict decoding fails ({@code Unknown SessionStatus value "paused" at
   * $.status}), and a {@link DriftListener} hears of it; the caller then keeps the value.
   */
  public static void unknownEnumValue(JsonReader reader, String path, Class<? extends OpenEnum> type, String value) {
    if (reader.failOnUnknown()) {
      throw new JsonDataException("Unknown " + type.getSimpleName() + " value \"" + value + "\" at " + path);
    }
    DriftListener drift = reader.tag(DriftListener.class);
    if (drift != null) drift.unknownEnumValue(path, type, value);
  }

  /**
   * Returns which of {@code names} are members of the object {@code reader} is at: bit {@code i} is
   * set when {@code names} option {@code i} is, whatever its value. Nothing is consumed; a union
   * without discriminator asks before choosing the variant whose required fields are all present.
   */
  public static long memberNames(JsonReader reader, JsonReader.Options names) throws IOException {
    JsonReader peek = reader.peekJson();
    peek.setFailOnUnknown(false);
    long present = 0L;
    peek.beginObject();
    while (peek.hasNext()) {
      int index = peek.selectName(names);
      if (index < 0) {
        peek.skipName();
      } else {
        present |= 1L << index;
      }
      peek.skipValue();
    }
    return present;
  }

  /**
   * Returns whether {@code adapter} reads {@code text}, the JSON string a union without
   * discriminator is at, without failing: how a variant with a {@code format} (a date, a URI,
   * base64) is told from the next one.
   */
  public static boolean accepts(JsonAdapter<?> adapter, String text) {
    try {
      adapter.fromJsonValue(text);
      return true;
    } catch (JsonDataException | IllegalArgumentException e) {
      return false;
    }
  }

  /** Returns whether the JSON number {@code text} is a whole number within {@code int}'s range. */
  public static boolean isInt32(String text) {
    try {
      new BigDecimal(text).intValueExact();
      return true;
    } catch (ArithmeticException | NumberFormatException e) {
      return false;
    }
  }

  /** Returns whether the JSON number {@code text} is a whole number within {@code long}'s range. */
  public static boolean isInt64(String text) {
    try {
      new BigDecimal(text).longValueExact();
      return true;
    } catch (ArithmeticException | NumberFormatException e) {
      return false;
    }
  }

  /**
   * Handles the value {@code reader} is at, which no variant of {@code union} (a union without
   * discriminator) accepts: strict decoding fails naming the union, the value's kind and its path; a
   * {@link DriftListener} hears of it; the value is then read whole, byte for byte, for the
   * union's {@code Unknown}.
   */
  public static JsonValue unmatchedVariant(JsonReader reader, Class<?> union) throws IOException {
    if (reader.failOnUnknown()) {
      throw new JsonDataException("No variant of " + union.getSimpleName() + " accepts "
          + kind(reader.peek()) + " at " + reader.getPath());
    }
    DriftListener drift = reader.tag(DriftListener.class);
    if (drift != null) drift.unmatchedVariant(reader.getPath(), union);
    try (BufferedSource source = reader.nextSource()) {
      return new JsonValue(source.readUtf8());
    }
  }

  private static String kind(JsonReader.Token token) {
    switch (token) {
      case BEGIN_OBJECT: return "an object";
      case BEGIN_ARRAY: return "an array";
      case STRING: return "a string";
      case NUMBER: return "a number";
      case BOOLEAN: return "a boolean";
      default: return token.toString();
    }
  }

  /**
   * Returns the string member {@code name} of {@code raw} when it is a JSON object that has one,
   * else {@code null}: what an unknown variant of a union nested in a discriminated union answers
   * for the outer union's discriminator.
   */
  public static @Nullable String stringMember(JsonValue raw, String name) {
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(raw.json()));
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) return null;
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.nextName().equals(name) && reader.peek() == JsonReader.Token.STRING) return reader.nextString();
        reader.skipValue();
      }
      return null;
    } catch (IOException | JsonDataException e) {
      return null;
    }
  }

  /**
   * Returns the JSON object {@code raw} with its member {@code name} set to {@code value} (replaced
   * where it was, added last where it was not), every other member copied as written: how a
   * request body that is an unknown variant of a union is asked for a stream by the boolean
   * property the spec names (such as {@code stream_response}), as its known variants are.
   *
   * @throws IllegalArgumentException if {@code raw} is not a JSON object
   */
  public static JsonValue withBoolean(JsonValue raw, String name, boolean value) {
    Buffer out = new Buffer();
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(raw.json()));
        JsonWriter writer = JsonWriter.of(out)) {
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        throw new IllegalArgumentException("cannot set " + name + " on " + raw.json() + ": not a JSON object");
      }
      reader.beginObject();
      writer.beginObject();
      while (reader.hasNext()) {
        String member = reader.nextName();
        if (member.equals(name)) {
          reader.skipValue();
          continue;
        }
        writer.name(member);
        try (BufferedSource source = reader.nextSource()) {
          writer.value(source);
        }
      }
      reader.endObject();
      writer.name(name).value(value);
      writer.endObject();
    } catch (IOException | JsonDataException e) {
      throw new IllegalArgumentException("cannot set " + name + " on " + raw.json() + ": " + e.getMessage(), e);
    }
    return new JsonValue(out.readUtf8());
  }

  /**
   * Writes JSON {@code null} as the value of the member whose name was just written, although the
   * writer leaves null members out by default: a required field the spec lets be null is always
   * sent, and a null map value is kept.
   */
  public static void writeNull(JsonWriter writer) throws IOException {
    boolean serializeNulls = writer.getSerializeNulls();
    writer.setSerializeNulls(true);
    try {
      writer.nullValue();
    } finally {
      writer.setSerializeNulls(serializeNulls);
    }
  }

  /**
   * Returns an adapter for a JSON object whose values the spec lets be {@code null} (an
   * {@code additionalProperties} schema that is {@code nullable}), as a map that keeps its nulls
   * both ways; Moshi's own map adapter would leave them out when writing. A name that appears
   * twice fails, as with Moshi's.
   */
  public static <V> JsonAdapter<Map<String, @Nullable V>> nullableValues(JsonAdapter<V> values) {
    return new NullableValuesAdapter<>(values);
  }

  /** The path of the object {@code reader} is inside, before its {@code endObject()} (see {@link #missingFields}). */
  static String objectPath(JsonReader reader, String[] names, int last) {
    return objectPath(reader, "." + (last > 0 ? names[last - 1] : last < 0 ? "null" : ""));
  }

  private static String objectPath(JsonReader reader, String suffix) {
    String path = reader.getPath();
    return path.endsWith(suffix) ? path.substring(0, path.length() - suffix.length()) : path;
  }

  /** The failure of strict decoding for the first field of {@code missing} (see {@link #missingFields}). */
  static JsonDataException missingRequired(String[] names, long missing, String objectPath) {
    String name = names[Long.numberOfTrailingZeros(missing) - 1];
    return new JsonDataException("Required field \"" + name + "\" missing at " + objectPath);
  }

  /** Remembers that {@code record}, decoded at {@code objectPath}, lacks required fields. */
  public static void remember(Object record, String objectPath) {
    MissingPaths.remember(record, objectPath, LIMIT);
  }

  /**
   * Returns the exception a generated accessor throws when {@code record}'s required field
   * {@code name} (its wire name) holds no value; the path is the field's JSON path when
   * {@code record} was decoded (and still remembered), else the bare name.
   */
  public static MissingFieldException missing(Object record, String name) {
    String objectPath = MissingPaths.pathOf(record);
    return new MissingFieldException(name, objectPath == null ? name : objectPath + "." + name);
  }

  /** How many records are remembered now; for tests. */
  static int remembered() {
    return MissingPaths.size();
  }
}
