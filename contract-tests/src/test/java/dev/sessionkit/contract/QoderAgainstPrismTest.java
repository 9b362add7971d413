package dev.sessionkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.core.json.JsonValue;
import dev.sessionkit.qoder.AgentListParams;
import dev.sessionkit.qoder.AgentVersionListParams;
import dev.sessionkit.qoder.EnvironmentListParams;
import dev.sessionkit.qoder.EventListParams;
import dev.sessionkit.qoder.ResourceListParams;
import dev.sessionkit.qoder.SessionListParams;
import dev.sessionkit.qoder.ThreadEventListParams;
import dev.sessionkit.qoder.ThreadListParams;
import dev.sessionkit.qoder.model.AddResourcesRequest;
import dev.sessionkit.qoder.model.AgentModel;
import dev.sessionkit.qoder.model.ContentBlock;
import dev.sessionkit.qoder.model.CreateAgentRequest;
import dev.sessionkit.qoder.model.CreateEnvironmentRequest;
import dev.sessionkit.qoder.model.CreateSessionRequest;
import dev.sessionkit.qoder.model.EnvironmentConfig;
import dev.sessionkit.qoder.model.EnvironmentType;
import dev.sessionkit.qoder.model.ListOrder;
import dev.sessionkit.qoder.model.ResolveTurnRequest;
import dev.sessionkit.qoder.model.SendEventsRequest;
import dev.sessionkit.qoder.model.SendUserMessage;
import dev.sessionkit.qoder.model.SentEvents;
import dev.sessionkit.qoder.model.Session;
import dev.sessionkit.qoder.model.SessionAgent;
import dev.sessionkit.qoder.model.SessionResourceParam;
import dev.sessionkit.qoder.model.SessionResourceType;
import dev.sessionkit.qoder.model.TextBlock;
import dev.sessionkit.qoder.model.ThreadStatus;
import dev.sessionkit.qoder.model.ToolResultParam;
import dev.sessionkit.qoder.model.UpdateAgentRequest;
import dev.sessionkit.qoder.model.UpdateEnvironmentRequest;
import dev.sessionkit.qoder.model.UpdateSessionRequest;
import dev.sessionkit.qoder.QoderClient;
import dev.sessionkit.qoder.model.SessionEvent;
import dev.sessionkit.qoder.model.SessionEventList;
import dev.sessionkit.qoder.model.SessionStatusRescheduledEvent;
import dev.sessionkit.qoder.model.UserMessageContent;
import dev.sessionkit.qoder.model.UserMessageEvent;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.Test;

/**
 * The Qoder client against Prism serving specs/qoder.yaml: every operation, every parameter, strict
 * decoding. The two live streams are not served (Prism cannot mock text/event-stream): qoder-sdk's
 * StreamsTest covers them against MockWebServer.
 */
@EnabledIf(value = "dev.sessionkit.contract.Locations#prismInstalledOrRequired",
    disabledReason = "Prism is not installed: run `npm ci` in specs/ (.ci/contract does); set SESSIONKIT_REQUIRE_PRISM to fail instead")
class QoderAgainstPrismTest {
  private static final String SESSION = "sess_019e392c0d1e74e095d21ea4c6b41def";
  private static PrismMock prism;
  private static QoderClient client;

  @BeforeAll
  static void startPrism() throws Exception {
    prism = PrismMock.start(Locations.spec("qoder.yaml"));
    client = QoderClient.builder().token("qoder-contract-test-pat").baseUrl(prism.baseUrl())
        .httpClient(prism.client()).strictDecoding(true).noRetries().build();
  }

  @AfterAll
  static void everyOperationWasCalledWithEveryParameter() {
    PrismMock.finishSuite(prism);
  }

  @Test
  void eventsWithLimitAndAfterIdDecodeTheDocumentedPageStrictly() {
    SessionEventList page = client.sessions().events(SESSION,
        EventListParams.builder().limit(5).afterId("evt_019e392c0d787cfaa21bda98e06cd913").build());

    assertDocumentedPage(page);
    assertEquals(Map.of("after_id", "evt_019e392c0d787cfaa21bda98e06cd913", "limit", "5").keySet(),
        prism.lastExchange().query());
  }

