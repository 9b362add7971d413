package dev.sessionkit.core.json;

import com.squareup.moshi.FromJson;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.ToJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okio.BufferedSink;
import okio.BufferedSource;

/**
 * Adapters for the scalar types the specs use beyond Moshi's built-ins: RFC 3339 timestamps with
 * 0 to 9 fraction digits and any offset, decimals that keep every digit, and raw JSON.
 */
final class ScalarAdapters {

  @FromJson
  OffsetDateTime offsetDateTime(JsonReader reader) throws IOException {
    String path = reader.getPath();
    String text = reader.nextString();
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      throw new JsonDataException("Expected an RFC 3339 timestamp but was \"" + text + "\" at " + path, e);
    }
  }

  @ToJson
  void offsetDateTime(JsonWriter writer, OffsetDateTime value) throws IOException {
    writer.value(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
  }

  @FromJson
  Instant instant(JsonReader reader) throws IOException {
    return offsetDateTime(reader).toInstant();
  }

  @ToJson
  void instant(JsonWriter writer, Instant value) throws IOException {
    writer.value(DateTimeFormatter.ISO_INSTANT.format(value));
  }

  @FromJson
  BigDecimal bigDecimal(JsonReader reader) throws IOException {
    String path = reader.getPath();
    String text = reader.nextString();
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new JsonDataException("Expected a number but was \"" + text + "\" at " + path, e);
    }
  }

  @ToJson
  void bigDecimal(JsonWriter writer, BigDecimal value) throws IOException {
    writer.value(value);
  }

  @FromJson
  JsonValue jsonValue(JsonReader reader) throws IOException {
    try (BufferedSource source = reader.nextSource()) {
      return new JsonValue(source.readUtf8());
    }
  }

  @ToJson
  void jsonValue(JsonWriter writer, JsonValue value) throws IOException {
    try (BufferedSink sink = writer.valueSink()) {
      sink.writeUtf8(value.json());
    }
  }
}
