package dev.sessionkit.core.json;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * A JSON value kept exactly as the server sent it: an object, an array or a scalar.
 *
 * <p>Used for free-form payloads (tool arguments, tool input and output) and for union variants
 * this version of the spec does not know, so that nothing is lost to a lossy conversion (large
 * integers, decimals, key order). {@link #toJavaValue()} converts on demand.
 *
 * @param json the JSON text, byte for byte as received
 */
public record JsonValue(String json) {

  /** Creates a value from JSON text; the text is kept as given. */
  public JsonValue {
    Objects.requireNonNull(json, "json == null");
  }

  /** Returns a value for {@code json}. */
  public static JsonValue of(String json) {
    return new JsonValue(json);
  }

  /** Returns whether this value is a JSON object. */
  public boolean isObject() {
    return firstChar() == '{';
  }

  /** Returns whether this value is a JSON array. */
  public boolean isArray() {
    return firstChar() == '[';
  }

  /**
   * Returns this value as plain Java: {@code Map<String, Object>}, {@code List<Object>},
   * {@code String}, {@code Double}, {@code Boolean} or {@code null}. Numbers become doubles; read
   * {@link #json()} where that loses precision.
   */
  public @Nullable Object toJavaValue() {
    try {
      return JsonReader.of(new Buffer().writeUtf8(json)).readJsonValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private char firstChar() {
    String s = json.strip();
    return s.isEmpty() ? ' ' : s.charAt(0);
  }

  /** Returns the JSON text. */
  @Override
  public String toString() {
    return json;
  }
}
