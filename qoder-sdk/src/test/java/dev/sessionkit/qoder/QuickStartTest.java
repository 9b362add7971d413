package dev.sessionkit.qoder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.qoder.model.SessionEvent;
import dev.sessionkit.qoder.model.SessionEventList;
import dev.sessionkit.qoder.model.UserMessageContent;
import dev.sessionkit.qoder.model.UserMessageEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The README's Qoder quick start, run against a local server so that it keeps compiling and working. */
class QuickStartTest {
  @StartStop private final MockWebServer server = new MockWebServer();

  @Test
  void readmeQuickStartRunsAsWritten() throws Exception {
    String example = Fixtures.read("list-events-example.json");
    String last = Fixtures.page(false, "evt_2", "evt_2", Fixtures.userMessage("evt_2", "bye"));
    server.enqueue(new MockResponse.Builder().body(example).build());                  // events(...)
    server.enqueue(new MockResponse.Builder().body(example).build());                  // iterate, page 1
    server.enqueue(new MockResponse.Builder().body(last).build());                     // iterate, page 2
    server.enqueue(new MockResponse.Builder().body(last).build());                     // stream backward
    server.enqueue(new MockResponse.Builder().body(last).build());                     // async
    server.enqueue(new MockResponse.Builder().addHeader("x-request-id", "req_1").body(last).build()); // raw
    QoderClient client = QoderClient.builder()
        .fromEnv(Map.of("QODER_PAT", "pt-test", "QODER_BASE_URL", server.url("/api/v1/cloud/").toString())).build();
    String sessionId = "sess_019e392c0d1e74e095d21ea4c6b41def";

    SessionEventList page = client.sessions().events(sessionId, EventListParams.builder().limit(50).build());
    List<String> seen = new ArrayList<>();
    for (SessionEvent event : client.sessions().iterateEvents(sessionId)) {
      if (event instanceof UserMessageEvent m && m.content() instanceof UserMessageContent.OfString text) {
        seen.add(text.value());
      }
    }
    long backward = client.sessions()
        .streamEvents(sessionId, EventListParams.builder().beforeId("evt_771c1195bcbd4a07834d4ed4dd6450ca").build())
        .limit(100).count();
    CompletableFuture<SessionEventList> later = client.sessions().eventsAsync(sessionId, EventListParams.NONE);
    later.get();
    RawResponse<SessionEventList> raw = client.sessions().withRawResponse().events(sessionId, EventListParams.NONE);

    assertEquals(2, page.data().size());
    assertEquals(List.of("Hello, this is a test message.", "bye"), seen);
    assertEquals(1, backward);
    assertEquals(200, raw.status());
    assertEquals("req_1", raw.requestId());
    String events = "/api/v1/cloud/sessions/" + sessionId + "/events";
    assertEquals(events + "?limit=50", server.takeRequest().getTarget());
    assertEquals(events + "?limit=100", server.takeRequest().getTarget());
    assertEquals(events + "?limit=100&after_id=evt_771c1195bcbd4a07834d4ed4dd6450ca", server.takeRequest().getTarget());
    assertEquals(events + "?limit=100&before_id=evt_771c1195bcbd4a07834d4ed4dd6450ca", server.takeRequest().getTarget());
  }
}
