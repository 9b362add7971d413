package dev.sessionkit.kafka.connect.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where the export of one session stands, as stored in Connect's source offset: the cursor of the
 * page to read next (null: the first page), how many events of that page were already exported, how
 * many events of the session were read in all, and the id of the last one. Resuming reads the page at
 * {@link #cursor()} again, checks that its event number {@link #seen()} is {@link #event()}, and goes
 * on after it, so that a moved or restarted task starts exactly after the last committed record.
 *
 * @param cursor the cursor of the page to read next, or null for the first page
 * @param seen how many events of that page were exported already
 * @param events how many events of the session were read in all (the next event's position)
 * @param event the id of the last event read, or null when none was or it has no id
 */
public record Position(@Nullable String cursor, int seen, long events, @Nullable String event) {
  /** The offset key of the cursor, absent for the first page. */
  public static final String CURSOR = "cursor";
  /** The offset key of the events of the cursor's page already exported. */
  public static final String SEEN = "seen";
  /** The offset key of the number of the session's events read. */
  public static final String EVENTS = "events";
  /** The offset key of the last event's id, absent when it has none. */
  public static final String EVENT = "event";

  /** A session not exported yet. */
  public static final Position START = new Position(null, 0, 0, null);

  /** Checks the components. */
  public Position {
    if (seen < 0) throw new IllegalArgumentException("seen must not be negative (got " + seen + ")");
    if (events < seen) throw new IllegalArgumentException("events must be at least seen " + seen + " (got " + events + ")");
  }

  /** Returns the position as a Connect source offset. */
  public Map<String, Object> offset() {
    Map<String, Object> offset = new LinkedHashMap<>();
    if (cursor != null) offset.put(CURSOR, cursor);
    offset.put(SEEN, (long) seen);
    offset.put(EVENTS, events);
    if (event != null) offset.put(EVENT, event);
    return offset;
  }

  /**
   * Reads a stored source offset (null: the session was never exported).
   *
   * @throws IllegalArgumentException naming what is wrong when the map is not an offset of this connector
   */
  public static Position fromOffset(@Nullable Map<String, ?> offset) {
    if (offset == null) return START;
    Object cursor = offset.get(CURSOR);
    Object seen = offset.get(SEEN);
    Object events = offset.get(EVENTS);
    Object event = offset.get(EVENT);
    if (cursor != null && !(cursor instanceof String)) throw new IllegalArgumentException(CURSOR + " must be a string (got " + cursor + ")");
    if (!(seen instanceof Number s) || s.longValue() < 0 || s.longValue() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(SEEN + " must be a whole number of events, 0 or more (got " + seen + ")");
    }
    if (!(events instanceof Number n) || n.longValue() < s.longValue()) {
      throw new IllegalArgumentException(EVENTS + " must be a whole number of events, at least " + SEEN + " (got " + events + ")");
    }
    if (event != null && !(event instanceof String)) throw new IllegalArgumentException(EVENT + " must be a string (got " + event + ")");
    for (String key : offset.keySet()) {
      if (!key.equals(CURSOR) && !key.equals(SEEN) && !key.equals(EVENTS) && !key.equals(EVENT)) {
        throw new IllegalArgumentException("an offset has no key " + key + " (it has " + CURSOR + ", " + SEEN + ", " + EVENTS
            + ", " + EVENT + ")");
      }
    }
    return new Position((String) cursor, (int) s.longValue(), n.longValue(), (String) event);
  }

  /** Returns the cursor as a message names it. */
  public String describeCursor() {
    return cursor == null ? "the first page" : "the page at cursor " + cursor;
  }
}