  @Test
  void eventsWithBeforeIdDecodeStrictly() {
    SessionEventList page = client.sessions().events(SESSION,
        EventListParams.builder().limit(100).beforeId("evt_771c1195bcbd4a07834d4ed4dd6450ca").build());

    assertDocumentedPage(page);
    assertEquals(java.util.Set.of("before_id", "limit"), prism.lastExchange().query());
  }

  @Test
  void eventsWithoutParametersAsyncAndRawDecodeStrictly() throws Exception {
    assertDocumentedPage(client.sessions().events(SESSION));
    assertDocumentedPage(client.sessions().eventsAsync(SESSION, EventListParams.NONE).get());
    RawResponse<SessionEventList> raw = client.sessions().withRawResponse().events(SESSION, EventListParams.NONE);

    assertEquals(200, raw.status());
    assertDocumentedPage(raw.body());
    assertEquals("/sessions/" + SESSION + "/events", prism.lastExchange().path());
  }

  @Test
  void streamingEventsDecodesTheFirstPageStrictly() {
    List<SessionEvent> events = client.sessions().streamEvents(SESSION, EventListParams.builder().limit(2).build())
        .limit(2).toList();

    assertInstanceOf(UserMessageEvent.class, events.get(0));
    assertInstanceOf(SessionStatusRescheduledEvent.class, events.get(1));
  }

  @Test
  void everyOperationOfTheSessionLifecycleSendsWhatTheSpecAcceptsAndDecodesItsExampleStrictly() {
    String thread = "sthr_019f00000000000000000000000002bb";
    OffsetDateTime since = OffsetDateTime.parse("2026-05-18T00:00:00Z");
    Session created = client.sessions().create(CreateSessionRequest.builder()
        .agent(new SessionAgent.OfString("agent_019e390add9f7bac9b6cc806db46fcbd"))
        .environmentId("env_019e2590d33f711fabf42f2857cecd8a").title("My session").build());
    client.sessions().list(SessionListParams.builder().limit(5).afterId(SESSION).includeArchived(true).build());
    client.sessions().list(SessionListParams.builder().beforeId(SESSION).build());
    client.sessions().get(SESSION);
    client.sessions().update(SESSION, UpdateSessionRequest.builder().title("renamed").build());
    client.sessions().cancel(SESSION);
    client.sessions().archive(SESSION);
    client.sessions().delete(SESSION);
    SentEvents sent = client.sessions().send(SESSION, SendEventsRequest.builder().events(List.of(SendUserMessage.builder()
        .type("user.message").content(List.<ContentBlock>of(TextBlock.builder().type("text").text("Hi").build()))
        .build())).build());
    client.sessions().events(SESSION, EventListParams.builder().order(ListOrder.DESC).type("user.message")
        .types(List.of("agent.message")).createdAtGte(since).createdAtLte(since.plusDays(1)).build());
    client.sessions().resolveTurn(SESSION, "turn_019e392c0d787ceea6bb62943f9ac3ec", ResolveTurnRequest.builder()
        .toolResults(List.of(ToolResultParam.builder().toolUseId("toolu_bdrk_01T42NPLcKrBvLJfWgGt3QMt")
            .content(JsonValue.of("\"done\"")).build())).build());
    client.resources().add(SESSION, AddResourcesRequest.builder().resources(List.of(SessionResourceParam.builder()
        .type(SessionResourceType.FILE).fileId("file_019ef2a07a06704fb899908c29eed779").build())).build());
    client.resources().list(SESSION, ResourceListParams.builder().limit(10).page("cGFnZQ").build());
    client.resources().list(SESSION, ResourceListParams.builder().afterId("sesr_0e4323e8f47ba34853f5409e").build());
    client.resources().list(SESSION, ResourceListParams.builder().beforeId("sesr_0e4323e8f47ba34853f5409e").build());
    client.resources().get(SESSION, "sesr_0e4323e8f47ba34853f5409e");
    client.threads().list(SESSION, ThreadListParams.builder().limit(10).order(ListOrder.ASC).afterId(thread)
        .statuses(List.of(ThreadStatus.RUNNING)).build());
    client.threads().list(SESSION, ThreadListParams.builder().beforeId(thread).build());
    client.threads().get(SESSION, thread);
    client.threads().archive(SESSION, thread);
    client.threads().events(SESSION, thread, ThreadEventListParams.builder().limit(10).afterId("evt_1").order(ListOrder.ASC)
        .type("agent.message").types(List.of("session.thread_created")).build());
    client.threads().events(SESSION, thread, ThreadEventListParams.builder().beforeId("evt_1").build());
    String agent = "agent_019e390add9f7bac9b6cc806db46fcbd";
    client.agents().create(CreateAgentRequest.builder().name("doc-test-agent").model(new AgentModel.OfString("ultimate"))
        .build());
    client.agents().list(AgentListParams.builder().limit(10).afterId(agent).includeArchived(true).createdAtGte(since)
        .createdAtLte(since.plusDays(1)).build());
    client.agents().list(AgentListParams.builder().beforeId(agent).build());
    client.agents().get(agent);
    client.agents().update(agent, UpdateAgentRequest.builder().version(1).system("Be brief.").build());
    client.agents().archive(agent);
    client.agents().versions(agent, AgentVersionListParams.builder().limit(2).afterId(3).build());
    client.agents().versions(agent, AgentVersionListParams.builder().beforeId(1).build());
    String environment = "env_019e3bb39b6774d8878cd0b9d237574b";
    client.environments().create(CreateEnvironmentRequest.builder().name("doc-test-env")
        .config(EnvironmentConfig.builder().type(EnvironmentType.CLOUD).build()).build());
    client.environments().list(EnvironmentListParams.builder().limit(10).afterId(environment).includeArchived(true)
        .createdAtGte(since).createdAtLte(since.plusDays(1)).build());
    client.environments().list(EnvironmentListParams.builder().beforeId(environment).build());
    client.environments().get(environment);
    client.environments().update(environment, UpdateEnvironmentRequest.builder().description("d").build());
    client.environments().archive(environment);
    client.environments().delete(environment);

    assertEquals("sess_019e3bb1e8c171fd9abbb1477ffb84cc", created.id());
    assertInstanceOf(UserMessageEvent.class, sent.data().get(0));
    assertEquals("DELETE", prism.lastExchange().method());
  }

