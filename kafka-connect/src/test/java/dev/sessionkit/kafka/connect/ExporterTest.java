package dev.sessionkit.kafka.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.vendor.VendorDescriptor;
import dev.sessionkit.errors.DecodingException;
import dev.sessionkit.errors.ErrorDetails;
import dev.sessionkit.errors.RateLimitException;
import dev.sessionkit.errors.ServerException;
import dev.sessionkit.kafka.connect.internal.Exporter;
import dev.sessionkit.kafka.connect.internal.Position;
import dev.sessionkit.kafka.connect.internal.Records;
import dev.sessionkit.kafka.connect.internal.SessionRef;
import dev.sessionkit.kafka.connect.internal.SessionSource;
import dev.sessionkit.kafka.connect.internal.SourceConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Headers;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/** One task's export: pages in order from a stored position, backoff, and failures that name what failed. */
class ExporterTest {
  private final AtomicLong clock = new AtomicLong();
  private final MemoryVendor mem = new MemoryVendor("mem", false);
  private final MemoryVendor other = new MemoryVendor("other", false);
  private final SessionRef s1 = new SessionRef("mem", null, "s1");
  private final SessionRef s2 = new SessionRef("other", null, "s2");
  private final Map<String, String> props = new HashMap<>(Map.of("vendors", "mem,other", "topic", "sessions.{vendor}",
      "vendor.mem.credential", "t1", "vendor.other.credential", "t2", "vendor.mem.sessions", "s1",
      "vendor.other.sessions", "s2", "page.size", "3", "poll.interval.ms", "5000"));

  private Exporter exporter(Map<SessionRef, Position> positions) {
    SourceConfig config = new SourceConfig(props, List.<VendorDescriptor>of(mem, other));
    Map<String, SessionSource> sources = Map.of("mem", config.open("mem"), "other", config.open("other"));
    return new Exporter(sources, positions, new Records(config), config.batchSize(),
        Duration.ofMillis(config.pollIntervalMs()), Duration.ofMillis(config.backoffMaxMs()), clock::get);
  }

  private Map<SessionRef, Position> inOrder() {
    Map<SessionRef, Position> positions = new LinkedHashMap<>();
    positions.put(s1, Position.START);
    positions.put(s2, Position.START);
    return positions;
  }

  private static List<String> events(List<SourceRecord> records) {
    return records.stream().map(r -> ((Struct) r.value()).getString("event_id")).toList();
  }

  private static String header(SourceRecord record, String key) {
    Header header = record.headers().lastWithName(key);
    return header == null ? null : String.valueOf(header.value());
  }

  @Test
  void exportsASessionsEventsInOrderWithTheNextPagesCursorAsTheOffsetOfEachPagesLastEvent() throws Exception {
    mem.events("s1", 7);
    List<SourceRecord> records = exporter(Map.of(s1, Position.START)).poll().records();

    assertEquals(List.of("s1-0", "s1-1", "s1-2", "s1-3", "s1-4", "s1-5", "s1-6"), events(records));
    assertEquals(List.of("s1@null/3", "s1@3/3", "s1@6/3"), mem.fetches);
    assertEquals(Map.of("vendor", "mem", "session", "s1"), records.get(0).sourcePartition());
    assertEquals(Map.of("seen", 2L, "events", 2L, "event", "s1-1"), records.get(1).sourceOffset());
    assertEquals(Map.of("cursor", "3", "seen", 0L, "events", 3L, "event", "s1-2"), records.get(2).sourceOffset());
    assertEquals(Map.of("cursor", "6", "seen", 1L, "events", 7L, "event", "s1-6"), records.get(6).sourceOffset());
    SourceRecord first = records.get(0);
    assertEquals("sessions.mem", first.topic());
    assertEquals("s1", first.key());
    assertEquals("0", header(first, "sessionkit.position"));
    assertEquals("6", header(records.get(6), "sessionkit.position"));
    assertEquals("mem", header(first, "sessionkit.vendor"));
    assertEquals("s1-0", header(first, "sessionkit.event.id"));
    Struct entry = (Struct) first.value();
    entry.validate();
    assertEquals("user_message", entry.getString("kind"));
    assertEquals("said s1-0", entry.getString("text"));
  }

