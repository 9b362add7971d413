package dev.sessionkit.kafka.connect.internal;

import dev.sessionkit.core.vendor.TranscriptItem;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One event of a session as a page gave it: its id (when the vendor's transcript mapping reads one),
 * the transcript items it becomes (none for an event the mapping ignores), and its JSON as the SDK
 * decoded it, encoded only when asked for.
 */
public final class SourceEvent {
  private final @Nullable String id;
  private final List<TranscriptItem> items;
  private final Supplier<String> json;

  /** Creates an event; {@code json} is called at most once. */
  public SourceEvent(@Nullable String id, List<TranscriptItem> items, Supplier<String> json) {
    this.id = id;
    this.items = List.copyOf(items);
    this.json = Objects.requireNonNull(json, "json == null");
  }

  /** Returns the vendor's id of the event, or null when its mapping reads none. */
  public @Nullable String id() {
    return id;
  }

  /** Returns the transcript items the event becomes, in order; empty for an event the mapping ignores. */
  public List<TranscriptItem> items() {
    return items;
  }

  /** Returns the event's JSON, encoded from the decoded event with its generated adapter. */
  public String json() {
    return json.get();
  }

  @Override
  public String toString() {
    return "SourceEvent(" + id + ", " + items.size() + " items)";
  }
}
