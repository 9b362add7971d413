package dev.sessionkit.core.internal.sse;

import dev.sessionkit.core.internal.LiveEvents;
import dev.sessionkit.errors.ApiConnectionException;
import java.io.InterruptedIOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * A live stream read on the caller's thread: what {@code EventStream} iterates. Reconnects wait
 * with the client's sleeper and are sent through the engine's asynchronous path, so that
 * {@link #close()} from another thread cancels a wait or an attempt in flight at once.
 *
 * @param <T> what each event decodes to
 */
final class BlockingEvents<T> implements LiveEvents<T> {
  private final StreamSession<T> session;

  BlockingEvents(StreamSession<T> session) {
    this.session = session;
  }

  @Override
  @SuppressWarnings("unchecked")
  public @Nullable T next() {
    while (true) {
      Object next = session.poll();
      if (next == StreamSession.END) return null;
      if (next != StreamSession.RECONNECT) return (T) next;
      CompletableFuture<Connection> reconnected = session.reconnect();
      try {
        session.attach(reconnected.get());
      } catch (CancellationException e) {
        return null;
      } catch (ExecutionException e) {
        if (session.isClosed()) return null;
        throw session.failed(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        session.close();
        throw new ApiConnectionException(session.target(), new InterruptedIOException("interrupted while reconnecting"),
            session.attempts());
      }
    }
  }

  @Override
  public @Nullable String lastEventId() {
    return session.lastEventId();
  }

  @Override
  public void close() {
    session.close();
  }
}