  @Test
  void aRestartedExportReadsTheStoredPageAgainAndGoesOnAfterTheLastCommittedEvent() throws Exception {
    mem.events("s1", 7);
    SourceRecord committed = exporter(Map.of(s1, Position.START)).poll().records().get(4);
    mem.fetches.clear();

    List<SourceRecord> resumed = exporter(Map.of(s1, Position.fromOffset(committed.sourceOffset()))).poll().records();

    assertEquals(List.of("s1-5", "s1-6"), events(resumed));
    assertEquals(List.of("s1@3/3", "s1@6/3"), mem.fetches);
    assertEquals("5", header(resumed.get(0), "sessionkit.position"));
  }

  @Test
  void aCaughtUpSessionIsReadAgainAfterThePollIntervalForTheEventsAddedSince() throws Exception {
    mem.events("s1", 4);
    Exporter exporter = exporter(Map.of(s1, Position.START));
    assertEquals(4, exporter.poll().records().size());
    mem.events("s1", 2);

    assertEquals(List.of(), exporter.poll().records(), "not before the poll interval");
    assertEquals(Duration.ofSeconds(5), exporter.untilReady());
    clock.addAndGet(Duration.ofSeconds(5).toNanos());
    assertEquals(List.of("s1-4", "s1-5"), events(exporter.poll().records()));
    assertEquals(List.of("s1@null/3", "s1@3/3", "s1@3/3"), mem.fetches);
  }

  @Test
  void aRateLimitPausesThatVendorForItsRetryAfterWhileTheOtherVendorGoesOn() throws Exception {
    mem.events("s1", 2);
    other.events("s2", 2);
    mem.fault = at -> mem.fetches.size() == 1
        ? new RateLimitException(429, new ErrorDetails("rate_limit", "slow down", null), "req_1", Headers.of(), null, 3,
            Duration.ofSeconds(3))
        : null;
    Exporter exporter = exporter(inOrder());

    assertEquals(List.of("s2-0", "s2-1"), events(exporter.poll().records()));
    assertEquals(Duration.ofSeconds(3), exporter.untilReady());
    assertEquals(List.of(), exporter.poll().records(), "paused");
    clock.addAndGet(Duration.ofSeconds(3).toNanos());
    assertEquals(List.of("s1-0", "s1-1"), events(exporter.poll().records()));
  }

  @Test
  void anOutageBacksOffLongerEachTimeUpToTheLongestBackoff() throws Exception {
    props.put("backoff.max.ms", "3000");
    mem.events("s1", 2);
    mem.fault = at -> new ServerException(503, new ErrorDetails(null, "unavailable", null), null, Headers.of(), null, 3, null);
    Exporter exporter = exporter(Map.of(s1, Position.START));
    long[] waits = new long[4];
    for (int i = 0; i < waits.length; i++) {
      assertEquals(List.of(), exporter.poll().records());
      waits[i] = exporter.untilReady().toMillis();
      clock.addAndGet(exporter.untilReady().toNanos());
    }
    mem.fault = at -> null;

    assertEquals("[1000, 2000, 3000, 3000]", java.util.Arrays.toString(waits));
    assertEquals(2, exporter.poll().records().size());
  }

  @Test
  void aPageThatCannotBeReadFailsNamingTheVendorTheSessionAndTheCursor() throws Exception {
    mem.events("s1", 7);
    mem.fault = at -> at.equals("s1@3")
        ? new DecodingException("the response of listEvents is not valid JSON at $.data", null, 200, "req_9", "{", 1)
        : null;
    Exporter exporter = exporter(Map.of(s1, Position.START));

    ConnectException e = assertThrows(ConnectException.class, exporter::poll);

    assertEquals("mem session s1: the page at cursor 3 could not be read: the response of listEvents is not valid JSON"
        + " at $.data (HTTP 200, request id req_9)", e.getMessage());
  }

  @Test
  void aStoredPageThatNoLongerHoldsTheExportedEventFailsInsteadOfSkipping() throws Exception {
    mem.events("s1", 7);
    Exporter exporter = exporter(Map.of(s1, new Position("3", 2, 5, "s1-9")));

    ConnectException e = assertThrows(ConnectException.class, exporter::poll);

    assertEquals("mem session s1: the page at cursor 3 holds event s1-4 where event s1-9 was exported before (its 2nd"
        + " event); nothing is skipped, so the task stops here", e.getMessage());
  }

  @Test
  void aStoredPageWithFewerEventsThanWereExportedFromItFails() throws Exception {
    mem.events("s1", 4);
    ConnectException e = assertThrows(ConnectException.class, exporter(Map.of(s1, new Position("3", 2, 5, null)))::poll);
    assertEquals("mem session s1: the page at cursor 3 holds 1 event, but 2 were exported from it before; nothing is"
        + " skipped, so the task stops here", e.getMessage());
  }

