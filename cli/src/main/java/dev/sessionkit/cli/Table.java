package dev.sessionkit.cli;

import java.io.PrintStream;

/** Writes rows in fixed-width columns as they come, so that long exports never need to be held. */
final class Table {
  private final PrintStream out;
  private final int[] widths;

  /** Creates a table whose columns are {@code widths} wide; the last column takes what is left, up to its width. */
  Table(PrintStream out, int... widths) {
    this.out = out;
    this.widths = widths;
  }

  /** Writes one row; values longer than their column are shortened with an ellipsis. */
  void row(Object... values) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      String text = values[i] == null ? "-" : String.valueOf(values[i]).replaceAll("\\s+", " ").strip();
      int width = widths[Math.min(i, widths.length - 1)];
      if (text.length() > width) text = text.substring(0, Math.max(0, width - 1)) + "…";
      line.append(text);
      if (i < values.length - 1) line.append(" ".repeat(width - text.length() + 2));
    }
    out.println(line.toString().stripTrailing());
  }
}
