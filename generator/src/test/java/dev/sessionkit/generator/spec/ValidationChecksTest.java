package dev.sessionkit.generator.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenAPI Generator's validation messages, and our reference check, name the file and the JSON pointer. */
class ValidationChecksTest {
  /** The four kinds of flaw Vectara's published file has, nested as it nests them. */
  private static final String FLAWED = """
      openapi: 3.0.3
      info: {title: Flawed, version: '1'}
      paths:
        /calls:
          get:
            operationId: listCalls
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/CallList'}
      components:
        schemas:
          CallList:
            type: object
            properties:
              data: {type: array}
              secrets:
                type: object
                additionalProperties: {type: string}
                propertyNames: {pattern: '^[a-z]+$'}
              kind: {type: string, const: list, example: {const: not a keyword here}}
              query: {type: string, required: false}
          Tool:
            allOf:
              - {$ref: '#/components/schemas/CallList'}
              - type: object
                properties:
                  propertyNames: {type: string, description: a property may have that name}
                  configs:
                    type: object
                    propertyNames: {pattern: '^[a-z]+$'}
      """;

  @TempDir Path dir;

  @Test
  void eachOfSwaggerParsersMessagesIsNamedAtEveryPlaceItAppliesTo() throws Exception {
    Path file = Files.writeString(dir.resolve("flawed.yaml"), FLAWED);
    JsonNode document = Pointers.read(file, "flawed.yaml");

    List<String> problems = ValidationChecks.swaggerParser(file, "flawed.yaml", document, pointer -> "flawed.yaml#" + pointer);

    String suffix = " (OpenAPI Generator's validation: swagger-parser)";
    assertEquals(List.of(
        "flawed.yaml#/components/schemas/CallList/properties/kind/const: attribute components.schemas.CallList.const is unexpected" + suffix,
        "flawed.yaml#/components/schemas/CallList/properties/data: attribute components.schemas.CallList.items is missing" + suffix,
        "flawed.yaml#/components/schemas/CallList/properties/secrets/propertyNames: attribute components.schemas.CallList.propertyNames is unexpected" + suffix,
        "flawed.yaml#/components/schemas/CallList/properties/query/required: attribute components.schemas.CallList.required is not of type `array`" + suffix,
        "flawed.yaml#/components/schemas/Tool/allOf/1/properties/configs/propertyNames: attribute components.schemas.Tool.propertyNames is unexpected" + suffix),
        problems);
  }

  @Test
  void aValidSpecHasNoProblems() throws Exception {
    Path file = Files.writeString(dir.resolve("fine.yaml"), FLAWED.replace("data: {type: array}", "data: {type: array, items: {type: string}}")
        .replaceAll(" *propertyNames: \\{pattern: .*\n", "")
        .replace("const: list, ", "").replace("required: false", "nullable: true"));

    assertEquals(List.of(), ValidationChecks.swaggerParser(file, "fine.yaml", Pointers.read(file, "fine.yaml"), p -> p));
  }

  @Test
  void aLocationWithDotsSlashesAndAMethodIsFollowedWhole() {
    JsonNode document = Pointers.parse("""
        paths:
          /v1/calls.json:
            get:
              responses: {'200': {}}
        components:
          schemas:
            A.B: {type: object}
        """, "d.yaml");

    assertEquals("/paths/~1v1~1calls.json/get/responses/200", ValidationChecks.base(document, "paths.'/v1/calls.json'(get).responses.200"));
    assertEquals("/components/schemas/A.B", ValidationChecks.base(document, "components.schemas.A.B"));
    assertEquals(List.of("/paths/~1v1~1calls.json/get/responses/200"),
        ValidationChecks.locate(document, "attribute paths.'/v1/calls.json'(get).responses.200.description is missing"));
  }

  @Test
  void aReferenceThatResolvesToNothingOrLeavesTheFileIsNamed() {
    JsonNode document = Pointers.parse("""
        paths:
          /calls:
            get:
              parameters:
                - {$ref: '#/components/parameters/Missing'}
                - {$ref: 'common.yaml#/components/parameters/Limit'}
              x-fern-examples: [{$ref: '#/nowhere'}]
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      example: {$ref: '#/nowhere'}
                      schema:
                        properties:
                          $ref: {type: string}
        """, "d.yaml");

    assertEquals(List.of(
        "d.yaml#/paths/~1calls/get/parameters/0/$ref: $ref #/components/parameters/Missing resolves to nothing",
        "d.yaml#/paths/~1calls/get/parameters/1/$ref: $ref common.yaml#/components/parameters/Limit points outside this file;"
            + " the spec must be one file (bundle it, e.g. with redocly bundle, before committing)"),
        ValidationChecks.references(document, pointer -> "d.yaml#" + pointer));
  }
}
