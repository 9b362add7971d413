package dev.sessionkit.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.agents.model.AgentEvent;
import dev.sessionkit.agents.model.AgentOutputEvent;
import dev.sessionkit.core.AutoPager;
import dev.sessionkit.errors.PaginationException;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Auto-paging follows {@code metadata.page_key}, keeps {@code limit}, stops on the last page and refuses loops. */
class AutoPagingTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  private AgentsClient client;

  @BeforeEach
  void setUp() {
    client = Fixtures.client(server, true);
  }


  private static List<String> ids(Iterable<AgentEvent> events) {
    List<String> ids = new ArrayList<>();
    for (AgentEvent event : events) ids.add(((AgentOutputEvent) event).id());
    return ids;
  }

  @Test
  void iteratesThreePagesPassingPageKeyAndLimitUntilNoPageKeyComesBack() throws Exception {
    server.enqueue(Fixtures.json(Fixtures.page("key_page_2", Fixtures.agentOutput("aev_1", "one"),
        Fixtures.agentOutput("aev_2", "two"))));
    server.enqueue(Fixtures.json(Fixtures.page("key_page_3", Fixtures.agentOutput("aev_3", "three"),
        Fixtures.agentOutput("aev_4", "four"))));
    server.enqueue(Fixtures.json(Fixtures.page(null, Fixtures.agentOutput("aev_5", "five"))));

    List<String> ids = ids(client.sessions().iterateEvents(Fixtures.AGENT_KEY, Fixtures.SESSION_KEY,
        EventListParams.builder().limit(2).build()));

    assertEquals(List.of("aev_1", "aev_2", "aev_3", "aev_4", "aev_5"), ids);
    assertEquals(3, server.getRequestCount());
    assertEquals(Fixtures.EVENTS_PATH + "?limit=2", server.takeRequest().getTarget());
    assertEquals(Fixtures.EVENTS_PATH + "?limit=2&page_key=key_page_2", server.takeRequest().getTarget());
    var last = server.takeRequest();
    assertEquals(Fixtures.EVENTS_PATH + "?limit=2&page_key=key_page_3", last.getTarget());
    assertEquals(Fixtures.API_KEY, last.getHeaders().get("x-api-key"));
  }

  @Test
  void pageKeysAreUrlEncodedAndPassedBackUnchanged() throws Exception {
    String seedKey = "eyJldmVudF9pZCI6ImFldl9hZ2VudF9vdXRwdXRfMDAxIn0=";
    server.enqueue(Fixtures.json(Fixtures.page(seedKey, Fixtures.agentOutput("aev_1", "one"))));
    server.enqueue(Fixtures.json(Fixtures.page(null, Fixtures.agentOutput("aev_2", "two"))));

    List<String> ids = ids(client.sessions().iterateEvents(Fixtures.AGENT_KEY, Fixtures.SESSION_KEY));

    assertEquals(List.of("aev_1", "aev_2"), ids);
    assertEquals(Fixtures.EVENTS_PATH + "?limit=100", server.takeRequest().getTarget());
    var second = server.takeRequest();
    assertEquals(Fixtures.EVENTS_PATH + "?limit=100&page_key=eyJldmVudF9pZCI6ImFldl9hZ2VudF9vdXRwdXRfMDAxIn0%3D",
        second.getTarget());
    assertEquals(seedKey, second.getUrl().queryParameter("page_key"));
  }

  @Test
  void stopsWhenMetadataOrItsPageKeyIsAbsentOrEmpty() throws Exception {
    server.enqueue(Fixtures.json("{\"events\":[" + Fixtures.agentOutput("aev_1", "one") + "],\"metadata\":{\"total_count\":1}}"));
    server.enqueue(Fixtures.json("{\"events\":[" + Fixtures.agentOutput("aev_2", "two") + "]}"));
    server.enqueue(Fixtures.json(Fixtures.page("", Fixtures.agentOutput("aev_3", "three"))));

    for (String expected : List.of("aev_1", "aev_2", "aev_3")) {
      assertEquals(List.of(expected), ids(client.sessions().iterateEvents(Fixtures.AGENT_KEY, Fixtures.SESSION_KEY)));
      assertEquals(Fixtures.EVENTS_PATH + "?limit=100", server.takeRequest().getTarget());
    }
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void failsClearlyWhenTheServerRepeatsAPageKey() throws Exception {
    server.enqueue(Fixtures.json(Fixtures.page("key_a", Fixtures.agentOutput("aev_1", "one"))));
    server.enqueue(Fixtures.json(Fixtures.page("key_b", Fixtures.agentOutput("aev_2", "two"))));
    server.enqueue(Fixtures.json(Fixtures.page("key_a", Fixtures.agentOutput("aev_3", "three"))));
    List<String> seen = new ArrayList<>();

    PaginationException e = assertThrows(PaginationException.class, () -> {
      for (AgentEvent event : client.sessions().iterateEvents(Fixtures.AGENT_KEY, Fixtures.SESSION_KEY,
          EventListParams.builder().limit(1).build())) {
        seen.add(((AgentOutputEvent) event).id());
      }
    });

    assertTrue(e.getMessage().contains("\"key_a\""), e.getMessage());
    assertEquals(List.of("aev_1", "aev_2", "aev_3"), seen);
    assertEquals(3, server.getRequestCount());
    assertEquals(Fixtures.EVENTS_PATH + "?limit=1", server.takeRequest().getTarget());
    assertEquals(Fixtures.EVENTS_PATH + "?limit=1&page_key=key_a", server.takeRequest().getTarget());
    assertEquals(Fixtures.EVENTS_PATH + "?limit=1&page_key=key_b", server.takeRequest().getTarget());
  }

  @Test
  void resumesFromAGivenPageKey() throws Exception {
    server.enqueue(Fixtures.json(Fixtures.page("key_next", Fixtures.agentOutput("aev_7", "seven"))));
    server.enqueue(Fixtures.json(Fixtures.page(null, Fixtures.agentOutput("aev_8", "eight"))));

    List<String> ids = ids(client.sessions().iterateEvents(Fixtures.AGENT_KEY, Fixtures.SESSION_KEY,
        EventListParams.builder().limit(1).pageKey("key_saved").build()));

    assertEquals(List.of("aev_7", "aev_8"), ids);
    assertEquals(Fixtures.EVENTS_PATH + "?limit=1&page_key=key_saved", server.takeRequest().getTarget());
    assertEquals(Fixtures.EVENTS_PATH + "?limit=1&page_key=key_next", server.takeRequest().getTarget());
  }

  @Test
  void aServerThatAnswersTheResumedPageKeyAgainFailsInsteadOfLooping() throws Exception {
    server.enqueue(Fixtures.json(Fixtures.page("key_saved", Fixtures.agentOutput("aev_7", "seven"))));

    AutoPager<AgentEvent> pager = client.sessions().iterateEvents(Fixtures.AGENT_KEY, Fixtures.SESSION_KEY,
        EventListParams.builder().pageKey("key_saved").build());

    assertThrows(PaginationException.class, () -> ids(pager));
    assertEquals(1, server.getRequestCount());
    assertEquals(Fixtures.EVENTS_PATH + "?limit=100&page_key=key_saved", server.takeRequest().getTarget());
  }

  @Test
  void streamFetchesOnlyThePagesItConsumes() throws Exception {
    server.enqueue(Fixtures.json(Fixtures.page("key_page_2", Fixtures.agentOutput("aev_1", "one"),
        Fixtures.agentOutput("aev_2", "two"))));

    List<String> firstTwo = client.sessions()
        .streamEvents(Fixtures.AGENT_KEY, Fixtures.SESSION_KEY, EventListParams.builder().limit(2).build())
        .limit(2).map(e -> ((AgentOutputEvent) e).content()).toList();

    assertEquals(List.of("one", "two"), firstTwo);
    assertEquals(1, server.getRequestCount());
    assertEquals(Fixtures.EVENTS_PATH + "?limit=2", server.takeRequest().getTarget());
  }
}
