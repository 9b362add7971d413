package dev.sessionkit.generator.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Path, query and header parameters (conformance/operations/parameters.yaml): a header from
 * components.parameters, enum parameters typed as open enums and checked before sending (a $ref
 * enum and an inline one), arrays as style/explode say, and integer, long and decimal ranges.
 */
class ParametersConformanceTest extends ConformanceServer {
  private static Conformance.Generated sdk;

  @BeforeAll
  static void generate() {
    sdk = Conformance.generate("operations/parameters.yaml");
  }

  @Test
  void everyParameterGoesWhereTheSpecSays() throws Exception {
    enqueue(200, "{\"data\":[\"x\"]}");

    sdk.run(url(), """
        return client(url).items().list("org_1", "team-7", ItemListParams.builder()
            .requestTimeout(30).order(SortOrder.DESC).status(ListItemsStatus.OPEN)
            .tag(List.of("a", "b")).ids(List.of("itm_1", "itm_2")).fields(List.of("x", "y"))
            .kinds(List.of(ListItemsKinds.A, ListItemsKinds.B)).xFlags(List.of("f1", "f2"))
            .since(5_000_000_000L).ratio(0.5).limit(100).name("abc").build());""");

    RecordedRequest request = take();
    assertEquals("/orgs/org_1/items", request.getUrl().encodedPath());
    assertEquals("team-7", request.getHeaders().get("X-Team"));
    assertEquals("30", request.getHeaders().get("Request-Timeout"));
    assertEquals("f1,f2", request.getHeaders().get("X-Flags"), "a header array is comma-separated (style simple)");
    assertEquals("desc", request.getUrl().queryParameter("order"));
    assertEquals("open", request.getUrl().queryParameter("status"));
    assertEquals(List.of("a", "b"), request.getUrl().queryParameterValues("tag"), "form, exploded: repeated");
    assertEquals("itm_1,itm_2", request.getUrl().queryParameter("ids"), "form, explode false: comma-separated");
    assertEquals("x|y", request.getUrl().queryParameter("fields"), "pipeDelimited");
    assertEquals(List.of("a", "b"), request.getUrl().queryParameterValues("kinds"));
    assertEquals("5000000000", request.getUrl().queryParameter("since"));
    assertEquals("0.5", request.getUrl().queryParameter("ratio"));
    assertEquals("100", request.getUrl().queryParameter("limit"));
  }

  @Test
  void optionalParametersLeftOutAreNotSent() throws Exception {
    enqueue(200, "{}");

    sdk.run(url(), "return client(url).items().list(\"org_1\", \"team-7\");");

    RecordedRequest request = take();
    assertNull(request.getUrl().query());
    assertNull(request.getHeaders().get("Request-Timeout"));
    assertNull(request.getHeaders().get("X-Flags"));
  }

  @Test
  void anEnumValueTheSpecDoesNotDocumentIsRefusedBeforeSending() {
    IllegalArgumentException inline = assertThrows(IllegalArgumentException.class,
        () -> sdk.run(url(), "return ItemListParams.builder().status(ListItemsStatus.of(\"archived\")).build();"));
    IllegalArgumentException listed = assertThrows(IllegalArgumentException.class,
        () -> sdk.run(url(), "return ItemListParams.builder().kinds(List.of(ListItemsKinds.of(\"c\"))).build();"));

    assertEquals("status must be a value the spec documents (got \"archived\")", inline.getMessage());
    assertEquals("kinds must be a value the spec documents (got \"c\")", listed.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void everyRuleOfTheSpecIsCheckedBeforeSending() {
    List<String> refused = List.of(
        "ItemListParams.builder().requestTimeout(0).build()",
        "ItemListParams.builder().since(-1L).build()",
        "ItemListParams.builder().ratio(1.5).build()",
        "ItemListParams.builder().limit(101).build()",
        "ItemListParams.builder().name(\"a\").build()",
        "ItemListParams.builder().ids(List.of(\"nope\")).build()",
        "client(url).items().list(\"org_1\", \"team-x\")",
        "client(url).items().list(\"org_1\", null)");
    for (String call : refused) {
      RuntimeException e = assertThrows(RuntimeException.class, () -> sdk.run(url(), "return " + call + ";"), call);
      assertTrue(e instanceof IllegalArgumentException || e instanceof NullPointerException, call + ": " + e);
    }
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void theMessagesNameTheParameterTheRuleAndTheValue() {
    IllegalArgumentException limit = assertThrows(IllegalArgumentException.class,
        () -> sdk.run(url(), "return ItemListParams.builder().limit(101).build();"));
    IllegalArgumentException header = assertThrows(IllegalArgumentException.class,
        () -> sdk.run(url(), "return client(url).items().list(\"org_1\", \"team-x\");"));

    assertEquals("limit must be between 1 and 100 (got 101)", limit.getMessage(), "exclusiveMaximum 101");
    assertEquals("xTeam must match ^team-[0-9]+$ (got \"team-x\")", header.getMessage());
  }

  @Test
  void theParamsRecordIsTypedWithTheEnumsAndLists() {
    String params = sdk.source("ItemListParams.java");
    assertTrue(params.contains("@Nullable SortOrder order, @Nullable ListItemsStatus status, @Nullable List<String> tag"),
        params);
    assertTrue(params.contains("import dev.sessionkit.conformance.model.ListItemsStatus;"), params);
    assertTrue(params.contains("import java.util.List;"), params);
    assertTrue(sdk.has("model/ListItemsStatus.java"), "the inline enum became a named open enum");
  }
}
