package dev.sessionkit.core.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import okio.BufferedSink;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Adapters for the scalar types the specs use beyond Moshi's built-ins: RFC 3339 timestamps with
 * 0 to 9 fraction digits and any offset, {@link EpochSeconds} instants, decimals that keep every digit, and raw JSON. JSON
 * {@code null} is Java {@code null} for each.
 */
final class ScalarAdapters implements JsonAdapter.Factory {

  @Override
  public @Nullable JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (type == Instant.class && Types.nextAnnotations(annotations, EpochSeconds.class) != null
        && annotations.size() == 1) {
      return new EpochSecondsAdapter().nullSafe();
    }
    if (!annotations.isEmpty()) return null;
    if (type == OffsetDateTime.class) return new OffsetDateTimeAdapter().nullSafe();
    if (type == Instant.class) return new InstantAdapter().nullSafe();
    if (type == BigDecimal.class) return new BigDecimalAdapter().nullSafe();
    if (type == JsonValue.class) return new JsonValueAdapter().nullSafe();
    return null;
  }

  /**
   * Reads an RFC 3339 timestamp exactly as {@code ISO_OFFSET_DATE_TIME} parses it (through the
   * {@link Rfc3339} fast path); the JSON path is built only when the text is refused.
   */
  static OffsetDateTime parseTimestamp(JsonReader reader) throws IOException {
    String text = reader.nextString();
    try {
      return Rfc3339.parse(text);
    } catch (DateTimeException e) {
      throw new JsonDataException("Expected an RFC 3339 timestamp but was \"" + text + "\" at " + reader.getPath(), e);
    }
  }

  private static final class OffsetDateTimeAdapter extends JsonAdapter<OffsetDateTime> {
    @Override
    public OffsetDateTime fromJson(JsonReader reader) throws IOException {
      return parseTimestamp(reader);
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable OffsetDateTime value) throws IOException {
      writer.value(value == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
    }
  }

  private static final class InstantAdapter extends JsonAdapter<Instant> {
    @Override
    public Instant fromJson(JsonReader reader) throws IOException {
      return parseTimestamp(reader).toInstant();
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable Instant value) throws IOException {
      writer.value(value == null ? null : DateTimeFormatter.ISO_INSTANT.format(value));
    }
  }

  private static final class EpochSecondsAdapter extends JsonAdapter<Instant> {
    @Override
    public Instant fromJson(JsonReader reader) throws IOException {
      String text = reader.nextString();
      try {
        return Instant.ofEpochSecond(Long.parseLong(text));
      } catch (NumberFormatException e) {
        throw new JsonDataException("Expected whole seconds since the epoch but was \"" + text + "\" at " + reader.getPath(), e);
      } catch (DateTimeException e) {
        throw new JsonDataException("Expected whole seconds since the epoch within Instant's range but was \""
            + text + "\" at " + reader.getPath(), e);
      }
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable Instant value) throws IOException {
      writer.value(value == null ? null : value.getEpochSecond());
    }
  }

  private static final class BigDecimalAdapter extends JsonAdapter<BigDecimal> {
    @Override
    public BigDecimal fromJson(JsonReader reader) throws IOException {
      String text = reader.nextString();
      try {
        return new BigDecimal(text);
      } catch (NumberFormatException e) {
        throw new JsonDataException("Expected a number but was \"" + text + "\" at " + reader.getPath(), e);
      }
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable BigDecimal value) throws IOException {
      writer.value(value);
    }
  }

  private static final class JsonValueAdapter extends JsonAdapter<JsonValue> {
    @Override
    public JsonValue fromJson(JsonReader reader) throws IOException {
      try (BufferedSource source = reader.nextSource()) {
        return new JsonValue(source.readUtf8());
      }
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable JsonValue value) throws IOException {
      if (value == null) {
        writer.nullValue();
        return;
      }
      try (BufferedSink sink = writer.valueSink()) {
        sink.writeUtf8(value.json());
      }
    }
  }
}
