package dev.sessionkit.generator.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** GET, POST, PUT, PATCH and DELETE on one resource (conformance/operations/methods.yaml). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MethodsConformanceTest {
  private static Conformance.Generated sdk;
  private final MockWebServer server = new MockWebServer();

  @BeforeAll
  static void generate() {
    sdk = Conformance.generate("operations/methods.yaml");
  }

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String url() {
    return server.url("/v1/").toString();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  @Test
  void postSendsTheBuiltBodyAndDecodesThe201() throws Exception {
    server.enqueue(json(201, "{\"id\":\"itm_1\",\"name\":\"a\",\"tags\":[\"x\"]}"));

    Object id = sdk.run(url(), "return client(url).items().create(ItemInput.builder().name(\"a\")"
        + ".tags(List.of(\"x\")).build()).id();");

    assertEquals("itm_1", id);
    RecordedRequest request = server.takeRequest();
    assertEquals("POST", request.getMethod());
    assertEquals("/v1/items", request.getUrl().encodedPath());
    assertEquals("{\"name\":\"a\",\"tags\":[\"x\"]}", request.getBody().utf8());
    assertTrue(request.getHeaders().get("Content-Type").startsWith("application/json"));
  }

  @Test
  void theBuilderRefusesAMissingRequiredFieldBeforeAnythingIsSent() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> sdk.run(url(), "return ItemInput.builder().tags(List.of(\"x\")).build();"));

    assertEquals("ItemInput.name is required: call name(...) before build()", e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void anAbsentOptionalFieldIsLeftOutOfTheBody() throws Exception {
    server.enqueue(json(200, "{\"id\":\"itm_1\",\"name\":\"b\"}"));

    sdk.run(url(), "return client(url).items().update(\"itm_1\", ItemPatch.builder().name(\"b\").build());");
    server.enqueue(json(200, "{\"id\":\"itm_1\",\"name\":\"b\"}"));
    sdk.run(url(), "return client(url).items().update(\"itm_1\", ItemPatch.builder().build());");

    RecordedRequest patch = server.takeRequest();
    assertEquals("PATCH", patch.getMethod());
    assertEquals("/v1/items/itm_1", patch.getUrl().encodedPath());
    assertEquals("{\"name\":\"b\"}", patch.getBody().utf8());
    assertEquals("{}", server.takeRequest().getBody().utf8());
  }

  @Test
  void putAndGetReachTheResourceAndCheckThePathParameterFirst() throws Exception {
    server.enqueue(json(200, "{\"id\":\"itm_1\",\"name\":\"c\"}"));
    server.enqueue(json(200, "{\"id\":\"itm_1\",\"name\":\"c\"}"));

    sdk.run(url(), "return client(url).items().replace(\"itm_1\", ItemInput.builder().name(\"c\").build());");
    Object name = sdk.run(url(), "return client(url).items().get(\"itm_1\").name();");
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> sdk.run(url(), "return client(url).items().get(\"nope\");"));

    assertEquals("c", name);
    assertEquals("PUT", server.takeRequest().getMethod());
    assertEquals("GET", server.takeRequest().getMethod());
    assertEquals("itemId must match ^itm_[a-z0-9]+$ (got \"nope\")", bad.getMessage());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void deleteAnswersNothingInEachForm() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    server.enqueue(new MockResponse.Builder().code(204).addHeader("x-request-id", "req_9").build());
    server.enqueue(new MockResponse.Builder().code(204).build());

    Object sync = sdk.run(url(), "client(url).items().delete(\"itm_1\"); return \"done\";");
    Object raw = sdk.run(url(), "RawResponse<Void> r = client(url).items().withRawResponse().delete(\"itm_1\");"
        + " return r.status() + \" \" + r.body();");
    Object async = sdk.run(url(), "return client(url).items().deleteAsync(\"itm_1\").get();");

    assertEquals("done", sync);
    assertEquals("204 null", raw);
    assertNull(async);
    assertEquals("DELETE", server.takeRequest().getMethod());
    assertTrue(sdk.source("ItemsService.java").contains("public void delete(String itemId) {"));
  }

  @Test
  void requestOptionsAddHeadersAndQueryParametersToOneCall() throws Exception {
    server.enqueue(json(200, "{\"id\":\"itm_1\",\"name\":\"c\"}"));

    sdk.run(url(), "return client(url).items().get(\"itm_1\", RequestOptions.builder().header(\"X-Trace\", \"t1\")"
        + ".queryParameter(\"debug\", \"1\").build());");

    RecordedRequest request = server.takeRequest();
    assertEquals("t1", request.getHeaders().get("X-Trace"));
    assertEquals("1", request.getUrl().queryParameter("debug"));
  }
}
