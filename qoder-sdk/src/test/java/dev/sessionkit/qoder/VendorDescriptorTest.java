package dev.sessionkit.qoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.RequestOptions;
import dev.sessionkit.core.vendor.Arguments;
import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.core.vendor.VendorDescriptor;
import dev.sessionkit.qoder.internal.QoderProfile;
import dev.sessionkit.qoder.model.SessionEvent;
import dev.sessionkit.qoder.model.SessionEventList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The generated vendor descriptor: ServiceLoader finds it, and a call through it is the typed call. */
class VendorDescriptorTest {
  @StartStop private final MockWebServer server = new MockWebServer();

  private Object client(VendorDescriptor qoder) {
    return qoder.newClient(Map.of("QODER_PAT", "pt-test", "QODER_BASE_URL", server.url("/api/v1/cloud/").toString()),
        builder -> builder.noRetries());
  }

  @Test
  void serviceLoaderFindsQoderWithItsEnvironmentAndOperations() {
    List<VendorDescriptor> installed = VendorDescriptor.installed();

    assertEquals(List.of("qoder"), installed.stream().map(VendorDescriptor::id).toList());
    VendorDescriptor qoder = installed.get(0);
    assertEquals("Qoder Cloud Agents", qoder.label());
    assertEquals(List.of("QODER_PAT CREDENTIAL", "QODER_BASE_URL BASE_URL"),
        qoder.environment().stream().map(v -> v.name() + " " + v.role()).toList());
    assertEquals(QoderClient.TOKEN_ENV, qoder.credentialVariable().name());
    assertEquals("https://api.qoder.com/api/v1/cloud/", qoder.defaultBaseUrl());
    assertSame(QoderProfile.PROFILE, qoder.profile());
    List<String> operations = qoder.operations().stream().map(op -> op.service() + "." + op.name() + " "
        + op.operationId() + " " + op.httpMethod() + " " + op.path()).toList();
    assertEquals(31, operations.size(), "every operation of the spec: " + operations);
    assertTrue(operations.contains("sessions.events listSessionEvents GET /sessions/{session_id}/events"));
    assertTrue(operations.contains("sessions.send sendEvents POST /sessions/{session_id}/events"));
    assertTrue(operations.contains("sessions.stream streamSessionEvents GET /sessions/{session_id}/events/stream"));
    OperationDescriptor events = qoder.shortcut("events").orElseThrow();
    assertEquals(List.of("session_id", "limit", "after_id", "before_id", "order", "type", "types[]",
        "created_at[gte]", "created_at[lte]"),
        events.parameters().stream().map(p -> p.name()).toList());
    assertEquals(SessionEventList.class, events.responseType().orElseThrow());
    assertEquals(SessionEvent.class, events.itemType().orElseThrow());
    assertTrue(qoder.spec().contains("\"operationId\" : \"listSessionEvents\""), "the bundled spec");
  }

  @Test
  void eventsThroughTheDescriptorSendsWhatTheTypedMethodSendsAndReturnsTheSameValue() throws Exception {
    String page = Fixtures.read("list-events-example.json");
    server.enqueue(new MockResponse.Builder().body(page).build());
    server.enqueue(new MockResponse.Builder().body(page).build());
    VendorDescriptor qoder = VendorDescriptor.find("qoder").orElseThrow();
    Object client = client(qoder);
    RequestOptions options = RequestOptions.builder().header("X-Trace", "t1").build();

    SessionEventList typed = ((QoderClient) client).sessions().events(Fixtures.SESSION_ID,
        EventListParams.builder().limit(5).afterId("evt_1").build(), options);
    Object described = qoder.shortcut("events").orElseThrow().invoke(client, Arguments.builder()
        .put("session_id", Fixtures.SESSION_ID).put("limit", "5").put("after_id", "evt_1").options(options).build());

    assertEquals(typed, described);
    RecordedRequest expected = server.takeRequest();
    RecordedRequest actual = server.takeRequest();
    assertEquals("/api/v1/cloud/sessions/" + Fixtures.SESSION_ID + "/events?limit=5&after_id=evt_1", actual.getTarget());
    assertEquals(expected.getTarget(), actual.getTarget());
    for (String header : List.of("Authorization", "X-Trace", "User-Agent", "Accept")) {
      assertEquals(expected.getHeaders().get(header), actual.getHeaders().get(header), header);
    }
    assertEquals("Bearer pt-test", actual.getHeaders().get("Authorization"));
    assertEquals("t1", actual.getHeaders().get("X-Trace"));
  }

