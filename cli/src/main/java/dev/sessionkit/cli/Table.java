package dev.sessionkit.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Rows of JSON objects as aligned columns, written as they come so that a long listing is never
 * held: the columns and their widths are chosen from the first {@value #BATCH} rows (every field
 * seen in them, in the order seen; a field with one value in every row is said once, above the
 * table; fields most rows lack share a last column, {@code DETAILS}), then every row is written in them.
 */
final class Table {
  /** How many rows choose the columns. */
  static final int BATCH = 50;
  /** The widest a column may be but the last. */
  static final int COLUMN = 36;
  /** The widest the last column may be. */
  static final int LAST_COLUMN = 80;

  private final PrintStream out;
  private final String indent;
  private final List<Map<String, Object>> pending = new ArrayList<>();
  /** The column of the fields most rows lack; compared by identity, so that no field of that name is mistaken for it. */
  private static final String DETAILS = new String("details");

  private List<String> columns;
  private List<String> details = List.of();
  private int[] widths;
  private long rows;

  Table(PrintStream out) {
    this(out, "");
  }

  Table(PrintStream out, String indent) {
    this.out = out;
    this.indent = indent;
  }

  /** Adds one row; a value that is not a JSON object is a row of one column. */
  @SuppressWarnings("unchecked")
  void add(Object tree) {
    Map<String, Object> row = tree instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of("value", String.valueOf(Json.cell(tree)));
    rows++;
    if (columns != null) {
      write(row);
      return;
    }
    pending.add(row);
    if (pending.size() == BATCH) layout();
  }

  /** Returns how many rows were added. */
  long rows() {
    return rows;
  }

  /** Writes what is still held; a table without rows says {@code (none)}. */
  void finish() {
    if (columns == null) layout();
  }

  private void layout() {
    Set<String> seen = new LinkedHashSet<>();
    for (Map<String, Object> row : pending) {
      row.forEach((key, value) -> {
        if (value != null) seen.add(key);
      });
    }
    Map<String, String> constant = new LinkedHashMap<>();
    if (pending.size() > 1) {
      for (String key : seen) {
        Object first = pending.get(0).get(key);
        if (Json.scalar(first) && first != null && pending.stream().allMatch(row -> Objects.equals(first, row.get(key)))) {
          constant.put(key, Json.cell(first));
        }
      }
    }
    // Fields most rows lack (the variants of a union, say) share the last column, "DETAILS".
    List<String> sparse = new ArrayList<>();
    if (pending.size() > 1) {
      for (String key : seen) {
        long set = pending.stream().filter(row -> row.get(key) != null).count();
        if (!constant.containsKey(key) && set * 2 <= pending.size()) sparse.add(key);
      }
    }
    details = sparse.size() > 1 ? List.copyOf(sparse) : List.of();
    List<String> narrow = new ArrayList<>();
    List<String> wide = new ArrayList<>();
    for (String key : seen) {
      if (constant.containsKey(key) || details.contains(key)) continue;
      int longest = pending.stream().mapToInt(row -> text(row.get(key)).length()).max().orElse(0);
      (longest > COLUMN ? wide : narrow).add(key);
    }
    columns = new ArrayList<>(narrow);
    columns.addAll(wide); // long text last, where it may run wider
    if (!details.isEmpty()) columns.add(DETAILS);
    widths = new int[columns.size()];
    for (int i = 0; i < widths.length; i++) {
      String key = columns.get(i);
      int longest = Math.max(key.length(), pending.stream().mapToInt(row -> cell(row, key).length()).max().orElse(0));
      widths[i] = Math.min(longest, i == widths.length - 1 ? LAST_COLUMN : COLUMN);
    }
    if (pending.isEmpty()) {
      out.println(indent + "(none)");
      return;
    }
    if (!constant.isEmpty()) {
      StringBuilder caption = new StringBuilder();
      constant.forEach((key, value) -> caption.append(caption.length() == 0 ? "" : "  ").append(key).append(' ').append(value));
      out.println(indent + "(every row: " + caption + ")");
    }
    if (columns.isEmpty()) return;
    line(columns.stream().map(c -> c.toUpperCase(java.util.Locale.ROOT)).toList());
    pending.forEach(this::write);
    pending.clear();
  }

  private void write(Map<String, Object> row) {
    if (columns.isEmpty()) return;
    line(columns.stream().map(key -> cell(row, key)).toList());
  }

  /** A row's text in a column: the field's, or for DETAILS each of the sparse fields it has, with its name. */
  private String cell(Map<String, Object> row, String column) {
    if (column != DETAILS) return text(row.get(column));
    List<String> parts = new ArrayList<>();
    for (String key : details) {
      Object value = row.get(key);
      if (value != null) parts.add(key + ": " + text(value));
    }
    return parts.isEmpty() ? "-" : String.join("; ", parts);
  }

  private void line(List<String> values) {
    StringBuilder line = new StringBuilder(indent);
    for (int i = 0; i < values.size(); i++) {
      String text = values.get(i);
      int width = widths[i];
      if (text.length() > width) text = text.substring(0, Math.max(0, width - 1)) + "…";
      line.append(text);
      if (i < values.size() - 1) line.append(" ".repeat(width - text.length() + 2));
    }
    out.println(line.toString().stripTrailing());
  }

  /** Returns a value's fields on one line, each named ({@code id evt_1  type user.message  ...}), nested objects by their paths. */
  static String fields(Object tree) {
    if (!(tree instanceof Map<?, ?> map)) return text(tree);
    List<String> parts = new ArrayList<>();
    map.forEach((key, value) -> {
      if (value != null) parts.add(key + " " + text(value));
    });
    String line = String.join("  ", parts);
    return line.length() > 200 ? line.substring(0, 199) + "…" : line;
  }

  /** A cell's text on one line. */
  static String text(Object tree) {
    return Json.cell(tree).replaceAll("\\s+", " ").strip();
  }
}
