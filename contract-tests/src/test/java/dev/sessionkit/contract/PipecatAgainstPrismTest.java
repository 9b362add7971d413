package dev.sessionkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.core.json.JsonValue;
import dev.sessionkit.pipecat.AgentListParams;
import dev.sessionkit.pipecat.PipecatClient;
import dev.sessionkit.pipecat.SessionListParams;
import dev.sessionkit.pipecat.model.CreateServiceRequest;
import dev.sessionkit.pipecat.model.SessionList;
import dev.sessionkit.pipecat.model.SessionStatusFilter;
import dev.sessionkit.pipecat.model.StartRequest;
import dev.sessionkit.pipecat.model.StartResponse;
import dev.sessionkit.pipecat.model.StartTypeFilter;
import dev.sessionkit.pipecat.model.Transport;
import dev.sessionkit.pipecat.ResourceSamples;
import dev.sessionkit.pipecat.model.CompletionStatus;
import dev.sessionkit.pipecat.model.SessionDetails;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.Test;

/** The Pipecat Cloud client against Prism serving specs/pipecat.yaml: the operation, every parameter, strict decoding. */
@EnabledIf(value = "dev.sessionkit.contract.Locations#prismInstalledOrRequired",
    disabledReason = "Prism is not installed: run `npm ci` in specs/ (.ci/contract does); set SESSIONKIT_REQUIRE_PRISM to fail instead")
class PipecatAgainstPrismTest {
  private static final String AGENT = "my-agent";
  private static final String SESSION = "800d444a-e67e-4686-afb3-b0de509cccb3";
  private static PrismMock prism;
  private static PipecatClient client;

  private static PipecatClient publicClient;

  @BeforeAll
  static void startPrism() throws Exception {
    prism = PrismMock.start(Locations.spec("pipecat.yaml"));
    // Prism serves every path at its root whatever the path's servers say; the SDK sends the public
    // operations to public/ below the base URL, as the spec's path-level server (.../v1/public beside
    // .../v1) says. This suite's client maps public/ back to Prism's root; the recorded exchanges are
    // Prism's paths.
    okhttp3.OkHttpClient root = prism.client().newBuilder().addInterceptor(chain -> {
      okhttp3.HttpUrl url = chain.request().url();
      if (!url.encodedPath().startsWith("/public/")) return chain.proceed(chain.request());
      return chain.proceed(chain.request().newBuilder()
          .url(url.newBuilder().encodedPath(url.encodedPath().substring("/public".length())).build()).build());
    }).build();
    client = PipecatClient.builder().token("pk_contract_test").baseUrl(prism.baseUrl())
        .httpClient(root).strictDecoding(true).noRetries().build();
    publicClient = PipecatClient.builder().publicKey("pk_public_contract_test").baseUrl(prism.baseUrl())
        .httpClient(root).strictDecoding(true).noRetries().build();
  }

  @Test
  void everyOperationOfTheSessionLifecycleSendsWhatTheSpecAcceptsAndDecodesItsExampleStrictly() {
    StartResponse started = publicClient.sessions().start(AGENT, StartRequest.builder().createDailyRoom(true)
        .transport(Transport.DAILY).build());
    SessionList page = client.sessions().list(AGENT, SessionListParams.builder().limit(10).offset(0)
        .deploymentId("81f4da55-106d-401f-b069-a1f1992f871a").startTime(1729583000L).endTime(1729584000L)
        .status(SessionStatusFilter.ALL).startType(StartTypeFilter.COLD).startTimeMin(0).startTimeMax(10).build());
    client.sessions().stop(AGENT, SESSION);
    Map<String, JsonValue> body = Map.of("user_name", JsonValue.of("\"Alice\""));
    JsonValue bot = publicClient.sessionProxy().get(AGENT, SESSION, "status");
    publicClient.sessionProxy().post(AGENT, SESSION, "status", body);
    publicClient.sessionProxy().put(AGENT, SESSION, "status", body);
    publicClient.sessionProxy().patch(AGENT, SESSION, "status", body);
    publicClient.sessionProxy().delete(AGENT, SESSION, "status");
    publicClient.sessionProxy().head(AGENT, SESSION, "status");
    publicClient.sessionProxy().options(AGENT, SESSION, "status");
    client.agents().create(CreateServiceRequest.builder().serviceName("voice-starter")
        .image("your-dockername/voice-starter:0.1").build());
    client.agents().list(AgentListParams.builder().includeActiveDeployment(true).region("us-west").build());
    client.agents().get("voice-starter");

    assertEquals("639f91d8-d511-4677-a83b-bd7564d5d92f", started.sessionId());
    assertEquals(330, page.totalCount());
    assertTrue(bot.json().contains("message_count"), bot.json());
  }

  @AfterAll
  static void everyOperationWasCalledWithEveryParameter() {
    PrismMock.finishSuite(prism);
  }

  @Test
  void sessionDetailsDecodeTheDocumentedResponseStrictly() throws Exception {
    assertDocumentedSession(client.sessions().get(AGENT, SESSION));
    assertEquals("/agents/" + AGENT + "/sessions/" + SESSION, prism.lastExchange().path());
    assertDocumentedSession(client.sessions().getAsync(AGENT, SESSION).get());
    RawResponse<SessionDetails> raw = client.sessions().withRawResponse().get(AGENT, SESSION);
    assertEquals(200, raw.status());
    assertDocumentedSession(raw.body());
  }

  @Test
  void prismRejectsASessionIdThatIsNotAUuid() throws Exception {
    PrismMock.Exchange exchange = prism.rawGet("agents/" + AGENT + "/sessions/not-a-uuid",
        Map.of("Authorization", "Bearer pk_contract_test"));

    // The spec documents no 400/422, so Prism answers with its own 422 problem body.
    assertEquals(422, exchange.status());
    assertTrue(exchange.body().contains("sessionid must match pattern"), exchange.body());
  }

  @Test
  void prismAnswers401WithoutTheBearerToken() throws Exception {
    PrismMock.Exchange exchange = prism.rawGet("agents/" + AGENT + "/sessions/" + SESSION, Map.of());

    assertEquals(401, exchange.status());
    assertTrue(exchange.violations().contains("Invalid security scheme used"), exchange.violations());
  }

  private static void assertDocumentedSession(SessionDetails session) {
    assertEquals(SESSION, session.sessionId());
    assertEquals(CompletionStatus.HTTP_COMPLETED, session.completionStatus());
    assertEquals(Boolean.TRUE, session.coldStart());
    assertEquals(Instant.ofEpochSecond(1729583960), ResourceSamples.of(session).get(0).time());
    assertEquals(2, ResourceSamples.of(session).size());
  }
}
