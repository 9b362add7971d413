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
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * Adapters for the scalar types the specs use beyond Moshi's built-ins: RFC 3339 timestamps with
 * 0 to 9 fraction digits and any offset ({@code format: date-time}), {@link EpochSeconds} instants,
 * RFC 3339 full dates ({@code format: date}), URIs ({@code format: uri}), base64 bytes
 * ({@code format: byte}), decimals that keep every digit, and raw JSON. JSON {@code null} is Java
 * {@code null} for each; a value that does not parse fails naming its JSON path.
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
    if (type == LocalDate.class) return new LocalDateAdapter().nullSafe();
    if (type == URI.class) return new UriAdapter().nullSafe();
    if (type == ByteString.class) return new Base64Adapter().nullSafe();
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
      throw new JsonDataException("Expected an RFC 3339 timestamp but was \"" + text + "\" at " + valuePath(reader), e);
    }
  }

  /**
   * The path of the scalar value just read, for a message that refuses it: Moshi has already moved
   * an array's index on to the next element ({@code $.a[2]} after reading {@code $.a[1]}).
   */
  static String valuePath(JsonReader reader) {
    String path = reader.getPath();
    if (!path.endsWith("]")) return path;
    int open = path.lastIndexOf('[');
    int index = Integer.parseInt(path.substring(open + 1, path.length() - 1));
    return path.substring(0, open + 1) + (index - 1) + "]";
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
        throw new JsonDataException("Expected whole seconds since the epoch but was \"" + text + "\" at " + valuePath(reader), e);
      } catch (DateTimeException e) {
        throw new JsonDataException("Expected whole seconds since the epoch within Instant's range but was \""
            + text + "\" at " + valuePath(reader), e);
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
        throw new JsonDataException("Expected a number but was \"" + text + "\" at " + valuePath(reader), e);
      }
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable BigDecimal value) throws IOException {
      writer.value(value);
    }
  }

  /** {@code format: date}: RFC 3339 {@code full-date}, as {@code ISO_LOCAL_DATE} reads it. */
  private static final class LocalDateAdapter extends JsonAdapter<LocalDate> {
    @Override
    public LocalDate fromJson(JsonReader reader) throws IOException {
      String text = reader.nextString();
      try {
        return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
      } catch (DateTimeException e) {
        throw new JsonDataException("Expected an RFC 3339 date but was \"" + text + "\" at " + valuePath(reader), e);
      }
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable LocalDate value) throws IOException {
      writer.value(value == null ? null : DateTimeFormatter.ISO_LOCAL_DATE.format(value));
    }
  }

  /** {@code format: uri}: an RFC 3986 reference, as {@link URI} parses it; written exactly as read. */
  private static final class UriAdapter extends JsonAdapter<URI> {
    @Override
    public URI fromJson(JsonReader reader) throws IOException {
      String text = reader.nextString();
      try {
        return new URI(text);
      } catch (URISyntaxException e) {
        throw new JsonDataException("Expected a URI but was \"" + text + "\" at " + valuePath(reader), e);
      }
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable URI value) throws IOException {
      writer.value(value == null ? null : value.toString());
    }
  }

  /**
   * {@code format: byte}: base64 (RFC 4648, the standard or the URL-safe alphabet, padding
   * optional), written in the standard alphabet with padding.
   */
  private static final class Base64Adapter extends JsonAdapter<ByteString> {
    @Override
    public ByteString fromJson(JsonReader reader) throws IOException {
      String text = reader.nextString();
      ByteString bytes = ByteString.decodeBase64(text);
      if (bytes == null) {
        throw new JsonDataException("Expected base64 but was \"" + abbreviate(text) + "\" at " + valuePath(reader));
      }
      return bytes;
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable ByteString value) throws IOException {
      writer.value(value == null ? null : value.base64());
    }

    private static String abbreviate(String text) {
      return text.length() <= 40 ? text : text.substring(0, 40) + "...";
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
