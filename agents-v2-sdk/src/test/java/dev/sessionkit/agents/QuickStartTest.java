package dev.sessionkit.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.agents.model.AgentEvent;
import dev.sessionkit.agents.model.AgentOutputEvent;
import dev.sessionkit.agents.model.ErrorCode;
import dev.sessionkit.agents.model.ListAgentEventsResponse;
import dev.sessionkit.agents.model.ToolOutputEvent;
import dev.sessionkit.errors.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The README's Agents API v2 quick start runs as written (against a local server instead of Vectara). */
class QuickStartTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  private final List<String> out = new ArrayList<>();


  @Test
  void quickStartPagesPrintsAndTellsMissingSessionsApart() throws Exception {
    server.enqueue(Fixtures.json(Fixtures.read("list-events-example.json")));
    server.enqueue(Fixtures.json(Fixtures.page(null, Fixtures.agentOutput("aev_2", "done"))));
    server.enqueue(Fixtures.json(Fixtures.page(null)));
    server.enqueue(Fixtures.error(404, "{\"id\":\"ase_gone\",\"messages\":[\"Session not found\"]}"));
    // fromEnv() in the README; the same variables, given explicitly here.
    AgentsClient client = AgentsClient.builder()
        .fromEnv(Map.of("AGENTS_API_KEY", Fixtures.API_KEY, "AGENTS_BASE_URL", server.url("/").toString()))
        .build();

    // --- README snippet starts ---
    // Every event, oldest first; pages of 50 are fetched as the loop goes.
    for (AgentEvent event : client.sessions().iterateEvents("agt_customer_support", "ase_customer_support_001",
        EventListParams.builder().limit(50).build())) {
      if (event instanceof AgentOutputEvent output) {
        print("agent: " + output.content());
      } else if (event instanceof ToolOutputEvent tool) {
        print(tool.toolName() + " -> " + tool.toolOutput()); // the raw JSON, kept whole
      }
    }

    // One page at a time; resume later from the page key it returns.
    ListAgentEventsResponse page = client.sessions().events("agt_customer_support", "ase_customer_support_001",
        EventListParams.builder().limit(20).build());
    String resumeFrom = SessionsService.nextPageKey(page).orElse(null); // null: that was the last page

    try {
      client.sessions().events("agt_customer_support", "ase_gone");
    } catch (NotFoundException e) {
      if (ErrorCode.SESSION_NOT_FOUND.value().equals(e.errorCode())) print("no such session");
    }
    // --- README snippet ends ---

    assertEquals(List.of(
        "knowledge_base_search -> {\n\"results\": [\n{\n\"title\": \"Widget Installation Guide\",\n\"content\": "
            + "\"Common troubleshooting steps for widget installation issues.\"\n}\n]\n}",
        "agent: I can help you troubleshoot the widget installation. Let me check our knowledge base for common "
            + "solutions.",
        "agent: done",
        "no such session"), out);
    assertEquals(null, resumeFrom);
    assertEquals(Fixtures.EVENTS_PATH + "?limit=50", server.takeRequest().getTarget());
    assertEquals(Fixtures.EVENTS_PATH + "?limit=50&page_key=eyJldmVudF9pZCI6ImFldl9hZ2VudF9vdXRwdXRfMDAxIn0%3D",
        server.takeRequest().getTarget());
    assertEquals(Fixtures.EVENTS_PATH + "?limit=20", server.takeRequest().getTarget());
    var last = server.takeRequest();
    assertEquals("/v2/agents/agt_customer_support/sessions/ase_gone/events", last.getTarget());
    assertEquals(Fixtures.API_KEY, last.getHeaders().get("x-api-key"));
  }

  private void print(String line) {
    out.add(line);
  }
}
