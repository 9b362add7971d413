package dev.sessionkit.cli;

/** How results are written to standard output. */
enum Format {
  /** Aligned columns for people; the default on a terminal. */
  table,
  /** The vendor's wire JSON, indented: one document (a streamed array with {@code --all}). */
  json,
  /** The vendor's wire JSON, one value per line (one event per line for event lists); the default otherwise. */
  jsonl
}
