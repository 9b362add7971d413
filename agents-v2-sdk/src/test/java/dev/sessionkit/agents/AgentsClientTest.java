package dev.sessionkit.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.agents.model.AgentOutputEvent;
import dev.sessionkit.agents.model.ListAgentEventsResponse;
import dev.sessionkit.core.http.RawResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import mockwebserver3.RecordedRequest;
import dev.sessionkit.core.LogLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's builder: how the credential is sent, where it comes from, and that it never leaks. */
class AgentsClientTest {
  @StartStop private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void setUp() {
    server.enqueue(Fixtures.json(Fixtures.page(null, Fixtures.agentOutput("aev_1", "hello"))));
  }


  private RecordedRequest listOnce(AgentsClient client) throws Exception {
    ListAgentEventsResponse page = client.sessions().events(Fixtures.AGENT_KEY, Fixtures.SESSION_KEY);
    assertEquals("hello", ((AgentOutputEvent) page.events().get(0)).content());
    RecordedRequest request = server.takeRequest();
    assertEquals(Fixtures.EVENTS_PATH, request.getTarget());
    return request;
  }

  @Test
  void defaultBaseUrlIsVectarasApiHost() {
    AgentsClient client = AgentsClient.builder().apiKey(Fixtures.API_KEY).build();

    assertEquals("https://api.vectara.io/", client.options().baseUrl().toString());
    assertEquals("x-api-key", client.options().authHeader());
    assertEquals("", client.options().authScheme());
  }

  @Test
  void apiKeyGoesInTheXApiKeyHeaderByDefault() throws Exception {
    RecordedRequest request = listOnce(AgentsClient.builder().token(Fixtures.API_KEY)
        .baseUrl(server.url("/").toString()).build());

    assertEquals(Fixtures.API_KEY, request.getHeaders().get("x-api-key"));
    assertNull(request.getHeaders().get("Authorization"));
  }

  @Test
  void bearerTokenSwitchesToTheAuthorizationHeader() throws Exception {
    RecordedRequest request = listOnce(AgentsClient.builder().bearerToken("jwt-access-token")
        .baseUrl(server.url("/").toString()).build());

    assertEquals("Bearer jwt-access-token", request.getHeaders().get("Authorization"));
    assertNull(request.getHeaders().get("x-api-key"));
  }

  @Test
  void toBuilderKeepsHowTheCredentialIsSent() throws Exception {
    AgentsClient bearer = AgentsClient.builder().bearerToken("jwt-access-token")
        .baseUrl(server.url("/").toString()).build();

    RecordedRequest request = listOnce(bearer.toBuilder().strictDecoding(true).build());

    assertEquals("Bearer jwt-access-token", request.getHeaders().get("Authorization"));
    assertNull(request.getHeaders().get("x-api-key"));
  }

  @Test
  void theLastOfApiKeyAndBearerTokenWins() throws Exception {
    RecordedRequest request = listOnce(AgentsClient.builder().bearerToken("jwt-access-token")
        .apiKey(Fixtures.API_KEY).baseUrl(server.url("/").toString()).build());

    assertEquals(Fixtures.API_KEY, request.getHeaders().get("x-api-key"));
    assertNull(request.getHeaders().get("Authorization"));
  }

  @Test
  void authHeaderSendsTheCredentialInAnotherHeader() throws Exception {
    RecordedRequest request = listOnce(AgentsClient.builder().token(Fixtures.API_KEY)
        .authHeader("X-Gateway-Key", "").baseUrl(server.url("/").toString()).build());

    assertEquals(Fixtures.API_KEY, request.getHeaders().get("X-Gateway-Key"));
    assertNull(request.getHeaders().get("x-api-key"));
  }

  @Test
  void fromEnvReadsTheApiKeyAndBaseUrl() throws Exception {
    AgentsClient client = AgentsClient.builder()
        .fromEnv(Map.of("AGENTS_API_KEY", "env-api-key", "AGENTS_BASE_URL", server.url("/").toString()))
        .build();

    RecordedRequest request = listOnce(client);

    assertEquals("env-api-key", request.getHeaders().get("x-api-key"));
    assertEquals(AgentsClient.TOKEN_ENV, AgentsClient.builder().credentialEnv());
  }

  @Test
  void buildingWithoutACredentialFailsNamingTheVariable() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> AgentsClient.builder().fromEnv(Map.of()).build());

    assertTrue(e.getMessage().contains("AGENTS_API_KEY"), e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void theKeyNeverShowsInToStringOrLogs() throws Exception {
    List<String> logs = new ArrayList<>();
    AgentsClient client = AgentsClient.builder().apiKey(Fixtures.API_KEY).baseUrl(server.url("/").toString())
        .logLevel(LogLevel.DEBUG).logger(logs::add).build();

    RecordedRequest request = listOnce(client);

    assertEquals(Fixtures.API_KEY, request.getHeaders().get("x-api-key"));
    assertFalse(client.toString().contains(Fixtures.API_KEY));
    assertFalse(client.options().toString().contains(Fixtures.API_KEY));
    assertTrue(logs.stream().anyMatch(line -> line.startsWith("x-api-key:")), logs.toString());
    assertTrue(logs.stream().noneMatch(line -> line.contains(Fixtures.API_KEY)), logs.toString());
  }

  @Test
  void rawResponseCarriesStatusHeadersAndAttempts() throws Exception {
    AgentsClient client = Fixtures.client(server, true);

    RawResponse<ListAgentEventsResponse> raw = client.sessions().withRawResponse()
        .events(Fixtures.AGENT_KEY, Fixtures.SESSION_KEY, EventListParams.builder().limit(5).build());

    assertEquals(200, raw.status());
    assertEquals(1, raw.attempts());
    assertEquals("application/json", raw.headers().get("Content-Type"));
    assertEquals("hello", ((AgentOutputEvent) raw.body().events().get(0)).content());
    RecordedRequest request = server.takeRequest();
    assertEquals(Fixtures.EVENTS_PATH + "?limit=5", request.getTarget());
    assertEquals(Fixtures.API_KEY, request.getHeaders().get("x-api-key"));
  }

  @Test
  void asyncFormReturnsTheSamePage() throws Exception {
    AgentsClient client = Fixtures.client(server, true);

    ListAgentEventsResponse page = client.sessions()
        .eventsAsync(Fixtures.AGENT_KEY, Fixtures.SESSION_KEY, EventListParams.builder().pageKey("key_2").build())
        .get();

    assertEquals("aev_1", ((AgentOutputEvent) page.events().get(0)).id());
    RecordedRequest request = server.takeRequest();
    assertEquals(Fixtures.EVENTS_PATH + "?page_key=key_2", request.getTarget());
    assertEquals(Fixtures.API_KEY, request.getHeaders().get("x-api-key"));
  }
}
