package dev.sessionkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QoderFakeTest {
  static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private Http.Answer get(String sessionId, String query) throws IOException {
    String url = sandbox.baseUrl(Vendor.QODER) + "sessions/" + sessionId + "/events" + (query.isEmpty() ? "" : "?" + query);
    return Http.bearer(url, sandbox.credential(Vendor.QODER));
  }

  @Test
  void servesTheDocumentedExampleByteForByteAtTheRealPath() throws Exception {
    while (sandbox.takeRequest(0, TimeUnit.SECONDS) != null) { }
    Http.Answer answer = get(SessionIds.QODER_DOCUMENTED_SESSION, "limit=5");
    assertEquals(200, answer.status());
    assertEquals(new String(Resources.read("qoder/list-events-example.json"), StandardCharsets.UTF_8), answer.body());
    RecordedRequest request = sandbox.takeRequest(1, TimeUnit.SECONDS);
    assertEquals("/api/v1/cloud/sessions/sess_019e392c0d1e74e095d21ea4c6b41def/events?limit=5", request.getTarget());
    assertEquals("Bearer pt-sandbox-qoder-token", request.getHeaders().get("Authorization"));
  }

  @Test
  void theDocumentedPageIsFollowedByAnEmptyLastPage() throws Exception {
    Map<String, Object> page = get(SessionIds.QODER_DOCUMENTED_SESSION, "after_id=evt_771c1195bcbd4a07834d4ed4dd6450ca").json();
    assertEquals(List.of(), page.get("data"));
    assertEquals(false, page.get("has_more"));
    assertTrue(page.containsKey("last_id"));
    assertNull(page.get("last_id"));
  }

  @Test
  void pagesForwardWithAfterIdUntilHasMoreIsFalse() throws Exception {
    String session = SessionIds.qoderSession(45);
    List<String> ids = new ArrayList<>();
    String after = null;
    int pages = 0;
    while (true) {
      Map<String, Object> page = get(session, "limit=20" + (after == null ? "" : "&after_id=" + after)).json();
      pages++;
      for (Map<String, Object> e : data(page)) ids.add((String) e.get("id"));
      after = (String) page.get("last_id");
      if (!(Boolean) page.get("has_more")) break;
    }
    assertEquals(3, pages);
    assertEquals(45, ids.size());
    assertEquals(45, new TreeSet<>(ids).size());
    List<String> sorted = new ArrayList<>(ids);
    sorted.sort(null);
    assertEquals(sorted, ids, "event ids are time-ordered");
  }

  @Test
  void pagesBackwardWithBeforeIdInChronologicalPages() throws Exception {
    String session = SessionIds.qoderSession(45);
    Map<String, Object> all = get(session, "limit=100").json();
    List<Map<String, Object>> events = data(all);
    String last = (String) events.get(44).get("id");
    Map<String, Object> page = get(session, "limit=20&before_id=" + last).json();
    assertEquals(events.subList(24, 44), data(page));
    assertEquals(events.get(24).get("id"), page.get("first_id"));
    assertEquals(true, page.get("has_more"));
    Map<String, Object> oldest = get(session, "limit=20&before_id=" + events.get(4).get("id")).json();
    assertEquals(events.subList(0, 4), data(oldest));
    assertEquals(false, oldest.get("has_more"));
  }

  @Test
  void generatedSessionsHoldEveryDocumentedEventType() throws Exception {
    List<Map<String, Object>> events = data(get(SessionIds.qoderSession(15), "limit=100").json());
    Set<Object> types = new TreeSet<>();
    for (Map<String, Object> e : events) types.add(e.get("type"));
    assertEquals(new TreeSet<>(List.of("user.message", "agent.message", "agent.thinking", "session.status_rescheduled",
        "session.status_idle", "session.error", "span.model_request_start", "span.model_request_end", "terminated")), types);
    assertEquals("terminated", events.get(14).get("type"));
    Map<String, Object> first = events.get(0);
    assertEquals("sess_sandbox_15", first.get("session_id"));
    assertTrue(((String) first.get("turn_id")).startsWith("turn_"));
    assertEquals("1.0", first.get("schema_version"));
  }

  @Test
  void aHundredThousandEventSessionIsServedPageByPageFromTheMiddle() throws Exception {
    String session = SessionIds.qoderSession(100_000);
    Map<String, Object> first = get(session, "limit=100").json();
    String id = (String) first.get("last_id");
    String middle = "evt_" + String.format("%016x", 50_000L) + id.substring(20);
    Http.Answer wrongSuffix = get(session, "after_id=" + middle);
    assertEquals(400, wrongSuffix.status(), "an id with another session's suffix is not a cursor of this one");
    Map<String, Object> last = get(session, "limit=100&before_id=" + id).json();
    assertEquals(99, data(last).size());
    assertEquals(false, last.get("has_more"));
  }

  @Test
  void limitAbove100IsCappedAndBelow1IsA400() throws Exception {
    assertEquals(100, data(get(SessionIds.qoderSession(500), "limit=500").json()).size());
    Http.Answer zero = get(SessionIds.qoderSession(500), "limit=0");
    assertEquals(400, zero.status());
    assertEquals(Map.of("type", "error", "error", Map.of("type", "invalid_request_error",
        "message", "limit must be between 1 and 100", "param", "limit")), zero.json());
  }

  @Test
  void bothCursorsAreA400() throws Exception {
    Http.Answer both = get(SessionIds.qoderSession(5), "after_id=evt_a&before_id=evt_b");
    assertEquals(400, both.status());
    assertEquals("before_id and after_id are mutually exclusive",
        ((Map<?, ?>) both.json().get("error")).get("message"));
  }

  @Test
  void aWrongTokenIsQodersAuthenticationError() throws Exception {
    String url = sandbox.baseUrl(Vendor.QODER) + "sessions/" + SessionIds.qoderSession(5) + "/events";
    for (Http.Answer answer : List.of(Http.bearer(url, "pt-wrong"), Http.get(url, "x-api-key", sandbox.credential(Vendor.QODER)),
        Http.get(url, null, null))) {
      assertEquals(401, answer.status());
      assertEquals(Map.of("type", "error", "error", Map.of("type", "authentication_error", "message", "PAT invalid or expired")),
          answer.json());
    }
  }

  @Test
  void anUnknownSessionIsNotFoundAndAnUnknownRouteIsPlainText() throws Exception {
    Http.Answer missing = get("sess_nope", "");
    assertEquals(404, missing.status());
    assertEquals("not_found_error", ((Map<?, ?>) missing.json().get("error")).get("type"));
    Http.Answer route = Http.bearer(sandbox.baseUrl(Vendor.QODER) + "sessions", sandbox.credential(Vendor.QODER));
    assertEquals(404, route.status());
    assertEquals("404 page not found", route.body());
    assertFalse(route.contentType().contains("json"));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> data(Map<String, Object> page) {
    return (List<Map<String, Object>>) page.get("data");
  }

  @Test
  void numberedCopiesOfOneSizeAreDistinctSessionsOfThatSize() throws Exception {
    List<Map<String, Object>> one = data(get(SessionIds.qoderSession(30, 1), "limit=100").json());
    List<Map<String, Object>> two = data(get(SessionIds.qoderSession(30, 2), "limit=100").json());

    assertEquals("sess_sandbox_30_1", SessionIds.qoderSession(30, 1));
    assertEquals(30, one.size());
    assertEquals(30, two.size());
    assertEquals("sess_sandbox_30_2", two.get(0).get("session_id"));
    assertFalse(one.get(0).get("id").equals(two.get(0).get("id")), "each copy has its own event ids");
    assertEquals(30, SessionIds.qoderSize("sess_sandbox_30_2").getAsInt());
  }
}
