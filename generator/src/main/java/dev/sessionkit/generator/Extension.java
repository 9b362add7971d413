package dev.sessionkit.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One {@code x-sessionkit-...} value of a spec, read with its JSON pointer so that every mistake names
 * the spec and the key: {@code specs/qoder.yaml#/paths/~1sessions~1{session_id}~1events/get/x-sessionkit-pagination/forward/cursor: required}.
 */
final class Extension {
  private final Spec spec;
  private final Pointer pointer;
  private final Object value;

  private Extension(Spec spec, Pointer pointer, Object value) {
    this.spec = spec;
    this.pointer = pointer;
    this.value = value;
  }

  /** Returns the extension {@code key} of {@code extensions} (found at {@code at}), or null when it is absent. */
  static Extension of(Spec spec, Pointer at, Map<String, Object> extensions, String key) {
    Object value = extensions == null ? null : extensions.get(key);
    return value == null ? null : new Extension(spec, at.then(key), value);
  }

  /** Fails on any {@code x-sessionkit-} key of {@code extensions} (found at {@code at}) not in {@code known}. */
  static void refuseUnknown(Spec spec, Pointer at, Map<String, Object> extensions, Set<String> known) {
    if (extensions == null) return;
    for (String name : extensions.keySet()) {
      if (name.startsWith("x-sessionkit-") && !known.contains(name)) {
        throw spec.error(at.then(name), "unknown extension here (known: " + String.join(", ", new TreeSet<>(known)) + ")");
      }
    }
  }

  /** Where this value is. */
  Pointer pointer() {
    return pointer;
  }

  InvalidSpecException error(String message) {
    return spec.error(pointer, message);
  }

  String string() {
    if (!(value instanceof String s) || s.isBlank()) throw error("must be a non-empty string (got " + value + ")");
    return s;
  }

  boolean bool() {
    if (!(value instanceof Boolean b)) throw error("must be true or false (got " + value + ")");
    return b;
  }

  boolean isString() {
    return value instanceof String;
  }

  List<String> strings() {
    List<String> out = new ArrayList<>();
    for (Extension item : list()) out.add(item.string());
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
    for (int i = 0; i < list.size(); i++) out.add(new Extension(spec, pointer.then(i), list.get(i)));
    return out;
  }

  /** Returns this value as an object whose keys must all be in {@code allowed}. */
  Extension object(String... allowed) {
    if (!(value instanceof Map<?, ?> map)) throw error("must be an object (got " + value + ")");
    Set<String> known = Set.of(allowed);
    for (Object name : map.keySet()) {
      if (!known.contains(String.valueOf(name))) {
        throw spec.error(pointer.then(name), "unknown key (known: " + String.join(", ", new TreeSet<>(known)) + ")");
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
      out.put(name, new Extension(spec, pointer.then(name), entry.getValue()).string());
    }
    return out;
  }

  Extension get(String name) {
    Object child = ((Map<?, ?>) value).get(name);
    return child == null ? null : new Extension(spec, pointer.then(name), child);
  }

  Extension require(String name) {
    Extension child = get(name);
    if (child == null) throw spec.error(pointer.then(name), "required");
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