  @Test
  void aPageThatNamesItselfAsTheNextOneFails() throws Exception {
    mem.events("s1", 7);
    mem.loopingCursor = true;
    ConnectException e = assertThrows(ConnectException.class, exporter(Map.of(s1, new Position("3", 0, 3, null)))::poll);
    assertTrue(e.getMessage().startsWith("mem session s1: the page at cursor 3 holds itself as the next page"), e.getMessage());
  }

  @Test
  void theEntriesOfOneEventKeepTheOffsetBeforeItUntilItsLastEntry() throws Exception {
    mem.entriesPerEvent = 2;
    mem.events("s1", 2);
    List<SourceRecord> records = exporter(Map.of(s1, Position.START)).poll().records();

    assertEquals(4, records.size());
    assertEquals(Map.of("seen", 0L, "events", 0L), records.get(0).sourceOffset());
    assertEquals(Map.of("seen", 1L, "events", 1L, "event", "s1-0"), records.get(1).sourceOffset());
    assertEquals(List.of("0/0", "0/1", "1/0", "1/1"), records.stream()
        .map(r -> header(r, "sessionkit.position") + "/" + header(r, "sessionkit.part")).toList());
    assertEquals("status", ((Struct) records.get(1).value()).getString("kind"));
  }

  @Test
  void anEventTheMappingIgnoresGivesNoRecordButKeepsItsPosition() throws Exception {
    mem.sessions.put("s1", List.of("s1-0", "ignored-1", "s1-2"));
    List<SourceRecord> records = exporter(Map.of(s1, Position.START)).poll().records();

    assertEquals(List.of("s1-0", "s1-2"), events(records));
    assertEquals("2", header(records.get(1), "sessionkit.position"));
  }

  @Test
  void inRawFormatEachEventIsOneRecordOfItsJson() throws Exception {
    props.put("value.format", "raw");
    mem.events("s1", 2);
    List<SourceRecord> records = exporter(Map.of(s1, Position.START)).poll().records();

    assertEquals(List.of("\"s1-0\"", "\"s1-1\""), records.stream().map(SourceRecord::value).toList());
    assertEquals(org.apache.kafka.connect.data.Schema.STRING_SCHEMA, records.get(0).valueSchema());
  }

  @Test
  void aPollStopsAtTheBatchSizeAfterAWholePageAndTakesTheSessionsInTurn() throws Exception {
    props.put("batch.size", "4");
    mem.events("s1", 9);
    other.events("s2", 9);
    Exporter exporter = exporter(inOrder());
    Exporter.Batch batch = exporter.poll();

    assertEquals(6, batch.records().size(), "two whole pages of 3");
    assertEquals(List.of("s1-2", "s2-2"), events(batch.pageEnds()));
  }

  @Test
  void pagesOfDifferentSessionsAreFetchedAtOnceAndEachSessionStaysInOrder() throws Exception {
    props.put("vendor.mem.sessions", "a,b,c");
    for (String session : List.of("a", "b", "c")) mem.events(session, 7);
    java.util.concurrent.CountDownLatch together = new java.util.concurrent.CountDownLatch(3);
    java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
    mem.fault = at -> {
      most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      together.countDown();
      try {
        together.await(2, java.util.concurrent.TimeUnit.SECONDS); // the first three fetches meet here
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      inFlight.decrementAndGet();
      return null;
    };
    SourceConfig config = new SourceConfig(props, List.<VendorDescriptor>of(mem, other));
    Map<SessionRef, Position> positions = new LinkedHashMap<>();
    for (String session : List.of("a", "b", "c")) positions.put(new SessionRef("mem", null, session), Position.START);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      Exporter exporter = new Exporter(Map.of("mem", config.open("mem")), positions, new Records(config), 100,
          Duration.ofSeconds(5), Duration.ofSeconds(60), clock::get, 3, pool);
      List<SourceRecord> records = exporter.poll().records();

      assertEquals(3, most.get(), "three fetches in flight at once");
      for (String session : List.of("a", "b", "c")) {
        assertEquals(List.of(session + "-0", session + "-1", session + "-2", session + "-3", session + "-4", session + "-5",
            session + "-6"), events(records.stream().filter(r -> r.key().equals(session)).toList()));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
