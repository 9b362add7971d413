package dev.sessionkit.sandbox.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A vendor's sandbox scenario ({@code META-INF/sessionkit/<id>/sandbox/scenario.json}): the data
 * that says how the sandbox plays the vendor beyond what its spec says. Every key is optional; an
 * unknown key is an error naming its place, so that a typo does not pass silently. The format is
 * described in the sandbox module's README ({@code sandbox/README.md}).
 */
public final class Scenario {
  private static final Set<String> TOP = Set.of("description", "credential", "environment", "clock", "phrases", "errors",
      "parameters", "resources", "operations", "turn");
  private static final Set<String> RESOURCE = Set.of("description", "item", "id", "order", "new", "documented", "generated",
      "events", "parent");
  private static final Set<String> BINDING = Set.of("description", "create", "list", "get", "update", "delete", "action",
      "history", "send", "stream", "view", "event-get", "event-delete", "event-action", "example", "parameters", "status",
      "body", "set", "merge", "paging", "hide", "exists", "busy", "wait", "item-from", "creates", "cancel", "framing",
      "count", "replay", "since");
  static final List<String> VERBS = List.of("create", "list", "get", "update", "delete", "action", "history", "send", "stream",
      "view", "event-get", "event-delete", "event-action", "example");
  private static final Set<String> TURN = Set.of("description", "id", "vars", "steps", "end", "cancelled");
  private static final Set<String> STEP = Set.of("description", "after", "event", "history", "stream", "set", "input", "name",
      "when");
  private static final Set<String> ERRORS = Set.of("description", "route", "message", "code", "parameter", "id",
      "request-id", "codes", "messages", "invalid-parameter", "invalid-path-parameter", "parameter-map");

  /** The scenario of a vendor that ships none: everything from the spec's examples. */
  public static final Scenario NONE = new Scenario(Map.of(), "(none)");

  private final Map<String, Object> root;
  private final String source;
  private final Map<String, Resource> resources = new LinkedHashMap<>();
  private final Map<String, Binding> bindings = new LinkedHashMap<>();
  private final @Nullable TurnScript turn;

  /** Reads and checks a parsed scenario; {@code source} names it in messages. */
  public Scenario(Map<String, Object> root, String source) {
    this.root = root;
    this.source = source;
    keys(root, TOP, "");
    Map<String, Object> declared = obj(root.get("resources"), "resources");
    for (Map.Entry<String, Object> e : declared.entrySet()) {
      Map<String, Object> r = obj(e.getValue(), "resources." + e.getKey());
      keys(r, RESOURCE, "resources." + e.getKey());
      checkCopy(Json.object(r.get("generated")), "resources." + e.getKey() + ".generated.copy");
      resources.put(e.getKey(), new Resource(e.getKey(), r, this));
    }
    for (Resource resource : resources.values()) {
      String parent = resource.parent();
      if (parent == null) continue;
      Resource p = resources.get(parent);
      if (p == null) throw error("resources." + resource.name() + ".parent", "names no resource (" + parent + ")");
      if (!resource.keys().contains(p.idParam())) {
        throw error("resources." + resource.name() + ".parent", "is not in the path: " + resource.itemPath() + " has no {" + p.idParam() + "}");
      }
    }
    Map<String, Object> ops = obj(root.get("operations"), "operations");
    for (Map.Entry<String, Object> e : ops.entrySet()) {
      String at = "operations." + e.getKey();
      Map<String, Object> b = obj(e.getValue(), at);
      keys(b, BINDING, at);
      String verb = null;
      for (String v : VERBS) {
        if (!b.containsKey(v)) continue;
        if (verb != null) throw error(at, "names two behaviours (" + verb + " and " + v + ")");
        verb = v;
      }
      if (verb == null) throw error(at, "names no behaviour (one of " + VERBS + ")");
      String target = String.valueOf(b.get(verb));
      if (!verb.equals("example") && !resources.containsKey(target)) throw error(at + "." + verb, "no resource named " + target);
      bindings.put(e.getKey(), new Binding(e.getKey(), verb, target, b));
    }
    Map<String, Object> t = Json.object(root.get("turn"));
    if (t != null) {
      keys(t, TURN, "turn");
      List<Object> steps = Json.array(t.get("steps"));
      if (steps != null) for (int i = 0; i < steps.size(); i++) keys(obj(steps.get(i), "turn.steps." + i), STEP, "turn.steps." + i);
      List<Object> cancelled = Json.array(t.get("cancelled"));
      if (cancelled != null) for (int i = 0; i < cancelled.size(); i++) {
        keys(obj(cancelled.get(i), "turn.cancelled." + i), STEP, "turn.cancelled." + i);
      }
    }
    this.turn = t == null ? null : new TurnScript(t);
    Map<String, Object> errors = Json.object(root.get("errors"));
    if (errors != null) keys(errors, ERRORS, "errors");
  }

