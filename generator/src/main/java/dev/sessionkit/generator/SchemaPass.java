package dev.sessionkit.generator;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.openapitools.codegen.InlineModelResolver;

/**
 * The spec's schemas as the templates can type them, prepared before OpenAPI Generator reads the
 * spec: every schema's JSON pointer is noted while the document still has the shape of the file,
 * constructs that have no typed Java are refused there, and then the inline schemas are moved to
 * named components (OpenAPI Generator's {@link InlineModelResolver}, which this pass runs itself so
 * that the pointers are noted first).
 *
 * <ul>
 *   <li>{@code anyOf} becomes {@code oneOf}: both decode to the first variant that matches (a value
 *       that matches several {@code anyOf} members is the first of them), never a merged record.
 *   <li>An inline string enum becomes a named open enum: {@code <Model>_<property>} for a property,
 *       {@code _item} after it for array items and {@code _value} for map values (OpenAPI
 *       Generator's {@code RESOLVE_INLINE_ENUMS}); a {@code title} names it instead. Two inline
 *       enums written alike share one type. (A parameter's is named after its operation by
 *       {@link SpecPreparation}, which runs first.)
 *   <li>The discriminator property of a discriminated union's variant is the union's label, a plain
 *       string: an inline enum there is checked against the variant's labels and dropped.
 * </ul>
 */
// swagger-models' schema API is raw (Map<String, Schema>, List<Schema>).
@SuppressWarnings({"rawtypes", "unchecked"})
final class SchemaPass {
  /** The {@code x-sessionkit-...} keys a schema may carry. */
  static final Set<String> SCHEMA_EXTENSIONS = Set.of("x-sessionkit-epoch-seconds");

  /**
   * What OpenAPI Generator's normalizer gives an array schema without {@code items} (ModelUtils
   * .getSchemaItems: a string schema so described) before the generator sees the spec.
   */
  static final String MISSING_ITEMS = "TODO default missing array inner type to string";

  private final String spec;
  private final OpenAPI openApi;
  private final UnaryOperator<String> toModelName;
  private final Map<Schema<?>, Pointer> pointers = new IdentityHashMap<>();
  private final Map<Schema<?>, Pointer> unions = new LinkedHashMap<>();
  private final Set<Schema<?>> anyOf = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  private SchemaPass(String spec, OpenAPI openApi, UnaryOperator<String> toModelName) {
    this.spec = spec;
    this.openApi = openApi;
    this.toModelName = toModelName;
  }

  /**
   * Checks and prepares {@code openApi}, then flattens it with OpenAPI Generator's inline model
   * resolver configured by {@code nameMapping} and {@code options}.
   *
   * @return where each schema was written, for the errors found later
   */
  static SchemaPointers prepare(String spec, OpenAPI openApi, UnaryOperator<String> toModelName,
      Map<String, String> nameMapping, Map<String, String> options) {
    SchemaPass pass = new SchemaPass(spec, openApi, toModelName);
    SchemaWalker.walk(openApi, pass.pointers::put);
    SchemaWalker.walk(openApi, pass::check);
    pass.unions.forEach(pass::plainLabels);
    pass.allOfMemberNames();
    flatten(openApi, nameMapping, options);
    pass.checkTypeNames();
    return new SchemaPointers(spec, openApi, pass.pointers, pass.anyOf);
  }

  /**
   * Runs OpenAPI Generator's inline model resolver as its DefaultGenerator would; its
   * {@code flatten} is package-private (the generator calls it from its own package), hence the
   * reflection.
   */
  private static void flatten(OpenAPI openApi, Map<String, String> nameMapping, Map<String, String> options) {
    InlineModelResolver resolver = new InlineModelResolver();
    resolver.setInlineSchemaNameMapping(nameMapping);
    resolver.setInlineSchemaOptions(options);
    try {
      java.lang.reflect.Method flatten = InlineModelResolver.class.getDeclaredMethod("flatten", OpenAPI.class);
      flatten.setAccessible(true);
      flatten.invoke(resolver, openApi);
    } catch (java.lang.reflect.InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) throw runtime;
      throw new IllegalStateException("inline model resolver failed", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("OpenAPI Generator's InlineModelResolver.flatten(OpenAPI) is missing", e);
    }
  }

