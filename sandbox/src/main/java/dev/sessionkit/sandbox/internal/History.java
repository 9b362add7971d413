package dev.sessionkit.sandbox.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * What happened in one session: a prefix of events that are never stored (a generated session's,
 * computed from the seed when asked for, or a documented fixture's), then the frames of the turns
 * run since the sandbox started. A frame is an event of the history, a frame of the live stream, or
 * both. Readers of live streams wait on it. Thread-safe.
 */
public final class History {
  /** One frame: its SSE event name and id, its data, and where it shows. */
  public record Frame(String name, @Nullable String id, Map<String, Object> data, boolean history, boolean stream, int turn) {}

  /** One turn run since the sandbox started: its values and the range of history events it wrote. */
  public static final class TurnRecord {
    final int index;
    final Map<String, Object> values;
    final int firstFrame;
    int firstEvent = -1;
    int lastEvent = -1;
    volatile boolean done;
    volatile boolean cancelled;
    final List<Map<String, Object>> input = new ArrayList<>();
    /** What runs once the turn is over (the turn queued behind it), guarded by the history's lock. */
    private final List<Runnable> whenDone = new ArrayList<>();

    TurnRecord(int index, Map<String, Object> values, int firstFrame) {
      this.index = index;
      this.values = values;
      this.firstFrame = firstFrame;
    }

    /** Returns the turn's number within the session (generated turns included). */
    public int index() {
      return index;
    }

    /** Returns the turn's values (id, variables, timestamps). */
    public Map<String, Object> values() {
      return values;
    }

    /** Returns the index of the turn's first frame. */
    public int firstFrame() {
      return firstFrame;
    }

    /** Returns whether the turn is over. */
    public boolean done() {
      return done;
    }

    /** Returns the events made from the request that started it. */
    public List<Map<String, Object>> input() {
      return input;
    }
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final int prefix;
  private final IntFunction<Map<String, Object>> prefixEvents;
  private final IntFunction<String> prefixIds;
  private final java.util.function.ToIntFunction<String> prefixIndex;
  private final int prefixTurns;
  private final List<Frame> frames = new ArrayList<>();
  private final List<Integer> stored = new ArrayList<>();
  private final Map<String, Integer> storedIds = new HashMap<>();
  private final Map<Integer, Map<String, Object>> replaced = new HashMap<>();
  private final Set<Integer> deleted = new HashSet<>();
  private final List<TurnRecord> turns = new ArrayList<>();
  private volatile boolean closed;

  /**
   * Creates a history whose first {@code prefix} events come from {@code events} (ids from
   * {@code ids}, found by {@code index}, which answers -1 for an id it does not know), in
   * {@code prefixTurns} turns.
   */
  public History(int prefix, IntFunction<Map<String, Object>> events, IntFunction<String> ids,
      java.util.function.ToIntFunction<String> index, int prefixTurns) {
    this.prefix = prefix;
    this.prefixEvents = events;
    this.prefixIds = ids;
    this.prefixIndex = index;
    this.prefixTurns = prefixTurns;
  }

  /** An empty history. */
  public static History empty() {
    return new History(0, i -> Map.of(), i -> "", id -> -1, 0);
  }

  /** Returns the number of events in the history, deleted ones included (their slots stay). */
  public int size() {
    lock.lock();
    try {
      return prefix + stored.size();
    } finally {
      lock.unlock();
    }
  }

  /** Returns the size of the never-stored prefix. */
  public int prefix() {
    return prefix;
  }

  /** Returns whether any event was hidden, replaced or deleted (lists then filter). */
  public boolean edited() {
    lock.lock();
    try {
      return !replaced.isEmpty() || !deleted.isEmpty();
    } finally {
      lock.unlock();
    }
  }

  /** Returns event {@code i} (a fresh tree the caller may change). */
  public Map<String, Object> event(int i) {
    lock.lock();
    try {
      Map<String, Object> r = replaced.get(i);
      if (r != null) return copy(r);
      if (i < prefix) return prefixEvents.apply(i);
      return copy(frames.get(stored.get(i - prefix)).data());
    } finally {
      lock.unlock();
    }
  }

  /** Returns the id of event {@code i}. */
  public String id(int i) {
    lock.lock();
    try {
      if (i < prefix) return prefixIds.apply(i);
      return frames.get(stored.get(i - prefix)).id();
    } finally {
      lock.unlock();
    }
  }

  /** Returns the index of the event {@code id}, or -1 (deleted events included). */
  public int indexOf(String id) {
    lock.lock();
    try {
      Integer i = storedIds.get(id);
      if (i != null) return i;
      return prefixIndex.applyAsInt(id);
    } finally {
      lock.unlock();
    }
  }

  /** Returns whether event {@code i} was deleted. */
  public boolean deleted(int i) {
    lock.lock();
    try {
      return deleted.contains(i);
    } finally {
      lock.unlock();
    }
  }

  /** Replaces event {@code i} (hide, unhide). */
  public void replace(int i, Map<String, Object> event) {
    lock.lock();
    try {
      replaced.put(i, event);
    } finally {
      lock.unlock();
    }
  }

  /** Deletes event {@code i}. */
  public void delete(int i) {
    lock.lock();
    try {
      deleted.add(i);
      replaced.remove(i);
    } finally {
      lock.unlock();
    }
  }

  /** Starts a turn and returns its record. */
  public TurnRecord startTurn(Map<String, Object> values) {
    lock.lock();
    try {
      TurnRecord record = new TurnRecord(prefixTurns + turns.size(), values, frames.size());
      turns.add(record);
      return record;
    } finally {
      lock.unlock();
    }
  }

  /** Returns the number of turns before the stored ones. */
  public int prefixTurns() {
    return prefixTurns;
  }

  /** Returns the turns run since the sandbox started. */
  public List<TurnRecord> turns() {
    lock.lock();
    try {
      return List.copyOf(turns);
    } finally {
      lock.unlock();
    }
  }

  /** Returns the turn being run (or queued), or null. */
  public @Nullable TurnRecord running() {
    lock.lock();
    try {
      for (TurnRecord t : turns) if (!t.done) return t;
      return null;
    } finally {
      lock.unlock();
    }
  }

  /** Appends a frame; returns its history index, or -1 when it is not a history event. */
  public int append(Frame frame, @Nullable TurnRecord turn) {
    lock.lock();
    try {
      frames.add(frame);
      int index = -1;
      if (frame.history()) {
        index = prefix + stored.size();
        stored.add(frames.size() - 1);
        if (frame.id() != null) storedIds.put(frame.id(), index);
        if (turn != null) {
          if (turn.firstEvent < 0) turn.firstEvent = index;
          turn.lastEvent = index;
        }
      }
      changed.signalAll();
      return index;
    } finally {
      lock.unlock();
    }
  }

  /** Marks {@code turn} over, wakes the readers and runs what waited for it ({@link #whenDone}). */
  public void finish(TurnRecord turn) {
    List<Runnable> next;
    lock.lock();
    try {
      turn.done = true;
      changed.signalAll();
      next = List.copyOf(turn.whenDone);
      turn.whenDone.clear();
    } finally {
      lock.unlock();
    }
    next.forEach(Runnable::run);
  }

  /**
   * Runs {@code action} once {@code turn} is over (or the sandbox closes): at once if it already is,
   * else on the thread that finishes it. Nothing waits meanwhile: a turn queued behind a running one
   * holds no thread, so the agents' few threads stay free to run the turns that are running.
   */
  public void whenDone(TurnRecord turn, Runnable action) {
    lock.lock();
    try {
      if (!turn.done && !closed) {
        turn.whenDone.add(action);
        return;
      }
    } finally {
      lock.unlock();
    }
    action.run();
  }

  /** Returns the history events {@code turn} wrote, in order. */
  public List<Map<String, Object>> events(TurnRecord turn) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (turn.firstEvent < 0) return out;
    for (int i = turn.firstEvent; i <= turn.lastEvent; i++) if (!deleted(i)) out.add(event(i));
    return out;
  }

  /** Returns the number of events and the number of frames, read together. */
  public int[] snapshot() {
    lock.lock();
    try {
      return new int[] {prefix + stored.size(), frames.size()};
    } finally {
      lock.unlock();
    }
  }

  /** Returns the number of frames appended so far. */
  public int frameCount() {
    lock.lock();
    try {
      return frames.size();
    } finally {
      lock.unlock();
    }
  }

  /** Returns frame {@code i}. */
  public Frame frame(int i) {
    lock.lock();
    try {
      return frames.get(i);
    } finally {
      lock.unlock();
    }
  }

  /** Returns the history index of the first event stored after frame {@code frameIndex} (for replay up to it). */
  public int eventsBefore(int frameIndex) {
    lock.lock();
    try {
      int n = 0;
      for (int f : stored) if (f < frameIndex) n++;
      return prefix + n;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until there are more than {@code seen} frames, {@code turn} is over, the history closes,
   * or {@code nanos} pass; returns the number of frames.
   */
  public int await(int seen, @Nullable TurnRecord turn, long nanos) throws InterruptedException {
    lock.lock();
    try {
      long left = nanos;
      while (frames.size() <= seen && !closed && (turn == null || !turn.done) && left > 0) {
        left = changed.awaitNanos(left);
      }
      return frames.size();
    } finally {
      lock.unlock();
    }
  }

  /** Wakes every reader for good: the sandbox is closing. */
  public void close() {
    List<Runnable> next = new ArrayList<>();
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
      for (TurnRecord t : turns) {
        next.addAll(t.whenDone);
        t.whenDone.clear();
      }
    } finally {
      lock.unlock();
    }
    next.forEach(Runnable::run);
  }

  /** Returns whether the sandbox closed. */
  public boolean closed() {
    return closed;
  }

  /** Waits up to {@code millis} for {@code turn} to end. */
  public void awaitTurn(TurnRecord turn, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    lock.lock();
    try {
      while (!turn.done && !closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) return;
        changed.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> copy(Map<String, Object> event) {
    return (Map<String, Object>) Json.copy(event);
  }
}
