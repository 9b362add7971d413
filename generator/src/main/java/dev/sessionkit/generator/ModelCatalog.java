package dev.sessionkit.generator;

import dev.sessionkit.generator.ModelViews.EnumConstantView;
import dev.sessionkit.generator.ModelViews.EnumView;
import dev.sessionkit.generator.ModelViews.ExtraMembersView;
import dev.sessionkit.generator.ModelViews.FieldView;
import dev.sessionkit.generator.ModelViews.GeneratedModel;
import dev.sessionkit.generator.ModelViews.RecordView;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenProperty;
import org.openapitools.codegen.model.ModelMap;
import org.openapitools.codegen.model.ModelsMap;

/**
 * Every model the spec defines, as the typed views the model templates render ({@link ModelViews}),
 * built from OpenAPI Generator's {@link CodegenModel}s and the spec's schemas, and checked: anything
 * the templates cannot turn into compiling Java is refused here with its JSON pointer.
 *
 * <p>Records are built here; unions, which need the whole catalog (their variants, the unions they
 * are nested in), by {@link UnionViews}.
 */
// swagger-models' schema API is raw (Map<String, Schema>, List<Schema>).
@SuppressWarnings({"rawtypes", "unchecked"})
final class ModelCatalog {
  /** The key under which each {@link ModelMap} carries its {@link GeneratedModel} for {@code model.mustache}. */
  static final String KEY = "sessionkit";

  /** Names the templates use unqualified: a model may not take one. */
  static final Set<String> RESERVED = Set.of("ArrayList", "BigDecimal", "Boolean", "BufferedSource", "ByteString",
      "Collections", "Double", "EpochSeconds", "Float", "Generated", "Instant", "Integer", "Json", "JsonUnion",
      "JsonValue", "Known", "LinkedHashMap", "List", "LocalDate", "Long", "Map", "ModelSupport", "MoshiAdapter",
      "Nullable", "Object", "Objects", "OffsetDateTime", "OpenEnum", "Optional", "Override", "Required", "String",
      "URI", "Unknown");

  /** Java names a record component may not take: accessors of these names would clash with Object's methods. */
  static final Set<String> OBJECT_METHODS = Set.of("getClass", "hashCode", "notify", "notifyAll", "wait", "finalize",
      "toString");

  /** At most this many properties: the generated adapter keeps one bit per property in a {@code long}. */
  static final int MAX_FIELDS = 63;

  final SessionkitCodegen codegen;
  final OpenAPI openApi;
  final SchemaPointers pointers;
  final Map<String, CodegenModel> models = new LinkedHashMap<>();
  final UnionViews unions;

  private ModelCatalog(SessionkitCodegen codegen, OpenAPI openApi, SchemaPointers pointers, Map<String, ModelsMap> all) {
    this.codegen = codegen;
    this.openApi = openApi;
    this.pointers = pointers;
    for (ModelsMap group : all.values()) for (ModelMap model : group.getModels()) models.put(model.getModel().name, model.getModel());
    this.unions = new UnionViews(this);
  }

  /** Builds, checks and attaches (under {@link #KEY}) the view of every model of {@code all}. */
  static void attach(SessionkitCodegen codegen, OpenAPI openApi, SchemaPointers pointers, Map<String, ModelsMap> all) {
    ModelCatalog catalog = new ModelCatalog(codegen, openApi, pointers, all);
    catalog.checkNames();
    for (ModelsMap group : all.values()) {
      for (ModelMap entry : group.getModels()) entry.put(KEY, catalog.view(entry.getModel()));
    }
  }

  Map<String, Schema> components() {
    return openApi.getComponents() == null || openApi.getComponents().getSchemas() == null
        ? Map.of() : openApi.getComponents().getSchemas();
  }

  Schema<?> schema(String name) {
    return components().get(name);
  }

  InvalidSpecException error(Pointer pointer, String message) {
    return pointers.error(pointer, message);
  }

  private void checkNames() {
    Map<String, String> seen = new HashMap<>();
    for (CodegenModel model : models.values()) {
      if (RESERVED.contains(model.classname)) {
        throw error(pointers.component(model.name), "the type name " + model.classname
            + " is one generated code uses for another type; rename the schema");
      }
      String before = seen.putIfAbsent(model.classname, model.name);
      if (before != null) {
        throw error(pointers.component(model.name), "becomes the type " + model.classname + ", as " + before
            + " does; rename one of them");
      }
    }
  }

  private GeneratedModel view(CodegenModel model) {
    if (model.isEnum) return new GeneratedModel(null, enumView(model), null, null);
    if (unions.isUnion(model.name)) {
      return unions.isDiscriminated(model.name)
          ? new GeneratedModel(null, null, unions.sealed(model), null)
          : new GeneratedModel(null, null, null, unions.shape(model));
    }
    return new GeneratedModel(recordView(model), null, null, null);
  }

