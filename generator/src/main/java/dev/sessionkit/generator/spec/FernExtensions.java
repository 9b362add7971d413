package dev.sessionkit.generator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the Fern extensions a published spec may carry on its operations, so that an overlay need
 * not repeat what the vendor already wrote.
 *
 * <ul>
 *   <li>{@code x-fern-pagination} in Fern's cursor form, {@code {cursor: $request.<query parameter>,
 *       next_cursor: $response.<path>, results: $response.<path>}} (or {@code true}, taking the
 *       document's root {@code x-fern-pagination}), becomes {@code x-sessionkit-pagination: {style:
 *       token, items: <results>, parameter: <cursor>, token: <next_cursor>}}. An operation that has
 *       its own {@code x-sessionkit-pagination} keeps it. The offset form has no sessionkit style and
 *       fails naming the pointer (remove it in the overlay, or give the operation an
 *       {@code x-sessionkit-pagination}).
 *   <li>{@code x-fern-streaming} ({@code true}, or {@code {format: sse|json, stream-condition:
 *       $request.<field>, response, response-stream}}) is checked: the format is {@code sse} or
 *       {@code json}, and the condition names a boolean field of the operation's JSON request body.
 *       With {@code format: sse} the operation must answer {@code text/event-stream}, and it gets
 *       {@code x-sessionkit-stream: {condition: <field>}} (just {@code {}} without a condition); an
 *       operation that has its own {@code x-sessionkit-stream} keeps it, taking only the condition
 *       when it names none. {@code true} and {@code format: json} are Fern's JSON streaming, not
 *       server-sent events: the operation is generated as its responses declare. {@code response}
 *       and {@code response-stream} are not read (published files carry inline copies that disagree
 *       with the operation's own responses; the responses are the truth).
 * </ul>
 */
final class FernExtensions {
  private FernExtensions() {}

  /**
   * Applies the mapping to every operation of {@code document}; {@code where} turns a JSON pointer
   * into the {@code file#pointer} a message names. Returns one line per operation it read, for the log.
   */
  static List<String> apply(ObjectNode document, Function<String, String> where) {
    List<String> log = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
        if (!Selection.METHODS.contains(method.getKey()) || !(method.getValue() instanceof ObjectNode operation)) continue;
        String pointer = "/paths/" + Pointers.escape(path.getKey()) + "/" + method.getKey();
        String id = operation.path("operationId").asText(method.getKey() + " " + path.getKey());
        pagination(document, path.getValue(), operation, pointer, where).ifPresent(line -> log.add(id + ": " + line));
        streaming(document, operation, pointer, where).ifPresent(line -> log.add(id + ": " + line));
      }
    }
    return log;
  }

  private static java.util.Optional<String> pagination(ObjectNode document, JsonNode pathItem, ObjectNode operation,
      String pointer, Function<String, String> where) {
    JsonNode fern = operation.get("x-fern-pagination");
    if (fern == null || fern.isBoolean() && !fern.booleanValue()) return java.util.Optional.empty();
    String at = pointer + "/x-fern-pagination";
    if (operation.has("x-sessionkit-pagination")) return java.util.Optional.of("x-fern-pagination left aside: x-sessionkit-pagination is given");
    if (fern.isBoolean()) {
      fern = document.get("x-fern-pagination");
      at = "/x-fern-pagination";
      if (fern == null) throw error(where, pointer + "/x-fern-pagination", "true, but the document has no root x-fern-pagination to take");
    }
    if (!fern.isObject()) throw error(where, at, "an object in Fern's cursor form (cursor, next_cursor, results)");
    if (fern.has("offset")) {
      throw error(where, at, "Fern's offset paging has no sessionkit style; in the overlay remove x-fern-pagination here,"
          + " or give the operation an x-sessionkit-pagination");
    }
    for (String key : Selection.fieldNames(fern)) {
      if (!Set.of("cursor", "next_cursor", "results").contains(key)) {
        throw error(where, at + "/" + Pointers.escape(key), "sessionkit reads Fern's cursor form only (cursor, next_cursor, results)");
      }
    }
    String cursor = reference(fern, "cursor", "$request.", at, where);
    if (cursor.contains(".")) {
      throw error(where, at + "/cursor", "$request." + cursor + " is inside the body; sessionkit pages with a query parameter");
    }
    if (!hasQueryParameter(document, pathItem, operation, cursor)) {
      throw error(where, at + "/cursor", "$request." + cursor + " names no query parameter of this operation");
    }
    ObjectNode mapped = operation.putObject("x-sessionkit-pagination");
    mapped.put("style", "token");
    mapped.put("items", reference(fern, "results", "$response.", at, where));
    mapped.put("parameter", cursor);
    mapped.put("token", reference(fern, "next_cursor", "$response.", at, where));
    return java.util.Optional.of("x-fern-pagination read as x-sessionkit-pagination " + mapped);
  }

  private static java.util.Optional<String> streaming(ObjectNode document, ObjectNode operation, String pointer,
      Function<String, String> where) {
    JsonNode fern = operation.get("x-fern-streaming");
    if (fern == null || fern.isBoolean() && !fern.booleanValue()) return java.util.Optional.empty();
    String at = pointer + "/x-fern-streaming";
    if (fern.isBoolean()) {
      return java.util.Optional.of("x-fern-streaming: true (Fern's JSON streaming, not server-sent events) read;"
          + " the operation answers as its responses declare");
    }
    if (!fern.isObject()) throw error(where, at, "true, or an object with format and stream-condition");
    String format = fern.path("format").asText("json");
    if (!format.equals("sse") && !format.equals("json")) throw error(where, at + "/format", "sse or json (got " + format + ")");
    String condition = null;
    if (fern.has("stream-condition")) {
      condition = reference(fern, "stream-condition", "$request.", at, where);
      JsonNode body = resolve(document, operation.path("requestBody"));
      JsonNode schema = resolve(document, body.path("content").path("application/json").path("schema"));
      if (!hasBooleanField(document, schema, condition, new HashSet<>())) {
        throw error(where, at + "/stream-condition", "$request." + condition
            + " is not a boolean field of the operation's application/json request body");
      }
    }
    if (format.equals("json")) {
      return java.util.Optional.of("x-fern-streaming (format: json, Fern's JSON streaming) read;"
          + " the operation answers as its responses declare");
    }
    if (!answersEventStream(document, operation)) {
      throw error(where, at + "/format", "sse, but no 2xx response of the operation declares text/event-stream");
    }
    JsonNode own = operation.get("x-sessionkit-stream");
    if (own == null) {
      ObjectNode mapped = operation.putObject("x-sessionkit-stream");
      if (condition != null) mapped.put("condition", condition);
      return java.util.Optional.of("x-fern-streaming read as x-sessionkit-stream " + mapped);
    }
    if (own instanceof ObjectNode given && !given.has("condition") && condition != null) {
      given.put("condition", condition);
      return java.util.Optional.of("x-sessionkit-stream given; its condition (" + condition + ") taken from x-fern-streaming");
    }
    return java.util.Optional.of("x-fern-streaming left aside: x-sessionkit-stream is given");
  }

  private static boolean answersEventStream(JsonNode document, JsonNode operation) {
    for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
      if (response.getKey().startsWith("2")
          && resolve(document, response.getValue()).path("content").has("text/event-stream")) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasQueryParameter(JsonNode document, JsonNode pathItem, JsonNode operation, String name) {
    List<JsonNode> parameters = new ArrayList<>();
    pathItem.path("parameters").forEach(parameters::add);
    operation.path("parameters").forEach(parameters::add);
    for (JsonNode parameter : parameters) {
      JsonNode resolved = resolve(document, parameter);
      if ("query".equals(resolved.path("in").asText()) && name.equals(resolved.path("name").asText())) return true;
    }
    return false;
  }

  private static boolean hasBooleanField(JsonNode document, JsonNode schema, String name, Set<JsonNode> seen) {
    if (!schema.isObject() || !seen.add(schema)) return false;
    JsonNode property = resolve(document, schema.path("properties").path(name));
    if ("boolean".equals(property.path("type").asText())) return true;
    for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
      for (JsonNode part : schema.path(combinator)) {
        if (hasBooleanField(document, resolve(document, part), name, seen)) return true;
      }
    }
    return false;
  }

  /** Follows local {@code $ref}s (at most 20, against cycles). */
  static JsonNode resolve(JsonNode document, JsonNode node) {
    for (int hops = 0; hops < 20 && node.path("$ref").isTextual(); hops++) {
      String pointer = Pointers.ofRef(node.get("$ref").textValue());
      if (pointer == null) return node;
      node = Pointers.at(document, pointer);
    }
    return node;
  }

  private static String reference(JsonNode fern, String key, String prefix, String at, Function<String, String> where) {
    JsonNode value = fern.get(key);
    if (value == null || !value.isTextual() || !value.textValue().startsWith(prefix) || value.textValue().length() == prefix.length()) {
      throw error(where, at + "/" + key, "required, " + prefix + "<name> (got " + value + ")");
    }
    return value.textValue().substring(prefix.length());
  }

  private static SpecCheckException error(Function<String, String> where, String pointer, String message) {
    return new SpecCheckException(where.apply(pointer) + ": " + message);
  }
}
