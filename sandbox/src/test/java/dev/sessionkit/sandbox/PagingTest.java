package dev.sessionkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lists are paged as each operation's x-sessionkit-pagination (or the scenario's paging) says. */
class PagingTest {
  static Sandbox sandbox;
  static Http lab;
  static Http relay;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.builder().vendors(List.of(TestVendor.lab(), TestVendor.relay())).start();
    lab = Http.bearer(sandbox, "lab");
    relay = Http.bearer(sandbox, "relay");
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static List<Object> ids(Http.Answer page, String items) {
    return page.list(items).stream().map(e -> e.get("id")).map(Object.class::cast).toList();
  }

  @Test
  void cursorPagesGoForwardWithAfterIdUntilHasMoreIsFalse() throws Exception {
    List<Object> ids = new ArrayList<>();
    String after = null;
    int pages = 0;
    while (true) {
      Http.Answer page = lab.get("sessions/sess_gen_45/events?limit=20" + (after == null ? "" : "&after_id=" + after));
      pages++;
      ids.addAll(ids(page, "data"));
      assertEquals(ids.get(ids.size() - 1), page.json().get("last_id"));
      after = (String) page.json().get("last_id");
      if (!(Boolean) page.json().get("has_more")) break;
    }
    assertEquals(3, pages);
    assertEquals(45, new TreeSet<>(ids.stream().map(String::valueOf).toList()).size());
    List<String> sorted = new ArrayList<>(ids.stream().map(String::valueOf).toList());
    sorted.sort(null);
    assertEquals(sorted, ids, "event ids sort in time order");
  }

  @Test
  void cursorPagesGoBackwardWithBeforeIdInChronologicalPages() throws Exception {
    List<Object> all = ids(lab.get("sessions/sess_gen_45/events?limit=100"), "data");
    Http.Answer page = lab.get("sessions/sess_gen_45/events?limit=20&before_id=" + all.get(44));
    assertEquals(all.subList(24, 44), ids(page, "data"));
    assertEquals(all.get(24), page.json().get("first_id"));
    assertEquals(true, page.json().get("has_more"));
    Http.Answer oldest = lab.get("sessions/sess_gen_45/events?limit=20&before_id=" + all.get(4));
    assertEquals(all.subList(0, 4), ids(oldest, "data"));
    assertEquals(false, oldest.json().get("has_more"));
  }

  @Test
  void anEmptyPageHasNullCursors() throws Exception {
    Http.Answer page = lab.get("sessions/sess_gen_0/events");
    assertEquals(List.of(), page.json().get("data"));
    assertTrue(page.json().containsKey("last_id"));
    assertNull(page.json().get("last_id"));
    assertEquals(false, page.json().get("has_more"));
  }

  @Test
  void thePageSizeDefaultsToTheSpecsDefaultAndIsCappedWhereTheScenarioSays() throws Exception {
    assertEquals(20, lab.get("sessions/sess_gen_500/events").list("data").size());
    assertEquals(100, lab.get("sessions/sess_gen_500/events?limit=500").list("data").size());
    Http.Answer zero = lab.get("sessions/sess_gen_500/events?limit=0");
    assertEquals(400, zero.status());
    assertEquals(Map.of("error", Map.of("type", "invalid_request", "message", "limit must be between 1 and 100", "param", "limit")),
        zero.json());
    Http.Answer relayTooMany = relay.get("v2/agents/agt_gen/sessions/ase_gen_5/events?limit=101");
    assertEquals(400, relayTooMany.status());
    assertEquals(Map.of("limit", "must be between 1 and 100"), relayTooMany.json().get("field_errors"));
  }

  @Test
  void bothCursorsOrAnUnknownOneAre400s() throws Exception {
    Http.Answer both = lab.get("sessions/sess_gen_5/events?after_id=evt_a&before_id=evt_b");
    assertEquals(400, both.status());
    assertEquals("before_id and after_id are mutually exclusive", both.at("error.message"));
    Http.Answer unknown = lab.get("sessions/sess_gen_5/events?after_id=evt_nope");
    assertEquals(400, unknown.status());
    assertEquals("after_id is not an id of this list", unknown.at("error.message"));
    List<Object> ids = ids(lab.get("sessions/sess_gen_5/events"), "data");
    String otherSessions = String.valueOf(ids.get(2)).substring(0, 12) + "00000000";
    assertEquals(400, lab.get("sessions/sess_gen_5/events?after_id=" + otherSessions).status(),
        "an id with the right index but another session's suffix is not a cursor of this one");
  }

  @Test
  void tokenPagesNameTheLastItemInTheScenariosTokenFormat() throws Exception {
    List<Object> ids = new ArrayList<>();
    String key = null;
    int pages = 0;
    do {
      Http.Answer page = relay.get("v2/agents/agt_gen/sessions/ase_gen_23/events?limit=10"
          + (key == null ? "" : "&page_key=" + URLEncoder.encode(key, StandardCharsets.UTF_8)));
      pages++;
      ids.addAll(ids(page, "events"));
      Map<?, ?> metadata = (Map<?, ?>) page.json().get("metadata");
      assertEquals(23.0, metadata.get("total_count"));
      key = (String) metadata.get("page_key");
      if (key != null) {
        assertEquals("{\"event_id\":\"" + ids.get(ids.size() - 1) + "\"}",
            new String(Base64.getDecoder().decode(key), StandardCharsets.UTF_8));
      } else {
        assertFalse(metadata.containsKey("page_key"), "the last page has no page_key");
      }
    } while (key != null);
    assertEquals(3, pages);
    assertEquals(23, new TreeSet<>(ids.stream().map(String::valueOf).toList()).size());
    assertEquals(400, relay.get("v2/agents/agt_gen/sessions/ase_gen_23/events?page_key=bm9wZQ%3D%3D").status());
  }

  @Test
  void offsetPagesCarryTheTotal() throws Exception {
    Http.Answer page = lab.get("rooms?limit=2&offset=1");
    assertEquals(List.of("room_2", "room_3"), ids(page, "rooms"));
    assertEquals(3.0, page.json().get("total"));
    assertEquals(List.of(), lab.get("rooms?offset=9").json().get("rooms"));
    assertEquals(400, lab.get("rooms?offset=-1").status());
  }

  @Test
  void aHundredThousandEventSessionIsServedPageByPageFromTheMiddle() throws Exception {
    Http.Answer first = lab.get("sessions/sess_gen_100000/events?limit=100");
    String id = (String) first.json().get("last_id");
    String middle = "evt_" + String.format("%08x", 50_000) + id.substring(12);
    Http.Answer fromMiddle = lab.get("sessions/sess_gen_100000/events?limit=100&before_id=" + id);
    assertEquals(99, fromMiddle.list("data").size());
    assertEquals(400, lab.get("sessions/sess_gen_100000/events?after_id=" + middle).status(),
        "the suffix belongs to event 99, not 50,000");
  }
}
