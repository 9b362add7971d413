package dev.sessionkit.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.sessionkit.core.json.SessionkitMoshi;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes SDK results to standard output in the chosen {@link Format}. JSON is the vendor's wire
 * JSON, re-encoded by sessionkit's Moshi, so unknown variants keep their raw JSON.
 */
final class Output {
  private static final JsonAdapter<Object> TREE = new Moshi.Builder().build().adapter(Object.class);

  final PrintStream out;
  final Format format;

  Output(PrintStream out, Format format) {
    this.out = out;
    this.format = format;
  }

  /** Returns {@code value} as compact wire JSON. */
  static <T> String compact(Type type, T value) {
    return SessionkitMoshi.moshi().<T>adapter(type).toJson(value);
  }

  /** Returns {@code value} as indented wire JSON. */
  static <T> String pretty(Type type, T value) {
    return SessionkitMoshi.moshi().<T>adapter(type).indent("  ").toJson(value);
  }

  /** Returns {@code value}'s wire JSON as maps and lists, for tables. */
  @SuppressWarnings("unchecked")
  static <T> Map<String, Object> tree(Type type, T value) {
    try {
      Object parsed = TREE.fromJson(compact(type, value));
      return parsed instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of("value", String.valueOf(parsed));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes one value: indented JSON, one JSON line, or (for tables) whatever {@code table} writes. */
  <T> void single(Type type, T value, Runnable table) {
    switch (format) {
      case json -> out.println(pretty(type, value));
      case jsonl -> out.println(compact(type, value));
      case table -> table.run();
    }
  }

  /** Returns a writer of a stream of events: JSON lines, a streamed JSON array, or table rows. */
  <T> EventWriter<T> events(Type type, Table table, Object[] header, Function<Map<String, Object>, Object[]> row) {
    return new EventWriter<>(this, type, table, header, row);
  }

  /** Writes events one at a time, never holding more than one. */
  static final class EventWriter<T> {
    private final Output output;
    private final Type type;
    private final Table table;
    private final Object[] header;
    private final Function<Map<String, Object>, Object[]> row;
    private long written;

    private EventWriter(Output output, Type type, Table table, Object[] header, Function<Map<String, Object>, Object[]> row) {
      this.output = output;
      this.type = type;
      this.table = table;
      this.header = header;
      this.row = row;
    }

    /** Writes one event; returns false when standard output is gone (a closed pipe), to stop early. */
    boolean write(T event) {
      PrintStream out = output.out;
      switch (output.format) {
        case jsonl -> out.println(compact(type, event));
        case json -> {
          out.print(written == 0 ? "[\n  " : ",\n  ");
          out.print(pretty(type, event).replace("\n", "\n  "));
        }
        case table -> {
          if (written == 0) table.row(header);
          table.row(row.apply(tree(type, event)));
        }
      }
      written++;
      return written % 1000 != 0 || !out.checkError();
    }

    /** Ends the output (closes the JSON array; a table with no rows says so). */
    void finish() {
      PrintStream out = output.out;
      switch (output.format) {
        case json -> out.println(written == 0 ? "[]" : "\n]");
        case table -> {
          if (written == 0) out.println("(no events)");
        }
        case jsonl -> { }
      }
    }
  }

  /** A one-line summary of an event: its text, or its tool and input, or its error or status. */
  static String summary(Map<String, Object> event) {
    if (event.get("tool_name") != null) {
      Object payload = event.containsKey("tool_output") ? event.get("tool_output") : event.get("tool_input");
      return event.get("tool_name") + " " + (payload == null ? "" : render(payload));
    }
    for (String key : List.of("content", "text", "messages", "error_message", "error", "status", "stop_reason")) {
      Object value = event.get(key);
      if (value != null) return flatten(value);
    }
    return "";
  }

  private static String flatten(Object value) {
    if (value instanceof List<?> list) {
      if (list.isEmpty()) return "";
      return flatten(list.get(0)) + (list.size() > 1 ? " (+" + (list.size() - 1) + ")" : "");
    }
    if (value instanceof Map<?, ?> map) {
      for (String key : List.of("text", "content", "message", "type")) {
        if (map.get(key) != null) return flatten(map.get(key));
      }
      return render(value);
    }
    if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) return Long.toString(d.longValue());
    return String.valueOf(value);
  }

  /** Writes JSON read back as maps and lists again, whole numbers without ".0". */
  private static String render(Object value) {
    if (value instanceof Map<?, ?> map) {
      StringBuilder out = new StringBuilder("{");
      map.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(TREE.toJson(k)).append(':').append(render(v)));
      return out.append('}').toString();
    }
    if (value instanceof List<?> list) {
      StringBuilder out = new StringBuilder("[");
      for (Object item : list) out.append(out.length() > 1 ? "," : "").append(render(item));
      return out.append(']').toString();
    }
    if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15) return Long.toString(d.longValue());
    return TREE.toJson(value);
  }

  /** Formats a JSON number read back as a double (whole numbers without ".0"). */
  static String number(Object value) {
    return value == null ? "-" : flatten(value);
  }
}
