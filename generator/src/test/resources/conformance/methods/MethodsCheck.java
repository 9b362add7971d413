package dev.sessionkit.conformance.methods.methods;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.conformance.methods.methods.model.*;
import dev.sessionkit.core.RequestOptions;
import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.generator.conformance.Conformance;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

public final class MethodsCheck {
  private static ConformanceClient client(Conformance c) {
    return ConformanceClient.builder().token("t").baseUrl(c.baseUrl()).noRetries().strictDecoding(true).build();
  }

  private static void answer(Conformance c, int code, String json) {
    c.server().enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(json).build());
  }

  public void postSendsTheBuiltBodyAndDecodesThe201(Conformance c) {
    answer(c, 201, "{\"id\":\"itm_1\",\"name\":\"a\",\"tags\":[\"x\"]}");

    Item item = client(c).items().create(ItemInput.builder().name("a").tags(List.of("x")).build());

    assertEquals("itm_1", item.id());
    RecordedRequest request = c.request();
    assertEquals("POST", request.getMethod());
    assertEquals("/items", request.getUrl().encodedPath());
    assertEquals("{\"name\":\"a\",\"tags\":[\"x\"]}", request.getBody().utf8());
    assertTrue(request.getHeaders().get("Content-Type").startsWith("application/json"));
    assertEquals("Bearer t", request.getHeaders().get("Authorization"));
  }

  public void theBuilderRefusesAMissingRequiredFieldBeforeAnythingIsSent(Conformance c) {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ItemInput.builder().tags(List.of("x")).build());

    assertEquals("ItemInput.name is required: call name(...) before build()", e.getMessage());
  }

  public void anAbsentOptionalFieldIsLeftOutOfTheBody(Conformance c) {
    answer(c, 200, "{\"id\":\"itm_1\",\"name\":\"b\"}");
    answer(c, 200, "{\"id\":\"itm_1\",\"name\":\"b\"}");

    client(c).items().update("itm_1", ItemPatch.builder().name("b").build());
    client(c).items().update("itm_1", ItemPatch.builder().build());

    RecordedRequest patch = c.request();
    assertEquals("PATCH", patch.getMethod());
    assertEquals("/items/itm_1", patch.getUrl().encodedPath());
    assertEquals("{\"name\":\"b\"}", patch.getBody().utf8());
    assertEquals("{}", c.request().getBody().utf8());
  }

  public void putAndGetReachTheResourceAndCheckThePathParameterFirst(Conformance c) {
    answer(c, 200, "{\"id\":\"itm_1\",\"name\":\"c\"}");
    answer(c, 200, "{\"id\":\"itm_1\",\"name\":\"c\"}");

    client(c).items().replace("itm_1", ItemInput.builder().name("c").build());
    String name = client(c).items().get("itm_1").name();
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> client(c).items().get("nope"));

    assertEquals("c", name);
    assertEquals("PUT", c.request().getMethod());
    assertEquals("GET", c.request().getMethod());
    assertEquals("itemId must match ^itm_[a-z0-9]+$ (got \"nope\")", bad.getMessage());
    assertEquals(2, c.server().getRequestCount());
  }

  public void deleteAnswersNothingInEachForm(Conformance c) throws Exception {
    c.server().enqueue(new MockResponse.Builder().code(204).build());
    c.server().enqueue(new MockResponse.Builder().code(204).build());
    c.server().enqueue(new MockResponse.Builder().code(204).build());

    client(c).items().delete("itm_1");
    RawResponse<Void> raw = client(c).items().withRawResponse().delete("itm_1");
    Void async = client(c).items().deleteAsync("itm_1").get();

    assertEquals(204, raw.status());
    assertNull(raw.body());
    assertNull(async);
    assertEquals("DELETE", c.request().getMethod());
    assertTrue(c.source(ItemsService.class).contains("public void delete(String itemId) {"));
  }

  public void requestOptionsAddHeadersAndQueryParametersToOneCall(Conformance c) {
    answer(c, 200, "{\"id\":\"itm_1\",\"name\":\"c\"}");

    client(c).items().get("itm_1", RequestOptions.builder().header("X-Trace", "t1").queryParameter("debug", "1").build());

    RecordedRequest request = c.request();
    assertEquals("t1", request.getHeaders().get("X-Trace"));
    assertEquals("1", request.getUrl().queryParameter("debug"));
  }
}
