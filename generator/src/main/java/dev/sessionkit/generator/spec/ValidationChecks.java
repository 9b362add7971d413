package dev.sessionkit.generator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks a prepared spec passes before OpenAPI Generator reads it, each failure named with the
 * file and the JSON pointer: every {@code $ref} is local and resolves; and OpenAPI Generator's own
 * validation, which is swagger-parser's parse messages (the generator fails on any of them unless
 * {@code validateSpec} is off). Those messages name only a dotted location such as
 * {@code components.schemas.Query.items is missing}, often the enclosing schema rather than the
 * nested one at fault, so each is located here in the tree: the keyword is looked for under that
 * location and every place it applies to is named.
 */
final class ValidationChecks {
  /** Where swagger-parser's message says the problem is: {@code attribute <location>.<key> is <what>}. */
  private static final Pattern ATTRIBUTE = Pattern.compile(
      "(?i)attribute (.*?)\\.?([^.]+) (is unexpected|is missing|is unsupported|is repeated|is not of type `(\\w+)`)");
  /** Members whose values are data or other tools' extensions, not spec structure. */
  private static final Set<String> DATA = Set.of("example", "examples", "enum", "default", "const");

  private ValidationChecks() {}

  /** Returns a line for every {@code $ref} that is not local or resolves to nothing. */
  static List<String> references(JsonNode document, Function<String, String> where) {
    List<String> problems = new ArrayList<>();
    references(document, document, "", false, where, problems);
    return problems;
  }

  private static void references(JsonNode document, JsonNode node, String pointer, boolean propertyMap,
      Function<String, String> where, List<String> problems) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) references(document, node.get(i), pointer + "/" + i, false, where, problems);
      return;
    }
    if (!node.isObject()) return;
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      String key = member.getKey();
      String at = pointer + "/" + Pointers.escape(key);
      if (!propertyMap && key.equals("$ref") && member.getValue().isTextual()) {
        String ref = member.getValue().textValue();
        String target = Pointers.ofRef(ref);
        if (target == null) {
          problems.add(where.apply(at) + ": $ref " + ref + " points outside this file; the spec must be one file"
              + " (bundle it, e.g. with redocly bundle, before committing)");
        } else if (Pointers.at(document, target).isMissingNode()) {
          problems.add(where.apply(at) + ": $ref " + ref + " resolves to nothing");
        }
        continue;
      }
      if (!propertyMap && (key.equals("example") || key.startsWith("x-"))) continue;
      references(document, member.getValue(), at, !propertyMap && key.equals("properties"), where, problems);
    }
  }

  /**
   * Parses {@code file} as OpenAPI Generator does and returns one line per place each of
   * swagger-parser's messages applies to in {@code document} (the same tree), or the message as it
   * is when no place can be found. Empty when the generator would accept the spec.
   */
  static List<String> swaggerParser(Path file, String fileName, JsonNode document, Function<String, String> where) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveResponses(true);
    SwaggerParseResult result = new OpenAPIParser().readLocation(file.toString(), null, options);
    List<String> problems = new ArrayList<>();
    List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
    for (String message : new TreeSet<>(messages)) {
      List<String> pointers = locate(document, message);
      String check = message + " (OpenAPI Generator's validation: swagger-parser)";
      if (pointers.isEmpty()) {
        problems.add(fileName + ": " + check);
      } else {
        for (String pointer : pointers) problems.add(where.apply(pointer) + ": " + check);
      }
    }
    return problems;
  }

  /** The pointers a swagger-parser message applies to in {@code document}; empty when none is found. */
  static List<String> locate(JsonNode document, String message) {
    Matcher matcher = ATTRIBUTE.matcher(message.strip());
    if (!matcher.matches()) return List.of();
    String location = matcher.group(1);
    String key = matcher.group(2);
    String what = matcher.group(3).toLowerCase(java.util.Locale.ROOT);
    String base = base(document, location);
    JsonNode node = Pointers.at(document, base);
    List<String> found = new ArrayList<>();
    if (what.startsWith("is missing")) {
      if (key.equals("items")) {
        walk(node, base, false, (object, pointer) -> {
          if ("array".equals(object.path("type").asText()) && !object.has("items")) found.add(pointer);
        });
      } else if (node.isObject() && !node.has(key)) {
        found.add(base);
      }
    } else if (what.startsWith("is not of type")) {
      String type = matcher.group(4);
      walk(node, base, false, (object, pointer) -> {
        if (object.has(key) && !hasType(object.get(key), type)) found.add(pointer + "/" + Pointers.escape(key));
      });
    } else {
      walk(node, base, false, (object, pointer) -> {
        if (object.has(key)) found.add(pointer + "/" + Pointers.escape(key));
      });
    }
    if (found.isEmpty() && !base.isEmpty()) found.add(base);
    return found;
  }

  /**
   * The pointer of the deepest node a dotted swagger-parser location reaches, matching member names
   * whole (names may contain dots) and reading {@code paths.'/a/b'(get)} as path and method.
   */
  static String base(JsonNode document, String location) {
    JsonNode node = document;
    StringBuilder pointer = new StringBuilder();
    String rest = location;
    while (!rest.isEmpty() && node.isObject()) {
      String matched = null;
      String consumed = null;
      for (String name : Selection.fieldNames(node)) {
        for (String form : List.of(name, "'" + name + "'")) {
          if ((rest.equals(form) || rest.startsWith(form + ".") || rest.startsWith(form + "("))
              && (matched == null || form.length() > consumed.length())) {
            matched = name;
            consumed = form;
          }
        }
      }
      if (matched == null) break;
      node = node.get(matched);
      pointer.append('/').append(Pointers.escape(matched));
      rest = rest.substring(consumed.length());
      if (rest.startsWith("(")) {
        int close = rest.indexOf(')');
        String method = close < 0 ? "" : rest.substring(1, close).toLowerCase(java.util.Locale.ROOT);
        if (close < 0 || !node.has(method)) break;
        node = node.get(method);
        pointer.append('/').append(method);
        rest = rest.substring(close + 1);
      }
      if (rest.startsWith(".")) rest = rest.substring(1);
    }
    return pointer.toString();
  }

  private interface Visitor {
    void visit(JsonNode object, String pointer);
  }

  private static void walk(JsonNode node, String pointer, boolean propertyMap, Visitor visitor) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) walk(node.get(i), pointer + "/" + i, false, visitor);
      return;
    }
    if (!node.isObject()) return;
    if (!propertyMap) visitor.visit(node, pointer);
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      String key = member.getKey();
      if (!propertyMap && (DATA.contains(key) || key.startsWith("x-"))) continue;
      walk(member.getValue(), pointer + "/" + Pointers.escape(key), !propertyMap && key.equals("properties"), visitor);
    }
  }

  private static boolean hasType(JsonNode value, String type) {
    return switch (type) {
      case "array" -> value.isArray();
      case "object" -> value.isObject();
      case "string" -> value.isTextual();
      case "boolean" -> value.isBoolean();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      default -> true;
    };
  }
}
