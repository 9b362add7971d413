package dev.sessionkit.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sessionkit.agents.model.AgentEvent;
import dev.sessionkit.agents.model.AgentOutputEvent;
import dev.sessionkit.agents.model.ListAgentEventsResponse;
import dev.sessionkit.core.PageOf;
import dev.sessionkit.errors.AuthenticationException;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Page-level iteration over page keys with resume, and async auto-paging with one page in flight. */
class PagesAndAsyncPagingTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  private AgentsClient client;

  @BeforeEach
  void setUp() {
    client = Fixtures.client(server, true);
  }

  private static List<String> ids(List<AgentEvent> events) {
    return events.stream().map(e -> ((AgentOutputEvent) e).id()).toList();
  }

  @Test
  void eventPagesCarryTheirPageKeyAndAStoredKeyResumesTheListing() throws Exception {
    server.enqueue(Fixtures.json(Fixtures.page("key_page_2", Fixtures.agentOutput("aev_1", "one"))));
    server.enqueue(Fixtures.json(Fixtures.page("key_page_3", Fixtures.agentOutput("aev_2", "two"))));
    server.enqueue(Fixtures.json(Fixtures.page(null, Fixtures.agentOutput("aev_3", "three"))));

    Iterator<PageOf<ListAgentEventsResponse, AgentEvent>> pages =
        client.sessions().eventPages(Fixtures.AGENT_KEY, Fixtures.SESSION_KEY).iterator();
    PageOf<ListAgentEventsResponse, AgentEvent> first = pages.next();
    assertEquals(List.of("aev_1"), ids(first.items()));
    assertEquals("key_page_2", first.nextCursor());
    assertEquals(1, first.response().events().size());
    PageOf<ListAgentEventsResponse, AgentEvent> second = pages.next();
    String stored = second.nextCursor();
    assertEquals("key_page_3", stored);
    assertEquals(2, server.getRequestCount(), "the job stops here: no page is fetched ahead");

    List<PageOf<ListAgentEventsResponse, AgentEvent>> rest = client.sessions()
        .eventPages(Fixtures.AGENT_KEY, Fixtures.SESSION_KEY, EventListParams.builder().pageKey(stored).build())
        .stream().toList();
    assertEquals(1, rest.size());
    assertEquals(List.of("aev_3"), ids(rest.get(0).items()));
    assertNull(rest.get(0).nextCursor());

    assertEquals(Fixtures.EVENTS_PATH + "?limit=100", server.takeRequest().getTarget());
    assertEquals(Fixtures.EVENTS_PATH + "?limit=100&page_key=key_page_2", server.takeRequest().getTarget());
    assertEquals(Fixtures.EVENTS_PATH + "?limit=100&page_key=key_page_3", server.takeRequest().getTarget());
  }

  @Test
  void asyncForEachAsksForEachPageKeyOnlyAfterThePreviousPageWasConsumed() throws Exception {
    server.enqueue(Fixtures.json(Fixtures.page("key_page_2", Fixtures.agentOutput("aev_1", "one"),
        Fixtures.agentOutput("aev_2", "two"))));
    server.enqueue(Fixtures.json(Fixtures.page("", Fixtures.agentOutput("aev_3", "three"))));
    List<String> seen = new CopyOnWriteArrayList<>();

    client.sessions().iterateEventsAsync(Fixtures.AGENT_KEY, Fixtures.SESSION_KEY, EventListParams.builder().limit(2).build())
        .forEach(e -> seen.add(((AgentOutputEvent) e).id() + "@" + server.getRequestCount()))
        .get(10, TimeUnit.SECONDS);

    assertEquals(List.of("aev_1@1", "aev_2@1", "aev_3@2"), seen);
    assertEquals(Fixtures.EVENTS_PATH + "?limit=2", server.takeRequest().getTarget());
    assertEquals(Fixtures.EVENTS_PATH + "?limit=2&page_key=key_page_2", server.takeRequest().getTarget());
  }

  @Test
  void anAsyncFailureArrivesAsTheTypedException() throws Exception {
    server.enqueue(Fixtures.json(Fixtures.page("key_page_2", Fixtures.agentOutput("aev_1", "one"))));
    server.enqueue(Fixtures.error(401, "{\"messages\":[\"Invalid or missing API key\"],\"request_id\":\"req_401\"}"));

    ExecutionException e = assertThrows(ExecutionException.class, () -> client.sessions()
        .iterateEventsAsync(Fixtures.AGENT_KEY, Fixtures.SESSION_KEY).forEach(event -> { }).get(10, TimeUnit.SECONDS));

    assertEquals("req_401", assertInstanceOf(AuthenticationException.class, e.getCause()).requestId());
    assertEquals(Fixtures.EVENTS_PATH + "?limit=100", server.takeRequest().getTarget());
    assertEquals(Fixtures.EVENTS_PATH + "?limit=100&page_key=key_page_2", server.takeRequest().getTarget());
  }
}
