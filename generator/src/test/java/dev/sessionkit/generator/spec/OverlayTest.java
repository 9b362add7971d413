package dev.sessionkit.generator.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Overlay 1.0 with the 1.1 clarifications: merge, append, remove, order, and a target that selects nothing fails. */
class OverlayTest {
  private static final String VENDOR = """
      openapi: 3.0.3
      info: {title: Vendor, version: '1'}
      security: [{ApiKeyAuth: []}, {OAuth2: []}]
      tags: [{name: Calls}]
      paths:
        /calls:
          get:
            operationId: listCalls
            tags: [Calls]
            parameters:
              - {$ref: '#/components/parameters/RequestTimeout'}
              - {name: cursor, in: query, schema: {type: string}}
            responses:
              '200': {description: A page.}
      components:
        parameters:
          RequestTimeout: {name: Request-Timeout, in: header, schema: {type: integer}}
        schemas:
          Query:
            type: object
            properties:
              query: {type: string, required: false}
              tags: {type: array}
      """;

  private static JsonNode vendor() {
    return Pointers.parse(VENDOR, "vendor.yaml");
  }

  private static JsonNode apply(String overlay) {
    return Overlay.parse(Pointers.parse(overlay, "acme.overlay.yaml"), "acme.overlay.yaml").apply(vendor(), "vendor.yaml");
  }

  private static String overlay(String actions) {
    return "overlay: 1.0.0\ninfo: {title: Fixes, version: '1'}\nextends: vendor.yaml\nactions:\n" + actions;
  }

  @Test
  void anUpdateMergesIntoAnObjectRecursivelyAddingMembersAndReplacingPrimitives() {
    JsonNode result = apply(overlay("""
          - target: $.paths['/calls'].get
            update:
              x-sessionkit-method: list
              operationId: listAllCalls
              responses:
                '200': {description: One page of calls.}
                '404': {description: No such account.}
        """));

    JsonNode get = result.at("/paths/~1calls/get");
    assertEquals("list", get.get("x-sessionkit-method").textValue());
    assertEquals("listAllCalls", get.get("operationId").textValue());
    assertEquals("One page of calls.", get.at("/responses/200/description").textValue());
    assertEquals("No such account.", get.at("/responses/404/description").textValue());
    assertEquals("Calls", get.at("/tags/0").textValue(), "members the update does not name are kept");
  }

  @Test
  void anArrayInsideAnUpdateIsConcatenatedWithTheDocumentsArray() {
    JsonNode result = apply(overlay("""
          - target: $.paths['/calls'].get
            update:
              tags: [Recordings]
        """));

    assertEquals("[\"Calls\",\"Recordings\"]", result.at("/paths/~1calls/get/tags").toString());
  }

  @Test
  void anUpdateOnAnArrayAppendsAValueOrEachElementOfAnArray() {
    JsonNode result = apply(overlay("""
          - target: $.tags
            update: {name: Recordings}
          - target: $.paths['/calls'].get.parameters
            update:
              - {name: limit, in: query, schema: {type: integer}}
              - {name: order, in: query, schema: {type: string}}
        """));

    assertEquals("Recordings", result.at("/tags/1/name").textValue());
    assertEquals(4, result.at("/paths/~1calls/get/parameters").size());
    assertEquals("order", result.at("/paths/~1calls/get/parameters/3/name").textValue());
  }

  @Test
  void aRemoveTakesEachSelectedNodeOutOfItsObjectOrArray() {
    JsonNode result = apply(overlay("""
          - target: $.paths.*.*.parameters[?@['$ref'] == '#/components/parameters/RequestTimeout']
            remove: true
          - target: $.components.parameters.RequestTimeout
            remove: true
          - target: $.security[?@.OAuth2]
            remove: true
        """));

    assertEquals("[{\"name\":\"cursor\",\"in\":\"query\",\"schema\":{\"type\":\"string\"}}]",
        result.at("/paths/~1calls/get/parameters").toString());
    assertEquals("{}", result.at("/components/parameters").toString());
    assertEquals("[{\"ApiKeyAuth\":[]}]", result.at("/security").toString());
  }

  @Test
  void removingSeveralElementsOfOneArrayRemovesEachExactlyOnce() {
    JsonNode result = apply(overlay("""
          - target: $.paths['/calls'].get.parameters[*]
            remove: true
        """));

    assertEquals("[]", result.at("/paths/~1calls/get/parameters").toString());
  }

  @Test
  void removeWinsOverAnUpdateInTheSameAction() {
    JsonNode result = apply(overlay("""
          - target: $.components.schemas.Query
            update: {description: not kept}
            remove: true
        """));

    assertTrue(result.at("/components/schemas/Query").isMissingNode());
  }

