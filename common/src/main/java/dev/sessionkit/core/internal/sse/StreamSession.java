package dev.sessionkit.core.internal.sse;

import com.squareup.moshi.JsonAdapter;
import dev.sessionkit.core.internal.http.Engine;
import dev.sessionkit.core.internal.http.Resumption;
import dev.sessionkit.errors.ApiConnectionException;
import dev.sessionkit.errors.EventTooLargeException;
import dev.sessionkit.errors.StreamInterruptedException;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import okhttp3.Headers;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * One live stream across its connections: reads events as its {@link StreamRules} say (heartbeats
 * skipped, error events thrown, end events ending it, everything else decoded), and after a drop
 * chooses how to resume: with {@code Last-Event-ID}, with the spec's resume request, from the start
 * while no event has arrived, or not at all. {@link #poll()} never waits to reconnect: it answers
 * {@link #RECONNECT}, and the caller (blocking or not) waits and sends the request.
 *
 * <p>One thread reads at a time; {@link #close()} may come from any thread: it cancels the call so
 * a read in progress ends quietly, and the response is released by whichever of the two threads is
 * last, never while the other reads it.
 */
final class StreamSession<T> {
  /** {@link #poll()}: the stream ended (normally, or because it was closed). */
  static final Object END = new Object();
  /** {@link #poll()}: the stream dropped and may resume with {@link #reconnect()}. */
  static final Object RECONNECT = new Object();

  private final Resumption resumption;
  private final Engine.SuccessHandler<Connection> opener;
  private final StreamRules spec;
  private final EventDecoder<T> decoder;
  private final Request request;
  private final Function<String, @Nullable Request> resumeRequests;
  private final String target;
  private final SseParser parser;
  private final @Nullable DataFields fields;
  private final int[] cursorIndexes;
  private final AtomicBoolean busy = new AtomicBoolean();
  private volatile boolean closed;
  private volatile @Nullable Connection connection;
  private volatile @Nullable CompletableFuture<?> pending;
  private volatile @Nullable String cursor;
  private boolean finished;
  private long delivered;
  private int attempts;
  private @Nullable Request reconnectRequest;
  private @Nullable Duration reconnectWait;

  StreamSession(Engine engine, Resumption resumption, StreamRules spec, JsonAdapter<T> adapter, Request request,
      Function<String, @Nullable Request> resumeRequests, long maxEventBytes) {
    this.resumption = resumption;
    this.opener = Connection.opener(engine);
    this.spec = spec;
    this.request = request;
    this.resumeRequests = resumeRequests;
    this.target = request.method() + " " + request.url();
    this.decoder = new EventDecoder<>(adapter, spec.errorParser(), target);
    String resumedFrom = request.header("Last-Event-ID");
    this.parser = new SseParser(maxEventBytes, resumedFrom == null ? "" : resumedFrom);
    List<String> names = new ArrayList<>();
    if (spec.nameProperty() != null) names.add(spec.nameProperty());
    if (spec.resume() == StreamRules.Resume.REQUEST_FIELD) {
      for (String property : spec.cursorProperties()) if (!names.contains(property)) names.add(property);
    }
    this.cursorIndexes = spec.cursorProperties().stream().mapToInt(names::indexOf).toArray();
    this.fields = names.isEmpty() ? null : new DataFields(names);
  }

  /** Opens the stream, blocking; the engine retries the request like a call. */
  void open() {
    attach(resumption.open(request, opener));
  }

  /** Opens the stream without blocking; {@link #attach} the connection when it comes. */
  CompletableFuture<Connection> openAsync() {
    return pending(resumption.openAsync(request, opener));
  }

  /** After {@link #RECONNECT}: waits, then sends the resume request; {@link #attach} the connection when it comes. */
  CompletableFuture<Connection> reconnect() {
    return pending(resumption.reconnect(Objects.requireNonNull(reconnectRequest), Objects.requireNonNull(reconnectWait),
        opener));
  }

  private CompletableFuture<Connection> pending(CompletableFuture<Connection> future) {
    pending = future;
    if (closed) future.cancel(true);
    return future;
  }

  /** Reads the stream from {@code opened} on; closes it at once if the stream was closed meanwhile. */
  void attach(Connection opened) {
    attempts += opened.attempts;
    pending = null;
    parser.reset(opened.body());
    connection = opened;
    if (closed) {
      opened.cancel();
      opened.close();
    }
  }

  /**
   * Returns the next event, {@link #END} or {@link #RECONNECT}.
   *
   * @throws dev.sessionkit.errors.SessionkitException a subclass that says why the stream failed; it is closed
   */
  Object poll() {
    if (!busy.compareAndSet(false, true)) return END;
    boolean failed = true;
    try {
      Object next = read();
      failed = false;
      return next;
    } finally {
      if (failed) closed = true;
      busy.set(false);
      if (closed && busy.compareAndSet(false, true)) release();
    }
  }

  private Object read() {
    Connection current = connection;
    if (closed || finished || current == null) return END;
    if (current.noContent()) return finish();
    while (true) {
      boolean dispatched;
      try {
        dispatched = parser.next();
      } catch (SseParser.TooLarge e) {
        throw new EventTooLargeException("an event of the stream from " + target + " is larger than maxEventBytes ("
            + e.limit() + " bytes)", current.response.code(), current.requestId, e.limit(), e.start(), attempts);
      } catch (IOException e) {
        return closed ? END : dropped(e);
      }
      if (closed) return END;
      if (!dispatched) {
        boolean expectsMore = !spec.ends().isEmpty() || spec.resume() == StreamRules.Resume.LAST_EVENT_ID;
        if (!expectsMore) return finish();
        return dropped(new EOFException(spec.ends().isEmpty() ? "the server ended the response"
            : "the response ended before an end event"));
      }
      Object event = event(current);
      if (event != null) return event;
    }
  }

  /** Returns the dispatched event decoded, or null for a heartbeat. */
  private @Nullable Object event(Connection current) {
    if (fields != null) fields.read(parser.data());
    String name = spec.nameProperty() == null ? parser.type() : Objects.requireNonNull(fields).value(0);
    if (name != null && spec.heartbeats().contains(name)) return null;
    if (name != null && spec.errors().contains(name)) throw decoder.error(parser.data(), name, current, attempts);
    if (spec.resume() == StreamRules.Resume.REQUEST_FIELD) moveCursor();
    T event = decoder.decode(parser.data(), name, current, attempts);
    delivered++;
    resumption.progressed();
    if (name != null && spec.ends().contains(name)) finish();
    return event;
  }

  private void moveCursor() {
    String value = null;
    for (int i = 0; value == null && i < cursorIndexes.length; i++) value = Objects.requireNonNull(fields).value(cursorIndexes[i]);
    if (value == null && !parser.lastEventId().isEmpty()) value = parser.lastEventId();
    if (value != null) cursor = value;
  }

  /** Decides how to go on after the connection dropped with {@code cause}. */
  private Object dropped(IOException cause) {
    release();
    String why = "the stream dropped after " + delivered + (delivered == 1 ? " event (" : " events (")
        + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()) + ")";
    String id = parser.lastEventId();
    String resumeFrom = cursor;
    Request next = null;
    String how = "";
    String reason = null;
    if (spec.resume() == StreamRules.Resume.LAST_EVENT_ID && !id.isEmpty()) {
      Headers headers = request.headers().newBuilder().removeAll("Last-Event-ID")
          .addUnsafeNonAscii("Last-Event-ID", id).build();
      next = request.newBuilder().headers(headers).build();
      how = " with Last-Event-ID " + id;
    } else if (spec.resume() == StreamRules.Resume.REQUEST_FIELD && resumeFrom != null) {
      next = resumeRequests.apply(resumeFrom);
      how = " with the resume request after " + resumeFrom;
      if (next == null) reason = "the request sent cannot carry the resume cursor, so no request resumes it";
    } else if (delivered == 0) {
      next = request;
      how = " from the start, as no event had arrived";
    }
    if (next == null) {
      if (reason == null) {
        reason = switch (spec.resume()) {
          case NONE -> "this stream cannot be resumed";
          case LAST_EVENT_ID -> "no event id had arrived, so reconnecting would replay the events delivered";
          case REQUEST_FIELD -> "no resume cursor had arrived, so resuming would replay the events delivered";
        };
      }
      resumption.refuse(request, why, reason);
      throw interrupted(cause, reason);
    }
    Resumption.Decision decision = resumption.decide(next, how, why, parser.retryMillis());
    if (decision.delay() == null) throw interrupted(cause, decision.reason());
    reconnectRequest = next;
    reconnectWait = decision.delay();
    return RECONNECT;
  }

  /**
   * Returns the exception that ends the stream after opening or reconnecting failed with {@code failure};
   * a connection that could not be made again becomes a {@link StreamInterruptedException} carrying the cursor.
   */
  RuntimeException failed(Throwable failure) {
    close();
    Throwable e = failure;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    if (delivered > 0 && e instanceof ApiConnectionException lost && lost.getCause() instanceof IOException io) {
      return interrupted(io, "reconnecting failed: " + lost.getMessage());
    }
    if (e instanceof RuntimeException unchecked) return unchecked;
    if (e instanceof Error error) throw error;
    return new IllegalStateException(e);
  }

  private StreamInterruptedException interrupted(IOException cause, String reason) {
    closed = true;
    return new StreamInterruptedException(target, cause, reason, lastEventId(), attempts);
  }

  private Object finish() {
    finished = true;
    release();
    return END;
  }

  /** Releases the response; only the reading thread, or {@link #close()} when none reads, calls it. */
  private void release() {
    Connection current = connection;
    if (current != null) current.close();
  }

  /**
   * Returns where to resume: the spec's cursor for a request-field resume, else the last event id;
   * null when none arrived.
   */
  @Nullable String lastEventId() {
    if (spec.resume() == StreamRules.Resume.REQUEST_FIELD) return cursor;
    String id = parser.lastEventId();
    return id.isEmpty() ? null : id;
  }

  /** Closes the stream from any thread: nothing more is read, sent or waited for. */
  void close() {
    closed = true;
    CompletableFuture<?> waiting = pending;
    if (waiting != null) waiting.cancel(true);
    Connection current = connection;
    if (current != null) current.cancel();
    if (busy.compareAndSet(false, true)) release();
  }

  boolean isClosed() {
    return closed;
  }

  String target() {
    return target;
  }

  int attempts() {
    return attempts;
  }
}
