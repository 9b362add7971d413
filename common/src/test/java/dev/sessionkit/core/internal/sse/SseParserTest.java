package dev.sessionkit.core.internal.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The WHATWG event-stream parsing rules (HTML §9.2.5–9.2.6), each on the smallest body that shows
 * it, and the per-event byte limit.
 */
class SseParserTest {
  /** One dispatched event: its type, data and the id committed with it. */
  record Event(String type, String data, String id) {}

  private static List<Event> parse(String body) throws IOException {
    return parse(new SseParser(1 << 20, ""), body);
  }

  private static List<Event> parse(SseParser parser, String body) throws IOException {
    parser.reset(new Buffer().writeUtf8(body));
    List<Event> events = new ArrayList<>();
    while (parser.next()) events.add(new Event(parser.type(), parser.data().readUtf8(), parser.lastEventId()));
    return events;
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r\n", "\r"})
  void linesEndWithLfCrlfOrCr(String eol) throws IOException {
    String body = "id: 1" + eol + "event: a" + eol + "data: x" + eol + eol + "data: y" + eol + eol;

    assertEquals(List.of(new Event("a", "x", "1"), new Event("message", "y", "1")), parse(body));
  }

  @Test
  void aCrBlankLineDispatchesWithoutWaitingForTheNextByte() throws IOException {
    SseParser parser = new SseParser(1 << 20, "");
    parser.reset(Okio.buffer(new Source() {
      private boolean sent;

      @Override
      public long read(Buffer sink, long byteCount) {
        if (sent) throw new AssertionError("the parser waited for a byte after the blank line");
        sent = true;
        sink.writeUtf8("data: x\r\r");
        return 9;
      }

      @Override
      public Timeout timeout() {
        return Timeout.NONE;
      }

      @Override
      public void close() {}
    }));

    assertTrue(parser.next());
    assertEquals("x", parser.data().readUtf8());
  }

  @Test
  void dataLinesAreJoinedWithLfWithoutATrailingOne() throws IOException {
    assertEquals(List.of(new Event("message", "a\n\nb", "")), parse("data: a\ndata\ndata: b\n\n"));
  }

  @Test
  void aDataFieldWithNoValueDispatchesAnEmptyEvent() throws IOException {
    assertEquals(List.of(new Event("message", "", "")), parse("data\n\n"));
  }

  @Test
  void exactlyOneLeadingSpaceIsRemovedFromAValue() throws IOException {
    assertEquals(List.of(new Event("message", " x", "")), parse("data:  x\n\n"));
    assertEquals(List.of(new Event("message", "x", "")), parse("data:x\n\n"));
  }

  @Test
  void commentsUnknownFieldsAndOtherCasesAreIgnored() throws IOException {
    assertEquals(List.of(new Event("message", "x", "")), parse(": hi\nfoo: bar\nData: no\nEVENT: no\ndata: x\n\n"));
  }

  @Test
  void anEmptyEventFieldMeansMessage() throws IOException {
    assertEquals(List.of(new Event("message", "x", "")), parse("event:\ndata: x\n\n"));
  }

  @Test
  void aLeadingByteOrderMarkIsSkippedOnlyAtTheStartOfABody() throws IOException {
    SseParser parser = new SseParser(1 << 20, "");
    assertEquals(List.of(new Event("message", "1", "")), parse(parser, "\uFEFFdata: 1\n\n\uFEFFdata: 2\n\n"));
    assertEquals(List.of(new Event("message", "3", "")), parse(parser, "\uFEFFdata: 3\n\n"), "a new connection's body");
  }

  @Test
  void anIdContainingNulIsIgnored() throws IOException {
    assertEquals(List.of(new Event("message", "a", "1"), new Event("message", "b", "1")),
        parse("id: 1\ndata: a\n\nid: 2\u0000x\ndata: b\n\n"));
  }

  @Test
  void anIdIsCommittedAtDispatchEvenWithoutData() throws IOException {
    SseParser parser = new SseParser(1 << 20, "");

    assertEquals(List.of(new Event("message", "a", "1")), parse(parser, "id: 1\ndata: a\n\nid: 2\n\n"));
    assertEquals("2", parser.lastEventId());
  }

  @Test
  void theIdOutlivesEventsUntilAnotherReplacesItAndAnEmptyIdClearsIt() throws IOException {
    assertEquals(List.of(new Event("message", "a", "7"), new Event("message", "b", "7"), new Event("message", "c", "")),
        parse("id: 7\ndata: a\n\ndata: b\n\nid\ndata: c\n\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {" +5", " -5", " 5x", "  5", "5 ", ""})
  void retryCountsOnlyWhenItIsAsciiDigits(String value) throws IOException {
    SseParser parser = new SseParser(1 << 20, "");
    parse(parser, "retry: 1500\n\nretry:" + value + "\n\n");

    assertEquals(1500, parser.retryMillis());
  }

  @Test
  void theEventInProgressAtTheEndOfABodyIsDiscardedAndItsIdNeverCommitted() throws IOException {
    SseParser parser = new SseParser(1 << 20, "");

    assertEquals(List.of(new Event("message", "a", "1")), parse(parser, "id: 1\ndata: a\n\nid: 2\ndata: b\n"));
    assertEquals("1", parser.lastEventId());
    assertEquals(List.of(new Event("message", "c", "1")), parse(parser, "data: c\n\n"),
        "the next connection does not pick up the id that was never dispatched");
  }

  @Test
  void aBodyCutInsideALineEndsCleanly() throws IOException {
    assertEquals(List.of(new Event("message", "a", "")), parse("data: a\n\ndata: {\"par"));
  }

  @Test
  void theIdToResumeFromIsKeptUntilTheServerSendsAnother() throws IOException {
    SseParser parser = new SseParser(1 << 20, "evt_9");

    assertEquals(List.of(new Event("message", "a", "evt_9")), parse(parser, "data: a\n\n"));
  }

  @Test
  void aLineLongerThanTheLimitFailsAfterReadingAboutTheLimit() throws IOException {
    SseParser parser = new SseParser(1024, "");
    BufferedSource endless = Okio.buffer(new Source() {
      long read;

      @Override
      public long read(Buffer sink, long byteCount) {
        if (read == 0) sink.writeUtf8("data: ");
        sink.writeUtf8("x".repeat(100));
        read += 100;
        if (read > 1 << 20) throw new AssertionError("read 1 MiB of a line without stopping");
        return 100;
      }

      @Override
      public Timeout timeout() {
        return Timeout.NONE;
      }

      @Override
      public void close() {}
    });
    parser.reset(endless);

    SseParser.TooLarge e = assertThrows(SseParser.TooLarge.class, parser::next);

    assertEquals(1024, e.limit());
    assertTrue(e.start().startsWith("data: xxx"), e.start());
  }

  @Test
  void manyShortLinesOfOneEventCountTogether() throws IOException {
    SseParser parser = new SseParser(1024, "");
    parser.reset(new Buffer().writeUtf8("data: 0123456789\n".repeat(100)));

    assertThrows(SseParser.TooLarge.class, parser::next);
  }

  @Test
  void anEventOfExactlyTheLimitIsRead() throws IOException {
    String event = "data: " + "x".repeat(100) + "\n\n";

    assertEquals(2, parse(new SseParser(event.length(), ""), event + event).size(), "each event counts on its own");
    assertThrows(SseParser.TooLarge.class, () -> parse(new SseParser(event.length() - 1, ""), event));
  }
}
