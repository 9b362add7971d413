package dev.sessionkit.qoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.PageOf;
import dev.sessionkit.errors.NotFoundException;
import dev.sessionkit.errors.PaginationException;
import dev.sessionkit.qoder.model.SessionEvent;
import dev.sessionkit.qoder.model.SessionEventList;
import dev.sessionkit.qoder.model.UserMessageEvent;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Page-level iteration with resumable cursors both ways, async auto-paging with one page in flight,
 * and the spec's maximum page size when auto-paging without a limit.
 */
class PagesAndAsyncPagingTest {
  private static final String EVENTS = "/sessions/" + Fixtures.SESSION_ID + "/events";
  @StartStop private final MockWebServer server = new MockWebServer();
  private QoderClient client;

  @BeforeEach
  void buildClient() {
    client = QoderClient.builder().token("pt-t").baseUrl(server.url("/").toString()).build();
  }

  private void enqueuePage(boolean hasMore, String... ids) {
    String[] events = new String[ids.length];
    for (int i = 0; i < ids.length; i++) events[i] = Fixtures.userMessage(ids[i], "m" + ids[i]);
    server.enqueue(new MockResponse.Builder()
        .body(Fixtures.page(hasMore, ids[0], ids[ids.length - 1], events)).build());
  }

  private static List<String> ids(List<SessionEvent> events) {
    return events.stream().map(e -> ((UserMessageEvent) e).id()).toList();
  }

  @Test
  void autoPagingWithoutALimitAsksForTheSpecMaximumWhileOnePageCallsSendOnlyWhatWasGiven() throws Exception {
    enqueuePage(false, "evt_01");
    enqueuePage(false, "evt_01");
    enqueuePage(false, "evt_01");

    client.sessions().events(Fixtures.SESSION_ID);
    assertEquals(1, client.sessions().streamEvents(Fixtures.SESSION_ID).count());
    assertEquals(1, client.sessions().iterateEvents(Fixtures.SESSION_ID, EventListParams.builder().limit(7).build())
        .stream().count());

    assertEquals(EVENTS, server.takeRequest().getTarget());
    assertEquals(EVENTS + "?limit=100", server.takeRequest().getTarget());
    assertEquals(EVENTS + "?limit=7", server.takeRequest().getTarget());
  }

  @Test
  void eventPagesForwardCarryTheResponseAndTheNextCursorAndResumeFromAStoredCursor() throws Exception {
    enqueuePage(true, "evt_01", "evt_02");
    enqueuePage(false, "evt_03");

    Iterator<PageOf<SessionEventList, SessionEvent>> pages = client.sessions().eventPages(Fixtures.SESSION_ID).iterator();
    PageOf<SessionEventList, SessionEvent> first = pages.next();
    assertEquals(1, server.getRequestCount(), "one page at a time");
    assertEquals(List.of("evt_01", "evt_02"), ids(first.items()));
    assertEquals("evt_01", first.response().firstId());
    String stored = first.nextCursor();
    assertEquals("evt_02", stored);

    PageOf<SessionEventList, SessionEvent> resumed = client.sessions()
        .eventPages(Fixtures.SESSION_ID, EventListParams.builder().afterId(stored).build()).iterator().next();
    assertEquals(List.of("evt_03"), ids(resumed.items()));
    assertNull(resumed.nextCursor());

    assertEquals(EVENTS + "?limit=100", server.takeRequest().getTarget());
    assertEquals(EVENTS + "?limit=100&after_id=evt_02", server.takeRequest().getTarget());
  }

  @Test
  void eventPagesBackwardAreReversedAndTheirCursorIsTheFirstIdForBeforeId() throws Exception {
    enqueuePage(true, "evt_07", "evt_08");
    enqueuePage(false, "evt_05", "evt_06");

    List<PageOf<SessionEventList, SessionEvent>> pages = client.sessions()
        .eventPages(Fixtures.SESSION_ID, EventListParams.builder().limit(2).beforeId("evt_09").build()).stream().toList();

    assertEquals(2, pages.size());
    assertEquals(List.of("evt_08", "evt_07"), ids(pages.get(0).items()));
    assertEquals("evt_07", pages.get(0).nextCursor());
    assertEquals(List.of("evt_06", "evt_05"), ids(pages.get(1).items()));
    assertNull(pages.get(1).nextCursor());
    assertEquals(EVENTS + "?limit=2&before_id=evt_09", server.takeRequest().getTarget());
    assertEquals(EVENTS + "?limit=2&before_id=evt_07", server.takeRequest().getTarget());
  }

