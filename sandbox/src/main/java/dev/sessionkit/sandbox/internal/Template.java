package dev.sessionkit.sandbox.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The small template language of scenario files: a template is JSON whose strings may hold
 * {@code {expressions}} and whose objects may be directives ({@code $example}, {@code $repeat},
 * {@code $if}, {@code $each}, {@code $chunks}, {@code $merge}, {@code $fixture}, {@code $omit}).
 *
 * <p>An expression is one or more alternatives separated by {@code |}, the first that is not null
 * wins: a dotted reference to a value in scope ({@code item.id}, {@code request.title},
 * {@code param.session_id}, {@code turn.reply}), optionally formatted ({@code index:016x}) or
 * compared ({@code item.status==running}); a function ({@code now}, {@code epoch}, {@code hex:32},
 * {@code uuid}, {@code int:50..5000}, {@code dec:1..99999:6} (a decimal, 0.000001 to 0.099999),
 * {@code pick:USER}); or a literal ({@code 'text'}, {@code null},
 * {@code true}, {@code 42}). A string that is one expression keeps the value's type; otherwise the
 * values are written into the text. {@code {{} and {@code }}} stand for braces.
 */
public final class Template {
  /** What a template evaluates to when a value is to be left out (a missing {@code else}). */
  public static final Object OMIT = new Object() {
    @Override
    public String toString() {
      return "(omitted)";
    }
  };
  private static final Pattern EXPRESSION = Pattern.compile("\\{([^{}]+)}");
  private static final Pattern FORMAT = Pattern.compile("0?\\d*[dxX]");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

  private Template() {}

  /** A fixture file to serve byte for byte: only valid as a whole response body. */
  public record Fixture(String name, byte[] bytes) {}

  /** Everything an evaluation may read. Immutable; {@link #with} gives a child scope. */
  public static final class Ctx {
    private final @Nullable Ctx parent;
    private final @Nullable String name;
    private final @Nullable Object value;
    private final Rng rng;
    private final Instant clock;
    private final Function<String, List<String>> phrases;
    private final Function<String, @Nullable Object> examples;
    private final Function<String, Fixture> fixtures;

    /** Creates a root context. */
    public Ctx(Rng rng, Instant clock, Function<String, List<String>> phrases, Function<String, @Nullable Object> examples,
        Function<String, Fixture> fixtures) {
      this(null, null, null, rng, clock, phrases, examples, fixtures);
    }

    private Ctx(@Nullable Ctx parent, @Nullable String name, @Nullable Object value, Rng rng, Instant clock,
        Function<String, List<String>> phrases, Function<String, @Nullable Object> examples, Function<String, Fixture> fixtures) {
      this.parent = parent;
      this.name = name;
      this.value = value;
      this.rng = rng;
      this.clock = clock;
      this.phrases = phrases;
      this.examples = examples;
      this.fixtures = fixtures;
    }

    /** Returns a context that also holds {@code name}. */
    public Ctx with(String name, @Nullable Object value) {
      return new Ctx(this, name, value, rng, clock, phrases, examples, fixtures);
    }

    /** Returns a context whose random draws come from {@code rng}. */
    public Ctx rng(Rng other) {
      return new Ctx(parent, name, value, other, clock, phrases, examples, fixtures);
    }

    /** Returns a context whose {@code now} is {@code instant}. */
    public Ctx clock(Instant instant) {
      return new Ctx(parent, name, value, rng, instant, phrases, examples, fixtures);
    }

    /** Returns the clock. */
    public Instant clock() {
      return clock;
    }

    /** Returns the random source. */
    public Rng random() {
      return rng;
    }

    /** Returns the value {@code key} in scope (the innermost), or null. */
    public @Nullable Object get(String key) {
      for (Ctx c = this; c != null; c = c.parent) {
        if (key.equals(c.name)) return c.value;
      }
      return null;
    }
  }