  @Test
  void actionsApplyInOrderSoAPropertyCanBeRemovedAndAddedBackWithoutAnInvalidKey() {
    JsonNode result = apply(overlay("""
          - target: $.components.schemas.Query.properties.query
            description: a schema's required is a list; remove the property with the boolean...
            remove: true
          - target: $.components.schemas.Query.properties
            description: ... and add it back without it
            update:
              query: {type: string}
          - target: $.components.schemas.Query.properties.tags
            update: {items: {type: string}}
        """));

    assertEquals("{\"type\":\"string\"}", result.at("/components/schemas/Query/properties/query").toString());
    assertEquals("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}", result.at("/components/schemas/Query/properties/tags").toString());
    assertEquals("[\"tags\",\"query\"]", fieldNames(result.at("/components/schemas/Query/properties")),
        "a member added back comes last");
  }

  @Test
  void aTargetThatSelectsNothingFailsNamingTheOverlayTheActionAndTheTarget() {
    SpecCheckException e = assertThrows(SpecCheckException.class, () -> apply(overlay("""
          - target: $.info
            update: {x-reviewed: true}
          - target: $.paths['/calls'].post
            update: {x-sessionkit-method: create}
        """)));

    assertEquals("acme.overlay.yaml#/actions/1: action 2 (target $.paths['/calls'].post) selects nothing in vendor.yaml;"
        + " the longest part that selects something is $.paths['/calls'] (#/paths/~1calls)", e.getMessage());
  }

  @Test
  void anActionAfterTheOneThatRemovedItsTargetSelectsNothing() {
    SpecCheckException e = assertThrows(SpecCheckException.class, () -> apply(overlay("""
          - target: $.components.parameters.RequestTimeout
            remove: true
          - target: $.components.parameters.RequestTimeout
            update: {description: gone}
        """)));

    assertTrue(e.getMessage().startsWith("acme.overlay.yaml#/actions/1: action 2 (target $.components.parameters.RequestTimeout)"
        + " selects nothing in vendor.yaml"), e.getMessage());
  }

  @Test
  void aTargetThatSelectsAPrimitiveIsRefused() {
    SpecCheckException e = assertThrows(SpecCheckException.class, () -> apply(overlay("""
          - target: $.components.schemas.Query.properties.query.required
            remove: true
        """)));

    assertEquals("acme.overlay.yaml#/actions/0: action 1 (target $.components.schemas.Query.properties.query.required)"
        + " selects a boolean (false) at vendor.yaml#/components/schemas/Query/properties/query/required:"
        + " Overlay 1.0 targets objects and arrays; select the object that holds it", e.getMessage());
  }

  @Test
  void mergingAnObjectIntoAStringIsRefusedNamingWhere() {
    SpecCheckException e = assertThrows(SpecCheckException.class, () -> apply(overlay("""
          - target: $.info
            update:
              title: {text: Vendor}
        """)));

    assertTrue(e.getMessage().startsWith("acme.overlay.yaml#/actions/0/update: action 1 (target $.info) merges an object"
        + " into a string (Vendor) at vendor.yaml#/info/title"), e.getMessage());
  }

  @Test
  void anObjectTargetNeedsAnObjectUpdate() {
    SpecCheckException e = assertThrows(SpecCheckException.class, () -> apply(overlay("""
          - target: $.info
            update: [x]
        """)));

    assertTrue(e.getMessage().contains("selects an object at vendor.yaml#/info, so update must be an object"), e.getMessage());
  }

  @Test
  void oneActionMayNotUpdateObjectsAndArraysTogether() {
    SpecCheckException e = assertThrows(SpecCheckException.class, () -> apply(overlay("""
          - target: $['info','tags']
            update: {x-a: 1}
        """)));

    assertTrue(e.getMessage().contains("selects objects and arrays together"), e.getMessage());
  }

  @Test
  void theWholeDocumentCanBeUpdatedButNotRemoved() {
    assertEquals("yes", apply(overlay("  - target: $\n    update: {x-merged: 'yes'}\n")).get("x-merged").textValue());

    SpecCheckException e = assertThrows(SpecCheckException.class, () -> apply(overlay("  - target: $\n    remove: true\n")));
    assertTrue(e.getMessage().endsWith("selects the whole document, which cannot be removed"), e.getMessage());
  }

