package dev.sessionkit.generator.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preparation step end to end: a published file and an overlay become one checked JSON file
 * for OpenAPI Generator, and each failure names its check and its place.
 */
class SpecPreparationTest {
  private static final String PUBLISHED = """
      openapi: 3.0.3
      info: {title: Acme, version: '2'}
      servers: [{url: 'https://api.acme.example'}]
      security: [{ApiKeyAuth: []}, {OAuth2: []}]
      tags: [{name: Calls}, {name: Admin}]
      paths:
        /v1/calls:
          get:
            operationId: listCalls
            tags: [Calls]
            parameters:
              - {$ref: '#/components/parameters/RequestTimeout'}
              - {name: page_key, in: query, schema: {type: string}}
            x-fern-pagination: {cursor: $request.page_key, next_cursor: $response.next_page_key, results: $response.calls}
            responses:
              '200':
                description: A page.
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/CallList'}
        /v1/admin/keys:
          get:
            operationId: listKeys
            tags: [Admin]
            responses:
              '200':
                description: Keys.
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/KeyList'}
      components:
        parameters:
          RequestTimeout: {name: Request-Timeout, in: header, schema: {type: integer}}
        securitySchemes:
          ApiKeyAuth: {type: apiKey, in: header, name: x-api-key}
          OAuth2: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://auth.acme.example/token', scopes: {}}}}
        schemas:
          CallList:
            type: object
            properties:
              calls: {type: array, items: {$ref: '#/components/schemas/Call'}}
              next_page_key: {type: string}
          Call:
            type: object
            properties:
              id: {type: string}
              labels: {type: array}
          KeyList:
            type: object
            properties:
              keys: {type: array}
      """;

  private static final String OVERLAY = """
      overlay: 1.0.0
      info: {title: sessionkit for Acme, version: '1'}
      extends: published/acme-openapi.yaml
      x-sessionkit-select: {tags: [Calls]}
      actions:
        - target: $.components.schemas.Call.properties.labels
          description: An array without items (OpenAPI Generator's validation refuses it).
          update: {items: {type: string}}
        - target: $.paths.*.*.parameters[?@['$ref'] == '#/components/parameters/RequestTimeout']
          remove: true
        - target: $.security[?@.OAuth2]
          remove: true
        - target: $
          update:
            x-sessionkit-client: {name: Acme, service: Acme, token-env: ACME_API_KEY, base-url-env: ACME_BASE_URL}
      """;

  @TempDir Path root;

  private SpecCatalog.Entry entry(String overlay) throws Exception {
    Files.createDirectories(root.resolve("specs/published"));
    Files.writeString(root.resolve("specs/published/acme-openapi.yaml"), PUBLISHED);
    Files.writeString(root.resolve("specs/acme.overlay.yaml"), overlay);
    return SpecCatalog.vendor(root.resolve("specs"), "acme", root);
  }

  private SpecPreparation.Prepared prepare(String overlay) throws Exception {
    return SpecPreparation.prepare(entry(overlay), root.resolve("target/sessionkit/acme.openapi.json"), root);
  }

  @Test
  void anOverlayOnThePublishedFileIsAppliedSelectedPrunedCheckedAndWritten() throws Exception {
    SpecPreparation.Prepared prepared = prepare(OVERLAY);

    JsonNode written = Pointers.read(prepared.output(), "out");
    assertEquals(prepared.document(), written);
    assertEquals(List.of("/v1/calls"), Selection.fieldNames(written.get("paths")));
    assertEquals(List.of("CallList", "Call"), Selection.fieldNames(written.at("/components/schemas")));
    assertEquals(List.of("ApiKeyAuth"), Selection.fieldNames(written.at("/components/securitySchemes")));
    assertTrue(written.at("/components/parameters").isMissingNode());
    assertEquals("Acme", written.at("/x-sessionkit-client/name").textValue());
    assertEquals("{\"style\":\"token\",\"items\":\"calls\",\"parameter\":\"page_key\",\"token\":\"next_page_key\"}",
        written.at("/paths/~1v1~1calls/get/x-sessionkit-pagination").toString());
    assertEquals(List.of(
        "applied specs/acme.overlay.yaml (4 actions) to specs/published/acme-openapi.yaml",
        "kept 1 of 2 operations and 2 of 3 schemas",
        "listCalls: x-fern-pagination read as x-sessionkit-pagination " + written.at("/paths/~1v1~1calls/get/x-sessionkit-pagination"),
        "wrote target/sessionkit/acme.openapi.json"), prepared.log());
    assertEquals(PUBLISHED, Files.readString(root.resolve("specs/published/acme-openapi.yaml")), "the published file is untouched");
  }