  /**
   * A generated declaration's {@code copy}, when it has one, is the suffix that numbers copies of a
   * generated item: literal text that starts with no digit (so the size before it stays readable)
   * and holds {@code {copy}} once, such as {@code _{copy}}.
   */
  private void checkCopy(@Nullable Map<String, Object> generated, String at) {
    if (generated == null || !generated.containsKey("copy")) return;
    if (!(generated.get("copy") instanceof String copy) || !COPY.matcher(copy).matches()) {
      throw error(at, "must be a suffix that starts with no digit and holds {copy} once, such as _{copy} (got "
          + generated.get("copy") + ")");
    }
  }

  private static final java.util.regex.Pattern COPY = java.util.regex.Pattern.compile("[^{}0-9][^{}]*\\{copy}[^{}]*");

  private static Map<String, Object> obj(@Nullable Object value, String at) {
    if (value == null) return Map.of();
    Map<String, Object> map = Json.object(value);
    if (map == null) throw new IllegalArgumentException(at + " must be an object");
    return map;
  }

  private void keys(Map<String, Object> map, Set<String> allowed, String at) {
    for (String key : map.keySet()) {
      if (!allowed.contains(key)) throw error(at.isEmpty() ? key : at + "." + key, "is not a scenario key (expected one of " + allowed + ")");
    }
  }

  IllegalArgumentException error(String at, String problem) {
    return new IllegalArgumentException(source + ": " + at + " " + problem);
  }

  /** Returns where the scenario came from. */
  public String source() {
    return source;
  }

  /** Returns the credential the sandbox accepts, or null for the default. */
  public @Nullable String credential() {
    return Json.string(root, "credential");
  }

  /** Returns the values of the vendor's default-parameter variables, by variable name. */
  public Map<String, String> environment() {
    Map<String, String> out = new LinkedHashMap<>();
    Map<String, Object> env = Json.object(root.get("environment"));
    if (env != null) env.forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }

  /** Returns the instant the vendor's clock starts at. */
  public Instant clockStart() {
    String start = Json.string(root, "clock.start");
    return start == null ? Instant.parse("2026-01-01T00:00:00Z") : Instant.parse(start);
  }

  /** Returns how many milliseconds the clock advances per event or created item. */
  public long clockStepMillis() {
    Object step = Json.at(root, "clock.step");
    return step instanceof Number n ? Math.round(n.doubleValue() * 1000) : 1000;
  }

