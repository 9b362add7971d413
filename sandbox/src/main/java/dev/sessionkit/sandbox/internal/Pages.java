package dev.sessionkit.sandbox.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Pages of a list as an operation's {@code x-sessionkit-pagination} says (or the scenario's
 * {@code paging}): {@code cursor} (a page after or before an item's id, with {@code has-more}),
 * {@code token} (an opaque token naming the last item; absent on the last page) and {@code offset}
 * ({@code limit}/{@code offset} with the {@code total}).
 */
final class Pages {
  /** A list the pages are cut from: its size, and each item and id by position. */
  interface Seq {
    int size();

    Map<String, Object> item(int i);

    String id(int i);

    /** Returns the position of {@code id}, or -1. */
    int indexOf(String id);
  }

  /** A refused paging parameter. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1;
    final String parameter;
    final String kind;
    final Map<String, String> details;

    Refused(String parameter, String kind, Map<String, String> details) {
      super(parameter + " " + kind, null, false, false);
      this.parameter = parameter;
      this.kind = kind;
      this.details = details;
    }
  }

  /** The page: its items and the envelope's members by dotted path. */
  record Page(List<Object> items, Map<String, @Nullable Object> members, List<String> removed) {}

  private final Map<String, Object> rules;

  Pages(Map<String, Object> rules) {
    this.rules = rules;
  }

  String style() {
    String style = Json.string(rules, "style");
    return style == null ? "cursor" : style;
  }

  String itemsPath() {
    String items = Json.string(rules, "items");
    return items == null ? "data" : items;
  }

  /** Returns the query parameters that carry a cursor, token or offset (not the page size). */
  List<String> cursorParameters() {
    List<String> out = new ArrayList<>();
    switch (style()) {
      case "token" -> add(out, Json.string(rules, "parameter"));
      case "offset" -> add(out, offsetParameter());
      default -> {
        add(out, Json.string(rules, "forward.parameter"));
        add(out, Json.string(rules, "backward.parameter"));
      }
    }
    return out;
  }

  private static void add(List<String> out, @Nullable String value) {
    if (value != null) out.add(value);
  }

  private String offsetParameter() {
    String p = Json.string(rules, "offset");
    return p == null ? "offset" : p;
  }

  @Nullable String pageSizeParameter() {
    String p = Json.string(rules, "page-size");
    return p != null ? p : style().equals("offset") ? "limit" : null;
  }

  /** Cuts the page {@code query} asks for; {@code limit} is the page size already checked. */
  Page page(Seq seq, Map<String, String> query, int limit) throws Refused {
    int n = seq.size();
    Map<String, @Nullable Object> members = new LinkedHashMap<>();
    List<String> removed = new ArrayList<>();
    switch (style()) {
      case "token" -> {
        String parameter = Json.string(rules, "parameter");
        String token = parameter == null ? null : query.get(parameter);
        int from = 0;
        if (token != null && !token.isEmpty()) {
          String id = decode(token);
          int at = id == null ? -1 : seq.indexOf(id);
          if (at < 0) throw new Refused(parameter, "cursor", Map.of());
          from = at + 1;
        }
        int to = Math.min(n, from + limit);
        List<Object> items = items(seq, from, to);
        String tokenPath = Json.string(rules, "token");
        if (tokenPath != null) {
          if (to < n && to > from) members.put(tokenPath, encode(seq.id(to - 1)));
          else removed.add(tokenPath);
        }
        return new Page(items, members, removed);
      }
      case "offset" -> {
        int from = 0;
        String text = query.get(offsetParameter());
        if (text != null) from = (int) Math.min(Integer.MAX_VALUE, Long.parseLong(text.strip()));
        from = Math.min(from, n);
        int to = (int) Math.min(n, (long) from + limit);
        String total = Json.string(rules, "total");
        if (total != null) members.put(total, Json.Num.of(n));
        return new Page(items(seq, from, to), members, removed);
      }
      default -> {
        String forward = Json.string(rules, "forward.parameter");
        String backward = Json.string(rules, "backward.parameter");
        String after = forward == null ? null : query.get(forward);
        String before = backward == null ? null : query.get(backward);
        if (after != null && before != null) {
          throw new Refused(backward, "exclusive", Map.of("other", forward));
        }
        int from;
        int to;
        boolean more;
        if (before != null) {
          int at = seq.indexOf(before);
          if (at < 0) throw new Refused(backward, "cursor", Map.of());
          to = at;
          from = Math.max(0, to - limit);
          more = from > 0;
        } else {
          from = 0;
          if (after != null) {
            int at = seq.indexOf(after);
            if (at < 0) throw new Refused(forward, "cursor", Map.of());
            from = at + 1;
          }
          to = Math.min(n, from + limit);
          more = to < n;
        }
        String hasMore = Json.string(rules, "has-more");
        if (hasMore != null) members.put(hasMore, more);
        String first = Json.string(rules, "backward.cursor");
        String last = Json.string(rules, "forward.cursor");
        if (first != null) members.put(first, from < to ? seq.id(from) : null);
        if (last != null) members.put(last, from < to ? seq.id(to - 1) : null);
        return new Page(items(seq, from, to), members, removed);
      }
    }
  }

  private static List<Object> items(Seq seq, int from, int to) {
    List<Object> out = new ArrayList<>(Math.max(0, to - from));
    for (int i = from; i < to; i++) out.add(seq.item(i));
    return out;
  }

  /** Returns the token that names {@code id}. */
  String encode(String id) {
    String format = Json.string(rules, "token-format");
    String text = format == null ? id : format.replace("{id}", id);
    if ("base64".equals(Json.string(rules, "token-encoding"))) {
      return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
    return text;
  }

  /** Returns the id {@code token} names, or null when it is not a token of this list. */
  @Nullable String decode(String token) {
    String text = token;
    if ("base64".equals(Json.string(rules, "token-encoding"))) {
      try {
        text = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException notBase64) {
        return null;
      }
    }
    String format = Json.string(rules, "token-format");
    if (format == null) return text;
    int at = format.indexOf("{id}");
    Matcher m = Pattern.compile(Pattern.quote(format.substring(0, at)) + "(.+)" + Pattern.quote(format.substring(at + 4)))
        .matcher(text);
    return m.matches() ? m.group(1) : null;
  }
}
