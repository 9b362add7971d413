package dev.sessionkit.core.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.json.JsonValue;
import dev.sessionkit.core.spi.ServiceProfile;
import dev.sessionkit.core.spi.TranscriptSupport;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A transcript mapping reads the types it declares into items, and a descriptor carries it. */
class TranscriptMappingTest {
  private static TranscriptMapping mapping() {
    return TranscriptMapping.builder().history("listEvents").live("streamEvents").sessionParameter("session_id")
        .type(String.class).type(List.class)
        .reader((value, sink) -> {
          if (value instanceof List<?> list) {
            sink.session("s1", null, Instant.EPOCH, null);
            for (Object each : list) sink.item(TranscriptItem.builder(TranscriptItem.Kind.USER_MESSAGE, each).text((String) each).build());
            sink.sample(Instant.EPOCH, 5, null);
          } else {
            sink.item(TranscriptItem.builder(TranscriptItem.Kind.AGENT_MESSAGE, value).text((String) value).build());
          }
        })
        .build();
  }

  @Test
  void aMappingReadsTheTypesItDeclaresAndRefusesOthersNamingThem() {
    TranscriptMapping mapping = mapping();

    assertEquals("listEvents", mapping.history());
    assertEquals("streamEvents", mapping.live().orElseThrow());
    assertTrue(mapping.agentParameter().isEmpty());
    assertEquals(List.of("a", "b"), mapping.items(List.of("a", "b")).stream().map(TranscriptItem::text).toList());
    assertEquals(TranscriptItem.Kind.AGENT_MESSAGE, mapping.items("hi").get(0).kind());
    assertFalse(mapping.reads(5));
    assertEquals("the transcript mapping reads String, List, not java.lang.Integer",
        assertThrows(IllegalArgumentException.class, () -> mapping.items(5)).getMessage());
  }

  @Test
  void aSinkHearsOfTheSessionAndItsSamplesBetweenTheItems() {
    List<String> heard = new ArrayList<>();
    mapping().read(List.of("a"), new TranscriptMapping.Sink() {
      @Override
      public void item(TranscriptItem item) {
        heard.add("item " + item.text());
      }

      @Override
      public void session(String sessionId, String agent, Instant startedAt, Instant endedAt) {
        heard.add("session " + sessionId + " " + startedAt);
      }

      @Override
      public void sample(Instant time, Integer cpuMillicores, Long memoryBytes) {
        heard.add("sample " + cpuMillicores);
      }
    });

    assertEquals(List.of("session s1 1970-01-01T00:00:00Z", "item a", "sample 5"), heard);
  }

  @Test
  void anUnknownItemKeepsItsRawJson() {
    assertEquals("an UNKNOWN item keeps its raw JSON", assertThrows(IllegalArgumentException.class,
        () -> TranscriptItem.builder(TranscriptItem.Kind.UNKNOWN, "x").build()).getMessage());
    JsonValue raw = JsonValue.of("{\"id\":\"e1\",\"at\":{\"created\":\"2026-05-18T03:40:48.5Z\"},\"n\":3}");
    TranscriptItem item = TranscriptItem.builder(TranscriptItem.Kind.UNKNOWN, raw).raw(raw).failed(null).build();
    assertSame(raw, item.raw());
    assertFalse(item.failed());
    assertEquals("e1", TranscriptSupport.string(raw, "id"));
    assertNull(TranscriptSupport.string(raw, "n"), "a number is not a string");
    assertEquals(Instant.parse("2026-05-18T03:40:48.5Z"), TranscriptSupport.time(raw, "at", "created"));
    assertNull(TranscriptSupport.time(JsonValue.of("{\"at\":\"yesterday\"}"), "at"), "a time that cannot be read is left out");
    assertNull(TranscriptSupport.string(JsonValue.of("[1]"), "id"));
  }

  @Test
  void numbersBecomeExactDecimalsAndWholeTokens() {
    assertEquals(new BigDecimal("0.1"), TranscriptSupport.decimal(0.1d));
    assertEquals(new BigDecimal("123"), TranscriptSupport.decimal(123L));
    assertEquals(7L, TranscriptSupport.whole(7));
    assertNull(TranscriptSupport.decimal(null));
  }

  static final class TranscribedVendor extends VendorDescriptor {
    TranscribedVendor() {
      super(define("transcribed").label("Transcribed", "").defaultBaseUrl("https://api.example.com/")
          .environment(new EnvironmentVariable("T_TOKEN", EnvironmentVariable.Role.CREDENTIAL, "the token"))
          .profile(ServiceProfile.builder("Transcribed").build())
          .clientFactory((env, settings) -> env)
          .transcript(mapping()));
    }
  }

  @Test
  void aDescriptorCarriesItsMappingAndADescriptorWithoutOneSaysSo() {
    assertEquals("listEvents", new TranscribedVendor().transcript().orElseThrow().history());
    assertTrue(new DescriptorsTest.TestVendor("plain").transcript().isEmpty());
  }

  @Test
  void aMappingThatListsSessionsReadsEachListedItemAndOneThatDoesNotSaysSo() {
    TranscriptMapping listing = TranscriptMapping.builder().history("listEvents").sessionParameter("session_key")
        .agentParameter("agent_key").type(String.class).reader((value, sink) -> { })
        .sessions("listSessions", item -> new TranscriptMapping.ListedSession(item.toString().split("/")[1],
            item.toString().split("/")[0]))
        .build();

    assertEquals("listSessions", listing.sessions().orElseThrow());
    assertEquals(new TranscriptMapping.ListedSession("ase_1", "agt_1"), listing.session("agt_1/ase_1"));
    assertTrue(mapping().sessions().isEmpty());
    assertEquals("the transcript mapping lists no sessions",
        assertThrows(UnsupportedOperationException.class, () -> mapping().session("x")).getMessage());
  }
}
