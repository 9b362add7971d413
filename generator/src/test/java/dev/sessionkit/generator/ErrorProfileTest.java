package dev.sessionkit.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

/** x-sessionkit-errors names alternatives and shapes per status; the profile configures the envelope with them. */
class ErrorProfileTest {
  private static final String SPEC = """
      openapi: 3.0.3
      info: {title: Tiny, version: "1"}
      servers: [{url: 'https://tiny.example'}]
      security: [{bearer: []}]
      x-sessionkit-client: {name: Tiny, service: Tiny, token-env: TINY_TOKEN, base-url-env: TINY_URL}
      x-sessionkit-errors: ERRORS
      tags: [{name: Items}]
      paths:
        /items:
          get:
            tags: [Items]
            operationId: listItems
            responses:
              '200':
                description: A page.
                content:
                  application/json:
                    schema: {type: object, properties: {items: {type: array, items: {type: string}}}}
      components:
        securitySchemes:
          bearer: {type: http, scheme: bearer}
      """;

  @TempDir Path dir;

  /** Generates the spec with {@code errors}; returns the profile's source, or the error's message prefixed with "!". */
  private String profile(String errors) throws Exception {
    Path spec = Files.writeString(dir.resolve("tiny.yaml"), SPEC.replace("ERRORS", errors));
    CodegenConfigurator configurator = new CodegenConfigurator().setGeneratorName("sessionkit")
        .setInputSpec(spec.toString()).setOutputDir(dir.resolve("out").toString())
        .setTemplateDir(Path.of("..", "specs", "templates").toAbsolutePath().toString())
        .setModelPackage("dev.sessionkit.tiny.model").setApiPackage("dev.sessionkit.tiny.internal")
        .addAdditionalProperty("hideGenerationTimestamp", true);
    try {
      new DefaultGenerator().opts(configurator.toClientOptInput()).generate();
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause != null && !(cause instanceof InvalidSpecException)) cause = cause.getCause();
      if (cause == null) throw e;
      return "!" + cause.getMessage().substring(cause.getMessage().indexOf('#') + 1);
    }
    return Files.readString(dir.resolve("out/src/main/java/dev/sessionkit/tiny/internal/TinyProfile.java"));
  }

  @Test
  void alternativesAndAShapePerStatusConfigureTheEnvelope() throws Exception {
    String profile = profile("""
        
          message: [detail.message, detail]
          code: detail.code
          request-id: [meta.request_id, request_id]
          validation: {location: loc, message: msg, code: type}
          status-codes: {'401': unauthorized}
          by-status:
            '503': {message: error, code: [reason, error_code]}
        """);

    assertTrue(profile.contains("""
              .errorParser(ErrorEnvelope.builder()
                  .message("detail.message", "detail")
                  .code("detail.code")
                  .requestId("meta.request_id", "request_id")
                  .statusCode(401, "unauthorized")
                  .validation("loc", "msg", "type")
                  .forStatus(503, ErrorEnvelope.builder()
                      .message("error")
                      .code("reason", "error_code")
                      .build())
                  .build())
        """), profile);
  }

  @Test
  void aSinglePathIsWrittenAsBefore() throws Exception {
    assertTrue(profile("{message: error.message, code: error.type}").contains("""
              .errorParser(ErrorEnvelope.builder()
                  .message("error.message")
                  .code("error.type")
                  .build())
        """));
  }

  @Test
  void mistakesAreRefusedNamingTheirPointer() throws Exception {
    assertEquals("!/x-sessionkit-errors/message: must be a path or a non-empty list of paths", profile("{message: []}"));
    assertEquals("!/x-sessionkit-errors/message/1: must be a dotted path of member names like detail.message (got detail..message)",
        profile("{message: [detail, detail..message]}"));
    assertEquals("!/x-sessionkit-errors/by-status: keys are HTTP statuses (got 5xx)", profile("{by-status: {'5xx': {message: error}}}"));
    assertEquals("!/x-sessionkit-errors/by-status/503/status-codes: unknown key (known: code, message, request-id, type,"
        + " validation)", profile("{by-status: {'503': {status-codes: {'503': down}}}}"));
    assertEquals("!/x-sessionkit-errors/by-status/503: names no part; give message, code, type, request-id or validation",
        profile("{by-status: {'503': {}}}"));
  }

  @Test
  void aPathWithQuotesIsEscapedNotPastedIntoJava() throws Exception {
    assertTrue(profile("{message: 'detail.\"msg\"'}").contains(".message(\"detail.\\\"msg\\\"\")"));
  }
}
