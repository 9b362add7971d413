package dev.sessionkit.pipecat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.RequestOptions;
import dev.sessionkit.core.vendor.Arguments;
import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.core.vendor.VendorDescriptor;
import dev.sessionkit.pipecat.internal.PipecatProfile;
import dev.sessionkit.pipecat.model.SessionDetails;
import java.util.List;
import java.util.Map;
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

  private Object client(VendorDescriptor pipecat) {
    return pipecat.newClient(Map.of("PIPECAT_API_KEY", Fixtures.API_KEY, "PIPECAT_BASE_URL", server.url("/v1/").toString()),
        builder -> builder.noRetries());
  }

  @Test
  void serviceLoaderFindsPipecatWithItsEnvironmentAndOperations() {
    List<VendorDescriptor> installed = VendorDescriptor.installed();

    assertEquals(List.of("pipecat"), installed.stream().map(VendorDescriptor::id).toList());
    VendorDescriptor pipecat = installed.get(0);
    assertEquals("Pipecat Cloud", pipecat.label());
    assertEquals(List.of("PIPECAT_API_KEY CREDENTIAL", "PIPECAT_BASE_URL BASE_URL"),
        pipecat.environment().stream().map(v -> v.name() + " " + v.role()).toList());
    assertEquals("https://api.pipecat.daily.co/v1/", pipecat.defaultBaseUrl());
    assertSame(PipecatProfile.PROFILE, pipecat.profile());
    List<String> operations = pipecat.operations().stream().map(op -> op.service() + "." + op.name() + " " + op.operationId() + " "
            + op.httpMethod() + " " + op.path()).toList();
    assertEquals(14, operations.size(), "every operation of the spec: " + operations);
    assertTrue(operations.contains("sessions.get getSession GET /agents/{agentName}/sessions/{sessionId}"), operations.toString());
    OperationDescriptor session = pipecat.shortcut("session").orElseThrow();
    assertEquals(List.of("agentName", "sessionId"), session.parameters().stream().map(p -> p.name()).toList());
    assertEquals(SessionDetails.class, session.responseType().orElseThrow());
  }

  @Test
  void sessionThroughTheDescriptorSendsWhatTheTypedMethodSendsAndReturnsTheSameValue() throws Exception {
    server.enqueue(Fixtures.json(200, Fixtures.read("get-session-example.json")));
    server.enqueue(Fixtures.json(200, Fixtures.read("get-session-example.json")));
    VendorDescriptor pipecat = VendorDescriptor.find("pipecat").orElseThrow();
    Object client = client(pipecat);
    RequestOptions options = RequestOptions.builder().queryParameter("trace", "t1").build();

    SessionDetails typed = ((PipecatClient) client).sessions().get(Fixtures.AGENT, Fixtures.SESSION_ID, options);
    Object described = pipecat.shortcut("session").orElseThrow().invoke(client, Arguments.builder()
        .put("agentName", Fixtures.AGENT).put("sessionId", Fixtures.SESSION_ID).options(options).build());

    assertEquals(typed, described);
    RecordedRequest expected = server.takeRequest();
    RecordedRequest actual = server.takeRequest();
    assertEquals(Fixtures.SESSION_PATH + "?trace=t1", actual.getTarget());
    assertEquals(expected.getTarget(), actual.getTarget());
    for (String header : List.of("Authorization", "User-Agent", "Accept")) {
      assertEquals(expected.getHeaders().get(header), actual.getHeaders().get(header), header);
    }
    assertEquals("Bearer " + Fixtures.API_KEY, actual.getHeaders().get("Authorization"));
  }

  @Test
  void aMissingOrMalformedArgumentNamesTheParameterAndNothingIsSent() {
    VendorDescriptor pipecat = VendorDescriptor.find("pipecat").orElseThrow();
    OperationDescriptor session = pipecat.shortcut("session").orElseThrow();
    Object client = client(pipecat);

    assertEquals("sessionId is required", assertThrows(IllegalArgumentException.class,
        () -> session.invoke(client, Arguments.builder().put("agentName", Fixtures.AGENT).build())).getMessage());
    assertEquals("agentName must match ^[^/]+$ (got \"a/b\")", assertThrows(IllegalArgumentException.class,
        () -> session.invoke(client, Arguments.builder().put("agentName", "a/b").put("sessionId", Fixtures.SESSION_ID)
            .build())).getMessage());
    assertEquals("getSession has no parameter agent (it has agentName, sessionId)", assertThrows(
        IllegalArgumentException.class, () -> session.invoke(client, Arguments.builder().put("agent", Fixtures.AGENT)
            .put("sessionId", Fixtures.SESSION_ID).build())).getMessage());
    assertEquals("not a dev.sessionkit.pipecat.PipecatClient: java.lang.String", assertThrows(
        IllegalArgumentException.class, () -> session.invoke("client", Arguments.NONE)).getMessage());
    assertEquals(0, server.getRequestCount());
  }
}