  @Test
  void asyncForEachRequestsEachPageOnlyAfterThePreviousOneWasConsumed() throws Exception {
    enqueuePage(true, "evt_01", "evt_02");
    enqueuePage(true, "evt_03", "evt_04");
    enqueuePage(false, "evt_05");
    List<String> seen = new CopyOnWriteArrayList<>();

    client.sessions().iterateEventsAsync(Fixtures.SESSION_ID)
        .forEach(e -> seen.add(((UserMessageEvent) e).id() + "@" + server.getRequestCount()))
        .get(10, TimeUnit.SECONDS);

    assertEquals(List.of("evt_01@1", "evt_02@1", "evt_03@2", "evt_04@2", "evt_05@3"), seen);
    assertEquals(EVENTS + "?limit=100", server.takeRequest().getTarget());
    assertEquals(EVENTS + "?limit=100&after_id=evt_02", server.takeRequest().getTarget());
    assertEquals(EVENTS + "?limit=100&after_id=evt_04", server.takeRequest().getTarget());
  }

  @Test
  void cancellingTheAsyncForEachStopsTheFetching() throws Exception {
    enqueuePage(true, "evt_01");
    server.enqueue(new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS)
        .body(Fixtures.page(true, "evt_02", "evt_02", Fixtures.userMessage("evt_02", "late"))).build());
    enqueuePage(false, "evt_03");
    List<String> seen = new CopyOnWriteArrayList<>();

    CompletableFuture<Void> done = client.sessions().iterateEventsAsync(Fixtures.SESSION_ID)
        .forEach(e -> seen.add(((UserMessageEvent) e).id()));
    assertEquals(EVENTS + "?limit=100", server.takeRequest(5, TimeUnit.SECONDS).getTarget());
    assertEquals(EVENTS + "?limit=100&after_id=evt_01", server.takeRequest(5, TimeUnit.SECONDS).getTarget());
    assertTrue(done.cancel(true));

    assertThrows(CancellationException.class, done::join);
    assertNull(server.takeRequest(3, TimeUnit.SECONDS), "no page is requested after cancelling");
    assertEquals(List.of("evt_01"), seen);
  }

  @Test
  void asyncErrorsArriveTypedAsInTheSyncForm() throws Exception {
    enqueuePage(true, "evt_01", "evt_02");
    server.enqueue(new MockResponse.Builder().code(404).addHeader("x-request-id", "req_404")
        .body("{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":\"Session does not exist\"}}").build());

    ExecutionException e = assertThrows(ExecutionException.class,
        () -> client.sessions().iterateEventsAsync(Fixtures.SESSION_ID).forEach(event -> { }).get(10, TimeUnit.SECONDS));
    NotFoundException notFound = assertInstanceOf(NotFoundException.class, e.getCause());
    assertEquals("req_404", notFound.requestId());

    enqueuePage(true, "evt_01", "evt_02");
    enqueuePage(true, "evt_01", "evt_02"); // the server hands back the cursor already followed
    ExecutionException loop = assertThrows(ExecutionException.class,
        () -> client.sessions().iterateEventsAsync(Fixtures.SESSION_ID).forEach(event -> { }).get(10, TimeUnit.SECONDS));
    assertInstanceOf(PaginationException.class, loop.getCause());
    assertEquals(4, server.getRequestCount());
  }

  @Test
  void thePublisherRequestsTheNextPageOnlyWhenTheDemandNeedsIt() throws Exception {
    enqueuePage(true, "evt_01", "evt_02");
    enqueuePage(false, "evt_03");
    LinkedBlockingQueue<String> signals = new LinkedBlockingQueue<>();
    Flow.Subscription[] subscription = new Flow.Subscription[1];

    client.sessions().iterateEventsAsync(Fixtures.SESSION_ID).publisher().subscribe(new Flow.Subscriber<SessionEvent>() {
      @Override public void onSubscribe(Flow.Subscription s) { subscription[0] = s; }
      @Override public void onNext(SessionEvent e) { signals.add(((UserMessageEvent) e).id()); }
      @Override public void onError(Throwable e) { signals.add("error " + e); }
      @Override public void onComplete() { signals.add("complete"); }
    });
    subscription[0].request(2);
    assertEquals("evt_01", signals.poll(5, TimeUnit.SECONDS));
    assertEquals("evt_02", signals.poll(5, TimeUnit.SECONDS));
    assertNull(server.takeRequest(5, TimeUnit.SECONDS).getUrl().queryParameter("after_id"));
    assertNull(server.takeRequest(500, TimeUnit.MILLISECONDS), "no demand, no next page");

    subscription[0].request(1);
    assertEquals("evt_03", signals.poll(5, TimeUnit.SECONDS));
    assertEquals("complete", signals.poll(5, TimeUnit.SECONDS));
    assertEquals(EVENTS + "?limit=100&after_id=evt_02", server.takeRequest(5, TimeUnit.SECONDS).getTarget());
  }
}
