package dev.sessionkit.transcript;

import dev.sessionkit.core.vendor.VendorDescriptor;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A whole session of any vendor in one shape: who and when, the ordered entries, the totals, and
 * the resource samples where the vendor gives them. Built by {@link Transcripts}; for a long session,
 * read it as a {@link TranscriptStream} instead, which never holds the whole session.
 *
 * @param vendor the id of the vendor the session was read from (its descriptor's id)
 * @param sessionId the vendor's session id
 * @param agent the agent (id, key or name), or null when the vendor does not say
 * @param startedAt when the session started, or null when unknown
 * @param endedAt when it ended (or its last event), or null when unknown
 * @param entries the entries, in session order
 * @param totals tokens and cost over the entries
 * @param resourceSamples the session's resource samples, else empty
 */
public record Transcript(String vendor, String sessionId, @Nullable String agent, @Nullable Instant startedAt,
    @Nullable Instant endedAt, List<Entry> entries, Totals totals, List<ResourceSample> resourceSamples) {
  /** Checks the required components and copies the lists. */
  public Transcript {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(sessionId, "sessionId");
    entries = List.copyOf(entries);
    Objects.requireNonNull(totals, "totals");
    resourceSamples = List.copyOf(resourceSamples);
  }

  /**
   * Returns a single-use stream over this transcript's entries, for the writers; the vendor's name for
   * people is its installed descriptor's label, else its id.
   */
  public TranscriptStream stream() {
    String label = VendorDescriptor.find(vendor).map(VendorDescriptor::label).orElse(vendor);
    return new TranscriptStream(vendor, label, sessionId, agent, startedAt, endedAt, resourceSamples, entries.iterator(),
        null, false, null);
  }
}
