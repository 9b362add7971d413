package dev.sessionkit.generator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
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
    Parser parser = new Parser(text);
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

  private interface Sink {
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
  private record Segment(boolean descendant, List<Selector> selectors, String source) {
    void apply(Location location, JsonNode root, Map<String, Location> out) {
      for (Selector selector : selectors) {
        selector.select(location, root, found -> out.putIfAbsent(found.pointer(), found));
      }
    }
  }

  private sealed interface Selector permits Name, Index, Wildcard, Filter {
    void select(Location location, JsonNode root, Sink sink);
  }

  private record Name(String name) implements Selector {
    @Override
    public void select(Location location, JsonNode root, Sink sink) {
      if (location.value() instanceof ObjectNode object && object.has(name)) {
        sink.add(member(location, name, object.get(name)));
      }
    }
  }

  private record Index(int index) implements Selector {
    @Override
    public void select(Location location, JsonNode root, Sink sink) {
      if (location.value() instanceof ArrayNode array) {
        int at = index < 0 ? array.size() + index : index;
        if (at >= 0 && at < array.size()) sink.add(element(location, at, array.get(at)));
      }
    }
  }

  private record Wildcard() implements Selector {
    @Override
    public void select(Location location, JsonNode root, Sink sink) {
      children(location, sink);
    }
  }

  private record Filter(Expression expression) implements Selector {
    @Override
    public void select(Location location, JsonNode root, Sink sink) {
      children(location, child -> {
        if (expression.test(child.value(), root)) sink.add(child);
      });
    }
  }

  /** A filter's logical expression. */
  private sealed interface Expression permits Or, And, Not, Exists, Comparison {
    boolean test(JsonNode current, JsonNode root);
  }

  private record Or(List<Expression> operands) implements Expression {
    @Override
    public boolean test(JsonNode current, JsonNode root) {
      for (Expression operand : operands) if (operand.test(current, root)) return true;
      return false;
    }
  }

  private record And(List<Expression> operands) implements Expression {
    @Override
    public boolean test(JsonNode current, JsonNode root) {
      for (Expression operand : operands) if (!operand.test(current, root)) return false;
      return true;
    }
  }

  private record Not(Expression operand) implements Expression {
    @Override
    public boolean test(JsonNode current, JsonNode root) {
      return !operand.test(current, root);
    }
  }

  /** {@code @.x} or {@code $.x} as a test: true when the query selects at least one node. */
  private record Exists(FilterQuery query) implements Expression {
    @Override
    public boolean test(JsonNode current, JsonNode root) {
      return !query.select(current, root).isEmpty();
    }
  }

  /** A query inside a filter, relative to the current node ({@code @}) or the root ({@code $}). */
  private record FilterQuery(boolean relative, List<Segment> segments) {
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
  private record Comparable(JsonNode literal, FilterQuery query) {
    JsonNode value(JsonNode current, JsonNode root) {
      if (query == null) return literal;
      List<Location> found = query.select(current, root);
      return found.isEmpty() ? null : found.get(0).value();
    }
  }

  private record Comparison(Comparable left, String operator, Comparable right) implements Expression {
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

  /** A recursive-descent parser for the subset above. */
  private static final class Parser {
    private final String text;
    private int at;

    Parser(String text) {
      this.text = text;
    }

    boolean atEnd() {
      return at >= text.length();
    }

    char peek() {
      return text.charAt(at);
    }

    IllegalArgumentException error(String message) {
      return new IllegalArgumentException("JSONPath " + text + ": " + message + " at position " + at);
    }

    /** {@code $} (or {@code @} inside a filter) followed by segments. */
    List<Segment> query(char root) {
      if (atEnd() || peek() != root) throw error("a query starts with " + root);
      at++;
      List<Segment> segments = new ArrayList<>();
      while (true) {
        int start = at;
        skipBlanksBefore('[', '.');
        if (atEnd() || (peek() != '.' && peek() != '[')) {
          at = start;
          return segments;
        }
        segments.add(segment());
      }
    }

    /** Blanks are allowed before a segment (RFC 9535 S); skip them only when a segment follows. */
    private void skipBlanksBefore(char... next) {
      int probe = at;
      while (probe < text.length() && isBlank(text.charAt(probe))) probe++;
      if (probe < text.length()) {
        for (char c : next) {
          if (text.charAt(probe) == c && probe > at) {
            at = probe;
            return;
          }
        }
      }
    }

    private Segment segment() {
      int start = at;
      boolean descendant = false;
      List<Selector> selectors;
      if (text.startsWith("..", at)) {
        descendant = true;
        at += 2;
        if (!atEnd() && peek() == '[') {
          selectors = bracketed();
        } else if (!atEnd() && peek() == '*') {
          at++;
          selectors = List.of(new Wildcard());
        } else {
          selectors = List.of(new Name(memberName()));
        }
      } else if (peek() == '.') {
        at++;
        if (!atEnd() && peek() == '*') {
          at++;
          selectors = List.of(new Wildcard());
        } else {
          selectors = List.of(new Name(memberName()));
        }
      } else {
        selectors = bracketed();
      }
      return new Segment(descendant, selectors, text.substring(start, at));
    }

    private String memberName() {
      int start = at;
      while (!atEnd() && isNameChar(peek(), at == start)) at++;
      if (at == start) throw error("expected a member name");
      return text.substring(start, at);
    }

    private static boolean isNameChar(char c, boolean first) {
      if (Character.isLetter(c) || c == '_' || c == '$' || c >= 0x80) return true;
      return !first && (Character.isDigit(c) || c == '-');
    }

    private List<Selector> bracketed() {
      expect('[');
      List<Selector> selectors = new ArrayList<>();
      do {
        blanks();
        selectors.add(selector());
        blanks();
      } while (consume(','));
      expect(']');
      return selectors;
    }

    private Selector selector() {
      if (atEnd()) throw error("expected a selector");
      char c = peek();
      if (c == '\'' || c == '"') return new Name(string());
      if (c == '*') {
        at++;
        return new Wildcard();
      }
      if (c == '?') {
        at++;
        blanks();
        return new Filter(or());
      }
      if (c == '-' || Character.isDigit(c)) {
        int index = integer();
        blanks();
        if (!atEnd() && peek() == ':') throw error("slices ([start:end]) are not supported");
        return new Index(index);
      }
      if (c == ':') throw error("slices ([start:end]) are not supported");
      throw error("unexpected '" + c + "' in brackets");
    }

    private int integer() {
      int start = at;
      if (peek() == '-') at++;
      while (!atEnd() && Character.isDigit(peek())) at++;
      String digits = text.substring(start, at);
      if (digits.equals("-") || digits.equals("-0") || (digits.length() > 1 && digits.matches("-?0\\d+"))) {
        throw error("invalid index " + digits);
      }
      try {
        return Integer.parseInt(digits);
      } catch (NumberFormatException e) {
        throw error("index out of range " + digits);
      }
    }

    private String string() {
      char quote = text.charAt(at++);
      StringBuilder out = new StringBuilder();
      while (true) {
        if (atEnd()) throw error("unterminated string");
        char c = text.charAt(at++);
        if (c == quote) return out.toString();
        if (c != '\\') {
          out.append(c);
          continue;
        }
        if (atEnd()) throw error("unterminated escape");
        char e = text.charAt(at++);
        switch (e) {
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case '/' -> out.append('/');
          case '\\' -> out.append('\\');
          case '\'', '"' -> {
            if (e != quote) throw error("\\" + e + " is not an escape inside " + quote + "..." + quote);
            out.append(e);
          }
          case 'u' -> {
            if (at + 4 > text.length()) throw error("short \\u escape");
            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            at += 4;
          }
          default -> throw error("invalid escape \\" + e);
        }
      }
    }

    private Expression or() {
      List<Expression> operands = new ArrayList<>(List.of(and()));
      while (consumeOperator("||")) operands.add(and());
      return operands.size() == 1 ? operands.get(0) : new Or(operands);
    }

    private Expression and() {
      List<Expression> operands = new ArrayList<>(List.of(basic()));
      while (consumeOperator("&&")) operands.add(basic());
      return operands.size() == 1 ? operands.get(0) : new And(operands);
    }

    private Expression basic() {
      blanks();
      if (atEnd()) throw error("expected a filter expression");
      if (peek() == '!') {
        at++;
        blanks();
        if (!atEnd() && peek() == '(') return new Not(parenthesized());
        FilterQuery query = filterQuery();
        return new Not(new Exists(query));
      }
      if (peek() == '(') return parenthesized();
      Comparable left = comparable();
      blanks();
      String operator = comparisonOperator();
      if (operator == null) {
        if (left.query() == null) throw error("a literal alone is not a test");
        return new Exists(left.query());
      }
      blanks();
      Comparable right = comparable();
      for (Comparable side : List.of(left, right)) {
        if (side.query() != null && !side.query().singular()) {
          throw error("a comparison needs a singular query (names and indexes only)");
        }
      }
      return new Comparison(left, operator, right);
    }

    private Expression parenthesized() {
      expect('(');
      Expression inner = or();
      blanks();
      expect(')');
      return inner;
    }

    private String comparisonOperator() {
      for (String operator : List.of("==", "!=", "<=", ">=", "<", ">")) {
        if (text.startsWith(operator, at)) {
          at += operator.length();
          return operator;
        }
      }
      return null;
    }

    private Comparable comparable() {
      if (atEnd()) throw error("expected a value");
      char c = peek();
      if (c == '@' || c == '$') return new Comparable(null, filterQuery());
      if (c == '\'' || c == '"') return new Comparable(Pointers.JSON.getNodeFactory().textNode(string()), null);
      if (c == '-' || Character.isDigit(c)) return new Comparable(number(), null);
      for (String word : List.of("true", "false", "null")) {
        if (text.startsWith(word, at)) {
          at += word.length();
          JsonNode literal = switch (word) {
            case "true" -> Pointers.JSON.getNodeFactory().booleanNode(true);
            case "false" -> Pointers.JSON.getNodeFactory().booleanNode(false);
            default -> Pointers.JSON.getNodeFactory().nullNode();
          };
          return new Comparable(literal, null);
        }
      }
      if (Character.isLetter(c)) throw error("function extensions (" + memberName() + "(...)) are not supported");
      throw error("unexpected '" + c + "'");
    }

    private JsonNode number() {
      int start = at;
      if (peek() == '-') at++;
      while (!atEnd() && (Character.isDigit(peek()) || peek() == '.' || peek() == 'e' || peek() == 'E'
          || ((peek() == '+' || peek() == '-') && (text.charAt(at - 1) == 'e' || text.charAt(at - 1) == 'E')))) {
        at++;
      }
      try {
        return Pointers.JSON.getNodeFactory().numberNode(new BigDecimal(text.substring(start, at)));
      } catch (NumberFormatException e) {
        throw error("invalid number " + text.substring(start, at));
      }
    }

    private FilterQuery filterQuery() {
      char root = peek();
      List<Segment> segments = query(root);
      return new FilterQuery(root == '@', segments);
    }

    private boolean consumeOperator(String operator) {
      int start = at;
      blanks();
      if (text.startsWith(operator, at)) {
        at += operator.length();
        return true;
      }
      at = start;
      return false;
    }

    private boolean consume(char c) {
      if (!atEnd() && peek() == c) {
        at++;
        return true;
      }
      return false;
    }

    private void expect(char c) {
      if (!consume(c)) throw error(atEnd() ? "expected '" + c + "' before the end" : "expected '" + c + "', found '" + peek() + "'");
    }

    private void blanks() {
      while (!atEnd() && isBlank(peek())) at++;
    }

    private static boolean isBlank(char c) {
      return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
  }
}
