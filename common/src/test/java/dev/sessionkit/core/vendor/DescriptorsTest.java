package dev.sessionkit.core.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.json.JsonValue;
import dev.sessionkit.core.spi.ServiceProfile;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Generic calls: text arguments read as the spec's types, and descriptors that check what they are given. */
class DescriptorsTest {
  @Test
  void argumentsAreReadAsTheirTypesAndAWrongOneNamesTheParameter() {
    Arguments arguments = Arguments.builder().put("limit", "5").put("big", "12345678901").put("ratio", "0.25")
        .put("archived", "true").put("types", "a").put("types", "b").build();

    assertEquals(5, arguments.integer("limit"));
    assertEquals(12_345_678_901L, arguments.longInteger("big"));
    assertEquals(new BigDecimal("0.25"), arguments.decimal("ratio"));
    assertEquals(Boolean.TRUE, arguments.bool("archived"));
    assertEquals(List.of("a", "b"), arguments.strings("types"));
    assertNull(arguments.integer("missing"));
    assertEquals("limit must be a whole number (got \"five\")",
        assertThrows(IllegalArgumentException.class, () -> Arguments.builder().put("limit", "five").build().integer("limit"))
            .getMessage());
    assertEquals("archived must be true or false (got \"yes\")",
        assertThrows(IllegalArgumentException.class, () -> Arguments.builder().put("archived", "yes").build().bool("archived"))
            .getMessage());
    assertEquals("types takes one value (got 2)",
        assertThrows(IllegalArgumentException.class, () -> arguments.string("types")).getMessage());
    assertEquals("session_id is required",
        assertThrows(IllegalArgumentException.class, () -> Arguments.NONE.required("session_id")).getMessage());
  }

