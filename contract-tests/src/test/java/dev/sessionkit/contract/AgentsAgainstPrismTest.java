package dev.sessionkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.agents.AgentsClient;
import dev.sessionkit.agents.EventListParams;
import dev.sessionkit.agents.SessionsService;
import dev.sessionkit.agents.model.AgentEvent;
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

/** The Agents API v2 client against Prism serving specs/agents-v2.yaml: the operation, every parameter, both auth schemes. */
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
