package dev.sessionkit.generator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An OpenAPI Overlay 1.0 document (spec.openapis.org/overlay/v1.0.0), checked when read and applied
 * to a spec tree with the 1.0 semantics and the clarifications of 1.1:
 *
 * <ul>
 *   <li>actions apply in order, each to the result of the one before;
 *   <li>a {@code target} is a JSONPath query ({@link JsonPath} says which subset) that must select
 *       objects or arrays; a target that selects <em>nothing</em> fails, naming the overlay, the
 *       action and the target (stricter than 1.1, where it is a silent no-op: a vendor's rename
 *       must not pass unnoticed);
 *   <li>{@code remove: true} removes each selected node from the object or array that holds it, and
 *       wins over {@code update};
 *   <li>{@code update} on an object is merged into it recursively: a member only in the update is
 *       added, a primitive replaces a primitive, arrays are concatenated, objects merged; any other
 *       pair (an object over a string, {@code null} over an array) is an error;
 *   <li>{@code update} on an array appends the value, or each element of an array value (1.1);
 *   <li>the selected nodes of one action must be all objects or all arrays (1.1).
 * </ul>
 *
 * <p>Root, {@code info} and action members other than the specification's are refused unless they
 * start with {@code x-}. Only {@code overlay: 1.0.x} is read ({@code copy} is a 1.1 action).
 */
public final class Overlay {
  /** One action, numbered from 1 as people count them. */
  record Action(int number, String target, JsonPath path, JsonNode update, boolean remove) {
    String pointer() {
      return "/actions/" + (number - 1);
    }
  }

  private final String name;
  private final String title;
  private final String extendsRef;
  private final ObjectNode root;
  private final List<Action> actions;

  private Overlay(String name, String title, String extendsRef, ObjectNode root, List<Action> actions) {
    this.name = name;
    this.title = title;
    this.extendsRef = extendsRef;
    this.root = root;
    this.actions = actions;
  }

  /** Reads and checks the overlay in {@code file}; {@code name} is how messages call it. */
  public static Overlay read(Path file, String name) {
    return parse(Pointers.read(file, name), name);
  }

