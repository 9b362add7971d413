package dev.sessionkit.piper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sessionkit.core.RequestOptions;
import dev.sessionkit.core.vendor.Arguments;
import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.core.vendor.ParameterDescriptor;
import dev.sessionkit.core.vendor.VendorDescriptor;
import dev.sessionkit.piper.internal.PiperProfile;
import dev.sessionkit.piper.model.ScenarioRunDetail;
import dev.sessionkit.piper.model.SessionEventsResponse;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generated vendor descriptor: ServiceLoader finds it, and a call through it is the typed call. */
class VendorDescriptorTest {
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Object client(VendorDescriptor piper, Map<String, String> more) {
    Map<String, String> env = new java.util.HashMap<>(more);
    env.put("PIPER_API_TOKEN", Fixtures.TOKEN);
    env.put("PIPER_BASE_URL", server.url("/").toString());
    return piper.newClient(env, builder -> builder.noRetries());
  }

  @Test
  void serviceLoaderFindsPiperWithItsEnvironmentAndOperations() {
    List<VendorDescriptor> installed = VendorDescriptor.installed();

    assertEquals(List.of("piper"), installed.stream().map(VendorDescriptor::id).toList());
    VendorDescriptor piper = installed.get(0);
    assertEquals("Piper", piper.label());
    assertEquals(List.of("PIPER_API_TOKEN CREDENTIAL", "PIPER_BASE_URL BASE_URL", "PIPER_ORG_ID DEFAULT_PARAMETER"),
        piper.environment().stream().map(v -> v.name() + " " + v.role()).toList());
    assertSame(PiperProfile.PROFILE, piper.profile());
    assertEquals(List.of("sessions.list listSessions", "sessions.events getSessionEvents",
        "responses.create createResponse", "responses.stream createResponseStream",
        "scenarioRuns.bySession getScenarioRunBySession"),
        piper.operations().stream().map(op -> op.service() + "." + op.name() + " " + op.operationId()).toList());
    assertEquals("getSessionEvents", piper.shortcut("events").orElseThrow().operationId());
    assertEquals("getScenarioRunBySession", piper.shortcut("scenario").orElseThrow().operationId());
    ParameterDescriptor org = piper.shortcut("events").orElseThrow().parameter("org_id").orElseThrow();
    assertEquals("PIPER_ORG_ID", org.defaultVariable());
    assertEquals(true, org.required());
    assertEquals(ScenarioRunDetail.class, piper.shortcut("scenario").orElseThrow().responseType().orElseThrow());
  }

  @Test
  void eventsThroughTheDescriptorSendsWhatTheTypedMethodSendsAndReturnsTheSameValue() throws Exception {
    server.enqueue(new MockResponse.Builder().body(Fixtures.sessionEvents()).build());
    server.enqueue(new MockResponse.Builder().body(Fixtures.sessionEvents()).build());
    VendorDescriptor piper = VendorDescriptor.find("piper").orElseThrow();
    Object client = client(piper, Map.of());
    RequestOptions options = RequestOptions.builder().header("X-Trace", "t1").build();

    SessionEventsResponse typed = ((PiperClient) client).sessions().events(Fixtures.ORG_ID, Fixtures.SESSION_ID, options);
    Object described = piper.shortcut("events").orElseThrow().invoke(client, Arguments.builder()
        .put("org_id", Fixtures.ORG_ID).put("session_id", Fixtures.SESSION_ID).options(options).build());

    assertEquals(typed, described);
    RecordedRequest expected = server.takeRequest();
    RecordedRequest actual = server.takeRequest();
    assertEquals(Fixtures.EVENTS_PATH, actual.getTarget());
    assertEquals(expected.getTarget(), actual.getTarget());
    for (String header : List.of("Authorization", "X-Trace", "User-Agent", "Accept")) {
      assertEquals(expected.getHeaders().get(header), actual.getHeaders().get(header), header);
    }
    assertEquals("Bearer " + Fixtures.TOKEN, actual.getHeaders().get("Authorization"));
  }

