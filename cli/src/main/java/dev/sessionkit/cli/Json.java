package dev.sessionkit.cli;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.sessionkit.core.json.SessionkitMoshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * A decoded value as its vendor's wire JSON, encoded by the SDK's own adapters (so unknown variants
 * keep their raw JSON), and read back as maps, lists, strings, booleans and exact numbers for tables.
 */
final class Json {
  private Json() {}

  /**
   * Returns {@code value} as compact wire JSON, on one line: raw JSON the SDK kept as the vendor sent
   * it (an unknown variant, a free-form object) may span lines, and is written again compactly.
   */
  static String compact(Type type, Object value) {
    String json = SessionkitMoshi.moshi().adapter(type).toJson(value);
    return json.indexOf('\n') < 0 ? json : write(parse(json), "");
  }

  /** Returns {@code value} as indented wire JSON, raw JSON the SDK kept included. */
  static String pretty(Type type, Object value) {
    return write(tree(type, value), "  ");
  }

  /** Returns {@code value}'s wire JSON as a tree: maps (in wire order), lists, strings, booleans, BigDecimals, nulls. */
  static Object tree(Type type, Object value) {
    return parse(compact(type, value));
  }

  /** Reads JSON text as a tree, numbers exactly. */
  static Object parse(String json) {
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
      return read(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object read(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) map.put(reader.nextName(), read(reader));
        reader.endObject();
        return map;
      }
      case BEGIN_ARRAY -> {
        List<Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) list.add(read(reader));
        reader.endArray();
        return list;
      }
      case NUMBER -> {
        return new BigDecimal(reader.nextString());
      }
      case BOOLEAN -> {
        return reader.nextBoolean();
      }
      case NULL -> {
        return reader.nextNull();
      }
      default -> {
        return reader.nextString();
      }
    }
  }

  /** Writes a tree back as compact JSON, numbers as they were read. */
  static String write(Object tree) {
    return write(tree, "");
  }

  /** Writes a tree back as JSON indented by {@code indent} (compact when empty), numbers as they were read. */
  static String write(Object tree, String indent) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setIndent(indent);
      writer.setSerializeNulls(true);
      write(writer, tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  private static void write(JsonWriter writer, Object tree) throws IOException {
    if (tree instanceof Map<?, ?> map) {
      writer.beginObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        writer.name(String.valueOf(e.getKey()));
        write(writer, e.getValue());
      }
      writer.endObject();
    } else if (tree instanceof List<?> list) {
      writer.beginArray();
      for (Object item : list) write(writer, item);
      writer.endArray();
    } else if (tree instanceof BigDecimal number) {
      writer.value(number);
    } else if (tree instanceof Boolean bool) {
      writer.value(bool);
    } else if (tree == null) {
      writer.nullValue();
    } else {
      writer.value(String.valueOf(tree));
    }
  }

  /** Returns whether a tree node is a string, number, boolean or null. */
  static boolean scalar(Object tree) {
    return !(tree instanceof Map<?, ?>) && !(tree instanceof List<?>);
  }

  /**
   * Returns a node as one short line for a table cell: a scalar as text, a list of scalars joined, a
   * list of objects as its size and its first element, an object as its text (or content, message, name, type), else as compact JSON.
   */
  static String cell(Object tree) {
    if (tree == null) return "-";
    if (tree instanceof BigDecimal number) return number.toPlainString();
    if (tree instanceof List<?> list) {
      if (list.isEmpty()) return "[]";
      if (list.stream().allMatch(Json::scalar)) return String.join(", ", list.stream().map(Json::cell).toList());
      return "[" + list.size() + "] " + cell(list.get(0));
    }
    if (tree instanceof Map<?, ?> map) {
      for (String key : List.of("text", "content", "message", "name", "type")) {
        Object value = map.get(key);
        if (value != null && !(value instanceof Map<?, ?>)) return cell(value);
      }
      return write(tree);
    }
    return String.valueOf(tree);
  }
}
