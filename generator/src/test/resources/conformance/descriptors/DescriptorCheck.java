package dev.sessionkit.conformance.descriptors.descriptor;

import static org.junit.jupiter.api.Assertions.*;

import com.squareup.moshi.Types;
import dev.sessionkit.conformance.descriptors.descriptor.internal.descriptor.ConformanceDescriptor;
import dev.sessionkit.conformance.descriptors.descriptor.model.*;
import dev.sessionkit.core.RequestOptions;
import dev.sessionkit.core.vendor.Arguments;
import dev.sessionkit.core.vendor.EnvironmentVariable;
import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.core.vendor.ParameterDescriptor;
import dev.sessionkit.core.vendor.ServiceDescriptor;
import dev.sessionkit.core.vendor.VendorDescriptor;
import dev.sessionkit.generator.conformance.Conformance;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

public final class DescriptorCheck {
  private static final VendorDescriptor VENDOR = new ConformanceDescriptor();
  private static final String PAGE = "{\"data\":[{\"id\":\"i1\",\"name\":\"one\"}],\"next\":\"p2\"}";

  private static ConformanceClient client(Conformance c) {
    return ConformanceClient.builder().token("t").baseUrl(c.baseUrl()).noRetries().build();
  }

  private static OperationDescriptor operation(String operationId) {
    return VENDOR.operation(operationId).orElseThrow();
  }

  /** Every argument of listItems, as text. */
  private static Arguments.Builder everyListArgument() {
    return Arguments.builder().put("org_id", "org_1").put("X-Team", "7").put("status", "open")
        .put("tag", "red").put("tag", "blue").put("ids", "1").put("ids", "2").put("since", "2026-01-31")
        .put("after", "2026-01-31T12:00:00Z").put("ratio", "0.5").put("weight", "1.5").put("price", "9.99")
        .put("archived", "false").put("flags", "true").put("flags", "false").put("source", "https://example.com/a")
        .put("page", "p1");
  }

  public void theDescriptorSaysWhatTheSpecSays(Conformance c) {
    assertEquals("described-v1", VENDOR.id());
    assertEquals("Described (Example)", VENDOR.label());
    assertEquals("The items of an organization, to describe.", VENDOR.description(), "the first paragraph only");
    assertEquals(Optional.of("https://docs.described.example/items"), VENDOR.docsUrl());
    assertEquals("https://described.example/v1/", VENDOR.defaultBaseUrl());
    assertEquals("Described", VENDOR.profile().serviceName());
    List<String> environment = new ArrayList<>();
    for (EnvironmentVariable variable : VENDOR.environment()) environment.add(variable.name() + " " + variable.role());
    assertEquals(List.of("DESCRIBED_TOKEN CREDENTIAL", "DESCRIBED_URL BASE_URL", "DESCRIBED_ORG DEFAULT_PARAMETER"),
        environment);
    assertEquals("The token, sent as Authorization: Bearer <token>.", VENDOR.credentialVariable().description());
    assertEquals(List.of("items", "admin"), VENDOR.services().stream().map(ServiceDescriptor::name).toList(),
        "the spec's tag order");
    assertEquals("The items of an organization.", VENDOR.services().get(0).description());
    assertEquals(List.of("listItems", "replaceItem", "deleteItem", "listTags"),
        VENDOR.operations().stream().map(OperationDescriptor::operationId).toList(), "the spec's order");

    OperationDescriptor list = VENDOR.shortcut("list-items").orElseThrow();
    assertEquals("listItems", list.operationId());
    assertEquals("items", list.service());
    assertEquals("list", list.name());
    assertEquals("GET", list.httpMethod());
    assertEquals("/orgs/{org_id}/items", list.path());
    assertEquals("Lists items.", list.summary());
    assertEquals("Lists the items of an organization, a page at a time.", list.description());
    assertEquals(List.of("org_id PATH STRING", "X-Team HEADER INTEGER", "status QUERY ENUM", "tag QUERY ARRAY",
        "ids QUERY ARRAY", "since QUERY STRING", "after QUERY STRING", "ratio QUERY NUMBER", "weight QUERY NUMBER",
        "price QUERY NUMBER", "archived QUERY BOOLEAN", "flags QUERY ARRAY", "source QUERY STRING", "page QUERY STRING"),
        list.parameters().stream().map(p -> p.name() + " " + p.location() + " " + p.kind()).toList(),
        "path parameters first");
    assertEquals(new ParameterDescriptor("org_id", "orgId", ParameterDescriptor.Location.PATH,
        ParameterDescriptor.Kind.STRING, true, "The organization.", List.of(), "org_1", "DESCRIBED_ORG"),
        list.parameter("org_id").orElseThrow());
    assertEquals(new ParameterDescriptor("X-Team", "xTeam", ParameterDescriptor.Location.HEADER,
        ParameterDescriptor.Kind.INTEGER, true, "The team asking.", List.of(), null),
        list.parameter("X-Team").orElseThrow());
    assertEquals(List.of("open", "closed"), list.parameter("status").orElseThrow().values());
    assertEquals("red,blue", list.parameter("tag").orElseThrow().example());
    assertEquals(Optional.of(ItemPage.class), list.responseType());
    assertEquals(Optional.of(Item.class), list.itemType());
    assertEquals(Optional.empty(), list.eventType());
    assertEquals(Optional.empty(), list.bodyType());

    OperationDescriptor replace = operation("replaceItem");
    assertEquals(Optional.of(Item.class), replace.bodyType());
    assertTrue(replace.bodyRequired());
    assertEquals(Optional.empty(), operation("deleteItem").responseType());
    assertEquals(Optional.of(Types.newParameterizedType(List.class, String.class)), operation("listTags").responseType());
    assertEquals(Optional.empty(), replace.shortcut());
  }

