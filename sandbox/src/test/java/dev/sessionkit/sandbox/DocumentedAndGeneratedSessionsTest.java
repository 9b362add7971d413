package dev.sessionkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Documented sessions are served byte for byte; generated ones of any size depend only on the seed. */
class DocumentedAndGeneratedSessionsTest {
  private static String fixture() throws Exception {
    try (InputStream in = DocumentedAndGeneratedSessionsTest.class.getResourceAsStream(
        "/META-INF/sessionkit/lab/sandbox/events-example.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Sandbox lab(long seed) {
    return Sandbox.builder().seed(seed).vendors(List.of(TestVendor.lab(), TestVendor.relay())).start();
  }

  @Test
  void theDocumentedFirstPageIsServedByteForByteWhateverTheLimit() throws Exception {
    try (Sandbox sandbox = lab(42)) {
      Http.Answer page = Http.bearer(sandbox, "lab").get("sessions/sess_documented/events?limit=1");
      assertEquals(200, page.status());
      assertEquals(fixture(), page.body());
    }
  }

  @Test
  void afterTheDocumentedPageComesAnEmptyPageAndThenWhatTheAgentAdds() throws Exception {
    try (Sandbox sandbox = lab(42)) {
      Http lab = Http.bearer(sandbox, "lab");
      Map<String, Object> next = lab.get("sessions/sess_documented/events?after_id=evt_doc_2").json();
      assertEquals(List.of(), next.get("data"));
      assertEquals(false, next.get("has_more"));
      assertEquals("evt_doc_2", lab.get("sessions/sess_documented/events?after_id=evt_doc_1").list("data").get(0).get("id"));
      assertEquals(202, lab.post("sessions/sess_documented/events", "{\"text\":\"more\"}").status());
      List<Map<String, Object>> added = lab.get("sessions/sess_documented/events?after_id=evt_doc_2").list("data");
      assertEquals(6, added.size());
      assertEquals("more", added.get(0).get("text"));
    }
  }

  @Test
  void generatedSessionsAreNamedByTheScenarioWithTheirSizeInTheId() {
    try (Sandbox sandbox = lab(42)) {
      SandboxSession session = sandbox.session("lab", 1_000);
      assertEquals("sess_gen_1000", session.id());
      assertEquals(Map.of("session_id", "sess_gen_1000"), session.parameters());
      assertEquals(OptionalLong.of(1_000), session.size());
      SandboxSession relay = sandbox.session("relay", 7);
      assertEquals(List.of("agent_key", "session_key"), new ArrayList<>(relay.parameters().keySet()));
      assertEquals("agt_gen", relay.parameter("agent_key"));
      assertEquals("ase_gen_7", relay.id());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> relay.parameter("org_id"));
      assertEquals("relay sessions have no parameter org_id (they have [agent_key, session_key])", e.getMessage());
    }
  }

  @Test
  void numberedCopiesOfAGeneratedSessionAreDistinctSessionsOfItsSize() throws Exception {
    try (Sandbox sandbox = lab(42)) {
      SandboxSession one = sandbox.session("lab", 30, 1);
      SandboxSession two = sandbox.session("lab", 30, 2);
      assertEquals("sess_gen_30_1", one.id());
      assertEquals(Map.of("session_id", "sess_gen_30_2"), two.parameters());
      assertEquals(OptionalLong.of(30), two.size());
      assertNotEquals(one, two);
      Http lab = Http.bearer(sandbox, "lab");
      List<Map<String, Object>> first = lab.get("sessions/" + one.id() + "/events?limit=100").list("data");
      List<Map<String, Object>> second = lab.get("sessions/" + two.id() + "/events?limit=100").list("data");
      List<Map<String, Object>> plain = lab.get("sessions/sess_gen_30/events?limit=100").list("data");
      assertEquals(30, first.size());
      assertEquals(30, second.size());
      assertEquals("sess_gen_30_2", second.get(0).get("session_id"));
      assertEquals(first.stream().map(e -> e.get("type")).toList(), second.stream().map(e -> e.get("type")).toList(),
          "a copy follows the same turn script");
      assertNotEquals(first.get(0).get("id"), second.get(0).get("id"), "each copy has its own event ids");
      assertNotEquals(plain.get(0).get("id"), first.get(0).get("id"));
      String next = (String) first.get(9).get("id");
      assertEquals(first.subList(10, 30), lab.get("sessions/" + one.id() + "/events?limit=100&after_id=" + next).list("data"),
          "a copy's event ids are cursors into it");
      assertEquals(200, status(sandbox, "sessions/sess_gen_30_0/events"));
      assertEquals(404, status(sandbox, "sessions/sess_gen_30_01/events"), "one id per copy: no leading zeros");
      assertEquals(404, status(sandbox, "sessions/sess_gen_30_/events"));
      assertEquals(404, status(sandbox, "sessions/sess_gen_100000001_1/events"), "a copy's size is in range too");
    }
  }

  @Test
  void copiesAreRefusedWhereTheScenarioMakesNoneOrTheNumberIsOutOfRange() throws Exception {
    try (Sandbox sandbox = lab(42)) {
      IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> sandbox.session("relay", 7, 1));
      assertEquals("relay makes no copies of its generated sessions (its scenario's generated sessions have no copy)",
          none.getMessage());
      IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> sandbox.session("lab", 7, -1));
      assertEquals("copy must be between 0 and 999999999 (got -1)", negative.getMessage());
      assertEquals(404, Http.bearer(sandbox, "relay").get("v2/agents/agt_gen/sessions/ase_gen_7_1/events").status());
    }
  }

  @Test
  void theDocumentedSessionIsNamedByTheScenario() {
    try (Sandbox sandbox = lab(42)) {
      SandboxSession documented = sandbox.documentedSession("lab");
      assertEquals("sess_documented", documented.id());
      assertEquals(OptionalLong.empty(), documented.size());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sandbox.documentedSession("relay"));
      assertEquals("relay documents no session in its scenario", e.getMessage());
    }
  }

  @Test
  void aSizeOutOfRangeIsRefused() {
    try (Sandbox sandbox = lab(42)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sandbox.session("lab", -1));
      assertEquals("size must be between 0 and 100000000 (got -1)", e.getMessage());
      assertEquals(404, status(sandbox, "sessions/sess_gen_100000001/events"));
      assertEquals(404, status(sandbox, "sessions/sess_gen_007/events"), "one id per size: no leading zeros");
    }
  }

  private static int status(Sandbox sandbox, String path) {
    try {
      return Http.bearer(sandbox, "lab").get(path).status();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void generatedEventsFollowTheTurnScriptOverAndOver() throws Exception {
    try (Sandbox sandbox = lab(42)) {
      List<Map<String, Object>> events = Http.bearer(sandbox, "lab").get("sessions/sess_gen_14/events?limit=100").list("data");
      assertEquals(List.of("user.message", "agent.thinking", "agent.tool_use", "agent.tool_result", "agent.message", "session.idle",
          "user.message", "agent.thinking", "agent.tool_use", "agent.tool_result", "agent.message", "session.idle",
          "user.message", "agent.thinking"), events.stream().map(e -> e.get("type")).toList());
      assertEquals(events.get(0).get("turn_id"), events.get(5).get("turn_id"));
      assertNotEquals(events.get(0).get("turn_id"), events.get(6).get("turn_id"));
      assertEquals("2026-01-01T00:00:03Z", events.get(3).get("created_at"), "event n is n clock steps after the start");
    }
  }

  private static List<String> bodies(long seed) throws Exception {
    try (Sandbox sandbox = lab(seed)) {
      Http lab = Http.bearer(sandbox, "lab");
      Http relay = Http.bearer(sandbox, "relay");
      List<String> out = new ArrayList<>();
      out.add(lab.get("sessions/sess_gen_1000/events?limit=100").body());
      out.add(relay.get("v2/agents/agt_gen/sessions/ase_gen_300/events?limit=100").body());
      out.add(lab.post("sessions", "{\"title\":\"t\"}").body());
      String id = (String) Http.bearer(sandbox, "lab").get("sessions").list("data").get(0).get("id");
      lab.post("sessions/" + id + "/events", "{\"text\":\"hi\"}");
      out.add(lab.get("sessions/" + id + "/events?limit=100").body());
      return out;
    }
  }

  @Test
  void theSameSeedGivesByteIdenticalResponsesToTheSameRequests() throws Exception {
    assertEquals(bodies(7), bodies(7));
  }

  @Test
  void anotherSeedGivesOtherContent() throws Exception {
    List<String> a = bodies(7);
    List<String> b = bodies(8);
    for (int i = 0; i < a.size(); i++) assertNotEquals(a.get(i), b.get(i), "response " + i);
    assertTrue(a.get(0).contains("\"session_id\":\"sess_gen_1000\""));
  }
}
