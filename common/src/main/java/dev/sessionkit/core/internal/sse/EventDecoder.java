package dev.sessionkit.core.internal.sse;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import dev.sessionkit.errors.DecodingException;
import dev.sessionkit.errors.ErrorDetails;
import dev.sessionkit.errors.StreamErrorException;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.BiFunction;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Turns an event's data into what the stream delivers: the decoded event, read straight from the
 * buffer the parser moved it into (no {@code String} in between), or, for an error event, the
 * typed exception with the vendor's code and message.
 */
final class EventDecoder<T> {
  private final JsonAdapter<T> adapter;
  private final BiFunction<Integer, String, ErrorDetails> errorParser;
  private final String target;

  EventDecoder(JsonAdapter<T> adapter, BiFunction<Integer, String, ErrorDetails> errorParser, String target) {
    this.adapter = adapter;
    this.errorParser = errorParser;
    this.target = target;
  }

  /**
   * Decodes {@code data}, the event {@code name} (null when it has none) read from {@code current}.
   *
   * @throws DecodingException when the data is not what the spec describes
   */
  T decode(Buffer data, @Nullable String name, Connection current, int attempts) {
    JsonReader reader = JsonReader.of(data);
    try {
      T value = adapter.fromJson(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new JsonDataException("JSON document was not fully consumed at " + reader.getPath());
      }
      if (value == null) throw new JsonDataException("JSON null at $");
      return value;
    } catch (JsonEncodingException | EOFException | JsonDataException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (!why.contains("$")) why += " at " + reader.getPath();
      throw new DecodingException("could not decode the event" + (name == null ? "" : " \"" + name + "\"")
          + " of the stream from " + target + ": " + why, e, current.response.code(), current.requestId, null, attempts);
    } catch (IOException e) {
      throw new UncheckedIOException("reading an event held in memory", e);
    }
  }

  /** Returns the exception for the error event {@code name} whose data is {@code data}. */
  StreamErrorException error(Buffer data, String name, Connection current, int attempts) {
    String text = data.readUtf8();
    ErrorDetails details;
    try {
      details = errorParser.apply(current.response.code(), text);
    } catch (RuntimeException unreadable) {
      details = ErrorDetails.NONE;
    }
    return new StreamErrorException(target, name, details, current.requestId, text, attempts);
  }
}
