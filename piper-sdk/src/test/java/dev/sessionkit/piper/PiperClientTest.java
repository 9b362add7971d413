package dev.sessionkit.piper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.piper.model.ScenarioRunDetail;
import dev.sessionkit.piper.model.SessionEventsResponse;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Building a {@link PiperClient}: environment, default organization, secrets, raw responses. */
class PiperClientTest {
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void fromEnvReadsTokenDefaultOrgAndBaseUrl() throws Exception {
    PiperClient client = PiperClient.builder().fromEnv(Map.of(
        "PIPER_API_TOKEN", "pat_from_env",
        "PIPER_ORG_ID", Fixtures.ORG_ID,
        "PIPER_BASE_URL", server.url("/").toString())).build();
    server.enqueue(Fixtures.json(200, Fixtures.sessionEvents()));

    SessionEventsResponse response = client.sessions().events(Fixtures.SESSION_ID);

    RecordedRequest request = server.takeRequest();
    assertEquals("GET", request.getMethod());
    assertEquals(Fixtures.EVENTS_PATH, request.getTarget());
    assertEquals("Bearer pat_from_env", request.getHeaders().get("Authorization"));
    assertEquals(Optional.of(Fixtures.ORG_ID), client.defaultOrgId());
    assertEquals(1, response.runs().size());
  }

  @Test
  void defaultOrgIdServesTheOneArgumentScenarioRunMethods() throws Exception {
    PiperClient client = Fixtures.clientFor(server).defaultOrgId(Fixtures.ORG_ID).build();
    server.enqueue(Fixtures.json(200, Fixtures.scenarioRun()));
    server.enqueue(Fixtures.json(404, "{\"detail\":\"Scenario run not found for this session\"}"));

    server.enqueue(Fixtures.json(200, Fixtures.scenarioRun()));

    ScenarioRunDetail run = client.scenarioRuns().bySession(Fixtures.SESSION_ID);
    Optional<ScenarioRunDetail> none = client.scenarioRuns().findBySession(Fixtures.SESSION_ID);
    ScenarioRunDetail later = client.scenarioRuns().bySessionAsync(Fixtures.SESSION_ID).get();

    assertEquals(Fixtures.SCENARIO_RUN_PATH, server.takeRequest().getTarget());
    assertEquals(Fixtures.SCENARIO_RUN_PATH, server.takeRequest().getTarget());
    assertEquals(Fixtures.SCENARIO_RUN_PATH, server.takeRequest().getTarget());
    assertEquals(Fixtures.SEED_ID, later.id());
    assertEquals(Fixtures.SEED_ID, run.id());
    assertTrue(none.isEmpty());
  }

  @Test
  void oneArgumentMethodsWithoutDefaultOrgFailBeforeAnyRequest() {
    PiperClient client = Fixtures.clientFor(server).build();

    IllegalStateException events = assertThrows(IllegalStateException.class,
        () -> client.sessions().events(Fixtures.SESSION_ID));
    assertThrows(IllegalStateException.class, () -> client.scenarioRuns().bySession(Fixtures.SESSION_ID));
    assertThrows(IllegalStateException.class, () -> client.scenarioRuns().findBySession(Fixtures.SESSION_ID));
    java.util.concurrent.ExecutionException async = assertThrows(java.util.concurrent.ExecutionException.class,
        () -> client.sessions().eventsAsync(Fixtures.SESSION_ID).get());
    assertTrue(async.getCause() instanceof IllegalStateException, String.valueOf(async.getCause()));
    assertThrows(java.util.concurrent.ExecutionException.class,
        () -> client.scenarioRuns().bySessionAsync(Fixtures.SESSION_ID).get());

    assertEquals(0, server.getRequestCount());
    assertTrue(events.getMessage().contains("PIPER_ORG_ID"), events.getMessage());
    assertEquals(Optional.empty(), client.defaultOrgId());
  }

  @Test
  void nonUuidDefaultOrgIdIsRefused() {
    IllegalArgumentException fromBuilder = assertThrows(IllegalArgumentException.class,
        () -> PiperClient.builder().defaultOrgId("acme"));
    IllegalArgumentException fromEnv = assertThrows(IllegalArgumentException.class,
        () -> PiperClient.builder().fromEnv(Map.of("PIPER_ORG_ID", "acme")));

    assertTrue(fromBuilder.getMessage().startsWith("defaultOrgId must match"), fromBuilder.getMessage());
    assertTrue(fromEnv.getMessage().endsWith("(got \"acme\")"), fromEnv.getMessage());
  }

  @Test
  void missingTokenNamesTheEnvironmentVariable() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> PiperClient.builder().fromEnv(Map.of()).build());

    assertTrue(e.getMessage().contains("PIPER_API_TOKEN"), e.getMessage());
  }

  @Test
  void tokenNeverAppearsInToString() {
    PiperClient client = Fixtures.clientFor(server).build();

    assertFalse(client.toString().contains(Fixtures.TOKEN));
    assertFalse(client.options().toString().contains(Fixtures.TOKEN));
  }

  @Test
  void defaultBaseUrlIsThePagesServer() {
    PiperClient client = PiperClient.builder().token(Fixtures.TOKEN).build();

    assertEquals("https://api.letpiper.com/", client.options().baseUrl().toString());
  }

  @Test
  void rawResponseCarriesStatusAndRequestId() throws Exception {
    PiperClient client = Fixtures.clientFor(server).build();
    server.enqueue(new MockResponse.Builder().code(200).addHeader("x-request-id", "req-7")
        .body(Fixtures.scenarioRun()).build());

    RawResponse<ScenarioRunDetail> raw =
        client.scenarioRuns().withRawResponse().bySession(Fixtures.ORG_ID, Fixtures.SESSION_ID);

    assertEquals(Fixtures.SCENARIO_RUN_PATH, server.takeRequest().getTarget());
    assertEquals(200, raw.status());
    assertEquals("req-7", raw.requestId());
    assertEquals(1, raw.attempts());
    assertEquals(Fixtures.SEED_ID, raw.body().id());
  }

  @Test
  void eventsAsyncCompletesWithTheDecodedBody() throws Exception {
    PiperClient client = Fixtures.clientFor(server).build();
    server.enqueue(Fixtures.json(200, Fixtures.sessionEvents()));

    SessionEventsResponse response = client.sessions().eventsAsync(Fixtures.ORG_ID, Fixtures.SESSION_ID).get();

    RecordedRequest request = server.takeRequest();
    assertEquals(Fixtures.EVENTS_PATH, request.getTarget());
    assertEquals("Bearer " + Fixtures.TOKEN, request.getHeaders().get("Authorization"));
    assertEquals(Fixtures.SEED_ID, response.session().sessionId());
  }
}
