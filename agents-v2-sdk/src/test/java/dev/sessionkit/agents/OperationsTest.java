package dev.sessionkit.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.agents.model.Agent;
import dev.sessionkit.agents.model.AgentEvent;
import dev.sessionkit.agents.model.AgentInput;
import dev.sessionkit.agents.model.AgentModel;
import dev.sessionkit.agents.model.AgentOutputEvent;
import dev.sessionkit.agents.model.AgentResponse;
import dev.sessionkit.agents.model.AgentSession;
import dev.sessionkit.agents.model.ArtifactSortField;
import dev.sessionkit.agents.model.CreateAgentRequest;
import dev.sessionkit.agents.model.CreateAgentSessionRequest;
import dev.sessionkit.agents.model.CreateInputMessageRequest;
import dev.sessionkit.agents.model.InputMessageEvent;
import dev.sessionkit.agents.model.ListAgentEventsResponse;
import dev.sessionkit.agents.model.ListAgentSessionsResponse;
import dev.sessionkit.agents.model.ListAgentsResponse;
import dev.sessionkit.agents.model.ListSessionArtifactsResponse;
import dev.sessionkit.agents.model.OutstandingClientToolCallsResponse;
import dev.sessionkit.agents.model.SessionArtifact;
import dev.sessionkit.agents.model.SessionStatus;
import dev.sessionkit.agents.model.SortOrder;
import dev.sessionkit.agents.model.TextInput;
import dev.sessionkit.agents.model.ThinkingEvent;
import dev.sessionkit.agents.model.UpdateAgentSessionRequest;
import dev.sessionkit.core.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every JSON operation of agents-v2.yaml (Vectara's session operations, their alias twins, and the
 * agents a session needs) once, against a local server: the request as the spec says (method, path,
 * query, the API key, the Request-Timeout header, body) and the documented example answer
 * (src/test/resources/agents-v2/operations) decoded strictly into its type. The streamed input is
 * StreamsTest's.
 */
class OperationsTest {
  private static final String AGENT = "customer_support";
  private static final String SESSION = "support_session_12345";
  private static final String ALIAS = "support";
  private static final String SESSIONS = "/v2/agents/" + AGENT + "/sessions";
  private static final String ALIASED = "/v2/agent_aliases/" + ALIAS + "/sessions";
  private static final String EVENT = "aev_thinking_001";
  private static final String ARTIFACT = "art_report_pdf_a3f2";
  private static final String MESSAGE = "{\"type\":\"input_message\",\"messages\":[{\"type\":\"text\",\"content\":"
      + "\"Hello\"}],\"stream_response\":false}";

  @StartStop private final MockWebServer server = new MockWebServer();

  /**
   * One operation: how it is called, what is sent and what comes back.
   *
   * @param body the JSON body sent, or null for none
   * @param fixture the answer's fixture (operations/<fixture>.json), or null for no body
   */
  record Operation(String name, Function<AgentsClient, Object> call, String method, String target, String body,
      int status, String fixture, Consumer<Object> check) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Operation op(String name, Function<AgentsClient, Object> call, String method, String target,
      String body, int status, String fixture, Consumer<Object> check) {
    return new Operation(name, call, method, target, body, status, fixture, check);
  }

  private static CreateInputMessageRequest hello() {
    return CreateInputMessageRequest.builder().type("input_message")
        .messages(List.<AgentInput>of(TextInput.builder().type("text").content("Hello").build())).build();
  }

  private static Object nothing(Runnable call) {
    call.run();
    return "nothing";
  }

