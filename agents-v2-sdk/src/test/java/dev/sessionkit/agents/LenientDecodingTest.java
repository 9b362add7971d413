package dev.sessionkit.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.agents.model.AgentEvent;
import dev.sessionkit.agents.model.AgentInput;
import dev.sessionkit.agents.model.InputMessageEvent;
import dev.sessionkit.agents.model.ListAgentEventsResponse;
import dev.sessionkit.agents.model.ToolInputEvent;
import dev.sessionkit.agents.model.ToolOutputEvent;
import dev.sessionkit.errors.DecodingException;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Events and payloads the seed does not show decode without loss by default; strict mode names what
 * it does not know. The unknown event type is {@code citation} and the unknown input part
 * {@code image}: neither the OAS nor any Vectara page names them.
 */
class LenientDecodingTest {
  private static final String CITATION = "{\"id\":\"aev_ci_001\",\"session_key\":\"ase_customer_support_001\","
      + "\"type\":\"citation\",\"source\":\"ticket\",\"content\":{\"priority\":1e400},"
      + "\"created_at\":\"2024-01-15T10:35:05Z\"}";

  @StartStop private final MockWebServer server = new MockWebServer();


  private ListAgentEventsResponse fetch(boolean strict, String body) throws Exception {
    server.enqueue(Fixtures.json(body));
    try {
      return Fixtures.client(server, strict).sessions().events(Fixtures.AGENT_KEY, Fixtures.SESSION_KEY);
    } finally {
      var request = server.takeRequest();
      assertEquals(Fixtures.EVENTS_PATH, request.getTarget());
      assertEquals(Fixtures.API_KEY, request.getHeaders().get("x-api-key"));
    }
  }

  @Test
  void unknownEventTypeDecodesToUnknownKeepingItsRawJson() throws Exception {
    ListAgentEventsResponse page = fetch(false,
        Fixtures.page(null, Fixtures.agentOutput("aev_1", "before"), CITATION));

    assertEquals(2, page.events().size());
    AgentEvent.Unknown unknown = assertInstanceOf(AgentEvent.Unknown.class, page.events().get(1));
    assertEquals("citation", unknown.type());
    assertEquals(CITATION, unknown.raw().json());
  }

  @Test
  void strictModeNamesTheUnknownEventTypeAndItsPath() throws Exception {
    DecodingException e = assertThrows(DecodingException.class, () -> fetch(true,
        Fixtures.page(null, Fixtures.agentOutput("aev_1", "before"), CITATION)));

    assertTrue(e.getMessage().contains("Unknown AgentEvent type \"citation\" at $.events[1]"), e.getMessage());
    assertEquals(200, e.status());
  }

  @Test
  void toolOutputThatIsAJsonArrayIsKeptWhole() throws Exception {
    String array = "[{\"title\":\"Widget Installation Guide\"}, 2, \"three\", null, 12345678901234567890.000000001]";
    ListAgentEventsResponse page = fetch(true, Fixtures.page(null, Fixtures.event("aev_to_1", "tool_output",
        "\"tool_call_id\":\"call_1\",\"tool_configuration\":\"knowledge_search\",\"tool_name\":\"knowledge_base_search\","
            + "\"tool_output\":" + array)));

    ToolOutputEvent tool = assertInstanceOf(ToolOutputEvent.class, page.events().get(0));
    assertTrue(tool.toolOutput().isArray());
    assertEquals(array, tool.toolOutput().json());
  }

  @Test
  void toolPayloadsThatAreScalarsAreKeptWholeAndJsonNullIsNull() throws Exception {
    ListAgentEventsResponse page = fetch(true, Fixtures.page(null,
        Fixtures.event("aev_ti_1", "tool_input", "\"tool_call_id\":\"call_1\",\"tool_configuration\":\"calc\","
            + "\"tool_name\":\"calculator\",\"tool_input\":\"2 + 2\""),
        Fixtures.event("aev_to_1", "tool_output", "\"tool_call_id\":\"call_1\",\"tool_configuration\":\"calc\","
            + "\"tool_name\":\"calculator\",\"tool_output\":4.000000000000000000001"),
        Fixtures.event("aev_to_2", "tool_output", "\"tool_call_id\":\"call_2\",\"tool_configuration\":\"calc\","
            + "\"tool_name\":\"calculator\",\"tool_output\":null")));

    assertEquals("\"2 + 2\"", ((ToolInputEvent) page.events().get(0)).toolInput().json());
    assertEquals("4.000000000000000000001", ((ToolOutputEvent) page.events().get(1)).toolOutput().json());
    assertNull(((ToolOutputEvent) page.events().get(2)).toolOutput());
  }

  @Test
  void vectaraSdkFieldNamesToolConfigurationNameAndErrorDecodeStrictly() throws Exception {
    ListAgentEventsResponse page = fetch(true, Fixtures.page(null, Fixtures.event("aev_to_1", "tool_output",
        "\"tool_call_id\":\"call_1\",\"tool_configuration_name\":\"knowledge_search\","
            + "\"tool_name\":\"knowledge_base_search\",\"tool_output\":{\"error\":\"timeout\"},\"error\":true")));

    ToolOutputEvent tool = assertInstanceOf(ToolOutputEvent.class, page.events().get(0));
    assertEquals("knowledge_search", tool.toolConfigurationName());
    assertNull(tool.toolConfiguration());
    assertEquals(Boolean.TRUE, tool.error());
    assertEquals("{\"error\":\"timeout\"}", tool.toolOutput().json());
  }

  @Test
  void unknownInputPartKeepsItsRawJsonAndStrictModeNamesIt() throws Exception {
    String image = "{\"type\":\"image\",\"artifact_id\":\"art_1\"}";
    String body = Fixtures.page(null, Fixtures.event("aev_in_1", "input_message", "\"messages\":["
        + "{\"type\":\"text\",\"content\":\"hello\"}," + image + "]"));

    InputMessageEvent input = assertInstanceOf(InputMessageEvent.class, fetch(false, body).events().get(0));
    AgentInput.Unknown part = assertInstanceOf(AgentInput.Unknown.class, input.messages().get(1));
    assertEquals("image", part.type());
    assertEquals(image, part.raw().json());

    DecodingException e = assertThrows(DecodingException.class, () -> fetch(true, body));
    assertTrue(e.getMessage().contains("Unknown AgentInput type \"image\" at $.events[0].messages[1]"), e.getMessage());
  }

  @Test
  void unknownFieldIsIgnoredLenientlyAndNamedStrictly() throws Exception {
    String body = Fixtures.page(null, Fixtures.event("aev_th_1", "thinking", "\"content\":\"hm\",\"hidden\":false"));

    assertEquals("hm", ((dev.sessionkit.agents.model.ThinkingEvent) fetch(false, body).events().get(0)).content());
    DecodingException e = assertThrows(DecodingException.class, () -> fetch(true, body));
    assertTrue(e.getMessage().contains("hidden"), e.getMessage());
    assertTrue(e.getMessage().contains("$.events[0]"), e.getMessage());
  }
}
