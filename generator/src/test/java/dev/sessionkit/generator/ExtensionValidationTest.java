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
              - {name: size, in: query, schema: {type: integer, format: int32, minimum: 1, maximum: 50}}
              - {name: count, in: query, schema: {type: integer, format: int32}}
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

    assertTrue(e.getMessage().endsWith("/tiny.yaml#/paths/~1items/get/x-sessionkit-pagination/tokn: unknown key "
        + "(known: backward, forward, has-more, items, offset, page-size, parameter, style, token, total)"), e.getMessage());
  }

  @Test
  void aPathToAFieldThePageDoesNotHaveIsRefused() throws Exception {
    Throwable e = generate("{style: token, items: items, parameter: cursor, token: next_page}");

    assertTrue(e.getMessage().endsWith("/tiny.yaml#/paths/~1items/get/x-sessionkit-pagination/token: next_page is not a field of "
        + "ListItems200Response"), e.getMessage());
  }

  @Test
  void anUnknownStyleIsRefused() throws Exception {
    Throwable e = generate("{style: page, items: items}");

    assertTrue(e.getMessage().endsWith("/tiny.yaml#/paths/~1items/get/x-sessionkit-pagination/style: must be cursor, token or offset (got page)"),
        e.getMessage());
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
  void aPageSizeNamingAStringParameterIsRefused() throws Exception {
    Throwable e = generate("{style: token, items: items, parameter: cursor, token: next, page-size: cursor}");

    assertTrue(e.getMessage().endsWith("/tiny.yaml#/paths/~1items/get/x-sessionkit-pagination/page-size: must name an integer (int32) query "
        + "parameter (cursor is String)"), e.getMessage());
  }

  @Test
  void aPageSizeWithoutAMaximumIsRefused() throws Exception {
    Throwable e = generate("{style: token, items: items, parameter: cursor, token: next, page-size: count}");

    assertTrue(e.getMessage().endsWith("/tiny.yaml#/paths/~1items/get/x-sessionkit-pagination/page-size: the parameter count has no maximum "
        + "in its schema"), e.getMessage());
  }

  @Test
  void aPageSizeNamingNoParameterIsRefused() throws Exception {
    Throwable e = generate("{style: token, items: items, parameter: cursor, token: next, page-size: limit}");

    assertTrue(e.getMessage().endsWith("/tiny.yaml#/paths/~1items/get/x-sessionkit-pagination/page-size: names no optional query parameter of "
        + "this operation (got limit)"), e.getMessage());
  }

  @Test
  void aPageSizeMakesAutoPagingAskForTheMaximumAndWithoutOneNothingIsAdded() throws Exception {
    assertEquals(null, generate("{style: token, items: items, parameter: cursor, token: next, page-size: size}"));
    String service = Files.readString(dir.resolve("out/src/main/java/dev/sessionkit/tiny/ItemsService.java"));
    assertTrue(service.contains("return params.size() != null ? params : params.toBuilder().size(50).build();"), service);
    assertTrue(service.contains("public Pages<ListItems200Response, String> listItemPages(ListItemsParams params)"), service);
    assertTrue(service.contains("public AsyncPager<String> iterateListItemsAsync(ListItemsParams params)"), service);

    assertEquals(null, generate("{style: token, items: items, parameter: cursor, token: next}"));
    String without = Files.readString(dir.resolve("out/src/main/java/dev/sessionkit/tiny/ItemsService.java"));
    assertTrue(without.contains("private static ListItemsParams listItemsPageParams(ListItemsParams params) {\n"
        + "    return params;\n"), without);
  }

  @Test
  void anExtensionUnknownAtItsPlaceIsRefused() {
    InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> Extension.refuseUnknown(
        new Spec("tiny.yaml", null), Pointer.ROOT.then("tags", 0), java.util.Map.of("x-sessionkit-servce", "items"),
        SessionkitCodegen.TAG_EXTENSIONS));

    assertEquals("tiny.yaml#/tags/0/x-sessionkit-servce: unknown extension here (known: x-sessionkit-service)",
        e.getMessage());
  }
}
