package dev.sessionkit.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Java type written in full ({@code java.util.List<dev.sessionkit.acme.model.Call>}), read from the
 * codegen's type names ({@code List<Call>}), for generated code that imports none of the vendor's
 * types. A template prints its name with {@link #javaName()} and its {@code java.lang.reflect.Type}
 * with the partial {@code part_typeLiteral.mustache} ({@code Call.class}, or Moshi's
 * {@code Types.newParameterizedType(..)} for a type with type arguments).
 *
 * @param name the raw type in full ({@code java.util.List})
 * @param arguments its type arguments, in full; empty for none
 */
record TypeModel(String name, List<TypeModel> arguments) {
  private static final Map<String, String> KNOWN = Map.ofEntries(
      Map.entry("List", "java.util.List"), Map.entry("Map", "java.util.Map"), Map.entry("Set", "java.util.Set"),
      Map.entry("LocalDate", "java.time.LocalDate"), Map.entry("OffsetDateTime", "java.time.OffsetDateTime"),
      Map.entry("Instant", "java.time.Instant"), Map.entry("BigDecimal", "java.math.BigDecimal"),
      Map.entry("URI", "java.net.URI"), Map.entry("InputStream", "java.io.InputStream"),
      Map.entry("JsonValue", "dev.sessionkit.core.json.JsonValue"));

  /** Whether it has type arguments. */
  boolean generic() {
    return !arguments.isEmpty();
  }

  /** Whether its literal needs Moshi's {@code Types} (it, or a type argument, has type arguments). */
  boolean usesTypes() {
    return generic();
  }

  /** The type as Java source writes it, in full. */
  String javaName() {
    if (arguments.isEmpty()) return name;
    List<String> names = new ArrayList<>();
    for (TypeModel argument : arguments) names.add(argument.javaName());
    return name + "<" + String.join(", ", names) + ">";
  }

  /**
   * Reads the codegen's type name {@code type}: the models (of {@code modelNames}) are in
   * {@code modelPackage}, collections, dates, {@code BigDecimal}, {@code URI}, {@code InputStream}
   * and {@code JsonValue} in theirs, the rest in {@code java.lang}.
   */
  static TypeModel of(String type, String modelPackage, Set<String> modelNames) {
    Parser parser = new Parser(type.replace(" ", ""), modelPackage, modelNames);
    TypeModel model = parser.type();
    if (parser.at != parser.text.length()) throw new IllegalArgumentException("not a Java type: " + type);
    return model;
  }

  /** A reader of one type name, {@code Map<String,List<Call>>}. */
  private static final class Parser {
    final String text;
    final String modelPackage;
    final Set<String> modelNames;
    int at;

    Parser(String text, String modelPackage, Set<String> modelNames) {
      this.text = text;
      this.modelPackage = modelPackage;
      this.modelNames = modelNames;
    }

    TypeModel type() {
      int start = at;
      while (at < text.length() && (Character.isJavaIdentifierPart(text.charAt(at)) || text.charAt(at) == '.')) at++;
      String raw = text.substring(start, at);
      if (raw.isEmpty()) throw new IllegalArgumentException("not a Java type: " + text);
      String name = modelNames.contains(raw) ? modelPackage + "." + raw : KNOWN.getOrDefault(raw, raw);
      List<TypeModel> arguments = new ArrayList<>();
      if (at < text.length() && text.charAt(at) == '<') {
        do {
          at++;
          arguments.add(type());
        } while (at < text.length() && text.charAt(at) == ',');
        if (at >= text.length() || text.charAt(at) != '>') throw new IllegalArgumentException("not a Java type: " + text);
        at++;
      }
      return new TypeModel(name, List.copyOf(arguments));
    }
  }
}
