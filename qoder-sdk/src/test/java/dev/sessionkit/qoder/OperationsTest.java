package dev.sessionkit.qoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.json.JsonValue;
import dev.sessionkit.qoder.model.AddResourcesRequest;
import dev.sessionkit.qoder.model.Agent;
import dev.sessionkit.qoder.model.AgentList;
import dev.sessionkit.qoder.model.AgentModel;
import dev.sessionkit.qoder.model.ContentBlock;
import dev.sessionkit.qoder.model.CreateAgentRequest;
import dev.sessionkit.qoder.model.CreateEnvironmentRequest;
import dev.sessionkit.qoder.model.CreateSessionRequest;
import dev.sessionkit.qoder.model.DeletedSession;
import dev.sessionkit.qoder.model.Environment;
import dev.sessionkit.qoder.model.EnvironmentConfig;
import dev.sessionkit.qoder.model.EnvironmentList;
import dev.sessionkit.qoder.model.EnvironmentType;
import dev.sessionkit.qoder.model.ListOrder;
import dev.sessionkit.qoder.model.PinnedAgent;
import dev.sessionkit.qoder.model.ResolveTurnRequest;
import dev.sessionkit.qoder.model.SendEventsRequest;
import dev.sessionkit.qoder.model.SendUserMessage;
import dev.sessionkit.qoder.model.SentEvents;
import dev.sessionkit.qoder.model.Session;
import dev.sessionkit.qoder.model.SessionCancellation;
import dev.sessionkit.qoder.model.SessionEventList;
import dev.sessionkit.qoder.model.SessionList;
import dev.sessionkit.qoder.model.SessionResource;
import dev.sessionkit.qoder.model.SessionResourceList;
import dev.sessionkit.qoder.model.SessionResourceParam;
import dev.sessionkit.qoder.model.SessionResourceType;
import dev.sessionkit.qoder.model.SessionStatus;
import dev.sessionkit.qoder.model.SessionThread;
import dev.sessionkit.qoder.model.SessionThreadList;
import dev.sessionkit.qoder.model.TextBlock;
import dev.sessionkit.qoder.model.ThreadStatus;
import dev.sessionkit.qoder.model.ToolResultParam;
import dev.sessionkit.qoder.model.UpdateAgentRequest;
import dev.sessionkit.qoder.model.UpdateEnvironmentRequest;
import dev.sessionkit.qoder.model.UpdateSessionRequest;
import dev.sessionkit.qoder.model.UserMessageContent;
import dev.sessionkit.qoder.model.UserMessageEvent;
import java.time.OffsetDateTime;
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
 * Every JSON operation of qoder.yaml once, against a local server: the request as the spec says
 * (method, path, query, credential, idempotency key on writes, body) and the documented example
 * answer (src/test/resources/qoder/operations) decoded strictly into its type. The two live streams
 * are StreamsTest's.
 */
class OperationsTest {
  private static final String SESSION = "sess_019e3bb1e8c171fd9abbb1477ffb84cc";
  private static final String THREAD = "sthr_019f00000000000000000000000002bb";
  private static final String AGENT = "agent_019e390add9f7bac9b6cc806db46fcbd";
  private static final String ENV = "env_019e3bb39b6774d8878cd0b9d237574b";

  @StartStop private final MockWebServer server = new MockWebServer();

  /**
   * One operation: how it is called, what is sent and what comes back.
   *
   * @param body the JSON body sent, or null for none
   * @param fixture the answer's fixture (operations/<fixture>.json), or null for no body
   */
  record Operation(String name, Function<QoderClient, Object> call, String method, String target, String body,
      int status, String fixture, Consumer<Object> check) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Operation op(String name, Function<QoderClient, Object> call, String method, String target,
      String body, int status, String fixture, Consumer<Object> check) {
    return new Operation(name, call, method, target, body, status, fixture, check);
  }

