package dev.sessionkit.transcript;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A transcript read once, entry by entry, as the vendor's pages arrive: memory stays bounded by
 * the page being read, whatever the session's length. The header ({@link #vendor()},
 * {@link #sessionId()}, {@link #agent()}) is known at once; {@link #totals()}, {@link #startedAt()}
 * and {@link #endedAt()} are complete once the entries have been read to the end. Not thread-safe.
 */
public final class TranscriptStream implements Iterable<Entry> {
  private final Vendor vendor;
  private final String sessionId;
  private final @Nullable String agent;
  private final List<ResourceSample> resourceSamples;
  private final Iterator<Entry> source;
  private @Nullable Instant startedAt;
  private @Nullable Instant endedAt;
  private final boolean fixedTimes;
  private boolean iterated;
  private boolean finished;
  private long entries;
  private long inputTokens;
  private long outputTokens;
  private long cacheReadTokens;
  private long cacheWriteTokens;
  private @Nullable BigDecimal cost;

  TranscriptStream(Vendor vendor, String sessionId, @Nullable String agent, @Nullable Instant startedAt,
      @Nullable Instant endedAt, List<ResourceSample> resourceSamples, Iterator<Entry> source) {
    this.vendor = Objects.requireNonNull(vendor, "vendor");
    this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
    this.agent = agent;
    this.startedAt = startedAt;
    this.endedAt = endedAt;
    this.fixedTimes = startedAt != null || endedAt != null;
    this.resourceSamples = List.copyOf(resourceSamples);
    this.source = source;
  }

  /** Returns the platform the session is read from. */
  public Vendor vendor() {
    return vendor;
  }

  /** Returns the vendor's session id. */
  public String sessionId() {
    return sessionId;
  }

  /** Returns the agent (id, key or name), or null when the vendor does not say. */
  public @Nullable String agent() {
    return agent;
  }

  /** Returns the session's resource samples (Pipecat Cloud), else an empty list. */
  public List<ResourceSample> resourceSamples() {
    return resourceSamples;
  }

  /** Returns when the session started: the vendor's start time, else the first entry's time read so far. */
  public @Nullable Instant startedAt() {
    return startedAt;
  }

  /** Returns when the session ended: the vendor's end time, else the last entry's time read so far. */
  public @Nullable Instant endedAt() {
    return endedAt;
  }

  /** Returns whether every entry has been read. */
  public boolean finished() {
    return finished;
  }

  /** Returns the totals of the entries read so far (all of them once {@link #finished()}). */
  public Totals totals() {
    return new Totals(entries, inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens, cost);
  }

  /**
   * Returns the entries, fetching pages as the iteration needs them; a second call throws
   * {@link IllegalStateException}, since the stream is read once.
   */
  @Override
  public Iterator<Entry> iterator() {
    if (iterated) throw new IllegalStateException("a TranscriptStream is read once; build another one to read it again");
    iterated = true;
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        boolean more = source.hasNext();
        if (!more) finished = true;
        return more;
      }

      @Override
      public Entry next() {
        if (!hasNext()) throw new NoSuchElementException();
        Entry entry = source.next();
        count(entry);
        return entry;
      }
    };
  }

  /** Reads every entry and returns them as one {@link Transcript}: for sessions that fit in memory. */
  public Transcript toTranscript() {
    List<Entry> all = new ArrayList<>();
    for (Entry entry : this) all.add(entry);
    return new Transcript(vendor, sessionId, agent, startedAt, endedAt, all, totals(), resourceSamples);
  }

  private void count(Entry entry) {
    entries++;
    Instant time = entry.time();
    if (time != null && !fixedTimes) {
      if (startedAt == null || time.isBefore(startedAt)) startedAt = time;
      if (endedAt == null || time.isAfter(endedAt)) endedAt = time;
    }
    Usage usage = null;
    if (entry instanceof Entry.ModelRequest request) {
      usage = request.usage();
      if (request.costUsd() != null) cost = cost == null ? request.costUsd() : cost.add(request.costUsd());
    } else if (entry instanceof Entry.StatusChange change) {
      usage = change.usage();
    }
    if (usage != null) {
      inputTokens += orZero(usage.inputTokens());
      outputTokens += orZero(usage.outputTokens());
      cacheReadTokens += orZero(usage.cacheReadTokens());
      cacheWriteTokens += orZero(usage.cacheWriteTokens());
    }
  }

  private static long orZero(@Nullable Long value) {
    return value == null ? 0 : value;
  }
}