  /** Checks an overlay already read into a tree. */
  static Overlay parse(JsonNode tree, String name) {
    if (!(tree instanceof ObjectNode root)) throw SpecCheckException.at(name, "", "an overlay is an object");
    allowOnly(name, "", root, Set.of("overlay", "info", "extends", "actions"));
    JsonNode version = root.get("overlay");
    if (version == null) throw SpecCheckException.at(name, "", "overlay (the Overlay version, 1.0.0) is required");
    if (!version.isTextual() || !version.textValue().matches("1\\.0\\.\\d+")) {
      throw SpecCheckException.at(name, "/overlay", "sessionkit applies Overlay 1.0 (a string 1.0.x), got " + version);
    }
    JsonNode info = root.get("info");
    if (!(info instanceof ObjectNode infoObject)) throw SpecCheckException.at(name, "/info", "required, an object with title and version");
    allowOnly(name, "/info", infoObject, Set.of("title", "version"));
    String title = requireString(name, "/info/title", infoObject.get("title"));
    requireString(name, "/info/version", infoObject.get("version"));
    String extendsRef = root.has("extends") ? requireString(name, "/extends", root.get("extends")) : null;
    JsonNode list = root.get("actions");
    if (!(list instanceof ArrayNode array) || array.isEmpty()) {
      throw SpecCheckException.at(name, "/actions", "required, a list of at least one action");
    }
    List<Action> actions = new ArrayList<>();
    Set<JsonNode> seen = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      String pointer = "/actions/" + i;
      if (!(array.get(i) instanceof ObjectNode action)) throw SpecCheckException.at(name, pointer, "an action is an object");
      if (!seen.add(action)) throw SpecCheckException.at(name, pointer, "repeats an earlier action (actions are unique)");
      allowOnly(name, pointer, action, Set.of("target", "description", "update", "remove"));
      String target = requireString(name, pointer + "/target", action.get("target"));
      if (!target.startsWith("$")) throw SpecCheckException.at(name, pointer + "/target", "a JSONPath query starts with $ (got " + target + ")");
      JsonPath path;
      try {
        path = JsonPath.parse(target);
      } catch (IllegalArgumentException e) {
        throw SpecCheckException.at(name, pointer + "/target", e.getMessage());
      }
      if (action.has("description")) requireString(name, pointer + "/description", action.get("description"));
      JsonNode remove = action.get("remove");
      if (remove != null && !remove.isBoolean()) throw SpecCheckException.at(name, pointer + "/remove", "true or false (got " + remove + ")");
      actions.add(new Action(i + 1, target, path, action.get("update"), remove != null && remove.booleanValue()));
    }
    return new Overlay(name, title, extendsRef, root, List.copyOf(actions));
  }

  /** Returns how messages name this overlay (its path from the project root). */
  public String name() {
    return name;
  }

  /** Returns the overlay's {@code info.title}. */
  public String title() {
    return title;
  }

  /** Returns the {@code extends} reference as written (a path relative to the overlay), or null. */
  public String extendsRef() {
    return extendsRef;
  }

  /** Returns a root extension ({@code x-...}), or null. */
  JsonNode extension(String key) {
    return root.get(key);
  }

  List<Action> actions() {
    return actions;
  }

  /**
   * Returns a copy of {@code document} with every action applied; {@code documentName} names the
   * document in messages. {@code document} itself is not changed.
   */
  public JsonNode apply(JsonNode document, String documentName) {
    JsonNode result = document.deepCopy();
    for (Action action : actions) apply(action, result, documentName);
    return result;
  }

  private void apply(Action action, JsonNode document, String documentName) {
    List<JsonPath.Location> selected = action.path().select(document);
    if (selected.isEmpty()) throw nothingSelected(action, document, documentName);
    String where = "action " + action.number() + " (target " + action.target() + ")";
    for (JsonPath.Location location : selected) {
      JsonNode value = location.value();
      if (!value.isObject() && !value.isArray()) {
        throw SpecCheckException.at(name, action.pointer(), where + " selects " + kind(value) + " at " + documentName + "#"
            + location.pointer() + ": Overlay 1.0 targets objects and arrays; select the object that holds it");
      }
    }
    if (action.remove()) {
      for (JsonPath.Location location : selected) remove(action, where, location);
      return;
    }
    JsonNode update = action.update();
    if (update == null) return; // an action with neither update nor remove changes nothing (allowed by 1.0)
    boolean objects = selected.get(0).value().isObject();
    for (JsonPath.Location location : selected) {
      if (location.value().isObject() != objects) {
        throw SpecCheckException.at(name, action.pointer(), where + " selects objects and arrays together (at "
            + documentName + "#" + selected.get(0).pointer() + " and #" + location.pointer() + "); one action updates one kind");
      }
    }
    for (JsonPath.Location location : selected) {
      if (location.value() instanceof ObjectNode object) {
        if (!(update instanceof ObjectNode members)) {
          throw SpecCheckException.at(name, action.pointer() + "/update", where + " selects an object at " + documentName + "#"
              + location.pointer() + ", so update must be an object of members to merge (got " + kind(update) + ")");
        }
        merge(object, members, action, documentName + "#" + location.pointer());
      } else {
        append((ArrayNode) location.value(), update);
      }
    }
  }

  private void remove(Action action, String where, JsonPath.Location location) {
    if (location.isRoot()) throw SpecCheckException.at(name, action.pointer(), where + " selects the whole document, which cannot be removed");
    if (location.parent() instanceof ObjectNode parent) {
      if (parent.get(location.name()) == location.value()) parent.remove(location.name());
    } else if (location.parent() instanceof ArrayNode parent) {
      for (int i = 0; i < parent.size(); i++) {
        if (parent.get(i) == location.value()) {
          parent.remove(i);
          return;
        }
      }
    }
  }

  private static void append(ArrayNode array, JsonNode update) {
    if (update instanceof ArrayNode elements) {
      for (JsonNode element : elements) array.add(element.deepCopy());
    } else {
      array.add(update.deepCopy());
    }
  }

  private void merge(ObjectNode target, ObjectNode update, Action action, String at) {
    for (Map.Entry<String, JsonNode> member : update.properties()) {
      String key = member.getKey();
      JsonNode value = member.getValue();
      JsonNode existing = target.get(key);
      String here = at + "/" + Pointers.escape(key);
      if (existing == null) {
        target.set(key, value.deepCopy());
      } else if (existing instanceof ObjectNode object && value instanceof ObjectNode nested) {
        merge(object, nested, action, here);
      } else if (existing instanceof ArrayNode array && value instanceof ArrayNode elements) {
        for (JsonNode element : elements) array.add(element.deepCopy());
      } else if (!existing.isContainerNode() && !value.isContainerNode()) {
        target.set(key, value.deepCopy());
      } else {
        throw SpecCheckException.at(name, action.pointer() + "/update", "action " + action.number() + " (target "
            + action.target() + ") merges " + kind(value) + " into " + kind(existing) + " at " + here
            + ": only objects into objects, arrays onto arrays and primitives over primitives merge;"
            + " remove the member first in an earlier action to replace it");
      }
    }
  }

  private SpecCheckException nothingSelected(Action action, JsonNode document, String documentName) {
    StringBuilder message = new StringBuilder("action " + action.number() + " (target " + action.target()
        + ") selects nothing in " + documentName);
    for (int count = action.path().length() - 1; count > 0; count--) {
      JsonPath prefix = action.path().prefix(count);
      List<JsonPath.Location> found = prefix.select(document);
      if (!found.isEmpty()) {
        message.append("; the longest part that selects something is ").append(prefix.text()).append(" (")
            .append(found.size() == 1 ? "#" + found.get(0).pointer() : found.size() + " nodes, first #" + found.get(0).pointer())
            .append(")");
        break;
      }
    }
    return SpecCheckException.at(name, action.pointer(), message.toString());
  }

  private static String kind(JsonNode node) {
    if (node.isObject()) return "an object";
    if (node.isArray()) return "an array";
    if (node.isNull()) return "null";
    if (node.isTextual()) return "a string (" + abbreviate(node.textValue()) + ")";
    return "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " (" + node + ")";
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }

  private static void allowOnly(String name, String pointer, ObjectNode object, Set<String> fields) {
    for (Map.Entry<String, JsonNode> member : object.properties()) {
      String key = member.getKey();
      if (!fields.contains(key) && !key.startsWith("x-")) {
        String hint = key.equals("copy") ? " (copy is an Overlay 1.1 action)" : "";
        throw SpecCheckException.at(name, pointer + "/" + Pointers.escape(key), "unknown field " + key + hint
            + " (allowed: " + String.join(", ", new java.util.TreeSet<>(fields)) + ", and x-... extensions)");
      }
    }
  }

  private static String requireString(String name, String pointer, JsonNode value) {
    if (value == null || !value.isTextual()) {
      throw SpecCheckException.at(name, pointer, value == null ? "required, a string" : "must be a string (got " + value + ")");
    }
    return value.textValue();
  }
}