  @Test
  void prismRejectsALimitThatIsNotAnInteger() throws Exception {
    PrismMock.Exchange exchange = prism.rawGet("sessions/" + SESSION + "/events?limit=five",
        Map.of("Authorization", "Bearer qoder-contract-test-pat"));

    assertEquals(400, exchange.status());
    assertTrue(exchange.violations().contains("limit must be integer"), exchange.violations());
  }

  @Test
  void prismRejectsALimitAboveTheMaximum() throws Exception {
    PrismMock.Exchange exchange = prism.rawGet("sessions/" + SESSION + "/events?limit=101",
        Map.of("Authorization", "Bearer qoder-contract-test-pat"));

    assertEquals(400, exchange.status());
    assertTrue(exchange.violations().contains("limit must be <= 100"), exchange.violations());
  }

  @Test
  void prismAnswers401WithoutTheBearerToken() throws Exception {
    PrismMock.Exchange exchange = prism.rawGet("sessions/" + SESSION + "/events", Map.of());

    assertEquals(401, exchange.status());
    assertTrue(exchange.violations().contains("Invalid security scheme used"), exchange.violations());
  }

  private static void assertDocumentedPage(SessionEventList page) {
    assertEquals(2, page.data().size());
    UserMessageEvent first = assertInstanceOf(UserMessageEvent.class, page.data().get(0));
    assertEquals(new UserMessageContent.OfString("Hello, this is a test message."), first.content());
    assertEquals(888851795, first.createdAt().getNano());
    assertInstanceOf(SessionStatusRescheduledEvent.class, page.data().get(1));
    assertEquals("evt_771c1195bcbd4a07834d4ed4dd6450ca", page.lastId());
    assertTrue(page.hasMore());
  }
}
