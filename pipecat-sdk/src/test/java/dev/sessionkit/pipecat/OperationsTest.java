package dev.sessionkit.pipecat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.core.json.JsonValue;
import dev.sessionkit.pipecat.model.CreateServiceRequest;
import dev.sessionkit.pipecat.model.ServiceDetailsResponse;
import dev.sessionkit.pipecat.model.ServiceList;
import dev.sessionkit.pipecat.model.SessionList;
import dev.sessionkit.pipecat.model.SessionStatusFilter;
import dev.sessionkit.pipecat.model.SessionSummary;
import dev.sessionkit.pipecat.model.StartRequest;
import dev.sessionkit.pipecat.model.StartResponse;
import dev.sessionkit.pipecat.model.StopResponse;
import dev.sessionkit.pipecat.model.Transport;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation pipecat.yaml adds for the session lifecycle once, against a local server: the
 * public operations (start, the session proxy in its seven methods) on {@code public/} below the base
 * URL with the public key, the private ones (list, stop, agents) on the base URL with the private
 * key; the request as the spec says and the documented example answer decoded strictly.
 */
class OperationsTest {
  private static final String PUBLIC_KEY = "pk_public_test_key";
  private static final String SESSION = "639f91d8-d511-4677-a83b-bd7564d5d92f";
  private static final String PROXY = "/v1/public/my-agent/sessions/" + SESSION + "/status";

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /**
   * One operation: how it is called, with which key, what is sent and what comes back.
   *
   * @param body the JSON body sent, or null for none
   * @param fixture the answer's fixture (operations/<fixture>.json), or null for no body
   */
  record Operation(String name, boolean publicKey, Function<PipecatClient, Object> call, String method,
      String target, String body, String fixture, Consumer<Object> check) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Operation op(String name, boolean publicKey, Function<PipecatClient, Object> call, String method,
      String target, String body, String fixture, Consumer<Object> check) {
    return new Operation(name, publicKey, call, method, target, body, fixture, check);
  }

  private static final Map<String, JsonValue> BOT_BODY = Map.of("user_name", JsonValue.of("\"Alice\""));

  private static void isTheBotsAnswer(Object answer) {
    assertEquals(JsonValue.of("{\n  \"status\": \"active\",\n  \"message_count\": 5,\n  \"user_name\": \"Alice\"\n}"),
        answer);
  }

  static Stream<Operation> operations() {
    return Stream.of(
        op("startService", true, c -> c.sessions().start(Fixtures.AGENT, StartRequest.builder().createDailyRoom(true)
                .transport(Transport.DAILY).body(Map.of("language", JsonValue.of("\"en\""))).build()),
            "POST", "/v1/public/my-agent/start", "{\"createDailyRoom\":true,\"transport\":\"daily\","
                + "\"body\":{\"language\":\"en\"}}", "startService",
            r -> assertEquals(SESSION, ((StartResponse) r).sessionId())),
        op("getSessions", false, c -> c.sessions().list(Fixtures.AGENT, SessionListParams.builder().limit(1).offset(0)
                .status(SessionStatusFilter.ENDED).build()),
            "GET", "/v1/agents/my-agent/sessions?limit=1&offset=0&status=ended", null, "getSessions",
            r -> assertEquals(330, ((SessionList) r).totalCount())),
        op("stopSession", false, c -> c.sessions().stop(Fixtures.AGENT, SESSION), "DELETE",
            "/v1/agents/my-agent/sessions/" + SESSION, null, "stopSession",
            r -> assertEquals("terminated", ((StopResponse) r).status())),
        op("sessionProxyGet", true, c -> c.sessionProxy().get(Fixtures.AGENT, SESSION, "status"), "GET", PROXY, null,
            "sessionProxyGet", OperationsTest::isTheBotsAnswer),
        op("sessionProxyPost", true, c -> c.sessionProxy().post(Fixtures.AGENT, SESSION, "status", BOT_BODY), "POST",
            PROXY, "{\"user_name\":\"Alice\"}", "sessionProxyGet", OperationsTest::isTheBotsAnswer),
        op("sessionProxyPut", true, c -> c.sessionProxy().put(Fixtures.AGENT, SESSION, "status", BOT_BODY), "PUT",
            PROXY, "{\"user_name\":\"Alice\"}", "sessionProxyGet", OperationsTest::isTheBotsAnswer),
        op("sessionProxyPatch", true, c -> c.sessionProxy().patch(Fixtures.AGENT, SESSION, "status", BOT_BODY), "PATCH",
            PROXY, "{\"user_name\":\"Alice\"}", "sessionProxyGet", OperationsTest::isTheBotsAnswer),
        op("sessionProxyDelete", true, c -> c.sessionProxy().delete(Fixtures.AGENT, SESSION, "status"), "DELETE",
            PROXY, null, "sessionProxyGet", OperationsTest::isTheBotsAnswer),
        op("sessionProxyOptions", true, c -> {
              c.sessionProxy().options(Fixtures.AGENT, SESSION, "status");
              return "nothing";
            }, "OPTIONS", PROXY, null, null, r -> assertEquals("nothing", r)),
        op("createService", false, c -> c.agents().create(CreateServiceRequest.builder().serviceName("voice-starter")
                .image("your-dockerhub-name/voice-starter:0.1").secretSet("voice-starter-secrets").build()),
            "POST", "/v1/agents", "{\"serviceName\":\"voice-starter\",\"image\":\"your-dockerhub-name/voice-starter:0.1\","
                + "\"secretSet\":\"voice-starter-secrets\"}", "createService",
            r -> assertEquals("voice-starter", ((ServiceDetailsResponse) r).name())),
        op("listServices", false, c -> c.agents().list(AgentListParams.builder().region("us-west").build()), "GET",
            "/v1/agents?region=us-west", null, "listServices",
            r -> assertEquals("voice-starter", ((ServiceList) r).services().get(0).name())),
        op("getService", false, c -> c.agents().get("voice-starter"), "GET", "/v1/agents/voice-starter", null,
            "getService", r -> assertEquals(Boolean.TRUE, ((ServiceDetailsResponse) r).ready())));
  }

