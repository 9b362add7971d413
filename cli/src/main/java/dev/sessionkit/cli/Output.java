package dev.sessionkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes what an operation returned in the chosen {@link Format}, from the value's wire JSON alone,
 * so that every operation of every vendor is written the same way: {@code json} is the value
 * indented; {@code jsonl} one line per value, or per item of a page; {@code table} a page's items as
 * columns, or an object's fields one per line with its lists of objects as tables below.
 */
final class Output {
  final PrintStream out;
  final Format format;

  Output(PrintStream out, Format format) {
    this.out = out;
    this.format = format;
  }

  /**
   * Writes an operation's response: {@code type} is its declared type, {@code itemType} the items'
   * type when it is a page of a listing.
   */
  void response(Type type, Object value, Optional<Type> itemType) {
    if (value instanceof byte[] bytes) {
      out.write(bytes, 0, bytes.length);
      return;
    }
    if (value instanceof InputStream in) {
      try (in) {
        in.transferTo(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    Optional<List<?>> items = itemType.flatMap(items1 -> items(type, value, items1));
    if (format == Format.json) {
      out.println(Json.pretty(type, value));
    } else if (items.isPresent()) {
      Items writer = items(itemType.get());
      for (Object item : items.get()) writer.write(item);
      writer.finish();
      if (format == Format.table) footer(Json.tree(type, value));
    } else if (format == Format.jsonl) {
      out.println(Json.compact(type, value));
    } else {
      object(Json.tree(type, value), "");
    }
  }

  /**
   * Returns the items of a page: the one record component of the page's type that is a list of the
   * items' type. Empty when the page is not such a record.
   */
  static Optional<List<?>> items(Type pageType, Object page, Type itemType) {
    if (!(pageType instanceof Class<?> type) || !type.isRecord()) return Optional.empty();
    RecordComponent found = null;
    for (RecordComponent component : type.getRecordComponents()) {
      if (component.getGenericType() instanceof ParameterizedType list && list.getRawType() == List.class
          && list.getActualTypeArguments()[0].equals(itemType)) {
        if (found != null) return Optional.empty();
        found = component;
      }
    }
    if (found == null) return Optional.empty();
    try {
      List<?> items = (List<?>) found.getAccessor().invoke(page);
      return Optional.of(items == null ? List.of() : items);
    } catch (ReflectiveOperationException e) {
      return Optional.empty();
    }
  }

  /** The fields of a page but its items, on one line under the table. */
  @SuppressWarnings("unchecked")
  private void footer(Object page) {
    if (!(page instanceof Map<?, ?> map)) return;
    List<String> fields = new ArrayList<>();
    ((Map<String, Object>) map).forEach((key, value) -> {
      if (value != null && Json.scalar(value)) fields.add(key + " " + Json.cell(value));
      if (value instanceof Map<?, ?> nested) {
        flatten(key, nested, new LinkedHashMap<>()).forEach((k, v) -> {
          if (v != null && Json.scalar(v)) fields.add(k + " " + Json.cell(v));
        });
      }
    });
    if (!fields.isEmpty()) out.println("(" + String.join(", ", fields) + "; --all reads every page)");
  }

  /** Writes an object's fields, one per line (nested objects as dotted paths), then each list of objects as a table. */
  @SuppressWarnings("unchecked")
  private void object(Object tree, String indent) {
    if (!(tree instanceof Map<?, ?> map)) {
      if (tree instanceof List<?> list) {
        Table table = new Table(out, indent);
        list.forEach(table::add);
        table.finish();
      } else {
        out.println(indent + Json.cell(tree));
      }
      return;
    }
    if (map.isEmpty()) {
      out.println(indent + "(an empty object)"); // it still says that it answered
      return;
    }
    Map<String, Object> fields = flatten("", (Map<String, Object>) map, new LinkedHashMap<>());
    Map<String, List<?>> tables = new LinkedHashMap<>();
    int width = 0;
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      if (e.getValue() instanceof List<?> list && !list.isEmpty() && !list.stream().allMatch(Json::scalar)) {
        tables.put(e.getKey(), list);
      } else {
        width = Math.max(width, e.getKey().length());
      }
    }
    width = Math.min(width, Table.COLUMN);
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      if (tables.containsKey(e.getKey())) continue;
      String value = Table.text(e.getValue());
      if (value.length() > 120) value = value.substring(0, 119) + "…";
      String key = e.getKey();
      out.println((indent + key + " ".repeat(Math.max(1, width - key.length() + 2)) + value).stripTrailing());
    }
    for (Map.Entry<String, List<?>> e : tables.entrySet()) {
      out.println();
      out.println(indent + e.getKey() + " (" + e.getValue().size() + "):");
      Table table = new Table(out, indent + "  ");
      e.getValue().forEach(table::add);
      table.finish();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> flatten(String prefix, Map<?, ?> map, Map<String, Object> into) {
    map.forEach((key, value) -> {
      String path = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
      if (value instanceof Map<?, ?> nested && !nested.isEmpty()) flatten(path, nested, into);
      else into.put(path, value);
    });
    return into;
  }

  /** Returns a writer of items one at a time (a page's, every page's, or a stream's), never holding more than a table's first rows. */
  Items items(Type itemType) {
    return new Items(itemType, false);
  }

  /**
   * Returns a writer of a live stream's events, each written (and flushed) as it arrives: a table
   * writes each event on its own line, its fields named, since no first rows can choose the columns.
   */
  Items live(Type eventType) {
    return new Items(eventType, true);
  }

  /** Writes items one at a time: JSON lines, a streamed JSON array, or table rows. */
  final class Items {
    private final Type type;
    private final boolean live;
    private final Table table = new Table(out);
    private long written;

    private Items(Type type, boolean live) {
      this.type = type;
      this.live = live;
    }

    /** Writes one item; returns false when standard output is gone (a closed pipe), to stop early. */
    boolean write(Object item) {
      switch (format) {
        case jsonl -> out.println(Json.compact(type, item));
        case json -> {
          out.print(written == 0 ? "[\n  " : ",\n  ");
          out.print(Json.pretty(type, item).replace("\n", "\n  "));
        }
        case table -> {
          if (live) out.println(Table.fields(Json.tree(type, item)));
          else table.add(Json.tree(type, item));
        }
      }
      written++;
      if (live) {
        out.flush();
        return !out.checkError();
      }
      return written % 1000 != 0 || !out.checkError();
    }

    /** Ends the output: closes the JSON array, or writes what the table still holds. */
    void finish() {
      switch (format) {
        case json -> out.println(written == 0 ? "[]" : "\n]");
        case table -> {
          if (!live) table.finish();
        }
        case jsonl -> { }
      }
    }
  }
}
