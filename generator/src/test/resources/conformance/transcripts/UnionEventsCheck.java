package dev.sessionkit.conformance.transcripts.union_events;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.conformance.transcripts.union_events.internal.ConformanceTranscript;
import dev.sessionkit.conformance.transcripts.union_events.model.*;
import dev.sessionkit.core.EventStream;
import dev.sessionkit.core.json.SessionkitMoshi;
import dev.sessionkit.core.vendor.TokenUsage;
import dev.sessionkit.core.vendor.TranscriptItem;
import dev.sessionkit.core.vendor.TranscriptItem.Kind;
import dev.sessionkit.core.vendor.TranscriptMapping;
import dev.sessionkit.generator.conformance.Conformance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;

public final class UnionEventsCheck {
  private static final String PAGE = "{\"has_more\":false,\"data\":["
      + "{\"id\":\"e1\",\"type\":\"user.message\",\"turn_id\":\"t1\",\"created_at\":\"2026-01-02T03:04:05Z\",\"content\":\"hi\"},"
      + "{\"type\":\"heartbeat\"},"
      + "{\"id\":\"e2\",\"type\":\"agent.message\",\"turn_id\":\"t1\",\"content\":[{\"type\":\"text\",\"text\":\"one\"},"
      + "{\"type\":\"image\",\"url\":\"u\"},{\"type\":\"text\",\"text\":\"two\"},{\"type\":\"video\"}]},"
      + "{\"id\":\"e3\",\"type\":\"tool.call\",\"tool\":\"search\",\"call_id\":\"c1\",\"input\":{\"q\": [1, 2.50]}},"
      + "{\"id\":\"e4\",\"type\":\"tool.result\",\"call_id\":\"c1\",\"output\":{\"lines\":[\"a\"]},\"is_error\":true},"
      + "{\"id\":\"e5\",\"type\":\"idle\",\"turn_id\":\"t1\",\"stop\":{\"kind\":\"end_turn\"},\"usage\":{\"input_tokens\":3}},"
      + "{\"id\":\"e6\",\"type\":\"thinking\",\"turn_id\":\"t2\",\"created_at\":\"2026-01-02T03:04:06Z\"},"
      + "{\"id\":\"e7\",\"type\":\"paused\",\"turn_id\":\"t2\",\"created_at\":\"yesterday\",\"why\":[1]}]}";

  private static TranscriptMapping mapping() {
    return ConformanceTranscript.mapping();
  }

  private static List<TranscriptItem> page() throws Exception {
    return mapping().items(SessionkitMoshi.adapter(EventList.class, false).fromJson(PAGE));
  }

  public void theMappingNamesItsOperationsAndTheTypesItReads(Conformance c) {
    assertEquals("listEvents", mapping().history());
    assertEquals("streamEvents", mapping().live().orElseThrow());
    assertEquals("session_id", mapping().sessionParameter());
    assertTrue(mapping().agentParameter().isEmpty());
    assertEquals(List.of(EventList.class, Event.class), mapping().types());
  }

  public void aPageReadsItsItemsInOrderAndAnIgnoredVariantBecomesNothing(Conformance c) throws Exception {
    List<TranscriptItem> items = page();
    assertEquals(List.of(Kind.USER_MESSAGE, Kind.AGENT_MESSAGE, Kind.TOOL_CALL, Kind.TOOL_RESULT, Kind.STATUS, Kind.UNKNOWN,
        Kind.UNKNOWN), items.stream().map(TranscriptItem::kind).toList());
    TranscriptItem user = items.get(0);
    assertEquals("hi", user.text());
    assertEquals("e1", user.id());
    assertEquals("t1", user.turnId());
    assertEquals(Instant.parse("2026-01-02T03:04:05Z"), user.time());
    assertTrue(user.opensTurn());
    assertInstanceOf(UserMessage.class, user.source());
  }

