package dev.sessionkit.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.agents.internal.AgentsProfile;
import dev.sessionkit.agents.model.AgentEvent;
import dev.sessionkit.agents.model.ListAgentEventsResponse;
import dev.sessionkit.core.RequestOptions;
import dev.sessionkit.core.vendor.Arguments;
import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.core.vendor.VendorDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The generated vendor descriptor: ServiceLoader finds it, and a call through it is the typed call. */
class VendorDescriptorTest {
  @StartStop private final MockWebServer server = new MockWebServer();

  private Object client(VendorDescriptor agents) {
    return agents.newClient(Map.of("AGENTS_API_KEY", Fixtures.API_KEY, "AGENTS_BASE_URL", server.url("/").toString()),
        builder -> builder.noRetries());
  }

  @Test
  void serviceLoaderFindsTheAgentsApiAsAgentsV2WithItsEnvironmentAndOperations() {
    List<VendorDescriptor> installed = VendorDescriptor.installed();

    assertEquals(List.of("agents-v2"), installed.stream().map(VendorDescriptor::id).toList());
    VendorDescriptor agents = installed.get(0);
    assertEquals("Agents API v2 (Vectara)", agents.label());
    assertEquals(List.of("AGENTS_API_KEY CREDENTIAL", "AGENTS_BASE_URL BASE_URL"),
        agents.environment().stream().map(v -> v.name() + " " + v.role()).toList());
    assertEquals("The API key, sent in the x-api-key header.", agents.credentialVariable().description());
    assertSame(AgentsProfile.PROFILE, agents.profile());
    List<String> operations = agents.operations().stream().map(op -> op.service() + "." + op.name() + " " + op.operationId() + " "
            + op.httpMethod() + " " + op.path()).toList();
    assertEquals(31, operations.size(), "every operation of the spec: " + operations);
    assertTrue(operations.contains("sessions.events listAgentEvents GET /v2/agents/{agent_key}/sessions/{session_key}/events"), operations.toString());
    OperationDescriptor events = agents.shortcut("events").orElseThrow();
    assertEquals(ListAgentEventsResponse.class, events.responseType().orElseThrow());
    assertEquals(AgentEvent.class, events.itemType().orElseThrow());
    assertEquals(true, agents.openResource("openapi.json").isPresent(), "bundled under the id agents-v2");
  }

  @Test
  void eventsThroughTheDescriptorSendsWhatTheTypedMethodSendsAndReturnsTheSameValue() throws Exception {
    String page = Fixtures.page("pk_2", Fixtures.agentOutput("aev_1", "hello"));
    server.enqueue(new MockResponse.Builder().body(page).build());
    server.enqueue(new MockResponse.Builder().body(page).build());
    VendorDescriptor agents = VendorDescriptor.find("agents-v2").orElseThrow();
    Object client = client(agents);
    RequestOptions options = RequestOptions.builder().header("X-Trace", "t1").build();

    ListAgentEventsResponse typed = ((AgentsClient) client).sessions().events(Fixtures.AGENT_KEY, Fixtures.SESSION_KEY,
        EventListParams.builder().limit(10).pageKey("pk_1").build(), options);
    Object described = agents.shortcut("events").orElseThrow().invoke(client, Arguments.builder()
        .put("agent_key", Fixtures.AGENT_KEY).put("session_key", Fixtures.SESSION_KEY).put("limit", "10")
        .put("page_key", "pk_1").options(options).build());

    assertEquals(typed, described);
    RecordedRequest expected = server.takeRequest();
    RecordedRequest actual = server.takeRequest();
    assertEquals(Fixtures.EVENTS_PATH + "?limit=10&page_key=pk_1", actual.getTarget());
    assertEquals(expected.getTarget(), actual.getTarget());
    for (String header : List.of("x-api-key", "X-Trace", "User-Agent", "Accept")) {
      assertEquals(expected.getHeaders().get(header), actual.getHeaders().get(header), header);
    }
    assertEquals(Fixtures.API_KEY, actual.getHeaders().get("x-api-key"));
  }

  @Test
  void iteratingThroughTheDescriptorFollowsThePageKeys() throws Exception {
    server.enqueue(new MockResponse.Builder().body(Fixtures.page("pk_2", Fixtures.agentOutput("aev_1", "a"))).build());
    server.enqueue(new MockResponse.Builder().body(Fixtures.page(null, Fixtures.agentOutput("aev_2", "b"))).build());
    VendorDescriptor agents = VendorDescriptor.find("agents-v2").orElseThrow();

    List<Object> events = new ArrayList<>();
    agents.shortcut("events").orElseThrow().iterate(client(agents), Arguments.builder()
        .put("agent_key", Fixtures.AGENT_KEY).put("session_key", Fixtures.SESSION_KEY).build()).forEach(events::add);

    assertEquals(2, events.size());
    server.takeRequest();
    assertEquals("pk_2", server.takeRequest().getUrl().queryParameter("page_key"));
  }

  @Test
  void anArgumentOfTheWrongTypeNamesTheParameterAndNothingIsSent() {
    VendorDescriptor agents = VendorDescriptor.find("agents-v2").orElseThrow();
    OperationDescriptor events = agents.shortcut("events").orElseThrow();
    Object client = client(agents);

    assertEquals("limit must be a whole number (got \"ten\")", assertThrows(IllegalArgumentException.class,
        () -> events.invoke(client, Arguments.builder().put("agent_key", Fixtures.AGENT_KEY)
            .put("session_key", Fixtures.SESSION_KEY).put("limit", "ten").build())).getMessage());
    assertEquals("limit must be between 1 and 100 (got 500)", assertThrows(IllegalArgumentException.class,
        () -> events.invoke(client, Arguments.builder().put("agent_key", Fixtures.AGENT_KEY)
            .put("session_key", Fixtures.SESSION_KEY).put("limit", "500").build())).getMessage());
    assertEquals("agent_key is required", assertThrows(IllegalArgumentException.class,
        () -> events.invoke(client, Arguments.builder().put("session_key", Fixtures.SESSION_KEY).build())).getMessage());
    assertEquals(0, server.getRequestCount());
  }
}
