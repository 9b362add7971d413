package dev.sessionkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.errors.PaginationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The async pager: one page in flight, the next asked only after the current one was consumed. */
class AsyncPagerTest {
  private static final Map<String, Page<Integer>> PAGES = Map.of(
      "", new Page<>(List.of(1, 2), "a"),
      "a", new Page<>(List.of(), "b"),
      "b", new Page<>(List.of(3), null));

  @Test
  void pagesCompletedAtOnceAreFollowedUntilNoCursorWithAFlatStack() throws Exception {
    List<String> asked = new ArrayList<>();
    AsyncPager<Integer> pager = AsyncPager.of(null, cursor -> {
      asked.add(String.valueOf(cursor));
      return CompletableFuture.completedFuture(PAGES.get(cursor == null ? "" : cursor));
    }, page -> page);
    List<Integer> seen = new ArrayList<>();

    pager.forEach(seen::add).get(5, TimeUnit.SECONDS);

    assertEquals(List.of(1, 2, 3), seen);
    assertEquals(List.of("null", "a", "b"), asked);

    int[] count = new int[1];
    AsyncPager<Integer> long_ = AsyncPager.of(null, cursor -> CompletableFuture.completedFuture(
        new Page<>(List.of(1), cursor == null ? "1" : Integer.parseInt(cursor) < 100_000 ? String.valueOf(Integer.parseInt(cursor) + 1) : null)),
        page -> page);
    long_.forEach(item -> count[0]++).get(30, TimeUnit.SECONDS);
    assertEquals(100_001, count[0]);
  }

  @Test
  void theNextPageIsAskedOnlyAfterEveryItemOfTheCurrentOneWasConsumed() throws Exception {
    List<CompletableFuture<Page<Integer>>> calls = new ArrayList<>();
    AsyncPager<Integer> pager = AsyncPager.of(null, cursor -> {
      CompletableFuture<Page<Integer>> call = new CompletableFuture<>();
      calls.add(call);
      return call;
    }, page -> page);
    List<String> log = new ArrayList<>();

    CompletableFuture<Void> done = pager.forEach(item -> log.add("item " + item + " with " + calls.size() + " asked"));
    assertEquals(1, calls.size());
    calls.get(0).complete(new Page<>(List.of(1, 2), "a"));
    assertEquals(2, calls.size());
    assertFalse(done.isDone());
    calls.get(1).complete(new Page<>(List.of(3), null));

    done.get(5, TimeUnit.SECONDS);
    assertEquals(List.of("item 1 with 1 asked", "item 2 with 1 asked", "item 3 with 2 asked"), log);
  }

  @Test
  void cancellingTheFutureCancelsTheCallInFlightAndAsksNoMore() {
    List<CompletableFuture<Page<Integer>>> calls = new ArrayList<>();
    AsyncPager<Integer> pager = AsyncPager.of(null, cursor -> {
      CompletableFuture<Page<Integer>> call = new CompletableFuture<>();
      calls.add(call);
      return call;
    }, page -> page);

    CompletableFuture<Void> done = pager.forEach(item -> { });
    calls.get(0).complete(new Page<>(List.of(1), "a"));
    done.cancel(true);

    assertTrue(calls.get(1).isCancelled());
    assertEquals(2, calls.size());
  }

  @Test
  void aFailedCallFailsTheFutureWithItsOwnException() {
    IllegalStateException failure = new IllegalStateException("boom");
    AsyncPager<Integer> pager = AsyncPager.of(null, cursor -> cursor == null
        ? CompletableFuture.completedFuture(new Page<>(List.of(1), "a"))
        : CompletableFuture.<Page<Integer>>failedFuture(failure).thenApply(page -> page), page -> page);

    ExecutionException e = assertThrows(ExecutionException.class, () -> pager.forEach(item -> { }).get(5, TimeUnit.SECONDS));
    assertSame(failure, e.getCause());
  }

  @Test
  void aRepeatedCursorFailsWithAPaginationException() {
    AsyncPager<Integer> pager = AsyncPager.of("s", cursor -> CompletableFuture.completedFuture(new Page<>(List.of(1), "s")),
        page -> page);

    ExecutionException e = assertThrows(ExecutionException.class, () -> pager.forEach(item -> { }).get(5, TimeUnit.SECONDS));
    assertEquals(PaginationException.class, e.getCause().getClass());
    assertEquals("the server repeated the cursor \"s\" after page 1; stopping instead of fetching the same pages again",
        e.getCause().getMessage());
  }

