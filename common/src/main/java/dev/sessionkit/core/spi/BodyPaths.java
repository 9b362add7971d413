package dev.sessionkit.core.spi;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/** Dotted member paths into a decoded JSON error body: how {@link ErrorEnvelope} finds its parts. */
final class BodyPaths {
  private BodyPaths() {}

  /** The first of {@code alternatives} at which the body has a value other than null, or null. */
  static @Nullable List<String> firstPresent(Object root, List<List<String>> alternatives) {
    for (List<String> path : alternatives) if (at(root, path) != null) return path;
    return null;
  }

  /** The value at the first of {@code alternatives} that holds a string, number or boolean, or null. */
  static @Nullable String scalar(Object root, List<List<String>> alternatives) {
    for (List<String> path : alternatives) {
      String value = scalar(at(root, path));
      if (value != null) return value;
    }
    return null;
  }

  static @Nullable Object at(Object root, List<String> path) {
    if (path.isEmpty()) return null;
    Object value = root;
    for (String name : path) {
      if (!(value instanceof Map<?, ?> map)) return null;
      value = map.get(name);
    }
    return value;
  }

  /** A string as it is; a number as sent (integers without a fraction); anything else null. */
  static @Nullable String scalar(@Nullable Object value) {
    if (value instanceof String s) return s;
    if (value instanceof Double d) return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    if (value instanceof Boolean b) return b.toString();
    return null;
  }

  /** The JSON text of the value at {@code path}, byte for byte as the body has it. */
  static String raw(String json, List<String> path) {
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
      for (String name : path) {
        reader.beginObject();
        while (!reader.nextName().equals(name)) reader.skipValue();
      }
      try (BufferedSource source = reader.nextSource()) {
        return source.readUtf8().strip();
      }
    } catch (IOException | RuntimeException unreadable) {
      return "";
    }
  }

  static List<List<String>> paths(List<String> dotted) {
    List<List<String>> out = new ArrayList<>();
    for (String path : dotted) if (!path.isEmpty()) out.add(List.of(path.split("\\.")));
    return List.copyOf(out);
  }
}
