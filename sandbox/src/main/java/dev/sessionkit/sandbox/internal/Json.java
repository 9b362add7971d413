package dev.sessionkit.sandbox.internal;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import okio.Buffer;

/**
 * JSON as plain trees: objects are {@code LinkedHashMap<String, Object>} (key order kept), arrays
 * {@code ArrayList<Object>}, numbers {@link Num} (their literal kept, so a number is written back as
 * it was read), strings, booleans and {@code null}. Paths are dotted ({@code error.message}).
 */
public final class Json {
  private Json() {}

  /** Parses {@code bytes} (UTF-8 JSON). */
  public static @Nullable Object parse(byte[] bytes) {
    try (JsonReader reader = JsonReader.of(new Buffer().write(bytes))) {
      reader.setLenient(false);
      Object value = read(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) throw new IllegalArgumentException("trailing data after the JSON value");
      return value;
    } catch (IOException | com.squareup.moshi.JsonDataException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
  }

  /** Parses {@code text}. */
  public static @Nullable Object parse(String text) {
    return parse(text.getBytes(StandardCharsets.UTF_8));
  }

  private static @Nullable Object read(JsonReader reader) throws IOException {
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
      case STRING -> {
        return reader.nextString();
      }
      case NUMBER -> {
        return new Num(reader.nextString());
      }
      case BOOLEAN -> {
        return reader.nextBoolean();
      }
      case NULL -> {
        return reader.nextNull();
      }
      default -> throw new IllegalArgumentException("unexpected " + reader.peek() + " at " + reader.getPath());
    }
  }

  /** Writes {@code value} compactly, nulls included. */
  public static byte[] write(@Nullable Object value) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      write(writer, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readByteArray();
  }

  /** Writes {@code value} compactly, as text. */
  public static String text(@Nullable Object value) {
    return new String(write(value), StandardCharsets.UTF_8);
  }

  private static void write(JsonWriter writer, @Nullable Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof Map<?, ?> map) {
      writer.beginObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        writer.name(String.valueOf(e.getKey()));
        write(writer, e.getValue());
      }
      writer.endObject();
    } else if (value instanceof List<?> list) {
      writer.beginArray();
      for (Object item : list) write(writer, item);
      writer.endArray();
    } else if (value instanceof String s) {
      writer.value(s);
    } else if (value instanceof Boolean b) {
      writer.value(b);
    } else if (value instanceof Num n) {
      writer.value(n);
    } else if (value instanceof Integer || value instanceof Long) {
      writer.value(((Number) value).longValue());
    } else if (value instanceof Number n) {
      writer.value(new Num(n.toString()));
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  /** Returns a deep copy of {@code value}. */
  @SuppressWarnings("unchecked")
  public static @Nullable Object copy(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) out.put((String) e.getKey(), copy(e.getValue()));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) out.add(copy(item));
      return out;
    }
    return value;
  }

  /** Returns {@code value} as an object, or null if it is not one. */
  @SuppressWarnings("unchecked")
  public static @Nullable Map<String, Object> object(@Nullable Object value) {
    return value instanceof Map<?, ?> ? (Map<String, Object>) value : null;
  }

  /** Returns {@code value} as an array, or null if it is not one. */
  @SuppressWarnings("unchecked")
  public static @Nullable List<Object> array(@Nullable Object value) {
    return value instanceof List<?> ? (List<Object>) value : null;
  }

  /** Returns the member {@code name} of {@code value} as text, or null. */
  public static @Nullable String string(@Nullable Object value, String name) {
    Object member = at(value, name);
    return member == null ? null : member instanceof String s ? s : member instanceof Num || member instanceof Boolean ? member.toString() : null;
  }

  /** Returns the value at the dotted {@code path} of {@code value}, or null when a step is missing. */
  public static @Nullable Object at(@Nullable Object value, String path) {
    if (path.isEmpty()) return value;
    Object current = value;
    for (String step : path.split("\\.")) {
      if (current instanceof Map<?, ?> map) {
        current = map.get(step);
      } else if (current instanceof List<?> list && isIndex(step) && Integer.parseInt(step) < list.size()) {
        current = list.get(Integer.parseInt(step));
      } else {
        return null;
      }
    }
    return current;
  }

  /** Returns whether the dotted {@code path} names a member of {@code value} (null or not). */
  public static boolean has(@Nullable Object value, String path) {
    int dot = path.lastIndexOf('.');
    Object parent = dot < 0 ? value : at(value, path.substring(0, dot));
    return parent instanceof Map<?, ?> map && map.containsKey(path.substring(dot + 1));
  }

  /** Sets the dotted {@code path} of {@code root} to {@code value}, creating objects on the way. */
  @SuppressWarnings("unchecked")
  public static void put(Map<String, Object> root, String path, @Nullable Object value) {
    String[] steps = path.split("\\.");
    Map<String, Object> current = root;
    for (int i = 0; i < steps.length - 1; i++) {
      Object next = current.get(steps[i]);
      if (!(next instanceof Map<?, ?>)) {
        next = new LinkedHashMap<String, Object>();
        current.put(steps[i], next);
      }
      current = (Map<String, Object>) next;
    }
    current.put(steps[steps.length - 1], value);
  }

  /** Removes the dotted {@code path} of {@code root}, if present. */
  public static void remove(Map<String, Object> root, String path) {
    int dot = path.lastIndexOf('.');
    Map<String, Object> parent = dot < 0 ? root : object(at(root, path.substring(0, dot)));
    if (parent != null) parent.remove(path.substring(dot + 1));
  }

  /** Returns whether {@code value} is true in a template's sense: not null, false, 0, "" or empty. */
  public static boolean truthy(@Nullable Object value) {
    if (value == null || Boolean.FALSE.equals(value)) return false;
    if (value instanceof String s) return !s.isEmpty();
    if (value instanceof Num n) return n.doubleValue() != 0;
    if (value instanceof Number n) return n.doubleValue() != 0;
    if (value instanceof List<?> l) return !l.isEmpty();
    if (value instanceof Map<?, ?> m) return !m.isEmpty();
    return true;
  }

  private static boolean isIndex(String step) {
    if (step.isEmpty() || step.length() > 9) return false;
    for (int i = 0; i < step.length(); i++) if (!Character.isDigit(step.charAt(i))) return false;
    return true;
  }

  /** A JSON number, written back exactly as it was read. */
  public static final class Num extends Number {
    private static final long serialVersionUID = 1;
    private final String literal;

    /** Wraps a JSON number literal. */
    public Num(String literal) {
      this.literal = literal;
    }

    /** Wraps a whole number. */
    public static Num of(long value) {
      return new Num(Long.toString(value));
    }

    @Override
    public int intValue() {
      return (int) longValue();
    }

    @Override
    public long longValue() {
      try {
        return Long.parseLong(literal);
      } catch (NumberFormatException e) {
        return (long) doubleValue();
      }
    }

    @Override
    public float floatValue() {
      return (float) doubleValue();
    }

    @Override
    public double doubleValue() {
      return Double.parseDouble(literal);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Num n && n.literal.equals(literal);
    }

    @Override
    public int hashCode() {
      return literal.hashCode();
    }

    @Override
    public String toString() {
      return literal;
    }
  }
}
