package dev.sessionkit.cli;

import java.util.Map;

/** The table columns of each kind of event. */
final class Rows {
  static final Object[] EVENT_HEADER = {"ID", "TYPE", "CREATED_AT", "SUMMARY"};
  static final int[] EVENT_WIDTHS = {36, 26, 30, 70};

  private Rows() {}

  /** A Qoder or Agents event: id, type, time, summary. */
  static Object[] event(Map<String, Object> e) {
    return new Object[] {e.get("id"), e.get("type"), e.get("created_at"), Output.summary(e)};
  }
}
