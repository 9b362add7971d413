package dev.sessionkit.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.agents.model.AgentOutputEvent;
import dev.sessionkit.agents.model.InputMessageEvent;
import dev.sessionkit.agents.model.ListAgentEventsResponse;
import dev.sessionkit.agents.model.TextInput;
import dev.sessionkit.agents.model.ThinkingEvent;
import dev.sessionkit.agents.model.ToolInputEvent;
import dev.sessionkit.agents.model.ToolOutputEvent;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seed page's example (shared/seeds/004_0956aa6387aa5322.txt) decodes field for field, strictly. */
class SeedExampleDecodingTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  private AgentsClient client;

  @BeforeEach
  void setUp() {
    client = Fixtures.client(server, true);
  }


  private ListAgentEventsResponse seedPage() throws Exception {
    server.enqueue(Fixtures.json(Fixtures.read("list-events-example.json")));
    ListAgentEventsResponse page = client.sessions().events(Fixtures.AGENT_KEY, Fixtures.SESSION_KEY,
        EventListParams.builder().limit(20).build());
    RecordedRequest request = server.takeRequest();
    assertEquals("GET", request.getMethod());
    assertEquals("/v2/agents/agt_customer_support/sessions/ase_customer_support_001/events?limit=20",
        request.getTarget());
    assertEquals(Fixtures.API_KEY, request.getHeaders().get("x-api-key"));
    assertNull(request.getHeaders().get("Authorization"));
    return page;
  }

  @Test
  void seedExampleRequestIsSentAndItsPageAndMetadataDecode() throws Exception {
    ListAgentEventsResponse page = seedPage();

    assertEquals(5, page.events().size());
    assertEquals(List.of("input_message", "thinking", "tool_input", "tool_output", "agent_output"),
        page.events().stream().map(e -> e.type()).toList());
    assertEquals("eyJldmVudF9pZCI6ImFldl9hZ2VudF9vdXRwdXRfMDAxIn0=", page.metadata().pageKey());
    assertEquals(45L, page.metadata().totalCount());
    assertEquals(Optional.of("eyJldmVudF9pZCI6ImFldl9hZ2VudF9vdXRwdXRfMDAxIn0="), SessionsService.nextPageKey(page));
  }

  @Test
  void seedInputMessageAndThinkingEventsDecodeFieldForField() throws Exception {
    ListAgentEventsResponse page = seedPage();

    InputMessageEvent input = assertInstanceOf(InputMessageEvent.class, page.events().get(0));
    assertEquals("aev_user_input_001", input.id());
    assertEquals("ase_customer_support_001", input.sessionKey());
    assertEquals("input_message", input.type());
    assertEquals(OffsetDateTime.parse("2024-01-15T10:35:00Z"), input.createdAt());
    assertEquals(1, input.messages().size());
    TextInput text = assertInstanceOf(TextInput.class, input.messages().get(0));
    assertEquals("text", text.type());
    assertEquals("I'm having trouble with my widget installation.", text.content());

    ThinkingEvent thinking = assertInstanceOf(ThinkingEvent.class, page.events().get(1));
    assertEquals("aev_thinking_001", thinking.id());
    assertEquals("ase_customer_support_001", thinking.sessionKey());
    assertEquals("thinking", thinking.type());
    assertEquals("The user is experiencing installation issues. I should search our knowledge base for "
        + "troubleshooting steps.", thinking.content());
    assertEquals(OffsetDateTime.parse("2024-01-15T10:35:01Z"), thinking.createdAt());
  }

  @Test
  void seedToolInputEventDecodesWithItsPayloadKeptWhole() throws Exception {
    ToolInputEvent tool = assertInstanceOf(ToolInputEvent.class, seedPage().events().get(2));

    assertEquals("aev_tool_input_001", tool.id());
    assertEquals("ase_customer_support_001", tool.sessionKey());
    assertEquals("tool_input", tool.type());
    assertEquals("call_knowledge_search_001", tool.toolCallId());
    assertEquals("knowledge_search", tool.toolConfiguration());
    assertNull(tool.toolConfigurationName());
    assertEquals("knowledge_base_search", tool.toolName());
    assertEquals(OffsetDateTime.parse("2024-01-15T10:35:02Z"), tool.createdAt());
    assertTrue(tool.toolInput().isObject());
    assertEquals("{\n\"query\": \"widget installation troubleshooting\",\n\"max_results\": 5\n}",
        tool.toolInput().json());
    assertEquals(Map.of("query", "widget installation troubleshooting", "max_results", 5.0),
        tool.toolInput().toJavaValue());
  }

  @Test
  void seedToolOutputEventDecodesWithItsPayloadKeptWhole() throws Exception {
    ToolOutputEvent tool = assertInstanceOf(ToolOutputEvent.class, seedPage().events().get(3));

    assertEquals("aev_tool_output_001", tool.id());
    assertEquals("ase_customer_support_001", tool.sessionKey());
    assertEquals("tool_output", tool.type());
    assertEquals("call_knowledge_search_001", tool.toolCallId());
    assertEquals("knowledge_search", tool.toolConfiguration());
    assertNull(tool.toolConfigurationName());
    assertEquals("knowledge_base_search", tool.toolName());
    assertNull(tool.error());
    assertEquals(OffsetDateTime.parse("2024-01-15T10:35:03Z"), tool.createdAt());
    assertEquals("{\n\"results\": [\n{\n\"title\": \"Widget Installation Guide\",\n\"content\": \"Common "
        + "troubleshooting steps for widget installation issues.\"\n}\n]\n}", tool.toolOutput().json());
    assertEquals(Map.of("results", List.of(Map.of("title", "Widget Installation Guide",
        "content", "Common troubleshooting steps for widget installation issues."))),
        tool.toolOutput().toJavaValue());
  }

  @Test
  void seedAgentOutputEventDecodesFieldForField() throws Exception {
    AgentOutputEvent output = assertInstanceOf(AgentOutputEvent.class, seedPage().events().get(4));

    assertEquals("aev_agent_output_001", output.id());
    assertEquals("ase_customer_support_001", output.sessionKey());
    assertEquals("agent_output", output.type());
    assertEquals("I can help you troubleshoot the widget installation. Let me check our knowledge base for "
        + "common solutions.", output.content());
    assertEquals(OffsetDateTime.parse("2024-01-15T10:35:04Z"), output.createdAt());
  }
}
