package dev.sessionkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What is created can be read, listed, updated, archived and deleted, as the scenario says. */
class ResourcesTest {
  Sandbox sandbox;
  Http lab;

  @BeforeEach
  void start() {
    sandbox = Sandbox.builder().vendors(List.of(TestVendor.lab(), TestVendor.relay())).start();
    lab = Http.bearer(sandbox, "lab");
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private String create(String title) throws Exception {
    Http.Answer created = lab.post("sessions", "{\"title\":\"" + title + "\",\"metadata\":{\"team\":\"a\"}}");
    assertEquals(201, created.status());
    return (String) created.json().get("id");
  }

  @Test
  void aCreatedSessionIsTheScenariosNewItemWithTheRequestsFields() throws Exception {
    Http.Answer created = lab.post("sessions", "{\"title\":\"First\",\"metadata\":{\"team\":\"a\"}}");
    assertEquals(201, created.status());
    Map<String, Object> session = created.json();
    assertTrue(((String) session.get("id")).matches("sess_[0-9a-f]{32}"), session.toString());
    assertEquals("First", session.get("title"));
    assertEquals("idle", session.get("status"));
    assertEquals(Map.of("team", "a"), session.get("metadata"));
    assertEquals("2026-01-01T00:00:01Z", session.get("created_at"), "the sandbox's clock, one step per change");
    assertEquals(session, lab.get("sessions/" + session.get("id")).json());
  }

  @Test
  void listsShowTheNewestFirstWithTheDocumentedSessionLast() throws Exception {
    String first = create("first");
    String second = create("second");
    List<Map<String, Object>> data = lab.get("sessions").list("data");
    assertEquals(List.of(second, first, "sess_documented"), data.stream().map(s -> s.get("id")).toList());
  }

  @Test
  void anUpdateMergesTheMetadataAndReplacesTheOtherFields() throws Exception {
    String id = create("before");
    Http.Answer updated = lab.post("sessions/" + id, "{\"title\":\"after\",\"metadata\":{\"priority\":\"high\"},\"unknown\":1}");
    assertEquals(200, updated.status());
    assertEquals("after", updated.json().get("title"));
    assertEquals(Map.of("team", "a", "priority", "high"), updated.json().get("metadata"));
    assertEquals(null, updated.json().get("unknown"), "a member the spec's session lacks is not stored");
    assertNotEquals(updated.json().get("created_at"), updated.json().get("updated_at"));
    assertEquals(updated.json(), lab.get("sessions/" + id).json());
  }

  @Test
  void anArchivedSessionLeavesTheListUnlessArchivedOnesAreAskedFor() throws Exception {
    String id = create("old");
    Http.Answer archived = lab.post("sessions/" + id + "/archive", null);
    assertEquals(200, archived.status());
    assertTrue(archived.json().get("archived_at") instanceof String);
    assertEquals(List.of("sess_documented"), lab.get("sessions").list("data").stream().map(s -> s.get("id")).toList());
    assertEquals(List.of(id, "sess_documented"),
        lab.get("sessions?include_archived=true").list("data").stream().map(s -> s.get("id")).toList());
  }

  @Test
  void aDeletedSessionIsGoneWithItsHistory() throws Exception {
    String id = create("doomed");
    Http.Answer deleted = lab.delete("sessions/" + id);
    assertEquals(200, deleted.status());
    assertEquals(Map.of("id", id, "deleted", true), deleted.json(), "the documented confirmation, with the id");
    Http.Answer gone = lab.get("sessions/" + id);
    assertEquals(404, gone.status());
    assertEquals(Map.of("error", Map.of("type", "not_found", "message", "Session '" + id + "' was not found")), gone.json());
    assertEquals(404, lab.get("sessions/" + id + "/events").status());
    assertEquals(404, lab.delete("sessions/" + id).status());
  }

  @Test
  void aDocumentedOrGeneratedSessionCanBeDeletedToo() throws Exception {
    assertEquals(200, lab.delete("sessions/sess_documented").status());
    assertEquals(404, lab.get("sessions/sess_documented").status());
    assertEquals(200, lab.delete("sessions/sess_gen_5").status());
    assertEquals(404, lab.get("sessions/sess_gen_5/events").status());
    assertEquals(200, lab.get("sessions/sess_gen_6/events").status());
  }

  @Test
  void theSameIdempotencyKeyAndBodyReplayTheAnswerAndAnotherBodyIsAConflict() throws Exception {
    Http keyed = Http.bearer(sandbox, "lab").header("Idempotency-Key", "key-1");
    Http.Answer first = keyed.post("sessions", "{\"title\":\"once\"}");
    Http.Answer again = keyed.post("sessions", "{\"title\":\"once\"}");
    assertEquals(first, again);
    assertEquals(2, lab.get("sessions").list("data").size(), "created once");
    Http.Answer other = keyed.post("sessions", "{\"title\":\"twice\"}");
    assertEquals(409, other.status());
    assertEquals("The key was used with another body", other.at("error.message"));
  }

  @Test
  void aKeyGivenByTheRequestIsTheIdAndAKeyInUseIsAConflict() throws Exception {
    Http relay = Http.bearer(sandbox, "relay");
    Http.Answer created = relay.post("v2/agents/agt_docs/sessions", "{\"key\":\"ase_mine\",\"name\":\"Mine\"}");
    assertEquals(201, created.status());
    assertEquals(Map.of("key", "ase_mine", "agent_key", "agt_docs", "name", "Mine", "created_at", "2024-01-01T00:00:01Z"),
        created.json());
    assertEquals(409, relay.post("v2/agents/agt_docs/sessions", "{\"key\":\"ase_mine\"}").status());
    Http.Answer patched = relay.patch("v2/agents/agt_docs/sessions/ase_mine", "{\"name\":\"Renamed\"}");
    assertEquals("Renamed", patched.json().get("name"));
    Http.Answer deleted = relay.delete("v2/agents/agt_docs/sessions/ase_mine");
    assertEquals(204, deleted.status());
    assertEquals("", deleted.body());
  }

  @Test
  void aSessionOfAnAgentThatDoesNotExistIsTheAgentsNotFound() throws Exception {
    Http.Answer missing = Http.bearer(sandbox, "relay").post("v2/agents/agt_nobody/sessions", "{}");
    assertEquals(404, missing.status());
    assertEquals(Map.of("id", "agt_nobody", "messages", List.of("Agent agt_nobody does not exist")), 
        Map.of("id", missing.json().get("id"), "messages", missing.json().get("messages")));
    assertNull(missing.json().get("field_errors"));
  }
}
