package dev.sessionkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.agents.AgentsClient;
import dev.sessionkit.agents.AgentCreateParams;
import dev.sessionkit.agents.AgentListParams;
import dev.sessionkit.agents.AliasArtifactListParams;
import dev.sessionkit.agents.AliasEventListParams;
import dev.sessionkit.agents.AliasSessionListParams;
import dev.sessionkit.agents.ArtifactListParams;
import dev.sessionkit.agents.EventListParams;
import dev.sessionkit.agents.SessionListParams;
import dev.sessionkit.agents.SessionsService;
import dev.sessionkit.agents.model.AgentEvent;
import dev.sessionkit.agents.model.AgentInput;
import dev.sessionkit.agents.model.AgentModel;
import dev.sessionkit.agents.model.AgentResponse;
import dev.sessionkit.agents.model.AgentSession;
import dev.sessionkit.agents.model.ArtifactSortField;
import dev.sessionkit.agents.model.CreateAgentRequest;
import dev.sessionkit.agents.model.CreateAgentSessionRequest;
import dev.sessionkit.agents.model.CreateInputMessageRequest;
import dev.sessionkit.agents.model.CreateInterruptRequest;
import dev.sessionkit.agents.model.SortOrder;
import dev.sessionkit.agents.model.TextInput;
import dev.sessionkit.agents.model.UpdateAgentSessionRequest;
import dev.sessionkit.agents.model.AgentOutputEvent;
import dev.sessionkit.agents.model.InputMessageEvent;
import dev.sessionkit.agents.model.ListAgentEventsResponse;
import dev.sessionkit.agents.model.ToolOutputEvent;
import dev.sessionkit.core.http.RawResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.Test;

/**
 * The Agents API v2 client against Prism serving specs/agents-v2.yaml: every operation, every
 * parameter, both auth schemes. The input's stream form is not served (Prism cannot mock
 * text/event-stream; agents-v2-sdk's StreamsTest covers it): its JSON form is.
 */
@EnabledIf(value = "dev.sessionkit.contract.Locations#prismInstalledOrRequired",
    disabledReason = "Prism is not installed: run `npm ci` in specs/ (.ci/contract does); set SESSIONKIT_REQUIRE_PRISM to fail instead")
class AgentsAgainstPrismTest {
  private static final String AGENT = "agt_customer_support";
  private static final String SESSION = "ase_customer_support_001";
  private static PrismMock prism;
  private static AgentsClient client;

  @BeforeAll
  static void startPrism() throws Exception {
    prism = PrismMock.start(Locations.spec("agents-v2.yaml"));
    client = AgentsClient.builder().apiKey("zqt_contract_test").baseUrl(prism.baseUrl())
        .httpClient(prism.client()).strictDecoding(true).noRetries().build();
  }

  @AfterAll
  static void everyOperationWasCalledWithEveryParameter() {
    PrismMock.finishSuite(prism);
  }

  @Test
  void everyOperationOfTheSessionLifecycleSendsWhatTheSpecAcceptsAndDecodesItsExampleStrictly() {
    String agent = "customer_support";
    String session = "support_session_12345";
    String alias = "support";
    String event = "aev_thinking_001";
    String artifact = "art_report_pdf_a3f2";
    CreateInputMessageRequest hello = CreateInputMessageRequest.builder().type("input_message")
        .messages(List.<AgentInput>of(TextInput.builder().type("text").content("Hello").build())).build();
    client.agents().create(CreateAgentRequest.builder().key(agent).name("Customer Support Agent")
        .toolConfigurations(Map.of()).model(AgentModel.builder().name("gpt-4o").build()).build(),
        AgentCreateParams.builder().requestTimeout(30).requestTimeoutMillis(30000).build());
    client.agents().list(AgentListParams.builder().filter("support").enabled(true).limit(10).pageKey("eyJvZmZzZXQiOjF9")
        .build());
    client.agents().get(agent);
    AgentSession created = client.sessions().create(agent, CreateAgentSessionRequest.builder().key(session)
        .name("Customer Support Session").build());
    client.sessions().list(agent, SessionListParams.builder().filter("support").metadataFilter("doc.tier = 'gold'")
        .limit(5).pageKey("eyJvZmZzZXQiOjF9").build());
    client.sessions().get(agent, session);
    client.sessions().update(agent, session, UpdateAgentSessionRequest.builder().name("renamed").build());
    client.sessions().delete(agent, session);
    AgentResponse answered = client.sessions().send(agent, session, hello);
    client.sessions().events(agent, session, EventListParams.builder().includeHidden(true).build());
    client.sessions().getEvent(agent, session, event);
    client.sessions().deleteEvent(agent, session, event);
    client.sessions().hideEvent(agent, session, event);
    client.sessions().unhideEvent(agent, session, event);
    client.sessions().outstandingClientToolCalls(agent, session);
    client.sessions().artifacts(agent, session, ArtifactListParams.builder().limit(10).pageKey("eyJvZmZzZXQiOjF9")
        .sortBy(ArtifactSortField.UPDATED_AT).orderBy(SortOrder.ASC).build());
    client.sessions().getArtifact(agent, session, artifact);
    client.aliasSessions().create(alias, CreateAgentSessionRequest.builder().key(session).build());
    client.aliasSessions().list(alias, AliasSessionListParams.builder().filter("support").limit(5)
        .pageKey("eyJvZmZzZXQiOjF9").build());
    client.aliasSessions().get(alias, session);
    client.aliasSessions().update(alias, session, UpdateAgentSessionRequest.builder().enabled(false).build());
    client.aliasSessions().delete(alias, session);
    client.aliasSessions().send(alias, session, CreateInterruptRequest.builder().type("interrupt").build());
    client.aliasSessions().events(alias, session, AliasEventListParams.builder().limit(10).pageKey("eyJvZmZzZXQiOjF9")
        .build());
    client.aliasSessions().getEvent(alias, session, event);
    client.aliasSessions().deleteEvent(alias, session, event);
    client.aliasSessions().hideEvent(alias, session, event);
    client.aliasSessions().unhideEvent(alias, session, event);
    client.aliasSessions().outstandingClientToolCalls(alias, session);
    client.aliasSessions().artifacts(alias, session, AliasArtifactListParams.builder().limit(10)
        .pageKey("eyJvZmZzZXQiOjF9").sortBy(ArtifactSortField.CREATED_AT).orderBy(SortOrder.DESC).build());
    client.aliasSessions().getArtifact(alias, session, artifact);

    assertEquals(session, created.key());
    assertInstanceOf(InputMessageEvent.class, answered.events().get(0));
  }

