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
// swagger-models' schema API is raw (Map<String, Schema>, List<Schema>).
@SuppressWarnings({"rawtypes", "unchecked"})
final class SchemaPointers {
  private final String spec;
  private final OpenAPI openApi;
  private final Map<Schema<?>, Pointer> pointers;
  private final Set<Schema<?>> anyOf;

  SchemaPointers(String spec, OpenAPI openApi, Map<Schema<?>, Pointer> pointers, Set<Schema<?>> anyOf) {
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
  InvalidSpecException error(Pointer pointer, String message) {
    return new InvalidSpecException(spec + "#" + pointer + ": " + message);
  }

  private Map<String, Schema> components() {
    return openApi.getComponents() == null || openApi.getComponents().getSchemas() == null
        ? Map.of() : openApi.getComponents().getSchemas();
  }

  /** The pointer of the component schema {@code name} where it was written. */
  Pointer component(String name) {
    Schema<?> schema = components().get(name);
    Pointer known = schema == null ? null : pointers.get(schema);
    if (known != null) return known;
    if (schema != null && schema.getProperties() != null) {
      for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
        Pointer at = pointers.get(property.getValue());
        List<String> tokens = at == null ? List.of() : at.tokens();
        int size = tokens.size();
        if (size >= 2 && tokens.get(size - 2).equals("properties") && tokens.get(size - 1).equals(property.getKey())) {
          return new Pointer(tokens.subList(0, size - 2));
        }
      }
    }
    return Pointer.schema(name);
  }

  /** The pointer of {@code property} of the component {@code name}: its own, or that of the allOf member declaring it. */
  Pointer property(String name, String property) {
    Pointer found = declaring(components().get(name), component(name), property,
        Collections.newSetFromMap(new IdentityHashMap<>()));
    return found != null ? found : component(name).then("properties", property);
  }

  private Pointer declaring(Schema<?> schema, Pointer at, String property, Set<Schema<?>> seen) {
    if (schema == null || !seen.add(schema)) return null;
    if (schema.get$ref() != null) {
      String target = SchemaPass.refName(schema.get$ref());
      return declaring(components().get(target), component(target), property, seen);
    }
    if (schema.getProperties() != null && schema.getProperties().containsKey(property)) {
      Schema<?> declared = schema.getProperties().get(property);
      Pointer own = pointers.get(declared);
      return own != null ? own : at.then("properties", property);
    }
    List<Schema> parts = schema.getAllOf();
    for (int i = 0; parts != null && i < parts.size(); i++) {
      Schema<?> part = parts.get(i);
      Pointer partAt = pointers.getOrDefault(part, at.then("allOf", i));
      Pointer found = declaring(part, partAt, property, seen);
      if (found != null) return found;
    }
    return null;
  }

  /** The pointer of member {@code index} of the component {@code name}'s {@code oneOf} (or {@code anyOf}, as written). */
  Pointer member(String name, int index) {
    Schema<?> schema = components().get(name);
    return component(name).then(schema != null && anyOf.contains(schema) ? "anyOf" : "oneOf", index);
  }
}
