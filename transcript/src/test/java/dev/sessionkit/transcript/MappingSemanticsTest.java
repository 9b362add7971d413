package dev.sessionkit.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sessionkit.core.json.JsonValue;
import dev.sessionkit.core.spi.ServiceProfile;
import dev.sessionkit.core.vendor.EnvironmentVariable;
import dev.sessionkit.core.vendor.TranscriptItem;
import dev.sessionkit.core.vendor.TranscriptItem.Kind;
import dev.sessionkit.core.vendor.TranscriptMapping;
import dev.sessionkit.core.vendor.VendorDescriptor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the transcript module adds to any vendor's items, whatever the vendor: the turn of an item
 * that names none, a model request's start joined to its end, the words for what the vendor leaves
 * out, and the turns a live stream ends.
 */
class MappingSemanticsTest {
  /** A vendor whose "events" are the items themselves, and whose "session" is a list of them. */
  static final class ItemVendor extends VendorDescriptor {
    ItemVendor() {
      super(define("items").label("Items", "").defaultBaseUrl("https://items.example/")
          .environment(new EnvironmentVariable("ITEMS_TOKEN", EnvironmentVariable.Role.CREDENTIAL, "the token"))
          .profile(ServiceProfile.builder("Items").build())
          .clientFactory((env, settings) -> env)
          .transcript(TranscriptMapping.builder().history("listItems").sessionParameter("session_id")
              .type(TranscriptItem.class).type(List.class)
              .reader((value, sink) -> {
                if (value instanceof TranscriptItem item) {
                  sink.item(item);
                } else {
                  sink.session("from-the-response", "an-agent", Instant.EPOCH, null);
                  for (Object item : (List<?>) value) sink.item((TranscriptItem) item);
                }
              })
              .build()));
    }
  }

  private static final Transcripts ITEMS = Transcripts.of(new ItemVendor()).session("s1");

  private static TranscriptItem.Builder item(Kind kind, String id) {
    return TranscriptItem.builder(kind, id).id(id);
  }

  private static List<Entry> entries(TranscriptItem... items) {
    return ITEMS.pages(List.of(items)).toTranscript().entries();
  }

  @Test
  void anItemThatNamesNoTurnBelongsToTheLastTurnOpenedAndNoneBeforeTheFirst() {
    List<Entry> entries = entries(
        item(Kind.STATUS, "before").status("ready").build(),
        item(Kind.USER_MESSAGE, "u1").turnId("u1").opensTurn(true).text("hi").build(),
        item(Kind.AGENT_MESSAGE, "a1").text("hello").build(),
        item(Kind.THINKING, "elsewhere").turnId("t9").build(),
        item(Kind.USER_MESSAGE, "u2").turnId("u2").opensTurn(true).build(),
        item(Kind.UNKNOWN, "x").raw(JsonValue.of("{}")).build());

    List<String> turns = new ArrayList<>();
    for (Entry entry : entries) turns.add(entry.turnId());
    assertEquals(java.util.Arrays.asList(null, "u1", "u1", "t9", "u2", "u2"), turns);
  }

  @Test
  void aModelRequestTakesTheStartOfItsOwnTurnAndAStartWithoutAnEndAddsNothing() {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    List<Entry> entries = entries(
        item(Kind.MODEL_REQUEST_START, "s1").turnId("t1").time(start).build(),
        item(Kind.MODEL_REQUEST, "e1").turnId("t1").time(start.plusMillis(1500)).model("m").build(),
        item(Kind.MODEL_REQUEST_START, "s2").turnId("t1").time(start).build(),
        item(Kind.MODEL_REQUEST, "e2").turnId("t2").time(start.plusSeconds(9)).build(),
        item(Kind.MODEL_REQUEST_START, "s3").turnId("t3").build());

    assertEquals(2, entries.size());
    Entry.ModelRequest paired = (Entry.ModelRequest) entries.get(0);
    assertEquals(start, paired.startedAt());
    assertEquals(Duration.ofMillis(1500), paired.latency());
    assertEquals("s1", paired.startSource());
    assertEquals("e1", paired.source());
    Entry.ModelRequest alone = (Entry.ModelRequest) entries.get(1);
    assertNull(alone.startedAt(), "the start of another turn is not this request's");
    assertNull(alone.latency());
    assertNull(alone.startSource());
  }

