package dev.sessionkit.generator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import dev.sessionkit.generator.spec.JsonPath.*;

/** A recursive-descent parser for the JSONPath subset {@link JsonPath} evaluates. */
final class JsonPathParser {
  private final String text;
  private int at;

  JsonPathParser(String text) {
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
    Operand left = comparable();
    blanks();
    String operator = comparisonOperator();
    if (operator == null) {
      if (left.query() == null) throw error("a literal alone is not a test");
      return new Exists(left.query());
    }
    blanks();
    Operand right = comparable();
    for (Operand side : List.of(left, right)) {
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

  private Operand comparable() {
    if (atEnd()) throw error("expected a value");
    char c = peek();
    if (c == '@' || c == '$') return new Operand(null, filterQuery());
    if (c == '\'' || c == '"') return new Operand(Pointers.JSON.getNodeFactory().textNode(string()), null);
    if (c == '-' || Character.isDigit(c)) return new Operand(number(), null);
    for (String word : List.of("true", "false", "null")) {
      if (text.startsWith(word, at)) {
        at += word.length();
        JsonNode literal = switch (word) {
          case "true" -> Pointers.JSON.getNodeFactory().booleanNode(true);
          case "false" -> Pointers.JSON.getNodeFactory().booleanNode(false);
          default -> Pointers.JSON.getNodeFactory().nullNode();
        };
        return new Operand(literal, null);
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
