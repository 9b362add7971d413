package dev.sessionkit.transcript;

import dev.sessionkit.core.vendor.TokenUsage;
import dev.sessionkit.core.vendor.TranscriptItem;
import dev.sessionkit.core.vendor.TranscriptMapping;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads a vendor's values (events, pages, whole sessions) through its {@link TranscriptMapping} into
 * entries, one value at a time as they are pulled: the turn an item without one belongs to (the last
 * one opened), a model request's start held until its end, and what the values say of the session and
 * its resource samples. Not thread-safe.
 */
final class EntryReader implements Iterator<Entry>, TranscriptMapping.Sink {
  private final TranscriptMapping mapping;
  private final Iterator<?> values;
  private final ArrayDeque<Entry> ready = new ArrayDeque<>();
  private final ArrayDeque<Boolean> endsTurn = new ArrayDeque<>();
  private final List<ResourceSample> samples = new ArrayList<>();
  private @Nullable String openTurn;
  private @Nullable TranscriptItem pendingStart;
  private boolean lastEndsTurn;
  private @Nullable String sessionId;
  private @Nullable String agent;
  private @Nullable Instant startedAt;
  private @Nullable Instant endedAt;

  EntryReader(TranscriptMapping mapping, Iterator<?> values) {
    this.mapping = mapping;
    this.values = values;
  }

  /** Reads every value now (a response in memory) and returns the entries; what it says of the session is kept. */
  List<Entry> readAll() {
    List<Entry> all = new ArrayList<>();
    while (hasNext()) all.add(next());
    return all;
  }

  @Override
  public boolean hasNext() {
    while (ready.isEmpty() && values.hasNext()) {
      Object value = values.next();
      mapping.read(Objects.requireNonNull(value, "a null value among the events"), this);
    }
    return !ready.isEmpty();
  }

  @Override
  public Entry next() {
    if (!hasNext()) throw new NoSuchElementException();
    lastEndsTurn = endsTurn.removeFirst();
    return ready.removeFirst();
  }

  /** Returns whether the entry {@link #next()} returned last ends its turn, as the vendor's mapping says. */
  boolean lastEndsTurn() {
    return lastEndsTurn;
  }

  @Override
  public void item(TranscriptItem item) {
    String turn = item.turnId() != null ? item.turnId() : openTurn;
    if (item.opensTurn()) openTurn = turn;
    if (item.kind() == TranscriptItem.Kind.MODEL_REQUEST_START) {
      pendingStart = item;
      return;
    }
    Entry entry = entry(item, turn);
    ready.addLast(entry);
    endsTurn.addLast(item.endsTurn());
  }

  @Override
  public void session(@Nullable String sessionId, @Nullable String agent, @Nullable Instant startedAt,
      @Nullable Instant endedAt) {
    if (sessionId != null) this.sessionId = sessionId;
    if (agent != null) this.agent = agent;
    if (startedAt != null) this.startedAt = startedAt;
    if (endedAt != null) this.endedAt = endedAt;
  }

  @Override
  public void sample(Instant time, @Nullable Integer cpuMillicores, @Nullable Long memoryBytes) {
    samples.add(new ResourceSample(time, cpuMillicores, memoryBytes));
  }

  @Nullable String sessionId() {
    return sessionId;
  }

  @Nullable String agent() {
    return agent;
  }

  @Nullable Instant startedAt() {
    return startedAt;
  }

  @Nullable Instant endedAt() {
    return endedAt;
  }

  List<ResourceSample> samples() {
    return samples;
  }

  private Entry entry(TranscriptItem item, @Nullable String turn) {
    Object source = item.source();
    switch (item.kind()) {
      case USER_MESSAGE:
        return new Entry.UserMessage(item.id(), item.time(), turn, orEmpty(item.text()), source);
      case AGENT_MESSAGE:
        return new Entry.AgentMessage(item.id(), item.time(), turn, orEmpty(item.text()), source);
      case THINKING:
        return new Entry.Thinking(item.id(), item.time(), turn, item.text(), source);
      case TOOL_CALL:
        return new Entry.ToolCall(item.id(), item.time(), turn, item.name() == null ? "(unnamed)" : item.name(),
            item.callId(), item.arguments(), source);
      case TOOL_RESULT:
        return new Entry.ToolResult(item.id(), item.time(), turn, item.callId(), item.name(), item.output(), item.failed(),
            source);
      case ERROR:
        return new Entry.Error(item.id(), item.time(), turn, item.type(), item.text() == null ? "(no message)" : item.text(),
            source);
      case STATUS:
        return new Entry.StatusChange(item.id(), item.time(), turn, item.status() == null ? "(no status)" : item.status(),
            item.reason(), usage(item.usage()), source);
      case MODEL_REQUEST:
        return modelRequest(item, turn);
      case UNKNOWN:
        return new Entry.Unknown(item.id(), item.time(), turn, item.type(), Objects.requireNonNull(item.raw()), source);
      default:
        throw new IllegalStateException("no entry for " + item.kind());
    }
  }

  /** A model request, with the start of the same turn held before it (its time, the latency between them). */
  private Entry modelRequest(TranscriptItem end, @Nullable String turn) {
    TranscriptItem start = pendingStart != null && Objects.equals(pendingStart.turnId(), end.turnId()) ? pendingStart : null;
    pendingStart = null;
    Instant startedAt = end.startedAt() != null ? end.startedAt() : start == null ? null : start.time();
    Duration latency = end.latency();
    if (latency == null && start != null && start.time() != null && end.time() != null) {
      latency = Duration.between(start.time(), end.time());
    }
    return new Entry.ModelRequest(end.id(), end.time(), turn, startedAt, end.model(), end.provider(), usage(end.usage()),
        latency, end.costUsd(), end.source(), start == null ? null : start.source());
  }

  private static @Nullable Usage usage(@Nullable TokenUsage usage) {
    return usage == null ? null
        : new Usage(usage.inputTokens(), usage.outputTokens(), usage.cacheReadTokens(), usage.cacheWriteTokens());
  }

  private static String orEmpty(@Nullable String text) {
    return text == null ? "" : text;
  }
}