  public void theModuleProvidesTheDescriptorAndTheSpecIsBundledUnderItsId(Conformance c) {
    String module = c.generated("java/module-info.java");
    assertTrue(module.contains("\nmodule example.described {\n"), module);
    assertTrue(module.contains("  exports dev.sessionkit.conformance.descriptors.descriptor;\n"), module);
    assertTrue(module.contains("  provides dev.sessionkit.core.vendor.VendorDescriptor with "
        + ConformanceDescriptor.class.getName() + ";\n"), module);
    assertFalse(module.contains(".internal;"), module);
    List<String> providers = c.generated("resources/META-INF/services/dev.sessionkit.core.vendor.VendorDescriptor")
        .lines().filter(line -> !line.startsWith("#") && !line.isBlank()).toList();
    assertEquals(List.of(ConformanceDescriptor.class.getName()), providers);
    String spec = c.generated("resources/META-INF/sessionkit/described-v1/openapi.json");
    assertTrue(spec.startsWith("{\n  \"openapi\" : \"3.0.3\""), spec);
    assertTrue(spec.contains("\"id\" : \"described-v1\""), spec);
  }

  public void invokingSendsWhatTheTypedMethodSendsAndReturnsTheSameValue(Conformance c) {
    c.respond(PAGE);
    c.respond(PAGE);
    ConformanceClient client = client(c);
    RequestOptions options = RequestOptions.builder().header("X-Extra", "1").build();

    ItemPage typed = client.items().list(7, "org_1", ListParams.builder().status(Status.OPEN)
        .tag(List.of("red", "blue")).ids(List.of(1L, 2L)).since(LocalDate.of(2026, 1, 31))
        .after(OffsetDateTime.parse("2026-01-31T12:00:00Z")).ratio(0.5).weight(1.5f).price(new BigDecimal("9.99"))
        .archived(false).flags(List.of(true, false)).source(URI.create("https://example.com/a")).page("p1").build(),
        options);
    Object described = VENDOR.shortcut("list-items").orElseThrow().invoke(client, everyListArgument().options(options).build());

    assertEquals(typed, described);
    RecordedRequest expected = c.request();
    RecordedRequest actual = c.request();
    assertEquals("/orgs/org_1/items", actual.getUrl().encodedPath());
    assertEquals("status=open&tag=red&tag=blue&ids=1,2&since=2026-01-31&after=2026-01-31T12:00:00Z&ratio=0.5&weight=1.5"
        + "&price=9.99&archived=false&flags=true&flags=false&source=https://example.com/a&page=p1",
        actual.getUrl().encodedQuery().replace("%2C", ",").replace("%3A", ":").replace("%2F", "/"));
    assertEquals(expected.getUrl().encodedQuery(), actual.getUrl().encodedQuery());
    for (String header : List.of("X-Team", "X-Extra", "Authorization", "Accept")) {
      assertEquals(expected.getHeaders().get(header), actual.getHeaders().get(header), header);
    }
    assertEquals("7", actual.getHeaders().get("X-Team"));
    assertEquals("1", actual.getHeaders().get("X-Extra"));
  }

