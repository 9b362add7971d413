package dev.sessionkit.sandbox.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A value that fits a schema, for an operation the spec gives no example for: the schema's own
 * example or default, the first enum value, the first variant of a union, an object with its
 * required members (or all, when none is required), one item of an array.
 */
final class Samples {
  private Samples() {}

  static @Nullable Object of(Spec spec, @Nullable Object schema) {
    return sample(spec, schema, 0);
  }

  private static @Nullable Object sample(Spec spec, @Nullable Object node, int depth) {
    Map<String, Object> schema = Json.object(spec.resolve(node));
    if (schema == null || depth > 6) return null;
    if (schema.containsKey("example")) return Json.copy(schema.get("example"));
    if (schema.containsKey("default")) return Json.copy(schema.get("default"));
    List<Object> enumValues = Json.array(schema.get("enum"));
    if (enumValues != null && !enumValues.isEmpty()) return enumValues.get(0);
    for (String union : new String[] {"oneOf", "anyOf"}) {
      List<Object> variants = Json.array(schema.get(union));
      if (variants != null && !variants.isEmpty()) return sample(spec, variants.get(0), depth + 1);
    }
    Map<String, Object> properties = spec.properties(schema);
    String type = Json.string(schema, "type");
    if (!properties.isEmpty() || "object".equals(type) || schema.containsKey("allOf")) {
      Map<String, Object> out = new LinkedHashMap<>();
      List<Object> required = new ArrayList<>();
      collectRequired(spec, schema, required, 0);
      for (Map.Entry<String, Object> p : properties.entrySet()) {
        if (!required.isEmpty() && !required.contains(p.getKey())) continue;
        out.put(p.getKey(), sample(spec, p.getValue(), depth + 1));
      }
      return out;
    }
    if ("array".equals(type)) {
      List<Object> out = new ArrayList<>();
      Object item = sample(spec, schema.get("items"), depth + 1);
      if (item != null) out.add(item);
      return out;
    }
    if ("integer".equals(type) || "number".equals(type)) {
      Object min = schema.get("minimum");
      return min instanceof Number n ? new Json.Num(n.toString()) : Json.Num.of(0);
    }
    if ("boolean".equals(type)) return Boolean.FALSE;
    if ("string".equals(type)) {
      String format = Json.string(schema, "format");
      if ("date-time".equals(format)) return "2026-01-01T00:00:00Z";
      if ("date".equals(format)) return "2026-01-01";
      if ("uuid".equals(format)) return "00000000-0000-4000-8000-000000000000";
      return "string";
    }
    return null;
  }

  private static void collectRequired(Spec spec, @Nullable Object node, List<Object> out, int depth) {
    Map<String, Object> schema = Json.object(spec.resolve(node));
    if (schema == null || depth > 8) return;
    List<Object> required = Json.array(schema.get("required"));
    if (required != null) out.addAll(required);
    List<Object> all = Json.array(schema.get("allOf"));
    if (all != null) for (Object part : all) collectRequired(spec, part, out, depth + 1);
  }
}
