package dev.sessionkit.generator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSONPath query (RFC 9535) in the subset overlays need, evaluated to the <em>locations</em> it
 * selects in a Jackson tree, so that an overlay action can change or remove each one.
 *
 * <p>Supported: the root {@code $}; child segments {@code .name}, {@code .*}, {@code ['name']} and
 * {@code ["name"]} (with the RFC's escapes), {@code [2]} and {@code [-1]}, {@code [*]}, and lists of
 * those ({@code ['get','post']}); the descendant segment {@code ..} with any of them; filters
 * {@code [?...]} with existence tests ({@code @.x}, {@code @['$ref']}, {@code $.a}), comparisons
 * {@code == != < <= > >=} between singular queries and literals (strings, numbers, {@code true},
 * {@code false}, {@code null}), {@code &&}, {@code ||}, {@code !} and parentheses, with the RFC's
 * semantics (a missing value equals only a missing value; {@code <} compares numbers with numbers
 * and strings with strings). Not supported, and refused with the position: slices
 * ({@code [1:3]}) and function extensions ({@code length()}, {@code match()}...).
 *
 * <p>One deviation, as the Overlay specification's own examples need it: a dot name may contain
 * {@code -} and {@code $} ({@code $.paths.*.get.x-codegen}, {@code @.$ref}), which RFC 9535 allows
 * only in brackets.
 */
final class JsonPath {
  /** One selected node: its parent (null for the root), its name or index there, and its JSON pointer. */
  record Location(JsonNode parent, String name, int index, JsonNode value, String pointer) {
    boolean isRoot() {
      return parent == null;
    }
  }

  private final String text;
  private final List<Segment> segments;

  private JsonPath(String text, List<Segment> segments) {
    this.text = text;
    this.segments = segments;
  }

  /** Parses {@code text}; a syntax error or an unsupported construct is an {@link IllegalArgumentException} naming the position. */
  static JsonPath parse(String text) {
    JsonPathParser parser = new JsonPathParser(text);
    List<Segment> segments = parser.query('$');
    if (!parser.atEnd()) throw parser.error("unexpected '" + parser.peek() + "'");
    return new JsonPath(text, segments);
  }

  /** Returns the query as written. */
  String text() {
    return text;
  }

  /** Returns the number of segments after {@code $}. */
  int length() {
    return segments.size();
  }

  /** Returns the query made of the first {@code count} segments (to report how far a query matches). */
  JsonPath prefix(int count) {
    StringBuilder prefix = new StringBuilder("$");
    for (Segment segment : segments.subList(0, count)) prefix.append(segment.source);
    return new JsonPath(prefix.toString(), segments.subList(0, count));
  }

  /** Returns every location the query selects in {@code root}, in document order, without duplicates. */
  List<Location> select(JsonNode root) {
    List<Location> current = List.of(new Location(null, null, -1, root, ""));
    for (Segment segment : segments) {
      Map<String, Location> next = new LinkedHashMap<>();
      for (Location location : current) {
        if (segment.descendant) {
          for (Location each : descendantsAndSelf(location)) segment.apply(each, root, next);
        } else {
          segment.apply(location, root, next);
        }
      }
      current = new ArrayList<>(next.values());
    }
    return current;
  }

  private static List<Location> descendantsAndSelf(Location start) {
    List<Location> out = new ArrayList<>();
    out.add(start);
    for (int i = 0; i < out.size(); i++) children(out.get(i), out::add);
    return out;
  }

  interface Sink {
    void add(Location location);
  }

  private static void children(Location location, Sink sink) {
    JsonNode node = location.value();
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> member : object.properties()) {
        sink.add(member(location, member.getKey(), member.getValue()));
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) sink.add(element(location, i, array.get(i)));
    }
  }

  private static Location member(Location parent, String name, JsonNode value) {
    return new Location(parent.value(), name, -1, value, parent.pointer() + "/" + Pointers.escape(name));
  }

  private static Location element(Location parent, int index, JsonNode value) {
    return new Location(parent.value(), null, index, value, parent.pointer() + "/" + index);
  }

  /** A child or descendant segment: a list of selectors, and the text it was parsed from. */
  record Segment(boolean descendant, List<Selector> selectors, String source) {
    void apply(Location location, JsonNode root, Map<String, Location> out) {
      for (Selector selector : selectors) {
        selector.select(location, root, found -> out.putIfAbsent(found.pointer(), found));
      }
    }
  }

  sealed interface Selector permits Name, Index, Wildcard, Filter {
    void select(Location location, JsonNode root, Sink sink);
  }

  record Name(String name) implements Selector {
    @Override
    public void select(Location location, JsonNode root, Sink sink) {
      if (location.value() instanceof ObjectNode object && object.has(name)) {
        sink.add(member(location, name, object.get(name)));
      }
    }
  }

  record Index(int index) implements Selector {
    @Override
    public void select(Location location, JsonNode root, Sink sink) {
      if (location.value() instanceof ArrayNode array) {
        int at = index < 0 ? array.size() + index : index;
        if (at >= 0 && at < array.size()) sink.add(element(location, at, array.get(at)));
      }
    }
  }

  record Wildcard() implements Selector {
    @Override
    public void select(Location location, JsonNode root, Sink sink) {
      children(location, sink);
    }
  }

  record Filter(Expression expression) implements Selector {
    @Override
    public void select(Location location, JsonNode root, Sink sink) {
      children(location, child -> {
        if (expression.test(child.value(), root)) sink.add(child);
      });
    }
  }

  /** A filter's logical expression. */
  sealed interface Expression permits Or, And, Not, Exists, Comparison {
    boolean test(JsonNode current, JsonNode root);
  }

  record Or(List<Expression> operands) implements Expression {
    @Override
    public boolean test(JsonNode current, JsonNode root) {
      for (Expression operand : operands) if (operand.test(current, root)) return true;
      return false;
    }
  }

  record And(List<Expression> operands) implements Expression {
    @Override
    public boolean test(JsonNode current, JsonNode root) {
      for (Expression operand : operands) if (!operand.test(current, root)) return false;
      return true;
    }
  }

  record Not(Expression operand) implements Expression {
    @Override
    public boolean test(JsonNode current, JsonNode root) {
      return !operand.test(current, root);
    }
  }

  /** {@code @.x} or {@code $.x} as a test: true when the query selects at least one node. */
  record Exists(FilterQuery query) implements Expression {
    @Override
    public boolean test(JsonNode current, JsonNode root) {
      return !query.select(current, root).isEmpty();
    }
  }

  /** A query inside a filter, relative to the current node ({@code @}) or the root ({@code $}). */
  record FilterQuery(boolean relative, List<Segment> segments) {
    List<Location> select(JsonNode current, JsonNode root) {
      return new JsonPath("", segments).select(relative ? current : root);
    }

    boolean singular() {
      for (Segment segment : segments) {
        if (segment.descendant() || segment.selectors().size() != 1) return false;
        Selector selector = segment.selectors().get(0);
        if (!(selector instanceof Name) && !(selector instanceof Index)) return false;
      }
      return true;
    }
  }

  /** One side of a comparison: a literal or a singular query. Null value means "nothing" (RFC: Nothing). */
  record Operand(JsonNode literal, FilterQuery query) {
    JsonNode value(JsonNode current, JsonNode root) {
      if (query == null) return literal;
      List<Location> found = query.select(current, root);
      return found.isEmpty() ? null : found.get(0).value();
    }
  }

  record Comparison(Operand left, String operator, Operand right) implements Expression {
    @Override
    public boolean test(JsonNode current, JsonNode root) {
      JsonNode a = left.value(current, root);
      JsonNode b = right.value(current, root);
      return switch (operator) {
        case "==" -> equal(a, b);
        case "!=" -> !equal(a, b);
        case "<" -> less(a, b);
        case ">" -> less(b, a);
        case "<=" -> less(a, b) || equal(a, b);
        case ">=" -> less(b, a) || equal(a, b);
        default -> throw new IllegalStateException(operator);
      };
    }

    private static boolean equal(JsonNode a, JsonNode b) {
      if (a == null || b == null) return a == null && b == null;
      if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue()) == 0;
      return a.equals(b);
    }

    private static boolean less(JsonNode a, JsonNode b) {
      if (a == null || b == null) return false;
      if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue()) < 0;
      if (a.isTextual() && b.isTextual()) return a.textValue().compareTo(b.textValue()) < 0;
      return false;
    }
  }
}