  @Test
  void theOrganizationComesFromPiperOrgIdWhenACallGivesNone() throws Exception {
    server.enqueue(new MockResponse.Builder().body(Fixtures.scenarioRun()).build());
    server.enqueue(new MockResponse.Builder().body(Fixtures.scenarioRun()).build());
    VendorDescriptor piper = VendorDescriptor.find("piper").orElseThrow();
    Object client = client(piper, Map.of("PIPER_ORG_ID", Fixtures.ORG_ID));

    ScenarioRunDetail typed = ((PiperClient) client).scenarioRuns().bySession(Fixtures.SESSION_ID);
    Object described = piper.shortcut("scenario").orElseThrow().invoke(client,
        Arguments.builder().put("session_id", Fixtures.SESSION_ID).build());

    assertEquals(typed, described);
    assertEquals(Fixtures.SCENARIO_RUN_PATH, server.takeRequest().getTarget());
    assertEquals(Fixtures.SCENARIO_RUN_PATH, server.takeRequest().getTarget());
  }

  @Test
  void aMissingOrMalformedArgumentNamesTheParameterAndNothingIsSent() {
    VendorDescriptor piper = VendorDescriptor.find("piper").orElseThrow();
    OperationDescriptor events = piper.shortcut("events").orElseThrow();
    Object client = client(piper, Map.of());

    assertEquals("org_id is required: give it, or set PIPER_ORG_ID for a default", assertThrows(
        IllegalArgumentException.class, () -> events.invoke(client, Arguments.builder()
            .put("session_id", Fixtures.SESSION_ID).build())).getMessage());
    assertEquals("session_id takes one value (got 2)", assertThrows(IllegalArgumentException.class,
        () -> events.invoke(client, Arguments.builder().put("org_id", Fixtures.ORG_ID)
            .put("session_id", Fixtures.SESSION_ID).put("session_id", Fixtures.SESSION_ID).build())).getMessage());
    IllegalArgumentException pattern = assertThrows(IllegalArgumentException.class, () -> events.invoke(client,
        Arguments.builder().put("org_id", "acme").put("session_id", Fixtures.SESSION_ID).build()));
    assertEquals(true, pattern.getMessage().startsWith("orgId must match "), pattern.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  /**
   * An offset-paged listing through the descriptor: its paging names the offset parameter, a page's
   * next cursor is the next offset in decimal, and a caller that stored it resumes there.
   */
  @Test
  void anOffsetPagedListingResumesThroughTheDescriptorFromAStoredOffset() throws Exception {
    String session = "{\"id\":\"%s\",\"agent_id\":\"00000000-0000-4000-8000-00000000000a\",\"agent_name\":\"Support\","
        + "\"channel_id\":null,\"channel_type\":null,\"channel_name\":null,\"message_count\":2,\"is_test\":false,"
        + "\"scenario_run_status\":null,\"created_at\":\"2023-11-07T05:31:56Z\",\"updated_at\":\"2023-11-07T05:31:56Z\"}";
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
        .body("{\"sessions\":[" + session.formatted("00000000-0000-4000-8000-000000000001") + "],\"total\":2}").build());
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
        .body("{\"sessions\":[" + session.formatted("00000000-0000-4000-8000-000000000002") + "],\"total\":2}").build());
    VendorDescriptor piper = VendorDescriptor.find("piper").orElseThrow();
    OperationDescriptor list = piper.operation("listSessions").orElseThrow();
    OperationDescriptor.Paging paging = list.paging().orElseThrow();

    dev.sessionkit.core.PageOf<?, ?> first = list.pages(client(piper, Map.of()), Arguments.builder()
        .put("org_id", Fixtures.ORG_ID).put(paging.pageSizeParameter(), "1").build()).iterator().next();
    dev.sessionkit.core.PageOf<?, ?> resumed = list.pages(client(piper, Map.of()), Arguments.builder()
        .put("org_id", Fixtures.ORG_ID).put(paging.pageSizeParameter(), "1")
        .put(paging.cursorParameter(), first.nextCursor()).build()).iterator().next();

    assertEquals(new OperationDescriptor.Paging("offset", "limit"), paging);
    assertEquals("1", first.nextCursor());
    assertEquals(null, resumed.nextCursor(), "the total is reached");
    assertEquals(1, resumed.items().size());
    assertEquals("/v1/orgs/" + Fixtures.ORG_ID + "/sessions/?limit=1", server.takeRequest().getTarget());
    assertEquals("/v1/orgs/" + Fixtures.ORG_ID + "/sessions/?limit=1&offset=1", server.takeRequest().getTarget());
  }
}