  private EnumView enumView(CodegenModel model) {
    List<EnumConstantView> constants = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    List<Map<String, Object>> values = (List<Map<String, Object>>) model.allowableValues.get("enumVars");
    // The literal is written from the spec's value: OpenAPI Generator's own would turn "*/" into "*_/".
    List<?> raw = schema(model.name) == null ? null : schema(model.name).getEnum();
    for (int i = 0; i < values.size(); i++) {
      Map<String, Object> value = values.get(i);
      if (!String.valueOf(value.get("value")).startsWith("\"")) continue; // null, for a nullable enum
      String literal = raw != null && raw.size() == values.size() && raw.get(i) instanceof String text
          ? "\"" + javaString(text) + "\"" : String.valueOf(value.get("value"));
      String name = String.valueOf(value.get("name"));
      if (!names.add(name)) {
        throw error(pointers.component(model.name).then("enum"), "two values become the constant " + name);
      }
      constants.add(new EnumConstantView(name, literal));
    }
    return new EnumView(model.classname, description(model), constants, unions.interfacesOf(model.name));
  }

  static String description(CodegenModel model) {
    return javadoc(model.unescapedDescription);
  }

  /**
   * A spec's description as Javadoc text, or null when there is none: on one line, with HTML
   * markup, tags and comment ends escaped, so that a description (markdown, {@code <name>}
   * placeholders, {@code {"$ref": ...}} examples) reads as written and passes doclint.
   */
  static String javadoc(String description) {
    if (description == null || description.isBlank()) return null;
    return javadocHtml(description.strip().replaceAll("\\s+", " "));
  }

  /** The properties of {@code model}, its allOf members' included, in the spec's order. */
  static List<CodegenProperty> properties(CodegenModel model) {
    return model.parent == null ? model.vars : model.allVars;
  }

  private RecordView recordView(CodegenModel model) {
    List<CodegenProperty> properties = properties(model);
    Pointer at = pointers.component(model.name);
    if (properties.size() > MAX_FIELDS) {
      throw error(at, properties.size() + " properties: a generated record holds at most " + MAX_FIELDS);
    }
    checkAllOf(model.name, at);
    Map<String, String> discriminators = unions.discriminatorsOf(model.name);
    Set<String> javaNames = new LinkedHashSet<>();
    List<FieldView> fields = new ArrayList<>();
    for (CodegenProperty property : properties) {
      Pointer where = pointers.property(model.name, property.baseName);
      if (!javaNames.add(property.name)) {
        throw error(where, "two properties become the Java name " + property.name + "; rename one");
      }
      if (OBJECT_METHODS.contains(property.name)) {
        throw error(where, "becomes the Java name " + property.name + ", which every object's method "
            + property.name + "() has; rename the property");
      }
      fields.add(field(model, property, where, discriminators.remove(property.baseName) != null));
    }
    if (!discriminators.isEmpty()) {
      Map.Entry<String, String> missing = discriminators.entrySet().iterator().next();
      throw error(at, "a variant of " + missing.getValue() + " must have its discriminator property "
          + missing.getKey() + " (a string)");
    }
    ExtraMembersView extra = extraMembers(model, at, javaNames);
    return new RecordView(model.classname, description(model), fields, unions.interfacesOf(model.name), extra,
        Boolean.TRUE.equals(model.vendorExtensions.get(RequestTypes.REQUEST)));
  }

  /**
   * Refuses an allOf that cannot be one record: a member that is a union, or two members that give
   * a property different types.
   */
  private void checkAllOf(String name, Pointer at) {
    List<Schema> parts = schema(name) == null ? null : schema(name).getAllOf();
    if (parts == null) return;
    Map<String, String> types = new HashMap<>();
    for (int i = 0; i < parts.size(); i++) {
      Schema<?> part = parts.get(i);
      Schema<?> resolved = part.get$ref() == null ? part : schema(SchemaPass.refName(part.get$ref()));
      if (resolved == null) continue;
      if (resolved.getOneOf() != null) {
        throw error(at.then("allOf", i), "an allOf member that is a union (oneOf/anyOf): a value cannot be all of"
            + " its variants at once; make each variant an allOf instead");
      }
      if (resolved.getProperties() == null) continue;
      for (Map.Entry<String, Schema> property : resolved.getProperties().entrySet()) {
        String type = JavaType.of(codegen.fromProperty(property.getKey(), property.getValue(), false)).name();
        String before = types.putIfAbsent(property.getKey(), type);
        if (before != null && !before.equals(type)) {
          Pointer where = part.get$ref() == null ? at.then("allOf", i, "properties", property.getKey())
              : pointers.property(SchemaPass.refName(part.get$ref()), property.getKey());
          throw error(where, "allOf members give " + property.getKey() + " two types (" + before + ", " + type + ")");
        }
      }
    }
  }

