package dev.sessionkit.kafka.connect.internal;

import dev.sessionkit.core.vendor.TranscriptItem;
import dev.sessionkit.errors.ApiConnectionException;
import dev.sessionkit.errors.ApiException;
import dev.sessionkit.errors.RateLimitException;
import dev.sessionkit.errors.ServerException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of one task: its sessions, each at its {@link Position}, read a page at a time in turn.
 * {@link #poll()} reads whole pages of the sessions that are ready until it holds a batch (the pages
 * of several sessions fetched at once, up to the fetch concurrency); a session
 * with no newer events waits the poll interval before its last page is read again; a vendor that
 * rate-limits or fails beyond the SDK's retries pauses (all of its sessions) and backs off, while the
 * other vendors go on; a page that cannot be read, or that contradicts what was exported from it
 * before, fails the task with a message that names the vendor, the session and the cursor.
 *
 * <p>Not thread-safe: a task calls it from its one thread ({@link #stop()} excepted); only the
 * sources' {@code page} calls run on the fetch threads.
 */
public final class Exporter {
  private static final Logger LOG = LoggerFactory.getLogger(Exporter.class);
  private static final long FIRST_BACKOFF_MS = 1_000;

  /** What one poll gathered: the records, and the last record of each whole page among them. */
  public record Batch(List<SourceRecord> records, List<SourceRecord> pageEnds) {}

  private final Map<String, SessionSource> sources;
  private final Records records;
  private final int batchSize;
  private final long pollIntervalNanos;
  private final long backoffMaxMs;
  private final LongSupplier nanoTime;
  private final int concurrency;
  private final @Nullable ExecutorService fetchers;
  private final ArrayDeque<State> ready = new ArrayDeque<>();
  private final PriorityQueue<State> waiting = new PriorityQueue<>((a, b) -> Long.compare(a.readyAt, b.readyAt));
  private final Map<String, Backoff> backoffs = new HashMap<>();
  private volatile boolean stopping;

  /**
   * Creates the export of {@code positions}' sessions (each from its position), read with the
   * {@code sources} of their vendors, sequentially.
   *
   * @param nanoTime the clock (System::nanoTime); tests pass their own
   */
  public Exporter(Map<String, SessionSource> sources, Map<SessionRef, Position> positions, Records records, int batchSize,
      Duration pollInterval, Duration backoffMax, LongSupplier nanoTime) {
    this(sources, positions, records, batchSize, pollInterval, backoffMax, nanoTime, 1, null);
  }

  /**
   * Creates the export of {@code positions}' sessions, fetching up to {@code concurrency} pages of
   * different sessions at a time on {@code fetchers} (its owner shuts it down).
   */
  public Exporter(Map<String, SessionSource> sources, Map<SessionRef, Position> positions, Records records, int batchSize,
      Duration pollInterval, Duration backoffMax, LongSupplier nanoTime, int concurrency, @Nullable ExecutorService fetchers) {
    if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1 (got " + concurrency + ")");
    if (concurrency > 1 && fetchers == null) throw new IllegalArgumentException("fetchers == null with concurrency " + concurrency);
    this.concurrency = concurrency;
    this.fetchers = fetchers;
    this.sources = Map.copyOf(sources);
    this.records = Objects.requireNonNull(records, "records == null");
    this.batchSize = batchSize;
    this.pollIntervalNanos = pollInterval.toNanos();
    this.backoffMaxMs = backoffMax.toMillis();
    this.nanoTime = nanoTime;
    for (Map.Entry<SessionRef, Position> session : positions.entrySet()) {
      if (!sources.containsKey(session.getKey().vendor())) {
        throw new IllegalArgumentException("no source for " + session.getKey());
      }
      ready.add(new State(session.getKey(), session.getValue()));
    }
  }

  /**
   * Returns the records of the whole pages read from the sessions that are ready, at least
   * {@code batchSize} of them when that many are there; empty when no session had a new event. Pages
   * of different sessions are fetched up to the fetch concurrency at a time; a session never has two
   * fetches in flight, so its events stay in order.
   *
   * @throws ConnectException when a page cannot be read (other than by a rate limit or an outage) or
   *     contradicts what was exported from it before; the message names the vendor, the session and the cursor
   * @throws InterruptedException when the thread is interrupted while a fetch is in flight
   */
  public Batch poll() throws InterruptedException {
    List<SourceRecord> out = new ArrayList<>();
    List<SourceRecord> pageEnds = new ArrayList<>();
    while (out.size() < batchSize && !stopping) {
      long now = nanoTime.getAsLong();
      while (!waiting.isEmpty() && waiting.peek().readyAt <= now) ready.add(waiting.poll());
      List<State> round = pick(now);
      if (round.isEmpty()) break;
      List<Object> outcomes = fetch(round);
      for (int i = 0; i < round.size(); i++) {
        State state = round.get(i);
        Object outcome = outcomes.get(i);
        if (outcome instanceof RateLimitException || outcome instanceof ServerException
            || outcome instanceof ApiConnectionException) {
          backOff(state, (RuntimeException) outcome);
          ready.add(state);
          continue;
        }
        if (outcome instanceof RuntimeException e) {
          if (stopping) { // a fetch cut short by the task's stop: read again by the next task
            ready.add(state);
            continue;
          }
          throw new ConnectException(state.session + ": " + state.position.describeCursor() + " could not be read: "
              + e.getMessage(), e);
        }
        SessionSource.EventPage page = (SessionSource.EventPage) outcome;
        backoffs.remove(state.session.vendor());
        int before = out.size();
        read(state, page, out);
        if (out.size() > before) pageEnds.add(out.get(out.size() - 1));
        if (page.nextCursor() != null) {
          ready.add(state);
        } else {
          state.readyAt = nanoTime.getAsLong() + pollIntervalNanos;
          waiting.add(state);
        }
      }
    }
    return new Batch(out, pageEnds);
  }

  /** Takes up to the fetch concurrency of ready sessions whose vendor is not paused, in turn. */
  private List<State> pick(long now) {
    List<State> round = new ArrayList<>(concurrency);
    List<State> paused = new ArrayList<>();
    while (round.size() < concurrency && !ready.isEmpty()) {
      State state = ready.poll();
      Backoff backoff = backoffs.get(state.session.vendor());
      if (backoff != null && backoff.until > now) paused.add(state);
      else round.add(state);
    }
    ready.addAll(paused);
    return round;
  }

  /** Fetches the page of each state, at once when there is one, else on the fetch threads; a failure is its outcome. */
  private List<Object> fetch(List<State> round) throws InterruptedException {
    List<Object> outcomes = new ArrayList<>(round.size());
    if (round.size() == 1 || fetchers == null) {
      for (State state : round) outcomes.add(fetchOne(state));
      return outcomes;
    }
    List<Future<Object>> futures = new ArrayList<>(round.size());
    try {
      for (State state : round) futures.add(fetchers.submit(() -> fetchOne(state)));
      for (Future<Object> future : futures) {
        try {
          outcomes.add(future.get());
        } catch (ExecutionException e) {
          outcomes.add(e.getCause());
        }
      }
    } catch (RejectedExecutionException stopped) { // the task stopped between two rounds
      while (outcomes.size() < round.size()) outcomes.add(stopped);
    } finally {
      for (Future<Object> future : futures) future.cancel(false);
    }
    return outcomes;
  }

  private Object fetchOne(State state) {
    try {
      return sources.get(state.session.vendor()).page(state.session, state.position.cursor());
    } catch (RuntimeException e) {
      return e;
    }
  }

  /** Returns how long until a session may have something to read: 0 when one is ready now. */
  public Duration untilReady() {
    long now = nanoTime.getAsLong();
    long next = Long.MAX_VALUE;
    for (State state : ready) {
      Backoff backoff = backoffs.get(state.session.vendor());
      long at = backoff == null ? now : Math.max(now, backoff.until);
      next = Math.min(next, at);
    }
    if (!waiting.isEmpty()) next = Math.min(next, waiting.peek().readyAt);
    if (next == Long.MAX_VALUE) return pollIntervalNanos > 0 ? Duration.ofNanos(pollIntervalNanos) : Duration.ZERO;
    return Duration.ofNanos(Math.max(0, next - now));
  }

  /** Returns where each session stands, as read so far (not necessarily committed). */
  public Map<SessionRef, Position> positions() {
    Map<SessionRef, Position> positions = new HashMap<>();
    for (State state : ready) positions.put(state.session, state.position);
    for (State state : waiting) positions.put(state.session, state.position);
    return positions;
  }

  /** Makes a poll in progress return after the page it is reading; callable from any thread. */
  public void stop() {
    stopping = true;
  }

  /** Reads {@code page}'s events after those already exported, adding their records to {@code out}. */
  private void read(State state, SessionSource.EventPage page, List<SourceRecord> out) {
    Position at = state.position;
    List<SourceEvent> events = page.events();
    if (at.seen() > events.size()) {
      throw malformed(state, events.size() + (events.size() == 1 ? " event" : " events") + ", but " + at.seen()
          + " were exported from it before");
    }
    if (at.seen() > 0 && at.event() != null) {
      String id = events.get(at.seen() - 1).id();
      if (id != null && !id.equals(at.event())) {
        throw malformed(state, "event " + id + " where event " + at.event() + " was exported before (its "
            + ordinal(at.seen()) + " event)");
      }
    }
    if (page.nextCursor() != null && page.nextCursor().equals(at.cursor())) {
      throw malformed(state, "itself as the next page (cursor " + page.nextCursor() + ")");
    }
    long position = at.events();
    Position now = at;
    for (int i = at.seen(); i < events.size(); i++) {
      SourceEvent event = events.get(i);
      boolean last = i == events.size() - 1;
      Position after = last && page.nextCursor() != null
          ? new Position(page.nextCursor(), 0, position + 1, event.id())
          : new Position(at.cursor(), i + 1, position + 1, event.id());
      if (records.raw()) {
        out.add(records.record(state.session, state.partition, after.offset(), position, 0, event, null));
      } else {
        // An event of several entries: all but the last keep the offset before the event, so that a
        // task stopped between them reads the event again (at-least-once; the entries' positions and
        // parts let a consumer drop the repeats). Whole pages go into one poll, so a transaction per
        // poll never splits an event.
        List<TranscriptItem> items = event.items();
        for (int part = 0; part < items.size(); part++) {
          Map<String, Object> offset = part == items.size() - 1 ? after.offset() : now.offset();
          out.add(records.record(state.session, state.partition, offset, position, part, event, items.get(part)));
        }
      }
      now = after;
      position++;
    }
    if (events.isEmpty() && page.nextCursor() != null) now = new Position(page.nextCursor(), 0, position, at.event());
    state.position = now;
  }

  private void backOff(State state, RuntimeException e) {
    String vendor = state.session.vendor();
    Backoff previous = backoffs.get(vendor);
    long delay = previous == null ? FIRST_BACKOFF_MS : Math.min(backoffMaxMs, previous.delayMs * 2);
    if (e instanceof ApiException api && api.retryAfter().isPresent()) {
      delay = Math.min(backoffMaxMs, Math.max(delay, api.retryAfter().get().toMillis()));
    }
    delay = Math.min(delay, backoffMaxMs);
    backoffs.put(vendor, new Backoff(nanoTime.getAsLong() + Duration.ofMillis(delay).toNanos(), delay));
    LOG.warn("{}: {} failed: {}; pausing {}'s sessions for {} ms", state.session, state.position.describeCursor(),
        e.getMessage(), vendor, delay);
  }

  private static ConnectException malformed(State state, String what) {
    return new ConnectException(state.session + ": " + state.position.describeCursor() + " holds " + what
        + "; nothing is skipped, so the task stops here");
  }

  private static String ordinal(int n) {
    int mod100 = n % 100;
    int mod10 = n % 10;
    String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : mod10 == 1 ? "st" : mod10 == 2 ? "nd" : mod10 == 3 ? "rd" : "th";
    return n + suffix;
  }

  /** Returns the sessions this exporter reads. */
  public Collection<SessionRef> sessions() {
    return positions().keySet();
  }

  private static final class State {
    final SessionRef session;
    final Map<String, String> partition;
    Position position;
    long readyAt;

    State(SessionRef session, Position position) {
      this.session = session;
      this.partition = session.partition(); // kept as it is: its key order matters (SessionRef.partition())
      this.position = position;
    }
  }

  private record Backoff(long until, long delayMs) {}
}