  @Test
  void aFlawInAKeptSchemaIsNamedWithThePublishedFileAndItsPointer() throws Exception {
    String withoutFix = OVERLAY.replace("""
          - target: $.components.schemas.Call.properties.labels
            description: An array without items (OpenAPI Generator's validation refuses it).
            update: {items: {type: string}}
        """, "");

    SpecCheckException e = assertThrows(SpecCheckException.class, () -> prepare(withoutFix));

    assertEquals("specs/acme.overlay.yaml does not pass the checks OpenAPI Generator's input must pass (1 problem; fix them"
        + " with overlay actions):\n  specs/published/acme-openapi.yaml#/components/schemas/Call/properties/labels:"
        + " attribute components.schemas.Call.items is missing (OpenAPI Generator's validation: swagger-parser)", e.getMessage());
  }

  @Test
  void aFlawTheOverlayItselfAddsIsNamedInThePreparedFile() throws Exception {
    String adding = OVERLAY.replace("update: {items: {type: string}}", "update: {items: {type: string}, x-note: fine}")
        + "  - target: $.components.schemas.Call.properties\n    update: {tags: {type: array}}\n";

    SpecCheckException e = assertThrows(SpecCheckException.class, () -> prepare(adding));

    assertTrue(e.getMessage().endsWith("\n  target/sessionkit/acme.openapi.json#/components/schemas/Call/properties/tags:"
        + " attribute components.schemas.Call.items is missing (OpenAPI Generator's validation: swagger-parser)"), e.getMessage());
  }

  @Test
  void aFlawInAnOperationThatIsNotSelectedDoesNotMatter() throws Exception {
    // KeyList.keys has no items either, but listKeys is not selected: no error.
    assertEquals(2, prepare(OVERLAY).document().at("/components/schemas").size());
  }

  @Test
  void aTargetTheVendorRenamedFailsNamingTheOverlayTheActionAndTheTarget() throws Exception {
    SpecCheckException e = assertThrows(SpecCheckException.class,
        () -> prepare(OVERLAY.replace("schemas.Call.properties.labels", "schemas.Call.properties.tags")));

    assertEquals("specs/acme.overlay.yaml#/actions/0: action 1 (target $.components.schemas.Call.properties.tags) selects"
        + " nothing in specs/published/acme-openapi.yaml; the longest part that selects something is"
        + " $.components.schemas.Call.properties (#/components/schemas/Call/properties)", e.getMessage());
  }

  @Test
  void theMainClassPreparesTheVendorNamedByTheModule() throws Exception {
    entry(OVERLAY);

    SpecPreparation.main(new String[] {"--specs", root.resolve("specs").toString(), "--vendor", "acme",
        "--output", root.resolve("target/out.json").toString(), "--root", root.toString()});

    assertTrue(Files.readString(root.resolve("target/out.json")).contains("\"x-sessionkit-client\""));
  }

  @Test
  void theMainClassRefusesAModuleWithoutSessionkitVendor() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpecPreparation.main(new String[] {
        "--specs", "specs", "--vendor", "${sessionkit.vendor}", "--output", "out.json"}));

    assertTrue(e.getMessage().startsWith("sessionkit.vendor is not set"), e.getMessage());
  }

  @Test
  void aPlainSpecIsCheckedAndWrittenWithTheSameContent() throws Exception {
    Files.createDirectories(root.resolve("specs"));
    String plain = PUBLISHED.replace("labels: {type: array}", "labels: {type: array, items: {type: string}}")
        .replace("keys: {type: array}", "keys: {type: array, items: {type: string}}");
    Files.writeString(root.resolve("specs/acme.yaml"), plain);

    SpecPreparation.Prepared prepared = SpecPreparation.prepare(SpecCatalog.vendor(root.resolve("specs"), "acme", root),
        root.resolve("target/acme.json"), root);

    JsonNode expected = Pointers.parse(plain, "plain");
    ((com.fasterxml.jackson.databind.node.ObjectNode) expected.at("/paths/~1v1~1calls/get"))
        .set("x-sessionkit-pagination", prepared.document().at("/paths/~1v1~1calls/get/x-sessionkit-pagination"));
    assertEquals(expected, Pointers.read(root.resolve("target/acme.json"), "out"));
  }
}