  /** Evaluates {@code template} in {@code ctx}; the result is a fresh JSON tree (or {@link #OMIT}). */
  public static @Nullable Object eval(@Nullable Object template, Ctx ctx) {
    if (template instanceof String s) return string(s, ctx);
    if (template instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        Object value = eval(item, ctx);
        if (value != OMIT) out.add(value);
      }
      return out;
    }
    Map<String, Object> map = Json.object(template);
    if (map == null) return template;
    for (String key : map.keySet()) {
      if (key.startsWith("$")) return directive(key, map, ctx);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : map.entrySet()) {
      Object value = eval(e.getValue(), ctx);
      if (value != OMIT) out.put(e.getKey(), value);
    }
    return out;
  }

  /** Evaluates an expression written without its braces. */
  public static @Nullable Object expression(String expression, Ctx ctx) {
    for (String alternative : expression.split("\\|")) {
      Object value = alternative(alternative.strip(), ctx);
      if (value != null) return value;
    }
    return null;
  }

  private static @Nullable Object string(String s, Ctx ctx) {
    Matcher m = EXPRESSION.matcher(s);
    if (m.matches() && !s.startsWith("{{")) return Json.copy(expression(m.group(1), ctx));
    if (s.indexOf('{') < 0) return s;
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      if (s.startsWith("{{", i)) {
        out.append('{');
        i += 2;
      } else if (s.startsWith("}}", i)) {
        out.append('}');
        i += 2;
      } else if (s.charAt(i) == '{' && s.indexOf('}', i) > i) {
        int end = s.indexOf('}', i);
        Object value = expression(s.substring(i + 1, end), ctx);
        out.append(value == null ? "" : value instanceof String text ? text : Json.text(value));
        i = end + 1;
      } else {
        out.append(s.charAt(i++));
      }
    }
    return out.toString();
  }

  private static @Nullable Object alternative(String a, Ctx ctx) {
    if (a.length() >= 2 && a.startsWith("'") && a.endsWith("'")) return a.substring(1, a.length() - 1);
    if (a.equals("null")) return null;
    if (a.equals("true")) return Boolean.TRUE;
    if (a.equals("false")) return Boolean.FALSE;
    if (!a.isEmpty() && (Character.isDigit(a.charAt(0)) || a.charAt(0) == '-') && NUMBER.matcher(a).matches()) {
      return new Json.Num(a);
    }
    int eq = a.indexOf("==");
    if (eq > 0) {
      Object left = expression(a.substring(0, eq), ctx);
      String right = a.substring(eq + 2).strip();
      if (right.startsWith("'") && right.endsWith("'") && right.length() >= 2) right = right.substring(1, right.length() - 1);
      return right.equals(left == null ? "null" : left instanceof String t ? t : Json.text(left));
    }
    int colon = a.indexOf(':');
    String name = colon < 0 ? a : a.substring(0, colon);
    String arg = colon < 0 ? null : a.substring(colon + 1);
    switch (name) {
      case "now" -> {
        return ctx.clock.toString();
      }
      case "epoch" -> {
        return Json.Num.of(ctx.clock.getEpochSecond());
      }
      case "hex" -> {
        return ctx.rng.hex(Integer.parseInt(arg));
      }
      case "uuid" -> {
        return ctx.rng.uuid();
      }
      case "int" -> {
        String[] bounds = arg.split("\\.\\.");
        return Json.Num.of(ctx.rng.between(Long.parseLong(bounds[0]), Long.parseLong(bounds[1])));
      }
      case "dec" -> {
        String[] parts = arg.split(":");
        String[] bounds = parts[0].split("\\.\\.");
        long unscaled = ctx.rng.between(Long.parseLong(bounds[0]), Long.parseLong(bounds[1]));
        return new Json.Num(java.math.BigDecimal.valueOf(unscaled, Integer.parseInt(parts[1])).toPlainString());
      }
      case "pick" -> {
        List<String> values = ctx.phrases.apply(arg);
        return values.get(ctx.rng.nextInt(values.size()));
      }
      default -> {
        Object value = reference(name, ctx);
        if (arg != null && value != null && FORMAT.matcher(arg).matches()) {
          long number = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
          return String.format("%" + arg, number);
        }
        return value;
      }
    }
  }

  private static @Nullable Object reference(String path, Ctx ctx) {
    int dot = path.indexOf('.');
    String head = dot < 0 ? path : path.substring(0, dot);
    Object root = ctx.get(head);
    return dot < 0 ? root : Json.at(root, path.substring(dot + 1));
  }

  private static @Nullable Object directive(String key, Map<String, Object> map, Ctx ctx) {
    Object result = switch (key) {
      case "$example" -> {
        Object example = ctx.examples.apply(String.valueOf(map.get("$example")));
        Object path = map.get("path");
        if (example != null && path != null) example = Json.at(example, String.valueOf(path));
        yield example == null ? null : Json.copy(example);
      }
      case "$fixture" -> ctx.fixtures.apply(String.valueOf(map.get("$fixture")));
      case "$omit" -> OMIT;
      case "$merge" -> {
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Object part : Json.array(map.get("$merge"))) {
          Map<String, Object> value = Json.object(eval(part, ctx));
          if (value != null) merged.putAll(value);
        }
        yield merged;
      }
      case "$repeat" -> {
        long count = number(eval(map.get("$repeat"), ctx));
        long every = map.containsKey("every") ? number(map.get("every")) : 0;
        List<Object> out = new ArrayList<>();
        for (long i = 0; i < count; i++) {
          Object item = eval(map.get("item"), ctx.with("i", Json.Num.of(i)).clock(ctx.clock.plusSeconds(every * i)));
          if (item != OMIT) out.add(item);
        }
        yield out;
      }
      case "$each" -> {
        List<Object> source = Json.array(eval(map.get("$each"), ctx));
        String as = map.containsKey("as") ? String.valueOf(map.get("as")) : "it";
        List<Object> out = new ArrayList<>();
        if (source != null) for (Object element : source) {
          Object item = eval(map.get("item"), ctx.with(as, element));
          if (item != OMIT) out.add(item);
        }
        yield out;
      }
      case "$chunks" -> {
        Object text = eval(map.get("$chunks"), ctx);
        int words = map.containsKey("words") ? (int) number(map.get("words")) : 3;
        List<Object> out = new ArrayList<>();
        for (String chunk : chunks(text == null ? "" : text.toString(), words)) out.add(eval(map.get("item"), ctx.with("chunk", chunk)));
        yield out;
      }
      case "$if" -> {
        boolean test = Json.truthy(eval(map.get("$if"), ctx));
        if (test) yield map.containsKey("then") ? eval(map.get("then"), ctx) : OMIT;
        yield map.containsKey("else") ? eval(map.get("else"), ctx) : OMIT;
      }
      default -> throw new IllegalArgumentException("unknown directive " + key);
    };
    Map<String, Object> set = Json.object(map.get("set"));
    Map<String, Object> target = Json.object(result);
    if (set != null && target != null) {
      for (Map.Entry<String, Object> e : set.entrySet()) {
        Object value = eval(e.getValue(), ctx);
        if (value == OMIT) Json.remove(target, e.getKey());
        else Json.put(target, e.getKey(), value);
      }
    }
    List<Object> remove = Json.array(map.get("remove"));
    if (remove != null && target != null) for (Object path : remove) Json.remove(target, String.valueOf(path));
    return result;
  }

  /** Splits {@code text} into pieces of {@code words} words, each but the first keeping its leading space. */
  static List<String> chunks(String text, int words) {
    List<String> out = new ArrayList<>();
    String[] parts = text.split("(?<= )");
    StringBuilder chunk = new StringBuilder();
    int n = 0;
    for (String part : parts) {
      chunk.append(part);
      if (++n == words) {
        out.add(chunk.toString());
        chunk.setLength(0);
        n = 0;
      }
    }
    if (chunk.length() > 0) out.add(chunk.toString());
    return out;
  }

  private static long number(@Nullable Object value) {
    if (value instanceof Number n) return n.longValue();
    if (value instanceof String s) return Long.parseLong(s.strip());
    throw new IllegalArgumentException("not a number: " + value);
  }
}