  @Test
  void aBodyIsDecodedStrictlyWithItsAdapter() {
    assertEquals("{\"a\":1}", Arguments.builder().body("{\"a\":1}").build().<JsonValue>body(JsonValue.class).json());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Arguments.builder().body("{\"a\":").build().body(JsonValue.class));
    assertTrue(e.getMessage().startsWith("the body is not a valid dev.sessionkit.core.json.JsonValue"), e.getMessage());
  }

  static final class TestVendor extends VendorDescriptor {
    TestVendor(String id) {
      super(define(id).label("Test", "A test API.").defaultBaseUrl("https://api.example.com/")
          .environment(new EnvironmentVariable("TEST_TOKEN", EnvironmentVariable.Role.CREDENTIAL, "the token"))
          .profile(ServiceProfile.builder("Test").build())
          .service(new ServiceDescriptor("things", "", List.of(OperationDescriptor.builder("things", "get")
              .http("getThing", "GET", "things/{id}").shortcut("thing")
              .parameter(new ParameterDescriptor("id", "id", ParameterDescriptor.Location.PATH,
                  ParameterDescriptor.Kind.STRING, true, "The thing.", List.of(), "x1"))
              .invoker((client, arguments) -> arguments.required("id")).build())))
          .clientFactory((env, settings) -> env.get("TEST_TOKEN")));
    }
  }

  @Test
  void aDescriptorFindsItsOperationsAndBuildsClientsFromAnEnvironment() {
    TestVendor vendor = new TestVendor("test-vendor");

    assertEquals("TEST_TOKEN", vendor.credentialVariable().name());
    OperationDescriptor get = vendor.operation("getThing").orElseThrow();
    assertEquals("x1", get.invoke(new Object(), Arguments.builder().put("id", "x1").build()));
    assertThrows(UnsupportedOperationException.class, () -> get.iterate(new Object(), Arguments.NONE));
    assertEquals("t", vendor.newClient(Map.of("TEST_TOKEN", "t"), builder -> { }));
    assertTrue(vendor.openResource("openapi.json").isEmpty());
    assertEquals("test-vendor ships no META-INF/sessionkit/test-vendor/openapi.json",
        assertThrows(IllegalStateException.class, vendor::spec).getMessage());
    assertEquals(get, vendor.shortcut("thing").orElseThrow());
    assertTrue(vendor.shortcut("get").isEmpty());
    assertThrows(IllegalArgumentException.class, () -> vendor.openResource("../secret"));
  }

  @Test
  void anIdIsLowerCaseWordsJoinedByDashes() {
    assertEquals("a vendor id is lower case words joined by - (got \"Agents_V2\")",
        assertThrows(IllegalArgumentException.class, () -> new TestVendor("Agents_V2")).getMessage());
  }

  @Test
  void aPagedOperationNeedsItsPager() {
    OperationDescriptor.Builder builder = OperationDescriptor.builder("s", "list").http("list", "GET", "x")
        .invoker((client, arguments) -> null);
    assertEquals(List.of(), builder.paged(String.class, (client, arguments) -> List.of()).build()
        .iterate(new Object(), Arguments.NONE));
  }

  @Test
  void anArgumentNamedAfterNoParameterIsRefusedBeforeTheInvokerRuns() {
    OperationDescriptor get = new TestVendor("test-vendor").operation("getThing").orElseThrow();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> get.invoke(new Object(), Arguments.builder().put("id", "x1").put("idd", "x2").build()));

    assertEquals("getThing has no parameter idd (it has id)", e.getMessage());
  }

  @Test
  void aValueIsReadWithItsParserAndARefusedOneNamesTheParameterAndTheRule() {
    Arguments arguments = Arguments.builder().put("since", "2026-01-31").put("day", "someday")
        .put("sizes", "1").put("sizes", "2").put("flags", "true").put("flags", "maybe").build();

    assertEquals(java.time.LocalDate.of(2026, 1, 31), arguments.value("since", java.time.LocalDate::parse, "a date"));
    assertNull(arguments.value("until", java.time.LocalDate::parse, "a date"));
    assertEquals("day must be a date such as 2026-01-31 (got \"someday\")", assertThrows(IllegalArgumentException.class,
        () -> arguments.value("day", java.time.LocalDate::parse, "a date such as 2026-01-31")).getMessage());
    assertEquals(List.of(1, 2), arguments.values("sizes", Integer::valueOf, "a whole number"));
    assertNull(arguments.values("none", Integer::valueOf, "a whole number"));
    assertEquals("flags must be true or false (got \"maybe\")", assertThrows(IllegalArgumentException.class,
        () -> arguments.values("flags", text -> text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE
            : null, "true or false")).getMessage());
  }

  @Test
  void aRequiredValueThatWasNotGivenNamesTheParameter() {
    Arguments arguments = Arguments.builder().put("limit", "5").build();

    assertEquals(5, arguments.require("limit", arguments.integer("limit")));
    assertEquals("count is required",
        assertThrows(IllegalArgumentException.class, () -> arguments.require("count", arguments.integer("count"))).getMessage());
    assertEquals("ids is required",
        assertThrows(IllegalArgumentException.class, () -> arguments.require("ids", List.of())).getMessage());
  }

  @Test
  void anOperationThatOnlyStreamsHasNoInvokerAndAPlainOneNoStream() {
    OperationDescriptor follow = OperationDescriptor.builder("s", "follow").http("follow", "GET", "x")
        .streamed(String.class, (client, arguments) -> {
          throw new IllegalStateException("opened");
        }).build();
    OperationDescriptor get = OperationDescriptor.builder("s", "get").http("get", "GET", "x")
        .invoker((client, arguments) -> "ok").build();

    assertEquals(String.class, follow.eventType().orElseThrow());
    assertEquals("opened", assertThrows(IllegalStateException.class, () -> follow.stream(new Object(), Arguments.NONE))
        .getMessage());
    assertEquals("follow only streams; open it with stream(..)",
        assertThrows(UnsupportedOperationException.class, () -> follow.invoke(new Object(), Arguments.NONE)).getMessage());
    assertTrue(get.eventType().isEmpty());
    assertEquals("get does not stream",
        assertThrows(UnsupportedOperationException.class, () -> get.stream(new Object(), Arguments.NONE)).getMessage());
    assertThrows(NullPointerException.class, () -> OperationDescriptor.builder("s", "none").http("none", "GET", "x").build());
  }

  @Test
  void aParameterWithAnEnvironmentDefaultMayBeLeftOut() {
    ParameterDescriptor org = new ParameterDescriptor("org_id", "orgId", ParameterDescriptor.Location.PATH,
        ParameterDescriptor.Kind.STRING, true, "", List.of(), null, "ACME_ORG_ID");
    ParameterDescriptor session = new ParameterDescriptor("session_id", "sessionId", ParameterDescriptor.Location.PATH,
        ParameterDescriptor.Kind.STRING, true, "", List.of(), null);

    assertTrue(org.optional());
    assertEquals(null, session.defaultVariable());
    assertTrue(!session.optional());
  }

  @Test
  void pagesResumeFromACursorPassedBackInTheDeclaredParameter() {
    ParameterDescriptor after = new ParameterDescriptor("after_id", "afterId", ParameterDescriptor.Location.QUERY,
        ParameterDescriptor.Kind.STRING, false, "", List.of(), null);
    ParameterDescriptor limit = new ParameterDescriptor("limit", "limit", ParameterDescriptor.Location.QUERY,
        ParameterDescriptor.Kind.INTEGER, false, "", List.of(), null);
    List<String> items = List.of("a", "b", "c", "d", "e");
    // A listing whose cursor is the last item of a page, passed back in after_id.
    OperationDescriptor list = OperationDescriptor.builder("s", "list").http("list", "GET", "x")
        .parameter(after).parameter(limit).invoker((client, arguments) -> null)
        .paged(String.class, (client, arguments) -> items)
        .pages(new OperationDescriptor.Paging("after_id", "limit"), (client, arguments) -> {
          int size = arguments.require("limit", arguments.integer("limit"));
          return new dev.sessionkit.core.Pages<String, String>(arguments.string("after_id"), cursor -> {
            int from = cursor == null ? 0 : items.indexOf(cursor) + 1;
            int to = Math.min(items.size(), from + size);
            return new dev.sessionkit.core.PageOf<>(new dev.sessionkit.core.Page<>(items.subList(from, to),
                to < items.size() ? items.get(to - 1) : null), "page " + from);
          });
        })
        .build();

    OperationDescriptor.Paging paging = list.paging().orElseThrow();
    dev.sessionkit.core.PageOf<?, ?> first = list.pages(new Object(),
        Arguments.builder().put(paging.pageSizeParameter(), "2").build()).iterator().next();
    dev.sessionkit.core.PageOf<?, ?> resumed = list.pages(new Object(), Arguments.builder()
        .put(paging.pageSizeParameter(), "2").put(paging.cursorParameter(), first.nextCursor()).build()).iterator().next();

    assertEquals(List.of("a", "b"), first.items());
    assertEquals("b", first.nextCursor());
    assertEquals(List.of("c", "d"), resumed.items());
    assertEquals("list has no parameter cursor (it has after_id, limit)", assertThrows(IllegalArgumentException.class,
        () -> list.pages(new Object(), Arguments.builder().put("cursor", "b").build())).getMessage());
  }

  @Test
  void anOperationWithoutAPageListingSaysSoAndAPagingMustNameItsParameters() {
    OperationDescriptor get = new TestVendor("test-vendor").operation("getThing").orElseThrow();
    assertTrue(get.paging().isEmpty());
    assertEquals("getThing has no page listing",
        assertThrows(UnsupportedOperationException.class, () -> get.pages(new Object(), Arguments.NONE)).getMessage());
    assertEquals("list: the cursor parameter after_id is not one of its parameters", assertThrows(IllegalArgumentException.class,
        () -> OperationDescriptor.builder("s", "list").http("list", "GET", "x").invoker((client, arguments) -> null)
            .paged(String.class, (client, arguments) -> List.of())
            .pages(new OperationDescriptor.Paging("after_id", null), (client, arguments) -> null).build()).getMessage());
    assertEquals("list: pages are listed only for a paged operation (set paged(..) too)", assertThrows(IllegalArgumentException.class,
        () -> OperationDescriptor.builder("s", "list").http("list", "GET", "x").invoker((client, arguments) -> null)
            .pages(new OperationDescriptor.Paging("after_id", null), (client, arguments) -> null).build()).getMessage());
  }
}
