package dev.sessionkit.core;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Every item of a listing, fetched without blocking and with backpressure: one page in flight at a
 * time, the next one requested only after every item of the current one was consumed.
 *
 * <p>{@link #forEach(Consumer)} starts at the start cursor each time it is called. Its future
 * completes when the last page was consumed, or fails with the same typed exceptions as the sync
 * {@link AutoPager} (a {@link dev.sessionkit.errors.SessionkitException} of the failed call, a
 * {@link dev.sessionkit.errors.PaginationException} for a repeated cursor) or with whatever the
 * consumer threw. Cancelling it stops the fetching: no further page is requested and the call in
 * flight is cancelled. No thread is blocked while a page is in flight. {@link #publisher()} gives
 * the same items as a {@link Flow.Publisher} that fetches a page only when the demand needs one.
 *
 * @param <T> the item type
 */
public final class AsyncPager<T> {
  final @Nullable String startCursor;
  final Function<@Nullable String, ? extends CompletableFuture<?>> fetch;
  final Function<Object, Page<T>> read;

  private AsyncPager(@Nullable String startCursor, Function<@Nullable String, ? extends CompletableFuture<?>> fetch,
      Function<Object, Page<T>> read) {
    this.startCursor = startCursor;
    this.fetch = fetch;
    this.read = read;
  }

  /**
   * Creates a pager that starts at {@code startCursor} (null: the first page).
   *
   * @param startCursor the cursor of the first page to fetch, or null
   * @param fetch starts fetching the response at a cursor (null: the first page); cancelling the
   *     future it returns must cancel the call
   * @param read reads a response's items and next cursor
   * @param <P> the response type
   * @param <T> the item type
   */
  @SuppressWarnings("unchecked")
  public static <P, T> AsyncPager<T> of(@Nullable String startCursor,
      Function<@Nullable String, CompletableFuture<P>> fetch, Function<? super P, ? extends Page<T>> read) {
    Objects.requireNonNull(fetch, "fetch == null");
    Objects.requireNonNull(read, "read == null");
    return new AsyncPager<>(startCursor, fetch, response -> read.apply((P) response));
  }

  /**
   * Passes every item from the start cursor on to {@code action}, in order, one page at a time.
   *
   * @param action called with each item, on the thread that completed the page's call: the client's
   *     {@code callbackExecutor} when it has one, else OkHttp's dispatcher thread
   * @return a future that completes when every item was consumed; cancelling it stops the fetching
   */
  public CompletableFuture<Void> forEach(Consumer<? super T> action) {
    Objects.requireNonNull(action, "action == null");
    Run<T> run = new Run<>(this, action);
    run.fetchFrom(startCursor);
    return run.done;
  }

  /**
   * Returns every item from the start cursor on as a publisher. Each subscription starts at the start
   * cursor and fetches the next page only when its items are all delivered and more are requested
   * ({@code request(n)}), one page in flight at a time. It ends with {@code onComplete} after the
   * last page, or {@code onError} with the same typed exceptions as {@link #forEach(Consumer)};
   * {@code cancel()} cancels the call in flight and requests no further page.
   */
  public Flow.Publisher<T> publisher() {
    return subscriber -> {
      Objects.requireNonNull(subscriber, "subscriber == null");
      PagePublication<T> publication = new PagePublication<>(this, subscriber);
      subscriber.onSubscribe(publication);
    };
  }

  /** The failure a page future carried, without CompletableFuture's wrappers. */
  static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** One traversal: the cursor trail, the call in flight and the future the caller holds. */
  private static final class Run<T> {
    private final AsyncPager<T> pager;
    private final Consumer<? super T> action;
    private final CursorGuard guard;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile @Nullable Future<?> inFlight;

    Run(AsyncPager<T> pager, Consumer<? super T> action) {
      this.pager = pager;
      this.action = action;
      this.guard = new CursorGuard(pager.startCursor);
      done.whenComplete((ignored, error) -> {
        Future<?> call = inFlight;
        if (done.isCancelled() && call != null) call.cancel(true);
      });
    }

    /**
     * Fetches the page at {@code cursor} and every page after it. A page already complete when its
     * future is returned is read in this loop rather than by recursion, so the stack stays flat.
     */
    void fetchFrom(@Nullable String first) {
      @Nullable String cursor = first;
      while (true) {
        if (done.isDone()) return;
        CompletableFuture<?> call;
        try {
          call = pager.fetch.apply(cursor);
        } catch (Throwable e) {
          done.completeExceptionally(e);
          return;
        }
        inFlight = call;
        if (done.isCancelled()) {
          call.cancel(true);
          return;
        }
        final @Nullable String followed = cursor;
        if (!call.isDone()) {
          call.whenComplete((response, error) -> {
            Step next = consume(followed, response, error);
            if (next != null && next.more()) fetchFrom(next.cursor());
          });
          return;
        }
        Object response = null;
        Throwable error = null;
        try {
          response = call.join();
        } catch (CompletionException | CancellationException e) {
          error = e;
        }
        Step next = consume(followed, response, error);
        if (next == null || !next.more()) return;
        cursor = next.cursor();
      }
    }

    private record Step(boolean more, @Nullable String cursor) {}

    /** Reads one page and feeds its items; returns where to go next, or null when the run ended. */
    private @Nullable Step consume(@Nullable String followed, @Nullable Object response, @Nullable Throwable error) {
      if (done.isDone()) return null;
      try {
        if (error != null) throw unwrap(error);
        guard.fetched(followed);
        Page<T> page = pager.read.apply(response);
        for (T item : page.items()) {
          if (done.isDone()) return null;
          action.accept(item);
        }
        String next = page.nextCursor();
        if (next == null) {
          done.complete(null);
          return null;
        }
        guard.checkNotRepeated(next);
        return new Step(true, next);
      } catch (Throwable e) {
        done.completeExceptionally(e);
        return null;
      }
    }
  }
}
