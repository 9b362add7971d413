package dev.sessionkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OtherVendorsFakeTest {
  static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static String text(String resource) {
    return new String(Resources.read(resource), StandardCharsets.UTF_8);
  }

  private Http.Answer agents(String agent, String session, String query) throws Exception {
    String url = sandbox.baseUrl(Vendor.AGENTS_V2) + "v2/agents/" + agent + "/sessions/" + session + "/events"
        + (query.isEmpty() ? "" : "?" + query);
    return Http.get(url, "x-api-key", sandbox.credential(Vendor.AGENTS_V2));
  }

  private Http.Answer piper(String path) throws Exception {
    return Http.bearer(sandbox.baseUrl(Vendor.PIPER) + "v1/orgs/" + path, sandbox.credential(Vendor.PIPER));
  }

  private Http.Answer pipecat(String agent, String session) throws Exception {
    return Http.bearer(sandbox.baseUrl(Vendor.PIPECAT) + "agents/" + agent + "/sessions/" + session,
        sandbox.credential(Vendor.PIPECAT));
  }

  @Test
  void agentsServesTheDocumentedExampleAndAnEmptyPageAfterItsPageKey() throws Exception {
    assertEquals(text("agents-v2/list-events-example.json"),
        agents("agt_customer_support", "ase_customer_support_001", "limit=20").body());
    Map<String, Object> next = agents("agt_customer_support", "ase_customer_support_001",
        "page_key=eyJldmVudF9pZCI6ImFldl9hZ2VudF9vdXRwdXRfMDAxIn0%3D").json();
    assertEquals(List.of(), next.get("events"));
    assertEquals(Map.of("total_count", 45.0), next.get("metadata"));
  }

  @Test
  void agentsPagesWithPageKeysThatNameTheLastEventLikeTheDocumentedOne() throws Exception {
    String session = SessionIds.agentsSession(23);
    List<Object> ids = new ArrayList<>();
    Set<Object> types = new TreeSet<>();
    String key = null;
    int pages = 0;
    do {
      Http.Answer answer = agents("agt_sandbox", session, "limit=10" + (key == null ? "" : "&page_key=" + key));
      RecordedRequest request = sandbox.takeRequest(1, TimeUnit.SECONDS);
      while (request != null && !request.getTarget().contains(session)) request = sandbox.takeRequest(1, TimeUnit.SECONDS);
      assertEquals("zut_sandbox_agents_key", request.getHeaders().get("x-api-key"));
      pages++;
      for (Map<String, Object> e : answer.list("events")) {
        ids.add(e.get("id"));
        types.add(e.get("type"));
      }
      Map<?, ?> metadata = (Map<?, ?>) answer.json().get("metadata");
      assertEquals(23.0, metadata.get("total_count"));
      key = (String) metadata.get("page_key");
      if (key != null) {
        String decoded = new String(Base64.getDecoder().decode(key), StandardCharsets.UTF_8);
        assertEquals("{\"event_id\":\"" + ids.get(ids.size() - 1) + "\"}", decoded);
        key = java.net.URLEncoder.encode(key, StandardCharsets.UTF_8);
      }
    } while (key != null);
    assertEquals(3, pages);
    assertEquals(23, new TreeSet<>(ids.stream().map(String::valueOf).toList()).size());
    assertEquals(new TreeSet<>(List.of("input_message", "thinking", "tool_input", "tool_output", "agent_output")), types);
  }

  @Test
  void agentsErrorsAreVectaraBodies() throws Exception {
    Http.Answer noKey = Http.get(sandbox.baseUrl(Vendor.AGENTS_V2) + "v2/agents/agt_sandbox/sessions/ase_sandbox_3/events",
        "x-api-key", "wrong");
    assertEquals(401, noKey.status());
    assertEquals(List.of("Invalid or missing API key"), noKey.json().get("messages"));
    assertTrue(((String) noKey.json().get("request_id")).startsWith("req_sandbox_"));
    Http.Answer agent = agents("agt_nobody", "ase_sandbox_3", "");
    assertEquals(404, agent.status());
    assertEquals("agt_nobody", agent.json().get("id"));
    Http.Answer session = agents("agt_sandbox", "ase_gone", "");
    assertEquals("ase_gone", session.json().get("id"));
    Http.Answer limit = agents("agt_sandbox", "ase_sandbox_3", "limit=101");
    assertEquals(400, limit.status());
    assertEquals(Map.of("limit", "must be an integer between 1 and 100"), limit.json().get("field_errors"));
    assertEquals(400, agents("agt_sandbox", "ase_sandbox_3", "page_key=bm9wZQ%3D%3D").status());
  }

  @Test
  void piperServesBothDocumentedExamples() throws Exception {
    String org = SessionIds.PIPER_ORG;
    String session = SessionIds.PIPER_DOCUMENTED_SESSION;
    assertEquals(text("piper/session-events-example.json"), piper(org + "/responses/sessions/" + session + "/events").body());
    assertEquals(text("piper/scenario-run-by-session-example.json"), piper(org + "/scenarios/runs/by-session/" + session).body());
  }

  @Test
  void piperGeneratesRunsOfEventsAndAScenarioRun() throws Exception {
    String session = SessionIds.piperSession(12);
    Map<String, Object> events = piper(SessionIds.PIPER_ORG + "/responses/sessions/" + session + "/events").json();
    List<?> runs = (List<?>) events.get("runs");
    assertEquals(3, runs.size());
    int count = 0;
    for (Object run : runs) {
      for (Object e : (List<?>) ((Map<?, ?>) run).get("events")) {
        count++;
        assertEquals("user_message", ((Map<?, ?>) e).get("event_type"));
      }
    }
    assertEquals(12, count);
    Map<String, Object> scenario = piper(SessionIds.PIPER_ORG + "/scenarios/runs/by-session/" + session).json();
    assertEquals("passed", scenario.get("status"));
    assertEquals(404, piper(SessionIds.PIPER_ORG + "/scenarios/runs/by-session/" + SessionIds.piperSession(0)).status());
  }

  @Test
  void piperErrorsAreFastApiBodies() throws Exception {
    Http.Answer invalid = piper(SessionIds.PIPER_ORG + "/responses/sessions/not-a-uuid/events");
    assertEquals(422, invalid.status());
    Map<?, ?> first = (Map<?, ?>) ((List<?>) invalid.json().get("detail")).get(0);
    assertEquals(List.of("path", "session_id"), first.get("loc"));
    assertEquals("uuid_parsing", first.get("type"));
    Http.Answer otherOrg = piper("00000000-0000-4000-8000-000000000000/responses/sessions/" + SessionIds.piperSession(3) + "/events");
    assertEquals(Map.of("detail", "Session not found"), otherOrg.json());
    Http.Answer unauthorized = Http.bearer(sandbox.baseUrl(Vendor.PIPER) + "v1/orgs/" + SessionIds.PIPER_ORG
        + "/responses/sessions/" + SessionIds.piperSession(3) + "/events", "pat_wrong");
    assertEquals(401, unauthorized.status());
    assertEquals(Map.of("detail", "Invalid or expired token"), unauthorized.json());
  }

  @Test
  void pipecatServesTheDocumentedSessionAndGeneratedMetrics() throws Exception {
    assertEquals(text("pipecat/get-session-example.json"), pipecat("my-agent", SessionIds.PIPECAT_DOCUMENTED_SESSION).body());
    Map<String, Object> session = pipecat("sandbox-agent", SessionIds.pipecatSession(20)).json();
    Map<?, ?> metrics = (Map<?, ?>) session.get("resourceMetrics");
    assertEquals(20.0, metrics.get("sampleCount"));
    assertEquals(20, ((List<?>) metrics.get("timeseries")).size());
    assertTrue((Double) metrics.get("cpuMillicoresP50") <= (Double) metrics.get("cpuMillicoresP99"));
    Map<String, Object> fresh = pipecat("sandbox-agent", SessionIds.pipecatSession(0)).json();
    assertTrue(fresh.containsKey("resourceMetrics"));
    assertNull(fresh.get("resourceMetrics"));
    assertNull(fresh.get("endedAt"));
  }

  @Test
  void pipecatErrorsArePipecatBodies() throws Exception {
    Http.Answer missing = pipecat("other-agent", SessionIds.pipecatSession(2));
    assertEquals(404, missing.status());
    assertEquals("404", missing.json().get("code"));
    Http.Answer unauthorized = Http.bearer(sandbox.baseUrl(Vendor.PIPECAT) + "agents/my-agent/sessions/"
        + SessionIds.PIPECAT_DOCUMENTED_SESSION, "pk_wrong");
    assertEquals(Map.of("error", "Unauthorized / token expired", "code", "401"), unauthorized.json());
  }

  @Test
  void theEnvironmentPointsEverySdkAtTheSandbox() {
    Map<String, String> env = sandbox.environment();
    assertEquals(Set.of("QODER_PAT", "QODER_BASE_URL", "PIPER_API_TOKEN", "PIPER_BASE_URL", "PIPER_ORG_ID",
        "PIPECAT_API_KEY", "PIPECAT_BASE_URL", "AGENTS_API_KEY", "AGENTS_BASE_URL"), env.keySet());
    assertEquals("http://127.0.0.1:" + sandbox.port() + "/api/v1/cloud/", env.get("QODER_BASE_URL"));
    assertEquals("http://127.0.0.1:" + sandbox.port() + "/v1/", env.get("PIPECAT_BASE_URL"));
    assertEquals(SessionIds.PIPER_ORG, env.get("PIPER_ORG_ID"));
  }

  @Test
  void agentsNumberedCopiesOfOneSizeAreDistinctSessions() throws Exception {
    List<Map<String, Object>> one = agents("agt_sandbox", SessionIds.agentsSession(12, 1), "limit=100").list("events");
    List<Map<String, Object>> two = agents("agt_sandbox", SessionIds.agentsSession(12, 2), "limit=100").list("events");

    assertEquals(12, one.size());
    assertEquals(12, two.size());
    assertEquals("ase_sandbox_12_2", two.get(0).get("session_key"));
    assertNotEquals(one.get(0).get("id"), two.get(0).get("id"));
  }
}