  static Stream<Operation> operations() {
    return Stream.of(
        op("createSession", c -> c.sessions().create(CreateSessionRequest.builder()
                .agent(new PinnedAgent(AGENT, 2)).environmentId("env_019e2590d33f711fabf42f2857cecd8a").title("My session")
                .metadata(Map.of("purpose", "customer-support")).build()),
            "POST", "/sessions", "{\"agent\":{\"id\":\"" + AGENT + "\",\"version\":2},\"environment_id\":"
                + "\"env_019e2590d33f711fabf42f2857cecd8a\",\"title\":\"My session\",\"metadata\":{\"purpose\":"
                + "\"customer-support\"}}", 201, "createSession",
            r -> assertEquals(SessionStatus.IDLE, ((Session) r).status())),
        op("listSessions", c -> c.sessions().list(SessionListParams.builder().limit(5).includeArchived(true).build()),
            "GET", "/sessions?limit=5&include_archived=true", null, 200, "listSessions",
            r -> assertEquals(SESSION, ((SessionList) r).data().get(0).id())),
        op("getSession", c -> c.sessions().get(SESSION), "GET", "/sessions/" + SESSION, null, 200, "getSession",
            r -> assertEquals(SESSION, ((Session) r).id())),
        op("updateSession", c -> c.sessions().update(SESSION, UpdateSessionRequest.builder().title("renamed").build()),
            "POST", "/sessions/" + SESSION, "{\"title\":\"renamed\"}", 200, "updateSession",
            r -> assertEquals("sess_019e6a0f4d9170a989eee39f6685f3fb", ((Session) r).id())),
        op("deleteSession", c -> c.sessions().delete(SESSION), "DELETE", "/sessions/" + SESSION, null, 200,
            "deleteSession", r -> assertEquals(Boolean.TRUE, ((DeletedSession) r).deleted())),
        op("cancelSession", c -> c.sessions().cancel(SESSION), "POST", "/sessions/" + SESSION + "/cancel", null, 202,
            "cancelSession", r -> assertEquals(SessionStatus.CANCELING, ((SessionCancellation) r).status())),
        op("archiveSession", c -> c.sessions().archive(SESSION), "POST", "/sessions/" + SESSION + "/archive", null,
            200, "archiveSession", r -> assertEquals(SESSION, ((Session) r).id())),
        op("listSessionEvents", c -> c.sessions().events(SESSION, EventListParams.builder().order(ListOrder.DESC)
                .type("user.message,agent.message").createdAtGte(OffsetDateTime.parse("2026-05-18T00:00:00Z")).build()),
            "GET", "/sessions/" + SESSION + "/events?order=desc&type=user.message%2Cagent.message"
                + "&created_at%5Bgte%5D=2026-05-18T00%3A00%3A00Z", null, 200, "listSessionEvents",
            r -> assertEquals(new UserMessageContent.OfString("Hello, this is a test message."),
                ((UserMessageEvent) ((SessionEventList) r).data().get(0)).content())),
        op("sendEvents", c -> c.sessions().send(SESSION, SendEventsRequest.builder().events(List.of(
                SendUserMessage.builder().type("user.message").content(List.<ContentBlock>of(
                    TextBlock.builder().type("text").text("Hi").build())).build())).build()),
            "POST", "/sessions/" + SESSION + "/events",
            "{\"events\":[{\"type\":\"user.message\",\"content\":[{\"type\":\"text\",\"text\":\"Hi\"}]}]}", 202,
            "sendEvents", r -> {
              UserMessageEvent sent = assertInstanceOf(UserMessageEvent.class, ((SentEvents) r).data().get(0));
              UserMessageContent.OfContentBlockList blocks =
                  assertInstanceOf(UserMessageContent.OfContentBlockList.class, sent.content());
              assertEquals("Help me analyze the performance of this code.", ((TextBlock) blocks.value().get(0)).text());
            }),
        op("resolveTurn", c -> c.sessions().resolveTurn(SESSION, "turn_019e392c0d787ceea6bb62943f9ac3ec",
                ResolveTurnRequest.builder().toolResults(List.of(ToolResultParam.builder()
                    .toolUseId("toolu_bdrk_01T42NPLcKrBvLJfWgGt3QMt").content(JsonValue.of("\"done\"")).build())).build()),
            "POST", "/sessions/" + SESSION + "/turns/turn_019e392c0d787ceea6bb62943f9ac3ec/resolve",
            "{\"tool_results\":[{\"tool_use_id\":\"toolu_bdrk_01T42NPLcKrBvLJfWgGt3QMt\",\"content\":\"done\"}]}", 200,
            "resolveTurn", r -> assertEquals(JsonValue.of("{}"), r)),
        op("addSessionResources", c -> c.resources().add(SESSION, AddResourcesRequest.builder().resources(List.of(
                SessionResourceParam.builder().type(SessionResourceType.FILE)
                    .fileId("file_019ef2a07a06704fb899908c29eed779").build())).build()),
            "POST", "/sessions/" + SESSION + "/resources",
            "{\"resources\":[{\"type\":\"file\",\"file_id\":\"file_019ef2a07a06704fb899908c29eed779\"}]}", 200,
            "addSessionResources", r -> assertEquals("sess_019e392c0d1e74e095d21ea4c6b41def", ((Session) r).id())),
        op("listSessionResources", c -> c.resources().list(SESSION, ResourceListParams.builder().limit(10).build()),
            "GET", "/sessions/" + SESSION + "/resources?limit=10", null, 200, "listSessionResources",
            r -> assertEquals("sesr_0e4323e8f47ba34853f5409e", ((SessionResourceList) r).data().get(0).id())),
        op("getSessionResource", c -> c.resources().get(SESSION, "sesr_0e4323e8f47ba34853f5409e"),
            "GET", "/sessions/" + SESSION + "/resources/sesr_0e4323e8f47ba34853f5409e", null, 200,
            "getSessionResource", r -> assertEquals("file_019ef2a07a06704fb899908c29eed779",
                ((SessionResource) r).fileId())),
        op("listSessionThreads", c -> c.threads().list(SESSION, ThreadListParams.builder()
                .statuses(List.of(ThreadStatus.RUNNING, ThreadStatus.IDLE)).build()),
            "GET", "/sessions/" + SESSION + "/threads?statuses%5B%5D=running&statuses%5B%5D=idle", null, 200,
            "listSessionThreads", r -> assertEquals("sthr_019f00000000000000000000000001aa",
                ((SessionThreadList) r).data().get(0).id())),
        op("getSessionThread", c -> c.threads().get(SESSION, THREAD), "GET",
            "/sessions/" + SESSION + "/threads/" + THREAD, null, 200, "getSessionThread",
            r -> assertEquals(THREAD, ((SessionThread) r).id())),
        op("archiveSessionThread", c -> c.threads().archive(SESSION, THREAD), "POST",
            "/sessions/" + SESSION + "/threads/" + THREAD + "/archive", null, 200, "archiveSessionThread",
            r -> assertEquals(ThreadStatus.ARCHIVED, ((SessionThread) r).status())),
        op("listSessionThreadEvents", c -> c.threads().events(SESSION, THREAD, ThreadEventListParams.builder()
                .order(ListOrder.ASC).types(List.of("session.thread_created")).build()),
            "GET", "/sessions/" + SESSION + "/threads/" + THREAD + "/events?order=asc&types%5B%5D=session.thread_created",
            null, 200, "listSessionThreadEvents",
            r -> assertEquals("session.thread_created", ((SessionEventList) r).data().get(0).type())),
        op("createAgent", c -> c.agents().create(CreateAgentRequest.builder().name("doc-test-agent")
                .model(new AgentModel.OfString("ultimate")).system("You are a documentation testing assistant.").build()),
            "POST", "/agents", "{\"name\":\"doc-test-agent\",\"model\":\"ultimate\",\"system\":"
                + "\"You are a documentation testing assistant.\"}", 201, "createAgent",
            r -> assertEquals("doc-test-agent", ((Agent) r).name())),
        op("listAgents", c -> c.agents().list(AgentListParams.builder().includeArchived(true).build()),
            "GET", "/agents?include_archived=true", null, 200, "listAgents",
            r -> assertEquals("doc-test-agent", ((AgentList) r).data().get(0).name())),
        op("getAgent", c -> c.agents().get(AGENT), "GET", "/agents/" + AGENT, null, 200, "getAgent",
            r -> assertNotNull(((Agent) r).id())),
        op("updateAgent", c -> c.agents().update(AGENT, UpdateAgentRequest.builder().version(1)
                .system("You are a concise documentation testing assistant.").build()),
            "PUT", "/agents/" + AGENT, "{\"version\":1,\"system\":\"You are a concise documentation testing "
                + "assistant.\"}", 200, "updateAgent",
            r -> assertEquals("You are a concise documentation testing assistant.", ((Agent) r).system())),
        op("archiveAgent", c -> c.agents().archive(AGENT), "POST", "/agents/" + AGENT + "/archive", null, 200,
            "archiveAgent", r -> assertNotNull(((Agent) r).id())),
        op("listAgentVersions", c -> c.agents().versions(AGENT, AgentVersionListParams.builder().limit(2).build()),
            "GET", "/agents/" + AGENT + "/versions?limit=2", null, 200, "listAgentVersions",
            r -> assertEquals("2", ((AgentList) r).firstId())),
        op("createEnvironment", c -> c.environments().create(CreateEnvironmentRequest.builder().name("doc-test-env")
                .config(EnvironmentConfig.builder().type(EnvironmentType.CLOUD).build()).build()),
            "POST", "/environments", "{\"name\":\"doc-test-env\",\"config\":{\"type\":\"cloud\"}}", 201,
            "createEnvironment", r -> assertEquals(ENV, ((Environment) r).id())),
        op("listEnvironments", c -> c.environments().list(), "GET", "/environments", null, 200, "listEnvironments",
            r -> assertEquals(ENV, ((EnvironmentList) r).data().get(0).id())),
        op("getEnvironment", c -> c.environments().get(ENV), "GET", "/environments/" + ENV, null, 200,
            "getEnvironment", r -> assertEquals("doc-test-env", ((Environment) r).name())),
        op("updateEnvironment", c -> c.environments().update(ENV, UpdateEnvironmentRequest.builder()
                .description("Environment used for API documentation testing").build()),
            "PUT", "/environments/" + ENV, "{\"description\":\"Environment used for API documentation testing\"}", 200,
            "updateEnvironment", r -> assertEquals("Environment used for API documentation testing",
                ((Environment) r).description())),
        op("archiveEnvironment", c -> c.environments().archive(ENV), "POST", "/environments/" + ENV + "/archive",
            null, 200, "archiveEnvironment", r -> assertEquals(ENV, ((Environment) r).id())),
        op("deleteEnvironment", c -> {
              c.environments().delete(ENV);
              return "nothing";
            }, "DELETE", "/environments/" + ENV, null, 204, null, r -> assertEquals("nothing", r)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void everyOperationSendsWhatTheSpecSaysAndDecodesTheDocumentedAnswerStrictly(Operation op) throws Exception {
    MockResponse.Builder answer = new MockResponse.Builder().code(op.status());
    if (op.fixture() != null) {
      answer.addHeader("Content-Type", "application/json").body(Fixtures.read("operations/" + op.fixture() + ".json"));
    }
    server.enqueue(answer.build());
    QoderClient client = QoderClient.builder().token("pt-test").baseUrl(server.url("/").toString())
        .strictDecoding(true).noRetries().build();

    Object result = op.call().apply(client);

    RecordedRequest request = server.takeRequest();
    assertEquals(op.method(), request.getMethod());
    assertEquals(op.target(), request.getTarget());
    assertEquals("Bearer pt-test", request.getHeaders().get("Authorization"));
    if (op.method().equals("POST")) {
      assertTrue(request.getHeaders().get("Idempotency-Key").matches("[0-9a-f-]{36}"),
          "every POST carries a key: " + request.getHeaders());
    } else {
      assertNull(request.getHeaders().get("Idempotency-Key"));
    }
    if (op.body() == null) {
      assertEquals(0, request.getBodySize());
    } else {
      assertEquals(op.body(), request.getBody().utf8());
      assertTrue(request.getHeaders().get("Content-Type").startsWith("application/json"));
    }
    op.check().accept(result);
  }
}