  private FieldView field(CodegenModel model, CodegenProperty property, Pointer where, boolean discriminator) {
    checkTyped(property, where);
    JavaType type = JavaType.of(property);
    if (discriminator) {
      if (!property.isString && !isStringEnum(property)) {
        throw error(where, "a discriminator property is a string (got " + property.datatypeWithEnum + ")");
      }
      type = JavaType.of("String");
    }
    boolean epoch = Boolean.TRUE.equals(property.vendorExtensions.get("x-sessionkit-epoch-seconds"));
    String description = javadoc(property.unescapedDescription);
    if (description == null) description = javadocHtml(property.baseName);
    return new FieldView(javaString(property.baseName), property.name, type, property.required, property.isNullable,
        epoch, description, defaultValue(model.name, property.baseName),
        Boolean.TRUE.equals(property.vendorExtensions.get(RequestTypes.NOT_SENT)),
        type.isContainer() && !property.required && Boolean.TRUE.equals(model.vendorExtensions.get(RequestTypes.REQUEST)));
  }

  private boolean isStringEnum(CodegenProperty property) {
    return !property.isContainer
        && models.values().stream().anyMatch(m -> m.isEnum && m.classname.equals(property.dataType));
  }

  /** Refuses a property (or element) type the templates cannot render as Java. */
  void checkTyped(CodegenProperty property, Pointer where) {
    for (CodegenProperty at = property; at != null; at = at.isContainer ? at.items : null) {
      if (at.isBinary || at.isFile) {
        throw error(where, "format: binary has no JSON form; use format: byte (base64) in JSON, binary in a"
            + " multipart body or a file response");
      }
      if (at.isInnerEnum || (at.isEnum && !at.isEnumRef)) {
        throw error(where, "an inline enum the generator did not name; move it to components.schemas");
      }
    }
  }

  private ExtraMembersView extraMembers(CodegenModel model, Pointer at, Set<String> javaNames) {
    Schema<?> schema = schema(model.name);
    if (schema == null || schema.getProperties() == null || schema.getProperties().isEmpty()) return null;
    Object additional = schema.getAdditionalProperties();
    JavaType type;
    if (Boolean.TRUE.equals(additional)) {
      type = JavaType.mapOf(JavaType.of("JsonValue"), true);
    } else if (additional instanceof Schema<?> values) {
      CodegenProperty value = codegen.fromProperty("additionalProperties", values, false);
      checkTyped(value, at.then("additionalProperties"));
      type = JavaType.mapOf(JavaType.of(value), value.isNullable);
    } else {
      return null;
    }
    for (String name : List.of("additionalProperties", "otherProperties")) {
      if (!javaNames.contains(name)) return new ExtraMembersView(name, type);
    }
    throw error(at.then("additionalProperties"), "properties named additionalProperties and otherProperties beside"
        + " additionalProperties: the record's map of the other members needs one of those names");
  }

  /** The spec's {@code default} of {@code property} of the component {@code name}, as Javadoc HTML, or null. */
  private String defaultValue(String name, String property) {
    Schema<?> declared = declared(schema(name), property, Collections.newSetFromMap(new IdentityHashMap<>()));
    if (declared != null && declared.get$ref() != null && declared.getDefault() == null) {
      declared = schema(SchemaPass.refName(declared.get$ref()));
    }
    if (declared == null || declared.getDefault() == null) return null;
    try {
      return "<code>" + javadocHtml(Json.mapper().writeValueAsString(declared.getDefault())) + "</code>";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return null;
    }
  }

  /** The schema of {@code property} in {@code schema}: its own, or that of an allOf member. */
  Schema<?> declared(Schema<?> schema, String property, Set<Schema<?>> seen) {
    if (schema == null || !seen.add(schema)) return null;
    if (schema.get$ref() != null) return declared(schema(SchemaPass.refName(schema.get$ref())), property, seen);
    if (schema.getProperties() != null && schema.getProperties().containsKey(property)) {
      return schema.getProperties().get(property);
    }
    if (schema.getAllOf() != null) {
      for (Schema<?> part : schema.getAllOf()) {
        Schema<?> found = declared(part, property, seen);
        if (found != null) return found;
      }
    }
    return null;
  }

  /** {@code text} as Javadoc HTML: markup, tags and comment ends escaped. */
  static String javadocHtml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
        .replace("*/", "*&#47;");
  }

  /**
   * {@code text} as Javadoc code: {@code {@code text}}, or, when the text would break that (braces,
   * a comment end, a backslash that javac would read as a Unicode escape), HTML code.
   */
  static String codeDoc(String text) {
    boolean safe = !text.contains("{") && !text.contains("}") && !text.contains("*/") && !text.contains("\\")
        && text.chars().noneMatch(c -> c < 0x20);
    return safe ? "{@code " + text + "}"
        : "<code>" + javadocHtml(text).replace("\\", "&#92;").replace("{", "&#123;").replace("}", "&#125;")
            .replaceAll("\\p{Cntrl}", " ") + "</code>";
  }

  /** The text a Java string literal's content ({@link #javaString}) stands for. */
  static String unescape(String literal) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c == '\\' && i + 1 < literal.length()) {
        char next = literal.charAt(++i);
        if (next == 'u') {
          out.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
          i += 4;
        } else {
          out.append(next);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code text} as the content of a Java string literal. */
  static String javaString(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