  @Test
  void theDocumentPassedInIsLeftUnchangedAndUpdatesAreCopiedPerTarget() {
    JsonNode original = vendor();
    Overlay overlay = Overlay.parse(Pointers.parse(overlay("""
          - target: $.paths.*.get
            update: {x-tags: [a]}
          - target: $.components.schemas.*
            update: {x-tags: [a]}
          - target: $.components.schemas.Query.x-tags
            update: b
        """), "o.yaml"), "o.yaml");

    JsonNode result = overlay.apply(original, "vendor.yaml");

    assertEquals(vendor(), original);
    assertEquals("[\"a\"]", result.at("/paths/~1calls/get/x-tags").toString(), "each target got its own copy");
    assertEquals("[\"a\",\"b\"]", result.at("/components/schemas/Query/x-tags").toString());
  }

  @Test
  void theOverlaysExtendsAndRootExtensionsAreRead() {
    Overlay overlay = Overlay.parse(Pointers.parse("""
        overlay: 1.0.1
        info: {title: Fixes, version: '2', x-owner: sdk-team}
        extends: published/vendor.yaml
        x-sessionkit-select: {tags: [Calls]}
        actions:
          - target: $.info
            description: Nothing to change, only checked.
            x-why: allowed
        """, "o.yaml"), "o.yaml");

    assertEquals("published/vendor.yaml", overlay.extendsRef());
    assertEquals("Fixes", overlay.title());
    assertEquals("{\"tags\":[\"Calls\"]}", overlay.extension("x-sessionkit-select").toString());
    assertEquals(vendor(), overlay.apply(vendor(), "vendor.yaml"), "an action without update or remove changes nothing");
  }

  static Stream<Arguments> invalidOverlays() {
    return Stream.of(
        Arguments.of("overlay: 1.1.0\ninfo: {title: t, version: '1'}\nactions: [{target: $}]",
            "o.yaml#/overlay: sessionkit applies Overlay 1.0 (a string 1.0.x), got \"1.1.0\""),
        Arguments.of("overlay: 1.0\ninfo: {title: t, version: '1'}\nactions: [{target: $}]",
            "o.yaml#/overlay: sessionkit applies Overlay 1.0 (a string 1.0.x), got 1.0"),
        Arguments.of("info: {title: t, version: '1'}\nactions: [{target: $}]",
            "o.yaml#: overlay (the Overlay version, 1.0.0) is required"),
        Arguments.of("overlay: 1.0.0\ninfo: {version: '1'}\nactions: [{target: $}]", "o.yaml#/info/title: required, a string"),
        Arguments.of("overlay: 1.0.0\ninfo: {title: t, version: 1}\nactions: [{target: $}]",
            "o.yaml#/info/version: must be a string (got 1)"),
        Arguments.of("overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: []",
            "o.yaml#/actions: required, a list of at least one action"),
        Arguments.of("overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: [{target: $}]\nupdates: []",
            "o.yaml#/updates: unknown field updates (allowed: actions, extends, info, overlay, and x-... extensions)"),
        Arguments.of("overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: [{target: $.a, copy: $.b}]",
            "o.yaml#/actions/0/copy: unknown field copy (copy is an Overlay 1.1 action)"),
        Arguments.of("overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: [{target: $.a, remove: true}, {target: $.a, remove: true}]",
            "o.yaml#/actions/1: repeats an earlier action (actions are unique)"),
        Arguments.of("overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: [{target: paths}]",
            "o.yaml#/actions/0/target: a JSONPath query starts with $ (got paths)"),
        Arguments.of("overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: [{target: '$.a[?@.b = 1]'}]",
            "o.yaml#/actions/0/target: JSONPath $.a[?@.b = 1]: expected ']', found '=' at position"),
        Arguments.of("overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: [{target: $.a, remove: 'yes'}]",
            "o.yaml#/actions/0/remove: true or false (got \"yes\")"),
        Arguments.of("overlay: 1.0.0\ninfo: {title: t, version: '1'}\ninfo: {title: u, version: '1'}\nactions: [{target: $}]",
            "o.yaml: not readable as YAML or JSON: Duplicate field 'info'"));
  }

  @ParameterizedTest
  @MethodSource("invalidOverlays")
  void anInvalidOverlayDocumentIsRefusedNamingWhere(String text, String message) {
    SpecCheckException e = assertThrows(SpecCheckException.class, () -> Overlay.parse(Pointers.parse(text, "o.yaml"), "o.yaml"));

    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  private static String fieldNames(JsonNode node) {
    StringBuilder out = new StringBuilder("[");
    node.fieldNames().forEachRemaining(name -> out.append(out.length() > 1 ? "," : "").append('"').append(name).append('"'));
    return out.append(']').toString();
  }
}