  private InvalidSpecException error(Pointer pointer, String message) {
    return new InvalidSpecException(spec + "#" + pointer + ": " + message);
  }

  private void check(Schema<?> schema, Pointer at) {
    if (schema.getExtensions() != null) {
      for (Map.Entry<String, Object> extension : schema.getExtensions().entrySet()) {
        String key = extension.getKey();
        if (!key.startsWith("x-sessionkit-")) continue;
        if (!SCHEMA_EXTENSIONS.contains(key)) {
          throw error(at.then(key), "unknown extension on a schema (known: "
              + String.join(", ", new TreeSet<>(SCHEMA_EXTENSIONS)) + ")");
        }
        if (!(extension.getValue() instanceof Boolean) || !"integer".equals(schema.getType())) {
          throw error(at.then(key),
              "must be true or false, on an integer schema (seconds since the epoch)");
        }
      }
    }
    if (schema.getNot() != null) {
      throw error(at.then("not"), "a schema that excludes another (not) has no Java type; describe what the value is instead");
    }
    if (schema.getAnyOf() != null) {
      if (schema.getOneOf() != null) throw error(at.then("anyOf"), "anyOf beside oneOf: write one list of variants");
      schema.setOneOf(schema.getAnyOf());
      schema.setAnyOf(null);
      anyOf.add(schema);
    }
    if (schema.getOneOf() != null && schema.getAllOf() != null) {
      throw error(at.then("allOf"), "allOf beside oneOf: give each variant its allOf instead");
    }
    if ("array".equals(schema.getType()) && (schema.getItems() == null || MISSING_ITEMS.equals(schema.getItems().getDescription()))) {
      throw error(at, "an array without items: say what it holds (items: {} for any JSON value)");
    }
    if (schema.getEnum() != null) {
      for (Object value : schema.getEnum()) {
        if (value != null && !(value instanceof String)) {
          throw error(at.then("enum"), "an enum of " + (schema.getType() == null ? "non-string" : schema.getType())
              + " values (" + value + "): sessionkit generates open enums of strings; list strings, or drop the enum");
        }
      }
    }
    Discriminator discriminator = schema.getDiscriminator();
    if (discriminator != null) {
      if (discriminator.getPropertyName() == null || discriminator.getPropertyName().isBlank()) {
        throw error(at.then("discriminator"), "propertyName is required");
      }
      List<Schema> variants = schema.getOneOf();
      for (int i = 0; variants != null && i < variants.size(); i++) {
        if (variants.get(i).get$ref() == null) {
          throw error(at.then("oneOf", i), "a discriminated union's variants are $refs to named schemas"
              + " (the discriminator's labels name them); move this one to components.schemas");
        }
      }
      unions.put(schema, at);
    }
  }

  /**
   * Refuses two schemas that would be one Java type ({@code pet_status} and {@code PetStatus}):
   * OpenAPI Generator would write one file for both.
   */
  private void checkTypeNames() {
    Map<String, String> types = new LinkedHashMap<>();
    for (Map.Entry<String, Schema> component : components().entrySet()) {
      Schema<?> schema = component.getValue();
      boolean model = schema.getEnum() != null || schema.getProperties() != null || schema.getAllOf() != null
          || schema.getOneOf() != null || schema.getDiscriminator() != null;
      if (!model) continue;
      String type = toModelName.apply(component.getKey());
      String before = types.putIfAbsent(type, component.getKey());
      if (before != null) {
        Pointer at = pointers.getOrDefault(schema, Pointer.schema(component.getKey()));
        throw error(at, "becomes the Java type " + type + ", as " + before + " does; rename one of them");
      }
    }
  }