  public void aValueOfTheWrongTypeNamesItsParameterAndSendsNothing(Conformance c) {
    OperationDescriptor list = VENDOR.shortcut("list-items").orElseThrow();
    ConformanceClient client = client(c);
    Map<String, String> wrong = new LinkedHashMap<>();
    wrong.put("X-Team", "X-Team must be a whole number (got \"two\")");
    wrong.put("ids", "ids must be a whole number (got \"two\")");
    wrong.put("since", "since must be a date such as 2026-01-31 (got \"two\")");
    wrong.put("after", "after must be a date-time with an offset such as 2026-01-31T12:00:00Z (got \"two\")");
    wrong.put("ratio", "ratio must be a number (got \"two\")");
    wrong.put("weight", "weight must be a number (got \"two\")");
    wrong.put("price", "price must be a number (got \"two\")");
    wrong.put("archived", "archived must be true or false (got \"two\")");
    wrong.put("flags", "flags must be true or false (got \"two\")");
    for (Map.Entry<String, String> entry : wrong.entrySet()) {
      Arguments.Builder arguments = Arguments.builder().put("org_id", "org_1");
      if (!entry.getKey().equals("X-Team")) arguments.put("X-Team", "7");
      Arguments given = arguments.put(entry.getKey(), "two").build();
      assertEquals(entry.getValue(), assertThrows(IllegalArgumentException.class, () -> list.invoke(client, given))
          .getMessage());
    }
    assertEquals("X-Team is required", assertThrows(IllegalArgumentException.class,
        () -> list.invoke(client, Arguments.builder().put("org_id", "org_1").build())).getMessage());
    assertEquals("X-Team takes one value (got 2)", assertThrows(IllegalArgumentException.class,
        () -> list.invoke(client, Arguments.builder().put("org_id", "org_1").put("X-Team", "7").put("X-Team", "8").build()))
        .getMessage());
    assertEquals("listItems has no parameter limit (it has X-Team, after, archived, flags, ids, org_id, page, price, "
        + "ratio, since, source, status, tag, weight)", assertThrows(IllegalArgumentException.class,
        () -> list.invoke(client, everyListArgument().put("limit", "5").build())).getMessage());
    assertEquals("status must be a value the spec documents (got \"archived\")",
        assertThrows(IllegalArgumentException.class, () -> list.invoke(client,
            Arguments.builder().put("org_id", "org_1").put("X-Team", "7").put("status", "archived").build())).getMessage(),
        "the typed method's checks follow");
    assertEquals("ratio must be between 0.0 and 1.0 (got 2.0)", assertThrows(IllegalArgumentException.class,
        () -> list.invoke(client, Arguments.builder().put("org_id", "org_1").put("X-Team", "7").put("ratio", "2").build()))
        .getMessage());
    assertEquals(0, c.server().getRequestCount(), "nothing was sent");
  }

