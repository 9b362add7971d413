package dev.sessionkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every spec under specs/ (discovered, overlays applied), served by Prism, answers every operation
 * called with the spec's own examples with a 2xx and no violation: the request the examples make
 * is valid, and the response example Prism serves satisfies its schema. The per-vendor suites call
 * the SDKs; this one needs no SDK, so a new spec is covered the day it is added.
 */
@EnabledIf(value = "dev.sessionkit.contract.Locations#prismInstalledOrRequired",
    disabledReason = "Prism is not installed: run `npm ci` in specs/ (.ci/contract does); set SESSIONKIT_REQUIRE_PRISM to fail instead")
class EverySpecAgainstPrismTest {
  @TempDir Path dir;

  @TestFactory
  Stream<DynamicTest> everyOperationOfEverySpecAnswersItsOwnExamplesWithoutViolations() {
    return Locations.checkedSpecs().stream().map(spec -> DynamicTest.dynamicTest(spec.name(),
        () -> assertEquals(List.of(), findings(spec.file()), spec.file().toString())));
  }

  @Test
  void aResponseExampleThatBreaksItsSchemaIsAFinding() throws Exception {
    List<String> findings = findings(mistake("pipecat.yaml", "\n                    coldStart: true\n",
        "\n                    coldStart: 'yes'\n"));

    assertEquals(1, findings.size(), findings.toString());
    assertTrue(findings.get(0).startsWith("getSession: GET /agents/"), findings.get(0));
    assertTrue(findings.get(0).contains("-> 500") && findings.get(0).contains("coldStart must be boolean"), findings.get(0));
  }

  @Test
  void aPathParameterWithoutAnExampleIsAFinding() throws Exception {
    List<String> findings = findings(mistake("qoder.yaml", "          example: sess_019e392c0d1e74e095d21ea4c6b41def\n", ""));

    assertEquals(List.of("listSessionEvents: no example for path parameter session_id"), findings);
  }

  /** Calls every operation of {@code spec} on Prism with its examples; returns one line per failure. */
  private static List<String> findings(Path spec) throws Exception {
    List<ExampleRequests.ExampleRequest> requests = ExampleRequests.of(spec);
    assertFalse(requests.isEmpty(), spec + " has no operations");
    List<String> findings = new ArrayList<>();
    try (PrismMock prism = PrismMock.start(spec)) {
      for (ExampleRequests.ExampleRequest request : requests) {
        if (!request.missing().isEmpty()) {
          findings.add(request.operation() + ": no example for " + String.join(", ", request.missing()));
          continue;
        }
        PrismMock.Exchange exchange = prism.send(request.method(), request.pathAndQuery(), request.headers(), request.body());
        if (exchange.status() >= 300 || !exchange.violations().isEmpty()) {
          findings.add(request.operation() + ": " + request.method() + " " + request.pathAndQuery() + " -> "
              + exchange.status() + " " + exchange.violations() + " " + exchange.body());
        }
      }
    }
    return findings;
  }

  private Path mistake(String name, String from, String to) throws Exception {
    String spec = Files.readString(Locations.spec(name), StandardCharsets.UTF_8);
    String changed = spec.replace(from, to);
    assertNotEquals(spec, changed, "the mistake was not injected into " + name);
    return Files.writeString(dir.resolve(name), changed, StandardCharsets.UTF_8);
  }
}
