package dev.sessionkit.core.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A JSON object whose values may be {@code null}, as a map that keeps its nulls both ways (what
 * {@code ModelSupport.nullableValues} returns); a name that appears twice fails, as with Moshi's.
 */
public final class NullableValuesAdapter<V> extends JsonAdapter<Map<String, @Nullable V>> {
  private final JsonAdapter<V> values;

  public NullableValuesAdapter(JsonAdapter<V> values) {
    this.values = values;
  }

  @Override
  public @Nullable Map<String, @Nullable V> fromJson(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) return reader.nextNull();
    Map<String, @Nullable V> map = new LinkedHashMap<>();
    reader.beginObject();
    while (reader.hasNext()) {
      String name = reader.nextName();
      V value = values.fromJson(reader);
      if (map.containsKey(name)) {
        throw new JsonDataException("Map key '" + name + "' has multiple values at path " + reader.getPath());
      }
      map.put(name, value);
    }
    reader.endObject();
    return map;
  }

  @Override
  public void toJson(JsonWriter writer, @Nullable Map<String, @Nullable V> map) throws IOException {
    if (map == null) {
      writer.nullValue();
      return;
    }
    writer.beginObject();
    for (Map.Entry<String, @Nullable V> entry : map.entrySet()) {
      writer.name(entry.getKey());
      if (entry.getValue() == null) {
        boolean serializeNulls = writer.getSerializeNulls();
        writer.setSerializeNulls(true);
        try {
          writer.nullValue();
        } finally {
          writer.setSerializeNulls(serializeNulls);
        }
      } else {
        values.toJson(writer, entry.getValue());
      }
    }
    writer.endObject();
  }

  @Override
  public String toString() {
    return "JsonAdapter(Map<String, " + values + " or null>)";
  }
}
