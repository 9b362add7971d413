package dev.sessionkit.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One {@code x-sessionkit-...} value of a spec, read with its location so that every mistake names
 * the spec and the key: {@code specs/qoder.yaml: x-sessionkit-pagination.forward.cursor (operation
 * listSessionEvents): required}.
 */
final class Extension {
  private final String spec;
  private final String key;
  private final String where;
  private final Object value;

  private Extension(String spec, String key, String where, Object value) {
    this.spec = spec;
    this.key = key;
    this.where = where;
    this.value = value;
  }

  /** Returns the extension {@code key} of {@code extensions}, or null when it is absent. */
  static Extension of(String spec, String where, Map<String, Object> extensions, String key) {
    Object value = extensions == null ? null : extensions.get(key);
    return value == null ? null : new Extension(spec, key, where, value);
  }

  /** Fails on any {@code x-sessionkit-} key of {@code extensions} not in {@code known}. */
  static void refuseUnknown(String spec, String where, Map<String, Object> extensions, Set<String> known) {
    if (extensions == null) return;
    for (String name : extensions.keySet()) {
      if (name.startsWith("x-sessionkit-") && !known.contains(name)) {
        throw new InvalidSpecException(spec + ": " + name + where + ": unknown extension here (known: "
            + String.join(", ", new TreeSet<>(known)) + ")");
      }
    }
  }

  InvalidSpecException error(String message) {
    return new InvalidSpecException(spec + ": " + key + where + ": " + message);
  }

  String string() {
    if (!(value instanceof String s) || s.isBlank()) throw error("must be a non-empty string (got " + value + ")");
    return s;
  }

  boolean bool() {
    if (!(value instanceof Boolean b)) throw error("must be true or false (got " + value + ")");
    return b;
  }

  List<String> strings() {
    if (!(value instanceof List<?> list)) throw error("must be a list of strings (got " + value + ")");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) out.add(new Extension(spec, key + "[" + i + "]", where, list.get(i)).string());
    return out;
  }

  boolean isList() {
    return value instanceof List<?>;
  }

  /** Returns the keys of this object value, as written. */
  List<String> keys() {
    if (!(value instanceof Map<?, ?> map)) throw error("must be an object (got " + value + ")");
    List<String> keys = new ArrayList<>();
    for (Object name : map.keySet()) keys.add(String.valueOf(name));
    return keys;
  }

  List<Extension> list() {
    if (!(value instanceof List<?> list)) throw error("must be a list (got " + value + ")");
    List<Extension> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) out.add(new Extension(spec, key + "[" + i + "]", where, list.get(i)));
    return out;
  }

  /** Returns this value as an object whose keys must all be in {@code allowed}. */
  Extension object(String... allowed) {
    if (!(value instanceof Map<?, ?> map)) throw error("must be an object (got " + value + ")");
    Set<String> known = Set.of(allowed);
    for (Object name : map.keySet()) {
      if (!known.contains(String.valueOf(name))) {
        throw new InvalidSpecException(spec + ": " + key + "." + name + where + ": unknown key (known: "
            + String.join(", ", new TreeSet<>(known)) + ")");
      }
    }
    return this;
  }

  /** Returns this value as a map of strings to strings, keys as written. */
  Map<String, String> stringMap() {
    if (!(value instanceof Map<?, ?> map)) throw error("must be an object (got " + value + ")");
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String name = String.valueOf(entry.getKey());
      out.put(name, new Extension(spec, key + "." + name, where, entry.getValue()).string());
    }
    return out;
  }

  Extension get(String name) {
    Object child = ((Map<?, ?>) value).get(name);
    return child == null ? null : new Extension(spec, key + "." + name, where, child);
  }

  Extension require(String name) {
    Extension child = get(name);
    if (child == null) throw new InvalidSpecException(spec + ": " + key + "." + name + where + ": required");
    return child;
  }

  String string(String name) {
    return require(name).string();
  }

  String optionalString(String name) {
    Extension child = get(name);
    return child == null ? null : child.string();
  }
}
