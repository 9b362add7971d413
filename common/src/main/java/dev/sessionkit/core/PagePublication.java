package dev.sessionkit.core;

import java.util.Collections;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One subscription to {@link AsyncPager#publisher()}: demand, the current page and the call in
 * flight; signals are serialized.
 */
final class PagePublication<T> implements Flow.Subscription {
  private final AsyncPager<T> pager;
  private final Flow.Subscriber<? super T> subscriber;
  private final CursorGuard guard;
  private final AtomicLong demand = new AtomicLong();
  private final AtomicInteger wip = new AtomicInteger();
  private volatile Iterator<T> current = Collections.emptyIterator();
  private volatile @Nullable String cursor;
  private volatile boolean fetchedAny;
  private volatile boolean fetching;
  private volatile boolean cancelled;
  private volatile @Nullable Throwable error;
  private volatile @Nullable Future<?> inFlight;
  private boolean terminated;

  PagePublication(AsyncPager<T> pager, Flow.Subscriber<? super T> subscriber) {
    this.pager = pager;
    this.subscriber = subscriber;
    this.cursor = pager.startCursor;
    this.guard = new CursorGuard(pager.startCursor);
  }

  @Override
  public void request(long n) {
    if (n <= 0) {
      error = new IllegalArgumentException("request(n) needs n > 0 (got " + n + ")");
    } else {
      demand.getAndAccumulate(n, (had, more) -> had + more < 0 ? Long.MAX_VALUE : had + more);
    }
    drain();
  }

  @Override
  public void cancel() {
    cancelled = true;
    Future<?> call = inFlight;
    if (call != null) call.cancel(true);
  }

  /** Runs the delivery loop on one thread at a time; a call while it runs makes it go round again. */
  private void drain() {
    if (wip.getAndIncrement() != 0) return;
    int missed = 1;
    do {
      deliver();
      missed = wip.addAndGet(-missed);
    } while (missed != 0);
  }

  private void deliver() {
    if (terminated || cancelled) return;
    if (error != null) {
      fail(error);
      return;
    }
    try {
      while (demand.get() > 0 && current.hasNext()) {
        if (cancelled) return;
        T item = current.next();
        if (demand.get() != Long.MAX_VALUE) demand.decrementAndGet();
        subscriber.onNext(item);
      }
    } catch (Throwable e) {
      cancel();
      fail(e);
      return;
    }
    if (cancelled || fetching || current.hasNext()) return;
    if (fetchedAny && cursor == null) {
      terminated = true;
      subscriber.onComplete();
    } else if (demand.get() > 0) {
      fetch();
    }
  }

  private void fetch() {
    String followed = cursor;
    CompletableFuture<?> call;
    try {
      if (fetchedAny) guard.checkNotRepeated(Objects.requireNonNull(followed));
      call = pager.fetch.apply(followed);
    } catch (Throwable e) {
      fail(e);
      return;
    }
    fetching = true;
    inFlight = call;
    if (cancelled) {
      call.cancel(true);
      return;
    }
    call.whenComplete((response, failure) -> {
      if (failure != null) {
        error = AsyncPager.unwrap(failure);
      } else {
        try {
          guard.fetched(followed);
          Page<T> page = pager.read.apply(response);
          current = page.items().iterator();
          cursor = page.nextCursor();
          fetchedAny = true;
        } catch (Throwable e) {
          error = e;
        }
      }
      fetching = false;
      drain();
    });
  }

  private void fail(Throwable e) {
    terminated = true;
    subscriber.onError(e);
  }
}
