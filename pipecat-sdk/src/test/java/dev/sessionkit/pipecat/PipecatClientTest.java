package dev.sessionkit.pipecat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How a {@link PipecatClient} is built: from a builder or the environment, with the documented defaults. */
class PipecatClientTest {
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
  void defaultBaseUrlIsThePrivateApiServer() {
    PipecatClient client = PipecatClient.builder().token(Fixtures.API_KEY).build();

    assertEquals("https://api.pipecat.daily.co/v1/", client.options().baseUrl().toString());
  }

  @Test
  void fromEnvSendsPipecatApiKeyAsBearerTokenToPipecatBaseUrl() throws Exception {
    server.enqueue(Fixtures.json(200, Fixtures.read("get-session-example.json")));
    PipecatClient client = PipecatClient.builder()
        .fromEnv(Map.of("PIPECAT_API_KEY", "pk_from_env", "PIPECAT_BASE_URL", server.url("/v1/").toString()))
        .build();

    client.sessions().get(Fixtures.AGENT, Fixtures.SESSION_ID);

    RecordedRequest request = server.takeRequest();
    assertEquals(Fixtures.SESSION_PATH, request.getTarget());
    assertEquals("Bearer pk_from_env", request.getHeaders().get("Authorization"));
  }

  @Test
  void missingApiKeyNamesTheEnvironmentVariable() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> PipecatClient.builder().fromEnv(Map.of()).build());

    assertEquals("token == null: call token(...) or set the PIPECAT_API_KEY environment variable and call fromEnv()",
        e.getMessage());
  }

  @Test
  void apiKeyNeverShowsInToString() {
    PipecatClient client = PipecatClient.builder().token(Fixtures.API_KEY).build();

    assertFalse(client.toString().contains(Fixtures.API_KEY));
    assertFalse(client.options().toString().contains(Fixtures.API_KEY));
  }
}