  public void aUnionValueReadAsTextIsItsStringOrItsBlocksTextsJoined(Conformance c) throws Exception {
    String blocks = "{\"has_more\":false,\"data\":[{\"id\":\"e1\",\"type\":\"user.message\",\"content\":"
        + "[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"image\",\"url\":\"u\"},{\"type\":\"text\",\"text\":\"b\"}]}]}";
    List<TranscriptItem> items = mapping().items(SessionkitMoshi.adapter(EventList.class, false).fromJson(blocks));
    assertEquals("a\n\nb", items.get(0).text());
    assertEquals("hi", page().get(0).text(), "a plain string as it is");
  }

  public void aListsTextElementsJoinAsParagraphsAndOtherVariantsAreLeftOut(Conformance c) throws Exception {
    assertEquals("one\n\ntwo", page().get(1).text());
  }

  public void toolCallsAndResultsKeepTheirJsonAndAVariantMayOverrideTheTurn(Conformance c) throws Exception {
    TranscriptItem call = page().get(2);
    assertEquals("search", call.name());
    assertEquals("c1", call.callId());
    assertEquals("{\"q\": [1, 2.50]}", call.arguments().json(), "arguments byte for byte");
    TranscriptItem result = page().get(3);
    assertEquals("{\"lines\":[\"a\"]}", result.output().json(), "an object of the spec is encoded with its adapter");
    assertTrue(result.failed());
    assertEquals("tools", result.turnId());
  }

  public void theFirstPresentAlternativeWinsAndUsageIsReadThroughItsPath(Conformance c) throws Exception {
    TranscriptItem idle = page().get(4);
    assertEquals("idle", idle.status(), "no status: the constant");
    assertEquals("end_turn", idle.reason());
    assertEquals(new TokenUsage(3L, null, null, null), idle.usage());
    assertTrue(idle.endsTurn());
    assertFalse(idle.opensTurn());
  }

  public void aVariantTheMappingDoesNotNameAndAnUnknownTypeKeepTheirJsonAndTheirIdTimeAndTurn(Conformance c)
      throws Exception {
    TranscriptItem thinking = page().get(5);
    assertEquals("thinking", thinking.type());
    assertEquals("e6", thinking.id());
    assertEquals("t2", thinking.turnId());
    assertEquals(Instant.parse("2026-01-02T03:04:06Z"), thinking.time());
    assertTrue(thinking.raw().json().contains("\"type\":\"thinking\""), thinking.raw().json());
    TranscriptItem paused = page().get(6);
    assertEquals("paused", paused.type());
    assertEquals("{\"id\":\"e7\",\"type\":\"paused\",\"turn_id\":\"t2\",\"created_at\":\"yesterday\",\"why\":[1]}",
        paused.raw().json());
    assertEquals("e7", paused.id());
    assertNull(paused.time(), "a time that cannot be read is left out");
    assertInstanceOf(Event.Unknown.class, paused.source());
  }

  public void theLiveStreamsEventsReadWithTheSameMapping(Conformance c) {
    c.server().enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
        .body("id: e1\nevent: user.message\ndata: {\"id\":\"e1\",\"type\":\"user.message\",\"turn_id\":\"t1\",\"content\":\"hi\"}\n\n"
            + "id: e2\nevent: idle\ndata: {\"id\":\"e2\",\"type\":\"idle\",\"turn_id\":\"t1\",\"status\":\"idle\"}\n\n")
        .build());
    ConformanceClient client = ConformanceClient.builder().token("t").baseUrl(c.baseUrl()).noRetries().build();
    List<TranscriptItem> items = new ArrayList<>();
    try (EventStream<Event> events = client.sessions().streamFollow("sess_1")) {
      for (Event event : events) {
        items.addAll(mapping().items(event));
        if (items.size() == 2) break;
      }
    }
    assertEquals(List.of(Kind.USER_MESSAGE, Kind.STATUS), items.stream().map(TranscriptItem::kind).toList());
    assertTrue(items.get(1).endsTurn());
    assertEquals("/sessions/sess_1/events/stream", c.request().getUrl().encodedPath());
  }
}