  @Test
  void eventsWithLimitAndPageKeyDecodeTheDocumentedPageStrictly() {
    ListAgentEventsResponse page = client.sessions().events(AGENT, SESSION,
        EventListParams.builder().limit(20).pageKey("eyJldmVudF9pZCI6ImFldl9hZ2VudF9vdXRwdXRfMDAxIn0=").build());

    assertDocumentedPage(page);
    assertEquals(Set.of("limit", "page_key"), prism.lastExchange().query());
    assertEquals("/v2/agents/" + AGENT + "/sessions/" + SESSION + "/events", prism.lastExchange().path());
  }

  @Test
  void eventsWithoutParametersAsyncRawAndStreamedDecodeStrictly() throws Exception {
    assertDocumentedPage(client.sessions().events(AGENT, SESSION));
    assertDocumentedPage(client.sessions().eventsAsync(AGENT, SESSION, EventListParams.NONE).get());
    RawResponse<ListAgentEventsResponse> raw = client.sessions().withRawResponse().events(AGENT, SESSION, EventListParams.NONE);
    assertEquals(200, raw.status());
    assertDocumentedPage(raw.body());
    List<AgentEvent> events = client.sessions().streamEvents(AGENT, SESSION, EventListParams.builder().limit(5).build())
        .limit(5).toList();
    assertInstanceOf(AgentOutputEvent.class, events.get(4));
  }

  @Test
  void aBearerTokenIsAcceptedAsTheOtherSecurityScheme() {
    AgentsClient oauth = AgentsClient.builder().bearerToken("eyJhbGciOiJIUzI1NiJ9.e30.contract").baseUrl(prism.baseUrl())
        .httpClient(prism.client()).strictDecoding(true).noRetries().build();

    assertDocumentedPage(oauth.sessions().events(AGENT, SESSION));
  }

  @Test
  void prismRejectsALimitAboveTheMaximum() throws Exception {
    PrismMock.Exchange exchange = prism.rawGet("v2/agents/" + AGENT + "/sessions/" + SESSION + "/events?limit=500",
        Map.of("x-api-key", "zqt_contract_test"));

    assertEquals(400, exchange.status());
    assertTrue(exchange.violations().contains("limit must be <= 100"), exchange.violations());
  }

  @Test
  void prismAnswers401WithoutTheApiKey() throws Exception {
    PrismMock.Exchange exchange = prism.rawGet("v2/agents/" + AGENT + "/sessions/" + SESSION + "/events", Map.of());

    assertEquals(401, exchange.status());
    assertTrue(exchange.violations().contains("Invalid security scheme used"), exchange.violations());
  }

  private static void assertDocumentedPage(ListAgentEventsResponse page) {
    assertEquals(5, page.events().size());
    InputMessageEvent input = assertInstanceOf(InputMessageEvent.class, page.events().get(0));
    assertEquals(SESSION, input.sessionKey());
    ToolOutputEvent output = assertInstanceOf(ToolOutputEvent.class, page.events().get(3));
    assertTrue(output.toolOutput().json().contains("Widget Installation Guide"));
    assertEquals("eyJldmVudF9pZCI6ImFldl9hZ2VudF9vdXRwdXRfMDAxIn0=", SessionsService.nextPageKey(page).orElseThrow());
  }
}
