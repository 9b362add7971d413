package dev.sessionkit.qoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.errors.PaginationException;
import dev.sessionkit.qoder.model.SessionEvent;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Auto-paging follows Qoder's cursors both ways, one page at a time, and stops on has_more: false. */
class AutoPagingTest {
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

  @Test
  void pagesForwardWithAfterIdAndLimitUntilHasMoreIsFalse() throws Exception {
    enqueuePage(true, "evt_01", "evt_02");
    enqueuePage(true, "evt_03", "evt_04");
    enqueuePage(false, "evt_05");

    Iterator<SessionEvent> events = client.sessions()
        .iterateEvents(Fixtures.SESSION_ID, EventListParams.builder().limit(2).build()).iterator();

    assertEquals("evt_01", id(events.next()));
    assertEquals(1, server.getRequestCount(), "one page is fetched at a time");
    assertEquals("evt_02", id(events.next()));
    assertEquals(1, server.getRequestCount());
    assertEquals("evt_03", id(events.next()));
    assertEquals(2, server.getRequestCount());
    assertEquals(List.of("evt_04", "evt_05"), List.of(id(events.next()), id(events.next())));
    assertEquals(false, events.hasNext());
    assertEquals(3, server.getRequestCount(), "no request after has_more: false");

    assertEquals(EVENTS + "?limit=2", target(server.takeRequest()));
    assertEquals(EVENTS + "?limit=2&after_id=evt_02", target(server.takeRequest()));
    assertEquals(EVENTS + "?limit=2&after_id=evt_04", target(server.takeRequest()));
  }

  @Test
  void pagesBackwardWithBeforeIdNewestFirst() throws Exception {
    enqueuePage(true, "evt_07", "evt_08");
    enqueuePage(true, "evt_05", "evt_06");
    enqueuePage(false, "evt_04");

    List<String> ids = client.sessions()
        .streamEvents(Fixtures.SESSION_ID, EventListParams.builder().limit(2).beforeId("evt_09").build())
        .map(AutoPagingTest::id).collect(Collectors.toList());

    assertEquals(List.of("evt_08", "evt_07", "evt_06", "evt_05", "evt_04"), ids);
    assertEquals(EVENTS + "?limit=2&before_id=evt_09", target(server.takeRequest()));
    assertEquals(EVENTS + "?limit=2&before_id=evt_07", target(server.takeRequest()));
    assertEquals(EVENTS + "?limit=2&before_id=evt_05", target(server.takeRequest()));
  }

  @Test
  void resumesForwardFromAGivenCursor() throws Exception {
    enqueuePage(false, "evt_11");

    List<String> ids = client.sessions()
        .streamEvents(Fixtures.SESSION_ID, EventListParams.builder().afterId("evt_10").build())
        .map(AutoPagingTest::id).collect(Collectors.toList());

    assertEquals(List.of("evt_11"), ids);
    assertEquals(EVENTS + "?limit=100&after_id=evt_10", target(server.takeRequest()));
  }

  @Test
  void failsClearlyWhenTheServerRepeatsACursor() throws Exception {
    enqueuePage(true, "evt_01", "evt_02");
    enqueuePage(true, "evt_03", "evt_04");
    enqueuePage(true, "evt_01", "evt_02"); // the server loops back to the first page's cursor

    Iterator<SessionEvent> events = client.sessions().iterateEvents(Fixtures.SESSION_ID).iterator();
    for (int i = 0; i < 6; i++) events.next();

    PaginationException e = assertThrows(PaginationException.class, events::hasNext);
    assertTrue(e.getMessage().contains("repeated the cursor \"evt_02\""), e.getMessage());
    assertEquals(3, server.getRequestCount());
    assertEquals(EVENTS + "?limit=100", target(server.takeRequest()));
    assertEquals(EVENTS + "?limit=100&after_id=evt_02", target(server.takeRequest()));
    assertEquals(EVENTS + "?limit=100&after_id=evt_04", target(server.takeRequest()));
  }

  @Test
  void eachIterationStartsAgainFromTheStartCursor() throws Exception {
    enqueuePage(false, "evt_01");
    enqueuePage(false, "evt_01");
    var pager = client.sessions().iterateEvents(Fixtures.SESSION_ID);

    assertEquals(1, pager.stream().count());
    assertEquals(1, pager.stream().count());
    assertEquals(EVENTS + "?limit=100", target(server.takeRequest()));
    assertEquals(EVENTS + "?limit=100", target(server.takeRequest()));
  }

  private static String id(SessionEvent event) {
    return ((dev.sessionkit.qoder.model.UserMessageEvent) event).id();
  }

  private static String target(RecordedRequest request) {
    assertEquals("Bearer pt-t", request.getHeaders().get("Authorization"));
    return request.getTarget();
  }
}