  static Stream<Operation> operations() {
    return Stream.of(
        op("createAgent", c -> c.agents().create(CreateAgentRequest.builder().key(AGENT).name("Customer Support Agent")
                .toolConfigurations(Map.of()).model(AgentModel.builder().name("gpt-4o").build()).build()),
            "POST", "/v2/agents", "{\"key\":\"customer_support\",\"name\":\"Customer Support Agent\","
                + "\"tool_configurations\":{},\"model\":{\"name\":\"gpt-4o\"}}", 201, "createAgent",
            r -> assertEquals(AGENT, ((Agent) r).key())),
        op("listAgents", c -> c.agents().list(AgentListParams.builder().enabled(true).limit(10).build()),
            "GET", "/v2/agents?enabled=true&limit=10", null, 200, "listAgents",
            r -> assertEquals(AGENT, ((ListAgentsResponse) r).agents().get(0).key())),
        op("getAgent", c -> c.agents().get(AGENT), "GET", "/v2/agents/" + AGENT, null, 200, "getAgent",
            r -> assertEquals("Customer Support Agent", ((Agent) r).name())),
        op("createAgentSession", c -> c.sessions().create(AGENT, CreateAgentSessionRequest.builder().key(SESSION)
                .name("Customer Support Session").ttiMinutes(60L).build()),
            "POST", SESSIONS, "{\"key\":\"support_session_12345\",\"name\":\"Customer Support Session\","
                + "\"tti_minutes\":60}", 201, "createAgentSession",
            r -> assertEquals(SESSION, ((AgentSession) r).key())),
        op("listAgentSessions", c -> c.sessions().list(AGENT, SessionListParams.builder()
                .metadataFilter("doc.priority = 'high'").limit(5).build()),
            "GET", SESSIONS + "?metadata_filter=doc.priority%20%3D%20%27high%27&limit=5", null, 200, "listAgentSessions",
            r -> assertEquals("ase_customer_support_001", ((ListAgentSessionsResponse) r).sessions().get(0).key())),
        op("getAgentSession", c -> c.sessions().get(AGENT, SESSION, SessionGetParams.builder().requestTimeout(30).build()),
            "GET", SESSIONS + "/" + SESSION, null, 200, "getAgentSession",
            r -> assertEquals(AGENT, ((AgentSession) r).agentKey())),
        op("updateAgentSession", c -> c.sessions().update(AGENT, SESSION, UpdateAgentSessionRequest.builder()
                .description("Escalated billing inquiry requiring management review and account adjustment").build()),
            "PATCH", SESSIONS + "/" + SESSION, "{\"description\":\"Escalated billing inquiry requiring management "
                + "review and account adjustment\"}", 200, "updateAgentSession",
            r -> assertEquals(SESSION, ((AgentSession) r).key())),
        op("deleteAgentSession", c -> nothing(() -> c.sessions().delete(AGENT, SESSION)), "DELETE",
            SESSIONS + "/" + SESSION, null, 204, null, r -> assertEquals("nothing", r)),
        op("createAgentInput", c -> c.sessions().send(AGENT, SESSION, hello()), "POST", SESSIONS + "/" + SESSION
            + "/events", MESSAGE, 201, "createAgentInput",
            r -> assertInstanceOf(InputMessageEvent.class, ((AgentResponse) r).events().get(0))),
        op("listAgentEvents", c -> c.sessions().events(AGENT, SESSION, EventListParams.builder().includeHidden(true)
                .build()),
            "GET", SESSIONS + "/" + SESSION + "/events?include_hidden=true", null, 200, "listAgentEvents",
            r -> assertEquals("aev_user_input_001", ((InputMessageEvent) ((ListAgentEventsResponse) r).events().get(0)).id())),
        op("getAgentEvent", c -> c.sessions().getEvent(AGENT, SESSION, EVENT), "GET",
            SESSIONS + "/" + SESSION + "/events/" + EVENT, null, 200, "getAgentEvent",
            r -> assertEquals(EVENT, ((ThinkingEvent) r).id())),
        op("deleteAgentEvent", c -> nothing(() -> c.sessions().deleteEvent(AGENT, SESSION, EVENT)), "DELETE",
            SESSIONS + "/" + SESSION + "/events/" + EVENT, null, 204, null, r -> assertEquals("nothing", r)),
        op("hideAgentEvent", c -> c.sessions().hideEvent(AGENT, SESSION, EVENT), "POST",
            SESSIONS + "/" + SESSION + "/events/" + EVENT + "/hide", null, 200, "hideAgentEvent",
            r -> assertEquals(EVENT, ((ThinkingEvent) r).id())),
        op("unhideAgentEvent", c -> c.sessions().unhideEvent(AGENT, SESSION, EVENT), "POST",
            SESSIONS + "/" + SESSION + "/events/" + EVENT + "/unhide", null, 200, "unhideAgentEvent",
            r -> assertEquals(EVENT, ((ThinkingEvent) r).id())),
        op("listOutstandingClientToolCalls", c -> c.sessions().outstandingClientToolCalls(AGENT, SESSION), "GET",
            SESSIONS + "/" + SESSION + "/outstanding_client_tool_calls", null, 200, "listOutstandingClientToolCalls",
            r -> assertEquals("notify_slack",
                ((OutstandingClientToolCallsResponse) r).clientToolCalls().get(0).toolName())),
        op("listSessionArtifacts", c -> c.sessions().artifacts(AGENT, SESSION, ArtifactListParams.builder()
                .sortBy(ArtifactSortField.UPDATED_AT).orderBy(SortOrder.ASC).build()),
            "GET", SESSIONS + "/" + SESSION + "/artifacts?sort_by=updated_at&order_by=asc", null, 200,
            "listSessionArtifacts", r -> assertEquals(ARTIFACT,
                ((ListSessionArtifactsResponse) r).artifacts().get(0).artifactId())),
        op("getSessionArtifact", c -> c.sessions().getArtifact(AGENT, SESSION, ARTIFACT), "GET",
            SESSIONS + "/" + SESSION + "/artifacts/" + ARTIFACT, null, 200, "getSessionArtifact",
            r -> assertEquals("report.pdf", ((SessionArtifact) r).filename())),
        op("createAliasRoutedSession", c -> c.aliasSessions().create(ALIAS, CreateAgentSessionRequest.builder()
                .key("customer_support_session").metadata(Map.of("tier", JsonValue.of("\"gold\""))).build()),
            "POST", ALIASED, "{\"key\":\"customer_support_session\",\"metadata\":{\"tier\":\"gold\"}}", 201,
            "createAliasRoutedSession", r -> assertEquals("customer_support_session", ((AgentSession) r).key())),
        op("listAliasRoutedSessions", c -> c.aliasSessions().list(ALIAS, AliasSessionListParams.builder()
                .filter("support").build()),
            "GET", ALIASED + "?filter=support", null, 200, "listAliasRoutedSessions",
            r -> assertEquals(SessionStatus.STOPPED, ((ListAgentSessionsResponse) r).sessions().get(0).status())),
        op("getAliasRoutedSession", c -> c.aliasSessions().get(ALIAS, SESSION), "GET", ALIASED + "/" + SESSION, null,
            200, "getAliasRoutedSession", r -> assertEquals(AGENT, ((AgentSession) r).agentKey())),
        op("updateAliasRoutedSession", c -> c.aliasSessions().update(ALIAS, SESSION, UpdateAgentSessionRequest.builder()
                .enabled(false).build()),
            "PATCH", ALIASED + "/" + SESSION, "{\"enabled\":false}", 200, "updateAliasRoutedSession",
            r -> assertEquals(Boolean.FALSE, ((AgentSession) r).enabled())),
        op("deleteAliasRoutedSession", c -> nothing(() -> c.aliasSessions().delete(ALIAS, SESSION)), "DELETE",
            ALIASED + "/" + SESSION, null, 204, null, r -> assertEquals("nothing", r)),
        op("createAliasRoutedInput", c -> c.aliasSessions().send(ALIAS, SESSION, hello()), "POST",
            ALIASED + "/" + SESSION + "/events", MESSAGE, 201, "createAliasRoutedInput",
            r -> assertEquals("customer_support_session", ((AgentResponse) r).sessionKey())),
        op("listAliasRoutedEvents", c -> c.aliasSessions().events(ALIAS, SESSION, AliasEventListParams.builder()
                .limit(10).pageKey("eyJvZmZzZXQiOjF9").build()),
            "GET", ALIASED + "/" + SESSION + "/events?limit=10&page_key=eyJvZmZzZXQiOjF9", null, 200,
            "listAliasRoutedEvents", r -> assertEquals("eyJvZmZzZXQiOjF9",
                ((ListAgentEventsResponse) r).metadata().pageKey())),
        op("listAliasRoutedOutstandingClientToolCalls", c -> c.aliasSessions().outstandingClientToolCalls(ALIAS, SESSION),
            "GET", ALIASED + "/" + SESSION + "/outstanding_client_tool_calls", null, 200,
            "listAliasRoutedOutstandingClientToolCalls",
            r -> assertEquals(List.of(), ((OutstandingClientToolCallsResponse) r).clientToolCalls())),
        op("getAliasRoutedEvent", c -> c.aliasSessions().getEvent(ALIAS, SESSION, "aev_agent_output_001"), "GET",
            ALIASED + "/" + SESSION + "/events/aev_agent_output_001", null, 200, "getAliasRoutedEvent",
            r -> assertEquals("aev_agent_output_001", ((AgentOutputEvent) r).id())),
        op("deleteAliasRoutedEvent", c -> nothing(() -> c.aliasSessions().deleteEvent(ALIAS, SESSION, EVENT)),
            "DELETE", ALIASED + "/" + SESSION + "/events/" + EVENT, null, 204, null, r -> assertEquals("nothing", r)),
        op("hideAliasRoutedEvent", c -> c.aliasSessions().hideEvent(ALIAS, SESSION, "aev_user_001"), "POST",
            ALIASED + "/" + SESSION + "/events/aev_user_001/hide", null, 200, "hideAliasRoutedEvent",
            r -> assertEquals("aev_user_001", ((InputMessageEvent) r).id())),
        op("unhideAliasRoutedEvent", c -> c.aliasSessions().unhideEvent(ALIAS, SESSION, "aev_user_001"), "POST",
            ALIASED + "/" + SESSION + "/events/aev_user_001/unhide", null, 200, "unhideAliasRoutedEvent",
            r -> assertEquals("aev_user_001", ((InputMessageEvent) r).id())),
        op("listAliasRoutedSessionArtifacts", c -> c.aliasSessions().artifacts(ALIAS, SESSION), "GET",
            ALIASED + "/" + SESSION + "/artifacts", null, 200, "listAliasRoutedSessionArtifacts",
            r -> assertEquals(List.of(), ((ListSessionArtifactsResponse) r).artifacts())),
        op("getAliasRoutedSessionArtifact", c -> c.aliasSessions().getArtifact(ALIAS, SESSION, ARTIFACT), "GET",
            ALIASED + "/" + SESSION + "/artifacts/" + ARTIFACT, null, 200, "getAliasRoutedSessionArtifact",
            r -> assertEquals("application/pdf", ((SessionArtifact) r).mimeType())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void everyOperationSendsWhatTheSpecSaysAndDecodesTheDocumentedAnswerStrictly(Operation op) throws Exception {
    MockResponse.Builder answer = new MockResponse.Builder().code(op.status());
    if (op.fixture() != null) {
      answer.addHeader("Content-Type", "application/json").body(Fixtures.read("operations/" + op.fixture() + ".json"));
    }
    server.enqueue(answer.build());

    Object result = op.call().apply(Fixtures.client(server, true));

    RecordedRequest request = server.takeRequest();
    assertEquals(op.method(), request.getMethod());
    assertEquals(op.target(), request.getTarget());
    assertEquals(Fixtures.API_KEY, request.getHeaders().get("x-api-key"));
    assertNull(request.getHeaders().get("Authorization"));
    assertEquals(op.name().equals("getAgentSession") ? "30" : null, request.getHeaders().get("Request-Timeout"));
    if (op.body() == null) {
      assertEquals(0, request.getBodySize());
    } else {
      assertEquals(op.body(), request.getBody().utf8());
      assertTrue(request.getHeaders().get("Content-Type").startsWith("application/json"));
    }
    op.check().accept(result);
  }
}
