package dev.sessionkit.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

/** A mistake in a spec's x-sessionkit extensions fails generation with a message naming the spec and the key. */
class ExtensionValidationTest {
  private static final String SPEC = """
      openapi: 3.0.3
      info: {title: Tiny, version: "1"}
      servers: [{url: 'https://tiny.example'}]
      security: [{bearer: []}]
      x-sessionkit-client: {name: Tiny, service: Tiny, token-env: TINY_TOKEN, base-url-env: TINY_URL}
      tags: [{name: Items}]
      paths:
        /items:
          get:
            tags: [Items]
            operationId: listItems
            x-sessionkit-pagination: PAGING
            parameters:
              - {name: cursor, in: query, schema: {type: string}}
            responses:
              '200':
                description: A page.
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        items: {type: array, items: {type: string}}
                        next: {type: string}
      components:
        securitySchemes:
          bearer: {type: http, scheme: bearer}
      """;

  @TempDir
  Path dir;

  private Throwable generate(String paging) throws Exception {
    Path spec = Files.writeString(dir.resolve("tiny.yaml"), SPEC.replace("PAGING", paging));
    CodegenConfigurator configurator = new CodegenConfigurator().setGeneratorName("sessionkit")
        .setInputSpec(spec.toString()).setOutputDir(dir.resolve("out").toString())
        .setTemplateDir(Path.of("..", "specs", "templates").toAbsolutePath().toString())
        .setModelPackage("dev.sessionkit.tiny.model").setApiPackage("dev.sessionkit.tiny.internal")
        .addAdditionalProperty("hideGenerationTimestamp", true);
    try {
      new DefaultGenerator().opts(configurator.toClientOptInput()).generate();
      return null;
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause != null && !(cause instanceof InvalidSpecException)) cause = cause.getCause();
      return cause == null ? e : cause;
    }
  }

  @Test
  void aMisspeltKeyIsNamedWithTheSpecAndTheOperation() throws Exception {
    Throwable e = generate("{style: token, items: items, parameter: cursor, tokn: next}");

    assertTrue(e.getMessage().contains("/tiny.yaml: x-sessionkit-pagination.tokn "), e.getMessage());
    assertTrue(e.getMessage().endsWith("x-sessionkit-pagination.tokn (operation listItems): unknown key "
        + "(known: backward, forward, has-more, items, parameter, style, token)"), e.getMessage());
  }

  @Test
  void aPathToAFieldThePageDoesNotHaveIsRefused() throws Exception {
    Throwable e = generate("{style: token, items: items, parameter: cursor, token: next_page}");

    assertTrue(e.getMessage().endsWith("x-sessionkit-pagination.token (operation listItems): next_page is not a "
        + "field of ListItems200Response"), e.getMessage());
  }

  @Test
  void anUnknownStyleIsRefused() throws Exception {
    Throwable e = generate("{style: offset, items: items}");

    assertTrue(e.getMessage().endsWith("x-sessionkit-pagination.style (operation listItems): must be cursor or "
        + "token (got offset)"), e.getMessage());
  }

  @Test
  void aValidSpecGeneratesItsClientServiceAndParams() throws Exception {
    assertEquals(null, generate("{style: token, items: items, parameter: cursor, token: next}"));

    Path sources = dir.resolve("out/src/main/java/dev/sessionkit/tiny");
    assertTrue(Files.readString(sources.resolve("TinyClient.java")).contains("public ItemsService items()"));
    String service = Files.readString(sources.resolve("ItemsService.java"));
    assertTrue(service.contains("public AutoPager<String> iterateListItems(ListItemsParams params)"), service);
    assertTrue(Files.exists(sources.resolve("ListItemsParams.java")));
  }

  @Test
  void anExtensionUnknownAtItsPlaceIsRefused() {
    InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> Extension.refuseUnknown("tiny.yaml",
        " (tag Items)", java.util.Map.of("x-sessionkit-servce", "items"), SessionkitCodegen.TAG_EXTENSIONS));

    assertEquals("tiny.yaml: x-sessionkit-servce (tag Items): unknown extension here (known: x-sessionkit-service)",
        e.getMessage());
  }
}
