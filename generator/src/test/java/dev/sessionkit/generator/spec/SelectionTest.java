package dev.sessionkit.generator.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Operations are selected by tag, path or operationId, and the spec is pruned to what they reference. */
class SelectionTest {
  private static final String SPEC = """
      openapi: 3.0.3
      info: {title: Vendor, version: '1'}
      security: [{ApiKeyAuth: []}]
      tags: [{name: Calls}, {name: Agents}, {name: Billing}]
      paths:
        /v1/calls:
          parameters: [{$ref: '#/components/parameters/Org'}]
          get:
            operationId: listCalls
            tags: [Calls]
            responses:
              '200': {$ref: '#/components/responses/CallPage'}
          post:
            operationId: createCall
            tags: [Calls]
            requestBody:
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/CreateCall'}
                  examples:
                    short: {$ref: '#/components/examples/ShortCall'}
            responses:
              '201': {description: created}
        /v1/calls/{id}/events:
          get:
            operationId: listCallEvents
            tags: [Calls]
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Event'}
        /v1/agents:
          get:
            operationId: listAgents
            tags: [Agents]
            security: [{OAuth2: []}]
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Agent'}
                    example: {$ref: '#/components/schemas/NotReachedThroughAnExample'}
        /v1/invoices:
          get:
            operationId: listInvoices
            tags: [Billing]
            x-fern-streaming:
              response: {$ref: '#/components/schemas/NotReachedThroughAnExtension'}
            responses:
              '200': {description: ok}
      components:
        parameters:
          Org: {name: org, in: query, schema: {type: string}}
        responses:
          CallPage:
            description: A page.
            content:
              application/json:
                schema: {$ref: '#/components/schemas/CallPage'}
        examples:
          ShortCall: {value: {to: '+1'}}
        securitySchemes:
          ApiKeyAuth: {type: apiKey, in: header, name: x-api-key}
          OAuth2: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://auth.example/token', scopes: {}}}}
        schemas:
          CallPage:
            type: object
            properties:
              data: {type: array, items: {$ref: '#/components/schemas/Call'}}
          Call:
            type: object
            properties:
              example: {$ref: '#/components/schemas/Money'}
          Money: {type: object}
          CreateCall: {type: object}
          Event:
            oneOf: [{$ref: '#/components/schemas/Started'}]
            discriminator:
              propertyName: type
              mapping: {started: '#/components/schemas/Started', ended: Ended}
          Started: {type: object}
          Ended: {type: object}
          Agent: {type: object}
          NotReachedThroughAnExample: {type: object}
          NotReachedThroughAnExtension: {type: object}
      """;

  private static ObjectNode spec() {
    return (ObjectNode) Pointers.parse(SPEC, "vendor.yaml");
  }

  private static Selection select(String yaml) {
    return Selection.read(Pointers.parse(yaml, "o.yaml"), "o.yaml");
  }

  private static List<String> names(JsonNode node) {
    return Selection.fieldNames(node);
  }

  @Test
  void aTagKeepsItsOperationsAndWhatTheyReferenceTransitively() {
    ObjectNode spec = spec();

    Selection.Outcome outcome = select("{tags: [Calls]}").apply(spec, "o.yaml", "vendor.yaml");

    assertEquals(new Selection.Outcome(3, 5, 7, 10), outcome);
    assertEquals(List.of("/v1/calls", "/v1/calls/{id}/events"), names(spec.get("paths")));
    assertEquals(List.of("CallPage", "Call", "Money", "CreateCall", "Event", "Started", "Ended"),
        names(spec.at("/components/schemas")), "discriminator mappings (by ref and by name) and property schemas count");
    assertEquals(List.of("Org"), names(spec.at("/components/parameters")), "a path-level parameter counts");
    assertEquals(List.of("ShortCall"), names(spec.at("/components/examples")), "a named example's $ref counts");
    assertEquals(List.of("ApiKeyAuth"), names(spec.at("/components/securitySchemes")));
    assertEquals("[{\"name\":\"Calls\"}]", spec.get("tags").toString());
  }

  @Test
  void anOperationIdAndAPathPrefixSelectToo() {
    ObjectNode spec = spec();

    select("{operations: [listAgents], paths: ['/v1/calls/**']}").apply(spec, "o.yaml", "vendor.yaml");

    assertEquals(List.of("/v1/calls/{id}/events", "/v1/agents"), names(spec.get("paths")));
    assertEquals(List.of("Event", "Started", "Ended", "Agent"), names(spec.at("/components/schemas")));
    assertEquals(List.of("ApiKeyAuth", "OAuth2"), names(spec.at("/components/securitySchemes")),
        "a scheme an operation's own security names is kept");
    assertTrue(spec.at("/components/parameters").isMissingNode(), "an emptied component map goes");
  }

  @Test
  void anExactPathKeepsOnlyThatPathsOperations() {
    ObjectNode spec = spec();

    select("{paths: ['/v1/calls']}").apply(spec, "o.yaml", "vendor.yaml");

    assertEquals(List.of("get", "post"), names(spec.at("/paths/~1v1~1calls")).subList(1, 3));
    assertEquals(List.of("/v1/calls"), names(spec.get("paths")));
  }

  @Test
  void examplesAndExtensionsReferenceNothingThatIsKept() {
    ObjectNode spec = spec();

    select("{tags: [Agents, Billing]}").apply(spec, "o.yaml", "vendor.yaml");

    assertEquals(List.of("Agent"), names(spec.at("/components/schemas")));
  }

  @Test
  void withoutASelectionEveryOperationStaysAndOnlyUnreachableComponentsGo() {
    ObjectNode spec = spec();

    Selection.Outcome outcome = Selection.ALL.apply(spec, "o.yaml", "vendor.yaml");

    assertEquals(5, outcome.operationsKept());
    assertEquals(List.of("CallPage", "Call", "Money", "CreateCall", "Event", "Started", "Ended", "Agent"),
        names(spec.at("/components/schemas")));
  }

  @Test
  void anEntryThatMatchesNoOperationFailsNamingItsPlaceInTheOverlay() {
    SpecCheckException e = assertThrows(SpecCheckException.class,
        () -> select("{tags: [Calls, Agent]}").apply(spec(), "o.yaml", "vendor.yaml"));

    assertEquals("o.yaml#/x-sessionkit-select/tags/1: no operation of vendor.yaml has the tag Agent (tags: Agents, Billing, Calls)",
        e.getMessage());
    SpecCheckException path = assertThrows(SpecCheckException.class,
        () -> select("{paths: ['/v2/**']}").apply(spec(), "o.yaml", "vendor.yaml"));
    assertEquals("o.yaml#/x-sessionkit-select/paths/0: no operation of vendor.yaml has a path matching /v2/**", path.getMessage());
  }

  @Test
  void aMisspeltSelectionIsRefused() {
    assertEquals("o.yaml#/x-sessionkit-select/tag: unknown key tag (known: operations, paths, tags)",
        assertThrows(SpecCheckException.class, () -> select("{tag: [Calls]}")).getMessage());
    assertEquals("o.yaml#/x-sessionkit-select/tags: a non-empty list of strings",
        assertThrows(SpecCheckException.class, () -> select("{tags: Calls}")).getMessage());
    assertEquals("o.yaml#/x-sessionkit-select: an object with tags, paths and/or operations (lists of strings)",
        assertThrows(SpecCheckException.class, () -> select("{}")).getMessage());
  }
}