  /** Returns the phrase lists the scenario declares. */
  public Map<String, List<String>> phrases() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    Map<String, Object> phrases = Json.object(root.get("phrases"));
    if (phrases != null) for (Map.Entry<String, Object> e : phrases.entrySet()) {
      List<String> values = new ArrayList<>();
      List<Object> list = Json.array(e.getValue());
      if (list != null) for (Object v : list) values.add(String.valueOf(v));
      out.put(e.getKey(), List.copyOf(values));
    }
    return out;
  }

  /** Returns the {@code errors} section (may be empty). */
  public Map<String, Object> errors() {
    Map<String, Object> errors = Json.object(root.get("errors"));
    return errors == null ? Map.of() : errors;
  }

  /** Returns whether the query parameter {@code name} is capped at its maximum rather than refused above it. */
  public boolean capsAboveMaximum(String name) {
    return "cap".equals(Json.string(root, "parameters." + name + ".above-maximum"));
  }

  /** Returns the declared resources. */
  public Map<String, Resource> resources() {
    return resources;
  }

  /** Returns the bindings, by operationId. */
  public Map<String, Binding> bindings() {
    return bindings;
  }

  /** Returns the turn script, or null when agents do not work in this scenario. */
  public @Nullable TurnScript turn() {
    return turn;
  }

  /** A kind of thing the vendor stores (sessions, agents...): where it lives and what a new one looks like. */
  public static final class Resource {
    private final String name;
    private final Map<String, Object> node;
    private final PathTemplate item;

    Resource(String name, Map<String, Object> node, Scenario scenario) {
      this.name = name;
      this.node = node;
      String path = Json.string(node, "item");
      if (path == null) throw scenario.error("resources." + name + ".item", "is required (the path of one " + name + ")");
      this.item = new PathTemplate(path);
      if (item.names().isEmpty()) throw scenario.error("resources." + name + ".item", "names no parameter");
    }

    /** Returns the resource's name. */
    public String name() {
      return name;
    }

    /** Returns the path of one item, as the spec writes it. */
    public String itemPath() {
      return item.text();
    }

    /** Returns the path parameters that identify one (the scope, then the id). */
    public List<String> keys() {
      return item.names();
    }

    /** Returns the path parameter that is the id. */
    public String idParam() {
      return item.names().get(item.names().size() - 1);
    }

    /** Returns the member of an item that holds its id. */
    public String idField() {
      String field = Json.string(node, "id.field");
      return field == null ? "id" : field;
    }

    /** Returns the template of a new id, or null (an id from the request only). */
    public @Nullable String idFormat() {
      return Json.string(node, "id.format");
    }

    /** Returns the expression an id is taken from when the request gives one, or null. */
    public @Nullable String idFrom() {
      return Json.string(node, "id.from");
    }

    /** Returns whether lists show the newest first. */
    public boolean newestFirst() {
      return "newest-first".equals(Json.string(node, "order"));
    }

    /** Returns the template of a new item, or null. */
    public @Nullable Object newItem() {
      return node.get("new");
    }

    /** Returns the documented items. */
    public List<Map<String, Object>> documented() {
      List<Map<String, Object>> out = new ArrayList<>();
      List<Object> list = Json.array(node.get("documented"));
      if (list != null) for (Object o : list) {
        Map<String, Object> m = Json.object(o);
        if (m != null) out.add(m);
      }
      return out;
    }

    /** Returns the generated items' declaration, or null. */
    public @Nullable Map<String, Object> generated() {
      return Json.object(node.get("generated"));
    }

    /** Returns the name of the resource each item belongs to (its id is one of this one's path parameters), or null. */
    public @Nullable String parent() {
      return Json.string(node, "parent");
    }

    /** Returns the events' declaration, or an empty one. */
    public Map<String, Object> events() {
      Map<String, Object> events = Json.object(node.get("events"));
      return events == null ? Map.of() : events;
    }
  }

  /** What the sandbox does for one operation. */
  public record Binding(String operationId, String verb, String target, Map<String, Object> node) {
    /** Returns the member {@code key}, or null. */
    public @Nullable Object get(String key) {
      return node.get(key);
    }

    /** Returns the member {@code key} as text, or null. */
    public @Nullable String string(String key) {
      return Json.string(node, key);
    }

    /** Returns the parameter of the operation that carries the resource's parameter {@code key}. */
    public String param(String key) {
      String renamed = Json.string(node, "parameters." + key);
      return renamed == null ? key : renamed;
    }
  }

  /** The scripted agent turn: its id, variables, steps, the end of its stream and what a cancel does. */
  public record TurnScript(Map<String, Object> node) {
    /** Returns the id template of a turn. */
    public String idFormat() {
      String id = Json.string(node, "id");
      return id == null ? "turn_{hex:32}" : id;
    }

    /** Returns the variables evaluated once per turn. */
    public Map<String, Object> vars() {
      Map<String, Object> vars = Json.object(node.get("vars"));
      return vars == null ? Map.of() : vars;
    }

    /** Returns the steps of a turn. */
    public List<Map<String, Object>> steps() {
      return list("steps");
    }

    /** Returns the steps run when a turn is cancelled. */
    public List<Map<String, Object>> cancelled() {
      return list("cancelled");
    }

    /** Returns the frame that ends a turn's stream, or null. */
    public @Nullable Object end() {
      return node.get("end");
    }

    private List<Map<String, Object>> list(String key) {
      List<Map<String, Object>> out = new ArrayList<>();
      List<Object> steps = Json.array(node.get(key));
      if (steps != null) for (Object s : steps) out.add(Json.object(s));
      return out;
    }

    /** Returns the same script with only the steps (and cancelled steps) {@code keep} accepts. */
    public TurnScript only(java.util.function.Predicate<Map<String, Object>> keep) {
      Map<String, Object> copy = new LinkedHashMap<>(node);
      copy.put("steps", new ArrayList<Object>(steps().stream().filter(keep).toList()));
      copy.put("cancelled", new ArrayList<Object>(cancelled().stream().filter(keep).toList()));
      return new TurnScript(copy);
    }

    /** Returns how many of the steps write an event to the history. */
    public int historySteps() {
      int n = 0;
      for (Map<String, Object> step : steps()) if (step.containsKey("event") || step.containsKey("history")) n++;
      return n;
    }
  }
}
