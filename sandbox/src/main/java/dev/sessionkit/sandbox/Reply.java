package dev.sessionkit.sandbox;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import okio.Buffer;

/**
 * One answer of a fake API before faults are applied: status, content type and body.
 * Internal: no compatibility promise.
 */
record Reply(int status, String contentType, Buffer body) {
  /** A JSON reply whose body {@code writer} writes. */
  public static Reply json(int status, JsonBody writer) {
    Buffer buffer = new Buffer();
    try (JsonWriter json = JsonWriter.of(buffer)) {
      json.setSerializeNulls(true);
      writer.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Reply(status, "application/json", buffer);
  }

  /** A JSON reply with {@code bytes} as its body, unchanged. */
  public static Reply raw(int status, byte[] bytes) {
    return new Reply(status, "application/json", new Buffer().write(bytes));
  }

  /** A plain-text reply. */
  public static Reply text(int status, String text) {
    return new Reply(status, "text/plain; charset=utf-8", new Buffer().writeUtf8(text));
  }

  /** Writes a JSON body. */
  @FunctionalInterface
  public interface JsonBody {
    /** Writes one JSON value to {@code json}. */
    void write(JsonWriter json) throws IOException;
  }

}
