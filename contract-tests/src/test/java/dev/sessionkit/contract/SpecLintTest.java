package dev.sessionkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spectral (pinned in specs/package.json) with the ruleset in specs/.spectral.yaml passes every spec
 * under specs/ (discovered, overlays applied) with no error and no warning, and fails a spec with a
 * deliberate mistake.
 */
class SpecLintTest {
  @TempDir Path dir;

  /** Spectral's exit status and output. */
  record Lint(int status, String output) {}

  @Test
  void everySpecLintsWithoutErrorsOrWarnings() throws Exception {
    Lint lint = lint(Locations.checkedSpecs().stream().map(Locations.CheckedSpec::file).toList());

    assertEquals(0, lint.status(), lint.output());
    assertTrue(lint.output().contains("No results with a severity of 'warn' or higher found!"), lint.output());
  }

  @Test
  void aNewSpecAndANewOverlaysResultAreLintedWithNoListToEdit() throws Exception {
    Path specs = Files.createDirectories(dir.resolve("specs/published"));
    String qoder = Files.readString(Locations.spec("qoder.yaml"), StandardCharsets.UTF_8);
    Files.writeString(specs.resolve("acme-openapi.yaml"), qoder);
    Files.writeString(dir.resolve("specs/acme.overlay.yaml"), """
        overlay: 1.0.0
        info: {title: A new vendor, version: '1'}
        extends: published/acme-openapi.yaml
        actions:
          - target: $.components.schemas.SessionEventList.properties
            update:
              channel: {type: string, description: Where the session runs., enum: [web, phone]}
        """);
    String beta = qoder.replace("tags: [Events]", "tags: [Event]");
    assertNotEquals(qoder, beta, "the mistake was not injected");
    Files.writeString(dir.resolve("specs/beta.yaml"), beta);

    List<Locations.CheckedSpec> discovered = Locations.checkedSpecs(dir.resolve("specs"), dir.resolve("prepared"));
    Lint lint = lint(discovered.stream().map(Locations.CheckedSpec::file).toList());

    assertEquals("[acme, beta]", discovered.toString());
    assertEquals(1, lint.status(), lint.output());
    assertTrue(lint.output().contains("acme.openapi.json"), lint.output());
    assertTrue(lint.output().contains("sessionkit-enum-is-named-schema"), lint.output());
    assertTrue(lint.output().contains("beta.yaml"), lint.output());
    assertTrue(lint.output().contains("operation-tag-defined"), lint.output());
  }

  @Test
  void anInlineEnumAndAMissingMappingFailTheLint() throws Exception {
    String spec = Files.readString(Locations.spec("qoder.yaml"), StandardCharsets.UTF_8);
    String broken = spec
        .replace("        status:\n          $ref: '#/components/schemas/SessionStatus'\n",
            "        status:\n          type: string\n          enum: [idle, processing]\n")
        .replace("      discriminator:\n        propertyName: type\n        mapping:\n          text: '#/components/schemas/TextBlock'\n",
            "      discriminator:\n        propertyName: type\n");
    assertNotEquals(spec, broken, "the mistakes were not injected");

    Lint lint = lint(List.of(Files.writeString(dir.resolve("qoder.yaml"), broken)));

    assertEquals(1, lint.status(), lint.output());
    assertTrue(lint.output().contains("sessionkit-enum-is-named-schema"), lint.output());
    assertTrue(lint.output().contains("sessionkit-discriminator-has-mapping"), lint.output());
    assertTrue(lint.output().contains("oas3-unused-component"), lint.output()); // SessionStatus, now unused: a warning fails too
  }

  @Test
  void aResponseExampleThatBreaksItsSchemaFailsTheLint() throws Exception {
    String spec = Files.readString(Locations.spec("agents-v2.yaml"), StandardCharsets.UTF_8);
    String broken = spec.replace("                      total_count: 45", "                      total_count: forty-five");
    assertNotEquals(spec, broken, "the mistake was not injected");

    Lint lint = lint(List.of(Files.writeString(dir.resolve("agents-v2.yaml"), broken)));

    assertEquals(1, lint.status(), lint.output());
    assertTrue(lint.output().contains("oas3-valid-media-example"), lint.output());
    assertTrue(lint.output().contains("metadata.total_count"), lint.output());
  }

  private static Lint lint(List<Path> specs) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Locations.npmTool("spectral").toString(), "lint",
        "--ruleset", Locations.specs().resolve(".spectral.yaml").toString(), "--fail-severity=warn"));
    specs.forEach(spec -> command.add(spec.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("spectral did not finish in 120 s:\n" + output);
    }
    return new Lint(process.exitValue(), output);
  }
}
