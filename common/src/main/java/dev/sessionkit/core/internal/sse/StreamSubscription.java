package dev.sessionkit.core.internal.sse;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One subscription to a stream publisher: its own stream, opened and reconnected without blocking a
 * thread, read only while there is demand, so it never delivers more than requested and holds no
 * event while demand is zero (the socket applies backpressure to the server).
 *
 * <p>Events are read and delivered by a drain that runs on the client's callback executor, when it
 * has one (submitted when there is work, returning when demand is spent), or else on one daemon
 * thread of the subscription's own, started when the first event can be read, parked while demand
 * is zero or the stream reconnects, and ended by completion, an error or {@link #cancel()}. Signals
 * are serialized: one drain runs at a time.
 *
 * @param <T> what each event decodes to
 */
final class StreamSubscription<T> implements Flow.Subscription {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Flow.Subscriber<? super T> subscriber;
  private final @Nullable Executor executor;
  private final String threadName;
  private final AtomicLong demand = new AtomicLong();
  private final AtomicInteger wip = new AtomicInteger();
  private final AtomicReference<@Nullable Thread> reader = new AtomicReference<>();
  private volatile @Nullable StreamSession<T> session;
  private volatile boolean connected;
  private volatile boolean cancelled;
  private volatile @Nullable Throwable error;
  private volatile boolean done;

  StreamSubscription(Flow.Subscriber<? super T> subscriber, @Nullable Executor executor, String service) {
    this.subscriber = subscriber;
    this.executor = executor;
    this.threadName = "sessionkit-stream-" + service + "-";
  }

  /** Creates the stream (building its request may fail) and opens it. */
  void start(Supplier<StreamSession<T>> sessions) {
    StreamSession<T> created;
    try {
      created = sessions.get();
    } catch (Throwable invalid) {
      error = invalid;
      signal();
      return;
    }
    session = created;
    if (cancelled) {
      created.close();
      return;
    }
    connect(created, created.openAsync());
  }

  private void connect(StreamSession<T> stream, CompletableFuture<Connection> opening) {
    opening.whenComplete((opened, failure) -> {
      if (failure != null) {
        if (!cancelled) error = stream.failed(failure);
      } else {
        stream.attach(opened);
        connected = true;
      }
      signal();
    });
  }

  @Override
  public void request(long n) {
    if (n <= 0) {
      error = new IllegalArgumentException("request(n) needs n > 0 (got " + n + ")");
    } else {
      demand.getAndAccumulate(n, (had, more) -> had + more < 0 ? Long.MAX_VALUE : had + more);
    }
    signal();
  }

  @Override
  public void cancel() {
    cancelled = true;
    StreamSession<T> stream = session;
    if (stream != null) stream.close();
    signal();
  }

  /** There may be work: run the drain on the executor, or wake (or start) the subscription's thread. */
  private void signal() {
    if (executor != null) {
      if (wip.getAndIncrement() != 0) return;
      try {
        executor.execute(this::drainLoop);
      } catch (RejectedExecutionException rejected) {
        error = rejected;
        drainLoop();
      }
      return;
    }
    Thread thread = reader.get();
    if (thread != null) {
      LockSupport.unpark(thread);
      return;
    }
    if (done || (error == null && !(connected && demand.get() > 0))) return;
    Thread created = new Thread(this::readLoop, threadName + THREADS.incrementAndGet());
    created.setDaemon(true);
    if (reader.compareAndSet(null, created)) {
      created.start();
    } else {
      LockSupport.unpark(reader.get());
    }
  }

  private void drainLoop() {
    int missed = 1;
    do {
      drain();
      missed = wip.addAndGet(-missed);
    } while (missed != 0);
  }

  private void readLoop() {
    while (!done) {
      drain();
      if (!done) LockSupport.park(this);
    }
  }

  @SuppressWarnings("unchecked")
  private void drain() {
    if (done) return;
    StreamSession<T> stream = session;
    if (cancelled) {
      terminate(stream);
      return;
    }
    Throwable failure = error;
    if (failure != null) {
      terminate(stream);
      subscriber.onError(failure);
      return;
    }
    if (!connected || stream == null) return;
    while (demand.get() > 0) {
      Object next;
      try {
        next = stream.poll();
      } catch (Throwable e) {
        terminate(stream);
        if (!cancelled) subscriber.onError(e);
        return;
      }
      if (cancelled) {
        terminate(stream);
        return;
      }
      if (next == StreamSession.END) {
        terminate(stream);
        subscriber.onComplete();
        return;
      }
      if (next == StreamSession.RECONNECT) {
        connected = false;
        connect(stream, stream.reconnect());
        return;
      }
      if (demand.get() != Long.MAX_VALUE) demand.decrementAndGet();
      try {
        subscriber.onNext((T) next);
      } catch (Throwable e) {
        cancelled = true;
        terminate(stream);
        subscriber.onError(e);
        return;
      }
    }
  }

  private void terminate(@Nullable StreamSession<T> stream) {
    done = true;
    if (stream != null) stream.close();
  }
}
