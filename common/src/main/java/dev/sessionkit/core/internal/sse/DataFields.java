package dev.sessionkit.core.internal.sse;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.List;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Reads chosen top-level string properties of an event's JSON data without consuming it (the event
 * name of a stream named in its data, the resume cursor), in one pass. Data that is not a JSON
 * object gives no values: decoding it reports what is wrong.
 */
final class DataFields {
  private final JsonReader.Options names;
  private final @Nullable String[] values;

  DataFields(List<String> names) {
    this.names = JsonReader.Options.of(names.toArray(new String[0]));
    this.values = new String[names.size()];
  }

  /** Reads {@code data}; then {@link #value(int)} has each property's string value, or null. */
  void read(Buffer data) {
    java.util.Arrays.fill(values, null);
    try (JsonReader reader = JsonReader.of(data.peek())) {
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) return;
      reader.beginObject();
      while (reader.hasNext()) {
        int index = reader.selectName(names);
        if (index >= 0 && values[index] == null && reader.peek() == JsonReader.Token.STRING) {
          values[index] = reader.nextString();
        } else {
          if (index < 0) reader.skipName();
          reader.skipValue();
        }
      }
    } catch (IOException | RuntimeException notAnObject) {
      // The decoder reports malformed data, naming its path.
    }
  }

  /** Returns the string value of the property at {@code index} in the list, or null. */
  @Nullable String value(int index) {
    return values[index];
  }
}