  @Test
  void aModelRequestThatSaysItsStartAndLatencyKeepsThem() {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    Entry.ModelRequest request = (Entry.ModelRequest) entries(
        item(Kind.MODEL_REQUEST, "r").startedAt(start).latency(Duration.ofMillis(7)).build()).get(0);
    assertEquals(start, request.startedAt());
    assertEquals(Duration.ofMillis(7), request.latency());
  }

  @Test
  void whatTheVendorLeavesOutIsSaidSoNeverGuessed() {
    List<Entry> entries = entries(
        item(Kind.USER_MESSAGE, "u").build(),
        item(Kind.AGENT_MESSAGE, "a").build(),
        item(Kind.TOOL_CALL, "c").build(),
        item(Kind.ERROR, "e").type("boom").build(),
        item(Kind.STATUS, "s").build());

    assertEquals("", ((Entry.UserMessage) entries.get(0)).text());
    assertEquals("", ((Entry.AgentMessage) entries.get(1)).text());
    assertEquals("(unnamed)", ((Entry.ToolCall) entries.get(2)).name());
    assertEquals("(no message)", ((Entry.Error) entries.get(3)).message());
    assertEquals("boom", ((Entry.Error) entries.get(3)).type());
    assertEquals("(no status)", ((Entry.StatusChange) entries.get(4)).status());
  }

  @Test
  void aStreamSaysWhichEntryEndsItsTurn() {
    TranscriptStream stream = ITEMS.pages(List.of(
        item(Kind.USER_MESSAGE, "u").turnId("t").build(),
        item(Kind.STATUS, "idle").turnId("t").status("idle").endsTurn(true).build()));
    List<Boolean> ends = new ArrayList<>();
    for (Entry entry : stream) ends.add(stream.lastEndsTurn());
    assertEquals(List.of(false, true), ends);
    assertFalse(stream.live(), "pages are a history");
  }

  @Test
  void aResponseFillsInWhatTheCallerLeftOutAndTheCallerWins() {
    List<TranscriptItem> session = List.of(item(Kind.USER_MESSAGE, "u").text("hi").build());

    Transcript named = Transcripts.of(new ItemVendor()).events(session);
    assertEquals("from-the-response", named.sessionId());
    assertEquals("an-agent", named.agent());
    assertEquals(Instant.EPOCH, named.startedAt());
    assertEquals("items", named.vendor());
    Transcript given = Transcripts.of(new ItemVendor()).session("mine").agent("me").events(session);
    assertEquals("mine", given.sessionId());
    assertEquals("me", given.agent());
  }

  @Test
  void aResponseThatNamesNoSessionNeedsOneGiven() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Transcripts.of(new ItemVendor()).events(item(Kind.USER_MESSAGE, "u").build()));
    assertEquals("the TranscriptItem does not name its session: give its id with session(...)", e.getMessage());
  }

  @Test
  void aStreamNeedsItsSessionNamedFirst() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Transcripts.of(new ItemVendor()).pages(List.of()));
    assertEquals("name the session first: Transcripts.of(\"items\").session(id)", e.getMessage());
  }

  @Test
  void aValueTheMappingDoesNotReadIsRefusedNamingWhatItReads() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ITEMS.events("text"));
    assertEquals("the transcript mapping reads TranscriptItem, List, not java.lang.String", e.getMessage());
  }

  static final class PlainVendor extends VendorDescriptor {
    PlainVendor() {
      super(define("plain").label("Plain", "").defaultBaseUrl("https://plain.example/")
          .environment(new EnvironmentVariable("PLAIN_TOKEN", EnvironmentVariable.Role.CREDENTIAL, "the token"))
          .profile(ServiceProfile.builder("Plain").build())
          .clientFactory((env, settings) -> env));
    }
  }

  @Test
  void aVendorWithoutAMappingIsRefusedSayingWhatItLacks() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Transcripts.of(new PlainVendor()));
    assertEquals("plain declares no transcript mapping (x-sessionkit-transcript in its spec)", e.getMessage());
  }

  @Test
  void theEntryKeepsTheItemsSourceAndTheTranscriptsAreImmutable() {
    TranscriptItem user = item(Kind.USER_MESSAGE, "u").build();
    assertSame("u", entries(user).get(0).source());
    Transcripts base = Transcripts.of(new ItemVendor());
    base.session("a").agent("b");
    assertThrows(IllegalStateException.class, () -> base.pages(List.of()), "session(...) returned a copy");
  }
}
