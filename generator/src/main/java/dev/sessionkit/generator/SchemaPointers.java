package dev.sessionkit.generator;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each schema was written in the spec file, noted before inline schemas were moved to
 * components: a schema the inline model resolver named {@code Thing_status} is still reported at
 * {@code #/components/schemas/Thing/properties/status}.
 */
final class SchemaPointers {
  private final String spec;
  private final OpenAPI openApi;
  private final Map<Schema<?>, String> pointers;
  private final Set<Schema<?>> anyOf;

  SchemaPointers(String spec, OpenAPI openApi, Map<Schema<?>, String> pointers, Set<Schema<?>> anyOf) {
    this.spec = spec;
    this.openApi = openApi;
    this.pointers = pointers;
    this.anyOf = anyOf;
  }

  /** The spec file, as every error starts. */
  String spec() {
    return spec;
  }

  /** Returns the error for the construct at {@code pointer}. */
  InvalidSpecException error(String pointer, String message) {
    return InvalidSpecException.at(spec, pointer, message);
  }

  private Map<String, Schema> components() {
    return openApi.getComponents() == null || openApi.getComponents().getSchemas() == null
        ? Map.of() : openApi.getComponents().getSchemas();
  }

  /** The pointer of the component schema {@code name} where it was written. */
  String component(String name) {
    Schema<?> schema = components().get(name);
    String known = schema == null ? null : pointers.get(schema);
    if (known != null) return known;
    if (schema != null && schema.getProperties() != null) {
      for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
        String at = pointers.get(property.getValue());
        String suffix = InvalidSpecException.pointer("", "properties", property.getKey());
        if (at != null && at.endsWith(suffix)) return at.substring(0, at.length() - suffix.length());
      }
    }
    return InvalidSpecException.pointer("", "components", "schemas", name);
  }

  /** The pointer of {@code property} of the component {@code name}: its own, or that of the allOf member declaring it. */
  String property(String name, String property) {
    String found = declaring(components().get(name), component(name), property,
        Collections.newSetFromMap(new IdentityHashMap<>()));
    return found != null ? found : InvalidSpecException.pointer(component(name), "properties", property);
  }

  private String declaring(Schema<?> schema, String at, String property, Set<Schema<?>> seen) {
    if (schema == null || !seen.add(schema)) return null;
    if (schema.get$ref() != null) {
      String target = SchemaPass.refName(schema.get$ref());
      return declaring(components().get(target), component(target), property, seen);
    }
    if (schema.getProperties() != null && schema.getProperties().containsKey(property)) {
      Schema<?> declared = schema.getProperties().get(property);
      String own = pointers.get(declared);
      return own != null ? own : InvalidSpecException.pointer(at, "properties", property);
    }
    List<Schema> parts = schema.getAllOf();
    for (int i = 0; parts != null && i < parts.size(); i++) {
      Schema<?> part = parts.get(i);
      String partAt = pointers.getOrDefault(part, at + "/allOf/" + i);
      String found = declaring(part, partAt, property, seen);
      if (found != null) return found;
    }
    return null;
  }

  /** The pointer of member {@code index} of the component {@code name}'s {@code oneOf} (or {@code anyOf}, as written). */
  String member(String name, int index) {
    Schema<?> schema = components().get(name);
    return component(name) + (schema != null && anyOf.contains(schema) ? "/anyOf/" : "/oneOf/") + index;
  }
}
