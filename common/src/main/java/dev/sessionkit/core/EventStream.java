package dev.sessionkit.core;

import dev.sessionkit.core.internal.LiveEvents;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * A live stream of server-sent events, each decoded to {@code T} with the client's adapters, read on
 * the calling thread as it is iterated. Close it when done: it holds a connection.
 *
 * <pre>{@code
 * try (EventStream<SessionEvent> events = client.sessions().stream(sessionId)) {
 *   for (SessionEvent event : events) {
 *     System.out.println(event.type());
 *   }
 * }
 * }</pre>
 *
 * <p>Heartbeats never arrive here; an event type this version of the spec does not know arrives as
 * the event union's unknown variant. The stream ends when the server ends it (an end event, where
 * the vendor has one). When the connection drops, a stream the vendor lets resume reconnects from
 * the last event it delivered ({@code Last-Event-ID}, or the vendor's resume field), waiting what
 * the server asked with {@code retry:}, so no event is lost or repeated; otherwise, or when retries
 * run out, iterating throws {@link dev.sessionkit.errors.StreamInterruptedException} carrying
 * {@link #lastEventId()}. An error event throws {@link dev.sessionkit.errors.StreamErrorException}
 * and an event over {@code maxEventBytes} {@link dev.sessionkit.errors.EventTooLargeException}.
 *
 * <p>An {@code EventStream} is iterated once. {@link #close()} may be called from any thread: it
 * cancels the call, and an iteration blocked waiting for the next event then ends quietly.
 *
 * @param <T> what each event decodes to, typically the operation's event union
 */
public final class EventStream<T> implements Iterable<T>, AutoCloseable {
  static {
    LiveEvents.Factory.install(EventStream::new);
  }

  private final LiveEvents<T> events;
  private boolean iterated;

  private EventStream(LiveEvents<T> events) {
    this.events = events;
  }

  /**
   * Returns the iterator over the stream's events; {@code hasNext()} blocks until the next event
   * arrives or the stream ends.
   *
   * @throws IllegalStateException when called a second time: a live stream is read once
   */
  @Override
  public synchronized Iterator<T> iterator() {
    if (iterated) throw new IllegalStateException("an EventStream is iterated once; this one already was");
    iterated = true;
    return new Iterator<>() {
      private @Nullable T next;
      private boolean ended;

      @Override
      public boolean hasNext() {
        if (next != null) return true;
        if (ended) return false;
        next = events.next();
        if (next == null) ended = true;
        return next != null;
      }

      @Override
      public T next() {
        if (!hasNext()) throw new NoSuchElementException("the stream has ended");
        T event = next;
        next = null;
        return event;
      }
    };
  }

  /**
   * Returns the events as a sequential {@link Stream} (using up this stream's one iteration);
   * closing it closes this stream.
   */
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
        Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
  }

  /**
   * Returns where to resume this stream later: the id of the last event the server sent (for a
   * vendor that resumes with a request field, the cursor that field takes), or null when none
   * arrived yet.
   */
  public @Nullable String lastEventId() {
    return events.lastEventId();
  }

  /** Closes the stream and its connection, from any thread; closing it again does nothing. */
  @Override
  public void close() {
    events.close();
  }

  @Override
  public String toString() {
    return "EventStream(lastEventId=" + lastEventId() + ")";
  }
}
