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
 * A transcript read once, entry by entry, as the vendor's pages (or a live stream's events) arrive:
 * memory stays bounded by the page being read, whatever the session's length. The header
 * ({@link #vendor()}, {@link #sessionId()}, {@link #agent()}) is known at once; {@link #totals()},
 * {@link #startedAt()} and {@link #endedAt()} are complete once the entries have been read to the end.
 * Close it when it follows a live stream (closing a history does nothing). Not thread-safe, but
 * {@link #close()} may be called from any thread.
 */
public final class TranscriptStream implements Iterable<Entry>, AutoCloseable {
  private final String vendor;
  private final String label;
  private final String sessionId;
  private final @Nullable String agent;
  private final List<ResourceSample> resourceSamples;
  private final Iterator<Entry> source;
  private final @Nullable EntryReader reader;
  private final boolean live;
  private final @Nullable AutoCloseable resource;
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

  /**
   * A stream of {@code source}'s entries; {@code reader}, when the entries are read through a vendor's
   * mapping, says which of them end their turn, and {@code resource} is closed with the stream.
   */
  TranscriptStream(String vendor, String label, String sessionId, @Nullable String agent, @Nullable Instant startedAt,
      @Nullable Instant endedAt, List<ResourceSample> resourceSamples, Iterator<Entry> source,
      @Nullable EntryReader reader, boolean live, @Nullable AutoCloseable resource) {
    this.vendor = Objects.requireNonNull(vendor, "vendor");
    this.label = Objects.requireNonNull(label, "label");
    this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
    this.agent = agent;
    this.startedAt = startedAt;
    this.endedAt = endedAt;
    this.fixedTimes = startedAt != null || endedAt != null;
    this.resourceSamples = List.copyOf(resourceSamples);
    this.source = source;
    this.reader = reader;
    this.live = live;
    this.resource = resource;
  }

  /** Returns the vendor's id (its descriptor's id), as written to JSON lines and OTLP. */
  public String vendor() {
    return vendor;
  }

  /** Returns the vendor's name for people (its descriptor's label). */
  public String label() {
    return label;
  }

  /** Returns the vendor's session id. */
  public String sessionId() {
    return sessionId;
  }

  /** Returns the agent (id, key or name), or null when the vendor does not say. */
  public @Nullable String agent() {
    return agent;
  }

  /** Returns the session's resource samples, if the vendor gives any, else an empty list. */
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

  /**
   * Closes the live stream the entries come from, from any thread: an iteration waiting for the
   * next event then ends. Closing a history, or closing twice, does nothing.
   */
  @Override
  public void close() {
    if (resource == null) return;
    try {
      resource.close();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("could not close the stream of " + vendor + " session " + sessionId, e);
    }
  }

  /** Whether the entries come from a live stream (the writers then flush, and export each turn as it ends). */
  boolean live() {
    return live;
  }

  /** Whether the entry the iteration returned last ends its turn, as the vendor's mapping says. */
  boolean lastEndsTurn() {
    return reader != null && reader.lastEndsTurn();
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