  public void aDefaultedParameterComesFromTheClientOrFailsNamingItsVariable(Conformance c) {
    c.respond(PAGE);
    OperationDescriptor list = VENDOR.shortcut("list-items").orElseThrow();
    Object withDefault = VENDOR.newClient(Map.of("DESCRIBED_TOKEN", "t", "DESCRIBED_ORG", "org_env"),
        builder -> builder.baseUrl(c.baseUrl()).noRetries());
    Object without = VENDOR.newClient(Map.of("DESCRIBED_TOKEN", "t"), builder -> builder.baseUrl(c.baseUrl()));

    list.invoke(withDefault, Arguments.builder().put("X-Team", "7").build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> list.invoke(without, Arguments.builder().put("X-Team", "7").build()));

    assertEquals("/orgs/org_env/items", c.request().getUrl().encodedPath());
    assertEquals("org_id is required: give it, or set DESCRIBED_ORG for a default", e.getMessage());
    assertEquals(1, c.server().getRequestCount());
    assertEquals("not a " + ConformanceClient.class.getName() + ": java.lang.String", assertThrows(
        IllegalArgumentException.class, () -> list.invoke("a client", Arguments.NONE)).getMessage());
  }

  public void iteratingFollowsThePagesAsTheTypedIteratorDoes(Conformance c) {
    c.respond(PAGE);
    c.respond("{\"data\":[{\"id\":\"i2\",\"name\":\"two\"}]}");

    List<Object> items = new ArrayList<>();
    for (Object item : operation("listItems").iterate(client(c), Arguments.builder().put("org_id", "org_1")
        .put("X-Team", "7").build())) {
      items.add(item);
    }

    assertEquals(List.of(new Item("i1", "one"), new Item("i2", "two")), items);
    assertNull(c.request().getUrl().queryParameter("page"));
    assertEquals("p2", c.request().getUrl().queryParameter("page"));
  }

  public void aBodyIsReadAsTheRequestTypeAndANoContentAnswerIsNull(Conformance c) {
    c.respond("{\"id\":\"i1\",\"name\":\"renamed\"}");
    c.server().enqueue(new MockResponse.Builder().code(204).build());
    c.respond("[\"red\"]");
    ConformanceClient client = client(c);

    Object replaced = operation("replaceItem").invoke(client, Arguments.builder().put("org_id", "org_1")
        .put("item_id", "i1").body("{\"id\":\"i1\",\"name\":\"renamed\"}").build());
    Object deleted = operation("deleteItem").invoke(client, Arguments.builder().put("org_id", "org_1")
        .put("item_id", "i1").build());
    Object tags = operation("listTags").invoke(client, Arguments.NONE);

    assertEquals(new Item("i1", "renamed"), replaced);
    assertNull(deleted);
    assertEquals(List.of("red"), tags);
    RecordedRequest put = c.request();
    assertEquals("PUT", put.getMethod());
    assertEquals("/orgs/org_1/items/i1", put.getUrl().encodedPath());
    assertEquals("{\"id\":\"i1\",\"name\":\"renamed\"}", put.getBody().utf8());
    assertEquals("DELETE", c.request().getMethod());
    assertEquals("/tags", c.request().getUrl().encodedPath());
    assertEquals("body is required", assertThrows(IllegalArgumentException.class, () -> operation("replaceItem")
        .invoke(client, Arguments.builder().put("org_id", "org_1").put("item_id", "i1").build())).getMessage());
    IllegalArgumentException misspelt = assertThrows(IllegalArgumentException.class, () -> operation("replaceItem")
        .invoke(client, Arguments.builder().put("org_id", "org_1").put("item_id", "i1")
            .body("{\"id\":\"i1\",\"nmae\":\"x\"}").build()));
    assertTrue(misspelt.getMessage().startsWith("the body is not a valid " + Item.class.getName()), misspelt.getMessage());
    assertEquals(3, c.server().getRequestCount());
  }
}
