package dev.sessionkit.kafka.connect.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One vendor's sessions and their events, a page at a time from a stored cursor: the only part of
 * the connector that reaches a vendor. {@link DescriptorSessionSource} reads any installed vendor
 * through its {@link dev.sessionkit.core.vendor.VendorDescriptor}.
 */
public interface SessionSource {
  /** Returns the vendor's id. */
  String vendor();

  /** Returns whether the vendor names its sessions by agent ({@code agent/session}). */
  boolean byAgent();

  /** Returns whether {@link #sessions()} can list the vendor's sessions. */
  boolean lists();

  /**
   * Returns every session the vendor lists, in the vendor's order.
   *
   * @throws UnsupportedOperationException when the vendor lists none ({@link #lists()} is false)
   * @throws dev.sessionkit.errors.SessionkitException what the vendor's API calls can throw
   */
  List<SessionRef> sessions();

  /**
   * Returns the page of {@code session}'s events at {@code cursor} (null: the first page), in the
   * session's order, with the cursor of the next page (null when this is the last page for now).
   *
   * @throws dev.sessionkit.errors.SessionkitException what the vendor's API call can throw, a
   *     response that cannot be read included
   */
  EventPage page(SessionRef session, @Nullable String cursor);

  /** One page of a session's events. */
  record EventPage(List<SourceEvent> events, @Nullable String nextCursor) {
    /** Copies the events. */
    public EventPage {
      events = List.copyOf(events);
    }
  }
}