  private PipecatClient client(boolean publicKey) {
    PipecatClient.Builder builder = PipecatClient.builder().baseUrl(server.url("/v1/").toString())
        .strictDecoding(true).noRetries();
    return (publicKey ? builder.publicKey(PUBLIC_KEY) : builder.privateKey(Fixtures.API_KEY)).build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void everyOperationSendsWhatTheSpecSaysWithItsKeyAndDecodesTheDocumentedAnswer(Operation op) throws Exception {
    MockResponse.Builder answer = new MockResponse.Builder();
    if (op.fixture() != null) {
      answer.addHeader("Content-Type", "application/json").body(Fixtures.read("operations/" + op.fixture() + ".json"));
    }
    server.enqueue(answer.build());

    Object result = op.call().apply(client(op.publicKey()));

    RecordedRequest request = server.takeRequest();
    assertEquals(op.method(), request.getMethod());
    assertEquals(op.target(), request.getTarget());
    assertEquals("Bearer " + (op.publicKey() ? PUBLIC_KEY : Fixtures.API_KEY), request.getHeaders().get("Authorization"));
    if (op.body() == null) {
      assertEquals(0, request.getBodySize());
    } else {
      assertEquals(op.body(), request.getBody().utf8());
      assertTrue(request.getHeaders().get("Content-Type").startsWith("application/json"));
    }
    op.check().accept(result);
  }

  @Test
  void headReachesTheBotAndAnswersItsHeadersOnly() throws Exception {
    server.enqueue(new MockResponse.Builder().addHeader("X-Bot-State", "ready").build());

    RawResponse<Void> raw = client(true).sessionProxy().withRawResponse().head(Fixtures.AGENT, SESSION, "status");

    assertEquals("ready", raw.headers().get("X-Bot-State"));
    assertNull(raw.body());
    RecordedRequest request = server.takeRequest();
    assertEquals("HEAD", request.getMethod());
    assertEquals(PROXY, request.getTarget());
    assertEquals("Bearer " + PUBLIC_KEY, request.getHeaders().get("Authorization"));
  }

  private static String summary(String id) {
    return "{\"sessionId\":\"" + id + "\",\"serviceId\":\"b900ae4a-f710-4ef1-95d8-c5f5b2789da9\","
        + "\"organizationId\":\"cc71b52d-4271-46c9-87be-cac600fd821a\",\"deploymentId\":"
        + "\"81f4da55-106d-401f-b069-a1f1992f871a\",\"endedAt\":null,\"botStartSeconds\":0,\"coldStart\":false,"
        + "\"completionStatus\":null,\"createdAt\":\"2025-10-22T08:39:26.000Z\",\"updatedAt\":\"2025-10-22T08:39:26.000Z\"}";
  }

  @Test
  void sessionsAreAutoPagedByOffsetUntilTheTotalCount() throws Exception {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
        .body("{\"total_count\":3,\"sessions\":[" + summary("00000000-0000-4000-8000-000000000001") + ","
            + summary("00000000-0000-4000-8000-000000000002") + "]}").build());
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
        .body("{\"total_count\":3,\"sessions\":[" + summary("00000000-0000-4000-8000-000000000003") + "]}").build());

    List<String> ids = client(false).sessions().streamList(Fixtures.AGENT).map(SessionSummary::sessionId).toList();

    assertEquals(List.of("00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002",
        "00000000-0000-4000-8000-000000000003"), ids);
    assertEquals("/v1/agents/my-agent/sessions", server.takeRequest().getTarget());
    assertEquals("/v1/agents/my-agent/sessions?offset=2", server.takeRequest().getTarget());
    assertEquals(2, server.getRequestCount(), "the total count is reached");
  }
}