  @Test
  void aConsumerThatThrowsFailsTheFutureAndStopsThePaging() {
    List<String> asked = new ArrayList<>();
    AsyncPager<Integer> pager = AsyncPager.of(null, cursor -> {
      asked.add(String.valueOf(cursor));
      return CompletableFuture.completedFuture(PAGES.get(cursor == null ? "" : cursor));
    }, page -> page);
    IllegalArgumentException thrown = new IllegalArgumentException("consumer");

    ExecutionException e = assertThrows(ExecutionException.class, () -> pager.forEach(item -> {
      throw thrown;
    }).get(5, TimeUnit.SECONDS));
    assertSame(thrown, e.getCause());
    assertEquals(List.of("null"), asked);
  }

  /** A subscriber that records every signal and keeps its subscription. */
  private static final class Recorder implements Flow.Subscriber<Integer> {
    final List<String> signals = new ArrayList<>();
    Flow.Subscription subscription;

    @Override public void onSubscribe(Flow.Subscription s) { subscription = s; signals.add("subscribe"); }
    @Override public void onNext(Integer item) { signals.add("next " + item); }
    @Override public void onError(Throwable e) { signals.add("error " + e.getClass().getSimpleName() + ": " + e.getMessage()); }
    @Override public void onComplete() { signals.add("complete"); }
  }

  @Test
  void thePublisherFetchesAPageOnlyWhenTheDemandNeedsOne() {
    List<String> asked = new ArrayList<>();
    List<CompletableFuture<Page<Integer>>> calls = new ArrayList<>();
    AsyncPager<Integer> pager = AsyncPager.of(null, cursor -> {
      asked.add(String.valueOf(cursor));
      CompletableFuture<Page<Integer>> call = new CompletableFuture<>();
      calls.add(call);
      return call;
    }, page -> page);
    Recorder recorder = new Recorder();

    pager.publisher().subscribe(recorder);
    assertEquals(List.of(), asked, "nothing is fetched before a request");
    recorder.subscription.request(1);
    assertEquals(List.of("null"), asked);
    calls.get(0).complete(new Page<>(List.of(1, 2), "a"));
    assertEquals(List.of("subscribe", "next 1"), recorder.signals);
    recorder.subscription.request(1);
    assertEquals(List.of("subscribe", "next 1", "next 2"), recorder.signals);
    assertEquals(List.of("null"), asked, "the page's items are delivered before the next page is asked");
    recorder.subscription.request(5);
    assertEquals(List.of("null", "a"), asked);
    calls.get(1).complete(new Page<>(List.of(3), null));

    assertEquals(List.of("subscribe", "next 1", "next 2", "next 3", "complete"), recorder.signals);
  }

  @Test
  void cancellingTheSubscriptionCancelsTheCallInFlight() {
    List<CompletableFuture<Page<Integer>>> calls = new ArrayList<>();
    AsyncPager<Integer> pager = AsyncPager.of(null, cursor -> {
      CompletableFuture<Page<Integer>> call = new CompletableFuture<>();
      calls.add(call);
      return call;
    }, page -> page);
    Recorder recorder = new Recorder();

    pager.publisher().subscribe(recorder);
    recorder.subscription.request(Long.MAX_VALUE);
    calls.get(0).complete(new Page<>(List.of(1), "a"));
    recorder.subscription.cancel();
    recorder.subscription.request(1);

    assertTrue(calls.get(1).isCancelled());
    assertEquals(2, calls.size());
    assertEquals(List.of("subscribe", "next 1"), recorder.signals);
  }

  @Test
  void thePublisherSignalsTypedFailuresAndRepeatedCursors() {
    Recorder failed = new Recorder();
    AsyncPager.<Page<Integer>, Integer>of(null, cursor -> CompletableFuture.failedFuture(new IllegalStateException("boom")),
        page -> page).publisher().subscribe(failed);
    failed.subscription.request(1);
    assertEquals(List.of("subscribe", "error IllegalStateException: boom"), failed.signals);

    Recorder looped = new Recorder();
    AsyncPager.of("s", cursor -> CompletableFuture.completedFuture(new Page<>(List.of(1), "s")), page -> page)
        .publisher().subscribe(looped);
    looped.subscription.request(10);
    assertEquals(List.of("subscribe", "next 1", "error PaginationException: the server repeated the cursor \"s\" after "
        + "page 1; stopping instead of fetching the same pages again"), looped.signals);
  }
}
