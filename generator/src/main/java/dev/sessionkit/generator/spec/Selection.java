package dev.sessionkit.generator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which operations of a published spec to generate, from the overlay's {@code x-sessionkit-select},
 * and the pruning that follows: the other operations go, then every component no kept operation
 * reaches through {@code $ref} (transitively, discriminator mappings included) or through a security
 * requirement, and every tag no kept operation uses.
 *
 * <pre>{@code
 * x-sessionkit-select:
 *   tags: [Agent Sessions]                        # operations with any of these tags
 *   paths: ['/v2/agents/{agent_key}/sessions/**'] # a path as written, or a prefix ending in **
 *   operations: [getAgent]                        # operationIds
 * }</pre>
 *
 * An operation is kept when it matches any entry; every entry must match at least one operation
 * (so a vendor's rename fails the build instead of shrinking the SDK).
 */
final class Selection {
  static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final List<String> COMPONENT_KINDS =
      List.of("schemas", "responses", "parameters", "examples", "requestBodies", "headers", "links", "callbacks");

  private final List<String> tags;
  private final List<String> paths;
  private final List<String> operations;

  private Selection(List<String> tags, List<String> paths, List<String> operations) {
    this.tags = tags;
    this.paths = paths;
    this.operations = operations;
  }

  /** Every operation (no {@code x-sessionkit-select}): only unreachable components are pruned. */
  static final Selection ALL = new Selection(null, null, null);

  /** Reads {@code x-sessionkit-select} of the overlay {@code overlayName} (null: everything). */
  static Selection read(JsonNode select, String overlayName) {
    if (select == null) return ALL;
    String at = "/x-sessionkit-select";
    if (!(select instanceof ObjectNode object) || object.isEmpty()) {
      throw SpecCheckException.at(overlayName, at, "an object with tags, paths and/or operations (lists of strings)");
    }
    for (Map.Entry<String, JsonNode> member : object.properties()) {
      if (!Set.of("tags", "paths", "operations").contains(member.getKey())) {
        throw SpecCheckException.at(overlayName, at + "/" + Pointers.escape(member.getKey()),
            "unknown key " + member.getKey() + " (known: operations, paths, tags)");
      }
    }
    return new Selection(strings(object.get("tags"), overlayName, at + "/tags"),
        strings(object.get("paths"), overlayName, at + "/paths"),
        strings(object.get("operations"), overlayName, at + "/operations"));
  }

  private static List<String> strings(JsonNode list, String overlayName, String at) {
    if (list == null) return null;
    if (!(list instanceof ArrayNode array) || array.isEmpty()) throw SpecCheckException.at(overlayName, at, "a non-empty list of strings");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!array.get(i).isTextual() || array.get(i).textValue().isBlank()) {
        throw SpecCheckException.at(overlayName, at + "/" + i, "must be a non-empty string (got " + array.get(i) + ")");
      }
      out.add(array.get(i).textValue());
    }
    return out;
  }

  /** What the pruning kept, for the build's log line. */
  record Outcome(int operationsKept, int operationsTotal, int schemasKept, int schemasTotal) {}

  /**
   * Removes the operations this selection does not keep from {@code document}, then what they alone
   * used. {@code overlayName} and {@code documentName} name the files in messages.
   */
  Outcome apply(ObjectNode document, String overlayName, String documentName) {
    JsonNode pathsNode = document.path("paths");
    int total = 0;
    int kept = 0;
    Set<String> matchedTags = new TreeSet<>();
    Set<String> matchedPaths = new TreeSet<>();
    Set<String> matchedOperations = new TreeSet<>();
    Set<String> allTags = new TreeSet<>();
    if (pathsNode instanceof ObjectNode pathItems) {
      for (String path : new ArrayList<>(fieldNames(pathItems))) {
        if (!(pathItems.get(path) instanceof ObjectNode item)) continue;
        for (String method : new ArrayList<>(fieldNames(item))) {
          if (!METHODS.contains(method) || !(item.get(method) instanceof ObjectNode operation)) continue;
          total++;
          List<String> operationTags = new ArrayList<>();
          operation.path("tags").forEach(tag -> operationTags.add(tag.asText()));
          allTags.addAll(operationTags);
          String operationId = operation.path("operationId").asText(null);
          boolean keep = this == ALL;
          if (tags != null) {
            for (String tag : operationTags) {
              if (tags.contains(tag)) {
                matchedTags.add(tag);
                keep = true;
              }
            }
          }
          if (paths != null) {
            for (String pattern : paths) {
              if (pathMatches(pattern, path)) {
                matchedPaths.add(pattern);
                keep = true;
              }
            }
          }
          if (operations != null && operationId != null && operations.contains(operationId)) {
            matchedOperations.add(operationId);
            keep = true;
          }
          if (keep) {
            kept++;
          } else {
            item.remove(method);
          }
        }
        if (fieldNames(item).stream().noneMatch(METHODS::contains)) pathItems.remove(path);
      }
    }
    unmatched(tags, matchedTags, overlayName, "tags", documentName, "has the tag", allTags);
    unmatched(paths, matchedPaths, overlayName, "paths", documentName, "has a path matching", null);
    unmatched(operations, matchedOperations, overlayName, "operations", documentName, "has the operationId", null);
    int schemasTotal = document.path("components").path("schemas").size();
    prune(document);
    return new Outcome(kept, total, document.path("components").path("schemas").size(), schemasTotal);
  }

  private static void unmatched(List<String> wanted, Set<String> matched, String overlayName, String key,
      String documentName, String what, Set<String> known) {
    if (wanted == null) return;
    for (int i = 0; i < wanted.size(); i++) {
      if (!matched.contains(wanted.get(i))) {
        throw SpecCheckException.at(overlayName, "/x-sessionkit-select/" + key + "/" + i, "no operation of " + documentName
            + " " + what + " " + wanted.get(i) + (known == null ? "" : " (tags: " + String.join(", ", known) + ")"));
      }
    }
  }

  static boolean pathMatches(String pattern, String path) {
    return pattern.endsWith("**") ? path.startsWith(pattern.substring(0, pattern.length() - 2)) : pattern.equals(path);
  }

  /**
   * Removes the components nothing outside {@code components} reaches, following {@code $ref}s
   * (and discriminator mappings) transitively; security schemes are reached by the names the
   * security requirements use. Tags no operation uses go too; empty component maps are removed.
   */
  static void prune(ObjectNode document) {
    JsonNode components = document.get("components");
    if (!(components instanceof ObjectNode componentMap)) return;
    Set<String> reached = new LinkedHashSet<>();
    Deque<JsonNode> pending = new ArrayDeque<>();
    for (Map.Entry<String, JsonNode> member : document.properties()) {
      if (!member.getKey().equals("components") && !member.getKey().startsWith("x-")) pending.add(member.getValue());
    }
    while (!pending.isEmpty()) {
      collectRefs(pending.pop(), document, reached, pending);
    }
    for (String kind : COMPONENT_KINDS) {
      if (!(componentMap.get(kind) instanceof ObjectNode entries)) continue;
      for (String name : new ArrayList<>(fieldNames(entries))) {
        if (!reached.contains(kind + "/" + name)) entries.remove(name);
      }
    }
    Set<String> schemes = new LinkedHashSet<>();
    document.path("security").forEach(requirement -> schemes.addAll(fieldNames(requirement)));
    for (JsonNode item : document.path("paths")) {
      for (String method : fieldNames(item)) {
        if (METHODS.contains(method)) item.get(method).path("security").forEach(requirement -> schemes.addAll(fieldNames(requirement)));
      }
    }
    if (componentMap.get("securitySchemes") instanceof ObjectNode securitySchemes) {
      for (String name : new ArrayList<>(fieldNames(securitySchemes))) if (!schemes.contains(name)) securitySchemes.remove(name);
    }
    for (String kind : new ArrayList<>(fieldNames(componentMap))) {
      if (componentMap.get(kind) instanceof ObjectNode entries && entries.isEmpty()) componentMap.remove(kind);
    }
    if (document.get("tags") instanceof ArrayNode tagList) {
      Set<String> used = new LinkedHashSet<>();
      for (JsonNode item : document.path("paths")) {
        for (String method : fieldNames(item)) {
          if (METHODS.contains(method)) item.get(method).path("tags").forEach(tag -> used.add(tag.asText()));
        }
      }
      for (int i = tagList.size() - 1; i >= 0; i--) {
        if (!used.contains(tagList.get(i).path("name").asText())) tagList.remove(i);
      }
    }
  }

  /**
   * Adds the components {@code node} references to {@code reached}, queueing each newly reached one.
   * Example values are data and {@code x-} extensions are other tools' business: references inside
   * them keep nothing (a named example's own {@code $ref} does).
   */
  private static void collectRefs(JsonNode node, JsonNode document, Set<String> reached, Deque<JsonNode> pending) {
    collectRefs(node, false, document, reached, pending);
  }

  private static void collectRefs(JsonNode node, boolean propertyMap, JsonNode document, Set<String> reached,
      Deque<JsonNode> pending) {
    if (node.isArray()) {
      for (JsonNode element : node) collectRefs(element, false, document, reached, pending);
      return;
    }
    if (!node.isObject()) return;
    if (!propertyMap) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual()) reach(ref.textValue(), document, reached, pending);
      JsonNode mapping = node.path("discriminator").path("mapping");
      for (JsonNode target : mapping) {
        String value = target.asText();
        reach(value.startsWith("#") ? value : "#/components/schemas/" + Pointers.escape(value), document, reached, pending);
      }
    }
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      String key = member.getKey();
      if (!propertyMap && (key.equals("example") || key.startsWith("x-"))) continue;
      if (!propertyMap && key.equals("examples")) {
        for (JsonNode example : member.getValue()) {
          if (example.path("$ref").isTextual()) reach(example.get("$ref").textValue(), document, reached, pending);
        }
        continue;
      }
      collectRefs(member.getValue(), !propertyMap && key.equals("properties"), document, reached, pending);
    }
  }

  private static void reach(String ref, JsonNode document, Set<String> reached, Deque<JsonNode> pending) {
    if (!ref.startsWith("#/components/")) return;
    String[] tokens = ref.substring("#/components/".length()).split("/", -1);
    if (tokens.length < 2) return;
    String key = tokens[0] + "/" + unescape(tokens[1]);
    if (!reached.add(key)) return;
    JsonNode target = document.path("components").path(tokens[0]).path(unescape(tokens[1]));
    if (!target.isMissingNode()) pending.add(target);
  }

  private static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
