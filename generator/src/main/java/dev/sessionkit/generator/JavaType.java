package dev.sessionkit.generator;

import org.openapitools.codegen.CodegenProperty;

/**
 * A Java type as generated model code names it, and what its Moshi adapter is asked for with (the
 * {@code moshiType} template partial): a class, a {@code List} of a type, or a {@code Map} from
 * {@code String} to a type, whose elements may be {@code null} when the spec says so.
 *
 * @param name the type as declared, such as {@code Map<String, @Nullable List<Pet>>}
 * @param raw the class of a {@link Shape#CLASS} type, for its class literal
 * @param element the element (list) or value (map) type, else {@code null}
 * @param elementNullable whether an element or value may be {@code null}
 * @param shape what kind of type this is
 */
record JavaType(String name, String raw, JavaType element, boolean elementNullable, Shape shape) {
  /** The kinds of type the templates render. */
  enum Shape { CLASS, LIST, MAP }

  /** Returns the class {@code name}. */
  static JavaType of(String name) {
    return new JavaType(name, name, null, false, Shape.CLASS);
  }

  /** Returns {@code List<element>}. */
  static JavaType listOf(JavaType element, boolean nullable) {
    return new JavaType("List<" + (nullable ? "@Nullable " : "") + element.name() + ">", "List", element, nullable, Shape.LIST);
  }

  /** Returns {@code Map<String, element>}. */
  static JavaType mapOf(JavaType element, boolean nullable) {
    return new JavaType("Map<String, " + (nullable ? "@Nullable " : "") + element.name() + ">", "Map", element, nullable,
        Shape.MAP);
  }

  /** Returns the type OpenAPI Generator describes with {@code property}, containers element by element. */
  static JavaType of(CodegenProperty property) {
    // A free-form list element may be JSON null as any list element may; only an element the spec
    // declares nullable says so in the type (List<JsonValue> keeps the type it has always had). A
    // free-form map value is nullable: a null value is kept when the map is written.
    if (property.isArray) return listOf(of(property.items), property.items.isNullable && !property.items.isAnyType);
    if (property.isMap) return mapOf(of(property.items), property.items.isNullable);
    return of(property.datatypeWithEnum);
  }

  boolean isClass() {
    return shape == Shape.CLASS;
  }

  boolean isList() {
    return shape == Shape.LIST;
  }

  boolean isMap() {
    return shape == Shape.MAP;
  }

  boolean isContainer() {
    return shape != Shape.CLASS;
  }

  /** Whether this type, or an element of it, is {@code type}. */
  boolean uses(String type) {
    return isClass() ? raw.equals(type) : element.uses(type);
  }

  /** A name for a union variant of this type: {@code String}, {@code PetList}, {@code IntegerMap}. */
  String variantName() {
    switch (shape) {
      case LIST: return element.variantName() + "List";
      case MAP: return element.variantName() + "Map";
      default: return raw.substring(raw.lastIndexOf('.') + 1);
    }
  }
}