  /** The component name a {@code $ref} or a discriminator mapping value names. */
  static String refName(String ref) {
    String name = ref.startsWith("#/components/schemas/") ? ref.substring("#/components/schemas/".length()) : ref;
    return name.replace("~1", "/").replace("~0", "~");
  }

  private Map<String, Schema> components() {
    Map<String, Schema> schemas = openApi.getComponents() == null ? null : openApi.getComponents().getSchemas();
    return schemas == null ? Map.of() : schemas;
  }

  /** Drops inline enums from the discriminator property of each variant of {@code union}, checking the labels. */
  private void plainLabels(Schema<?> union, Pointer at) {
    String property = union.getDiscriminator().getPropertyName();
    Map<String, Set<String>> labels = DiscriminatorLabels.byVariant(
        DiscriminatorLabels.of(spec, at, union, componentName(union), components()));
    for (Map.Entry<String, Set<String>> variant : labels.entrySet()) {
      Schema<?> schema = components().get(variant.getKey());
      if (schema == null) continue;
      for (Schema<?> declared : propertySchemas(schema, property, new LinkedHashSet<>())) {
        if (declared.getEnum() == null) continue;
        for (String label : variant.getValue()) {
          if (!declared.getEnum().contains(label)) {
            throw error(pointers.getOrDefault(declared, at).then("enum"), "the discriminator " + property + " of "
                + variant.getKey() + " must allow its label \"" + label + "\" (union at " + at + ")");
          }
        }
        declared.setEnum(null);
      }
    }
  }

  private String componentName(Schema<?> schema) {
    for (Map.Entry<String, Schema> entry : components().entrySet()) if (entry.getValue() == schema) return entry.getKey();
    return null;
  }

  /** Every inline schema of {@code property} in {@code schema}, its own or through allOf. */
  private List<Schema<?>> propertySchemas(Schema<?> schema, String property, Set<Schema<?>> seen) {
    List<Schema<?>> found = new ArrayList<>();
    if (schema == null || !seen.add(schema)) return found;
    if (schema.get$ref() != null) return propertySchemas(components().get(refName(schema.get$ref())), property, seen);
    if (schema.getProperties() != null) {
      Schema<?> declared = schema.getProperties().get(property);
      if (declared != null && declared.get$ref() == null) found.add(declared);
    }
    if (schema.getAllOf() != null) for (Schema<?> part : schema.getAllOf()) found.addAll(propertySchemas(part, property, seen));
    return found;
  }

  /**
   * Names the inline enums and objects of a component's inline allOf members after the component,
   * as if the member's properties were the component's own ({@code <Model>_<property>}); the
   * inline model resolver would name them after the member ({@code <Model>_allOf_<property>}).
   */
  private void allOfMemberNames() {
    for (Map.Entry<String, Schema> component : components().entrySet()) namePartProperties(component.getValue(), component.getKey());
  }

  private void namePartProperties(Schema<?> schema, String owner) {
    if (schema.getAllOf() == null) return;
    for (Schema<?> part : schema.getAllOf()) {
      if (part.get$ref() != null) continue;
      if (part.getProperties() != null) {
        for (Map.Entry<String, Schema> property : part.getProperties().entrySet()) {
          String name = owner + "_" + property.getKey();
          Schema<?> value = property.getValue();
          title(value, name);
          if (value.getItems() != null) title(value.getItems(), name + "_item");
          if (value.getAdditionalProperties() instanceof Schema<?> values) title(values, name + "_value");
        }
      }
      namePartProperties(part, owner);
    }
  }

  /** Gives an inline enum or object the name {@code name}, unless it has a title. */
  private static void title(Schema<?> schema, String name) {
    boolean named = schema.get$ref() == null && (schema.getEnum() != null || schema.getProperties() != null);
    if (named && (schema.getTitle() == null || schema.getTitle().isBlank())) schema.setTitle(name);
  }

}
