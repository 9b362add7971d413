package dev.sessionkit.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.vendor.Arguments;
import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.core.vendor.VendorDescriptor;
import dev.sessionkit.parley.model.Call;
import dev.sessionkit.parley.model.CreateCallRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A vendor built from a published file and an overlay is a vendor everywhere: ServiceLoader finds its
 * descriptor, which bundles the overlay's result as its spec, and a write through it is the typed write.
 */
class VendorDescriptorTest {
  private static final String CALL = "{\"id\":\"call_1\",\"status\":\"queued\",\"to\":\"+14155550123\","
      + "\"from\":\"+14155550188\",\"agent_id\":\"agt_support\"}";
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Object client(VendorDescriptor parley) {
    return parley.newClient(Map.of("PARLEY_API_KEY", "pk_test_secret", "PARLEY_BASE_URL", server.url("/").toString()),
        builder -> builder.noRetries());
  }

  private void enqueue(int status, String body) {
    server.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build());
  }

  @Test
  void serviceLoaderFindsParleyWithTheOverlaysOperationsAndItsSpec() {
    List<VendorDescriptor> installed = VendorDescriptor.installed();

    assertEquals(List.of("parley"), installed.stream().map(VendorDescriptor::id).toList());
    VendorDescriptor parley = installed.get(0);
    assertEquals(List.of("PARLEY_API_KEY CREDENTIAL", "PARLEY_BASE_URL BASE_URL"),
        parley.environment().stream().map(v -> v.name() + " " + v.role()).toList());
    assertEquals(Set.of("createCall", "endCall", "getCall", "listCalls", "getTranscript"),
        parley.operations().stream().map(OperationDescriptor::operationId).collect(Collectors.toSet()));
    String spec = parley.spec();
    assertTrue(spec.contains("\"x-sessionkit-client\""), "the overlay's result, not the published file");
    assertTrue(!spec.contains("\"operationId\" : \"say\""), "the operations the overlay left out are not in it");
  }

  @Test
  void aCallCreatedThroughTheDescriptorSendsTheBodyAsTheTypedMethodDoes() throws Exception {
    enqueue(201, CALL);
    enqueue(201, CALL);
    VendorDescriptor parley = VendorDescriptor.find("parley").orElseThrow();
    Object client = client(parley);

    Call typed = ((ParleyClient) client).calls().create(CreateCallRequest.builder().to("+14155550123")
        .agentId("agt_support").build());
    Object described = parley.operation("createCall").orElseThrow().invoke(client, Arguments.builder()
        .body("{\"to\":\"+14155550123\",\"agent_id\":\"agt_support\"}").build());

    assertEquals(typed, described);
    RecordedRequest expected = server.takeRequest();
    RecordedRequest actual = server.takeRequest();
    assertEquals("POST", actual.getMethod());
    assertEquals("/v1/calls", actual.getTarget());
    assertEquals(expected.getBody().utf8(), actual.getBody().utf8());
    assertEquals("{\"to\":\"+14155550123\",\"agent_id\":\"agt_support\"}", actual.getBody().utf8());
    for (String header : List.of("X-API-Key", "Content-Type", "User-Agent")) {
      assertEquals(expected.getHeaders().get(header), actual.getHeaders().get(header), header);
    }
  }

  @Test
  void endingACallThroughTheDescriptorAnswersNothing() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    VendorDescriptor parley = VendorDescriptor.find("parley").orElseThrow();

    Object ended = parley.operation("endCall").orElseThrow().invoke(client(parley),
        Arguments.builder().put("call_id", "call_7Hq2Lm9Xa").build());

    assertNull(ended);
    RecordedRequest request = server.takeRequest();
    assertEquals("DELETE", request.getMethod());
    assertEquals("/v1/calls/call_7Hq2Lm9Xa", request.getTarget());
  }

  @Test
  void aBodyWithoutARequiredFieldOrWithAnUnknownOneIsRefusedAndNothingIsSent() {
    VendorDescriptor parley = VendorDescriptor.find("parley").orElseThrow();
    OperationDescriptor create = parley.operation("createCall").orElseThrow();
    Object client = client(parley);

    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> create.invoke(client, Arguments.builder().body("{\"to\":\"+14155550123\"}").build()));
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> create.invoke(client, Arguments.builder().body("{\"to\":\"+1\",\"agent_id\":\"a\",\"agent\":\"b\"}").build()));
    assertEquals("body is required", assertThrows(IllegalArgumentException.class,
        () -> create.invoke(client, Arguments.NONE)).getMessage());

    assertTrue(missing.getMessage().startsWith("the body is not a valid dev.sessionkit.parley.model.CreateCallRequest"),
        missing.getMessage());
    assertTrue(unknown.getMessage().startsWith("the body is not a valid dev.sessionkit.parley.model.CreateCallRequest"),
        unknown.getMessage());
    assertEquals(0, server.getRequestCount());
  }
}
