package dev.sessionkit.core.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Strings as the specs say: a JSON string, or (leniently) a number kept as its text, of which a
 * {@link DriftListener} hears. Strict decoding refuses a number where the spec says string, naming
 * its path.
 */
final class TextAdapter extends JsonAdapter<String> {

  @Override
  public @Nullable String fromJson(JsonReader reader) throws IOException {
    JsonReader.Token token = reader.peek();
    if (token == JsonReader.Token.STRING) return reader.nextString();
    if (token == JsonReader.Token.NULL) return reader.nextNull();
    if (token == JsonReader.Token.NUMBER) {
      if (reader.failOnUnknown()) {
        throw new JsonDataException("Expected a string but was NUMBER at " + reader.getPath());
      }
      DriftListener drift = reader.tag(DriftListener.class);
      if (drift != null) {
        String path = reader.getPath();
        String text = reader.nextString();
        drift.numberForString(path, text);
        return text;
      }
    }
    return reader.nextString();
  }

  @Override
  public void toJson(JsonWriter writer, @Nullable String value) throws IOException {
    writer.value(value);
  }

  @Override
  public String toString() {
    return "JsonAdapter(String)";
  }
}
