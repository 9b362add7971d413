package dev.sessionkit.conformance.parameters.parameters;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.conformance.parameters.parameters.model.*;
import dev.sessionkit.generator.conformance.Conformance;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.function.Executable;

public final class ParametersCheck {
  private static ConformanceClient client(Conformance c) {
    return ConformanceClient.builder().token("t").baseUrl(c.baseUrl()).noRetries().strictDecoding(true).build();
  }

  public void everyParameterGoesWhereTheSpecSays(Conformance c) {
    c.respond("{\"data\":[\"x\"]}");

    client(c).items().list("org_1", "team-7", ItemListParams.builder()
        .requestTimeout(30).order(SortOrder.DESC).status(ListItemsStatus.OPEN)
        .tag(List.of("a", "b")).ids(List.of("itm_1", "itm_2")).fields(List.of("x", "y"))
        .kinds(List.of(Kind.A, Kind.B)).xFlags(List.of("f1", "f2"))
        .since(5_000_000_000L).ratio(0.5).limit(100).name("abc").build());

    RecordedRequest request = c.request();
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

  public void optionalParametersLeftOutAreNotSent(Conformance c) {
    c.respond("{}");

    client(c).items().list("org_1", "team-7");

    RecordedRequest request = c.request();
    assertNull(request.getUrl().query());
    assertNull(request.getHeaders().get("Request-Timeout"));
    assertNull(request.getHeaders().get("X-Flags"));
  }

  public void anEnumValueTheSpecDoesNotDocumentIsRefusedBeforeSending(Conformance c) {
    IllegalArgumentException inline = assertThrows(IllegalArgumentException.class,
        () -> ItemListParams.builder().status(ListItemsStatus.of("archived")).build());
    IllegalArgumentException listed = assertThrows(IllegalArgumentException.class,
        () -> ItemListParams.builder().kinds(List.of(Kind.of("c"))).build());

    assertEquals("status must be a value the spec documents (got \"archived\")", inline.getMessage());
    assertEquals("kinds must be a value the spec documents (got \"c\")", listed.getMessage());
  }

  public void everyRuleOfTheSpecIsCheckedBeforeSending(Conformance c) {
    List<Executable> refused = List.of(
        () -> ItemListParams.builder().requestTimeout(0).build(),
        () -> ItemListParams.builder().since(-1L).build(),
        () -> ItemListParams.builder().ratio(1.5).build(),
        () -> ItemListParams.builder().limit(101).build(),
        () -> ItemListParams.builder().name("a").build(),
        () -> ItemListParams.builder().ids(List.of("nope")).build(),
        () -> client(c).items().list("org_1", "team-x"));
    for (Executable call : refused) assertThrows(IllegalArgumentException.class, call);
    assertThrows(NullPointerException.class, () -> client(c).items().list("org_1", null));
    assertEquals(0, c.server().getRequestCount());
  }

  public void theMessagesNameTheParameterTheRuleAndTheValue(Conformance c) {
    IllegalArgumentException limit = assertThrows(IllegalArgumentException.class,
        () -> ItemListParams.builder().limit(101).build());
    IllegalArgumentException header = assertThrows(IllegalArgumentException.class,
        () -> client(c).items().list("org_1", "team-x"));

    assertEquals("limit must be between 1 and 100 (got 101)", limit.getMessage(), "exclusiveMaximum 101");
    assertEquals("xTeam must match ^team-[0-9]+$ (got \"team-x\")", header.getMessage());
  }

  public void theParamsRecordIsTypedWithTheEnumsAndListsAndCopiesTheLists(Conformance c) {
    List<String> tags = new java.util.ArrayList<>(List.of("a"));
    ItemListParams params = ItemListParams.builder().tag(tags).build();
    tags.add("b");

    assertEquals(List.of("a"), params.tag());
    String source = c.source(ItemListParams.class);
    assertTrue(source.contains("@Nullable SortOrder order, @Nullable ListItemsStatus status, @Nullable List<String> tag"),
        source);
  }
}