  @Test
  void iteratingThroughTheDescriptorPagesAsIterateEventsDoes() throws Exception {
    server.enqueue(new MockResponse.Builder().body(Fixtures.page(true, "evt_1", "evt_1",
        Fixtures.userMessage("evt_1", "hi"))).build());
    server.enqueue(new MockResponse.Builder().body(Fixtures.page(false, "evt_2", "evt_2",
        Fixtures.userMessage("evt_2", "bye"))).build());
    VendorDescriptor qoder = VendorDescriptor.find("qoder").orElseThrow();

    List<Object> events = new ArrayList<>();
    qoder.shortcut("events").orElseThrow().iterate(client(qoder), Arguments.builder()
        .put("session_id", Fixtures.SESSION_ID).build()).forEach(events::add);

    assertEquals(2, events.size());
    String path = "/api/v1/cloud/sessions/" + Fixtures.SESSION_ID + "/events";
    assertEquals(path + "?limit=100", server.takeRequest().getTarget());
    assertEquals(path + "?limit=100&after_id=evt_1", server.takeRequest().getTarget());
  }

  @Test
  void pagesThroughTheDescriptorResumeFromAStoredCursorInItsDeclaredParameter() throws Exception {
    server.enqueue(new MockResponse.Builder().body(Fixtures.page(true, "evt_1", "evt_1",
        Fixtures.userMessage("evt_1", "hi"))).build());
    server.enqueue(new MockResponse.Builder().body(Fixtures.page(false, "evt_2", "evt_2",
        Fixtures.userMessage("evt_2", "bye"))).build());
    VendorDescriptor qoder = VendorDescriptor.find("qoder").orElseThrow();
    OperationDescriptor events = qoder.shortcut("events").orElseThrow();
    OperationDescriptor.Paging paging = events.paging().orElseThrow();

    dev.sessionkit.core.PageOf<?, ?> first = events.pages(client(qoder), Arguments.builder()
        .put("session_id", Fixtures.SESSION_ID).put(paging.pageSizeParameter(), "1").build()).iterator().next();
    dev.sessionkit.core.PageOf<?, ?> resumed = events.pages(client(qoder), Arguments.builder()
        .put("session_id", Fixtures.SESSION_ID).put(paging.pageSizeParameter(), "1")
        .put(paging.cursorParameter(), first.nextCursor()).build()).iterator().next();

    assertEquals(new OperationDescriptor.Paging("after_id", "limit"), paging);
    assertEquals("evt_1", first.nextCursor());
    assertEquals(null, resumed.nextCursor());
    assertEquals(1, resumed.items().size());
    String path = "/api/v1/cloud/sessions/" + Fixtures.SESSION_ID + "/events";
    assertEquals(path + "?limit=1", server.takeRequest().getTarget());
    assertEquals(path + "?limit=1&after_id=evt_1", server.takeRequest().getTarget());
  }

  @Test
  void anArgumentOfTheWrongTypeNamesTheParameterAndNothingIsSent() {
    VendorDescriptor qoder = VendorDescriptor.find("qoder").orElseThrow();
    OperationDescriptor events = qoder.shortcut("events").orElseThrow();
    Object client = client(qoder);

    assertEquals("limit must be a whole number (got \"five\")", assertThrows(IllegalArgumentException.class,
        () -> events.invoke(client, Arguments.builder().put("session_id", Fixtures.SESSION_ID).put("limit", "five")
            .build())).getMessage());
    assertEquals("session_id is required", assertThrows(IllegalArgumentException.class,
        () -> events.invoke(client, Arguments.NONE)).getMessage());
    assertEquals("sessionId must match ^sess_[0-9A-Za-z_]+$ (got \"abc\")", assertThrows(IllegalArgumentException.class,
        () -> events.invoke(client, Arguments.builder().put("session_id", "abc").build())).getMessage());
    assertEquals("listSessionEvents has no parameter after (it has after_id, before_id, "
        + "created_at[gte], created_at[lte], limit, order, session_id, type, types[])",
        assertThrows(IllegalArgumentException.class, () -> events.invoke(client, Arguments.builder()
            .put("session_id", Fixtures.SESSION_ID).put("after", "evt_1").build())).getMessage());
    assertEquals(0, server.getRequestCount());
  }
}
