package dev.sessionkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example in every spec under specs/ (discovered, overlays applied) satisfies its schema, as
 * networknt's OpenAPI 3.0 validator reads it.
 */
class SpecExamplesTest {
  @TempDir Path dir;

  @TestFactory
  Stream<DynamicTest> everyExampleInEverySpecSatisfiesItsSchema() {
    return examplesOf(Locations.checkedSpecs());
  }

  private static Stream<DynamicTest> examplesOf(List<Locations.CheckedSpec> specs) {
    return specs.stream()
        .map(spec -> ExampleValidator.of(spec.file()))
        .flatMap(validator -> validator.examples().stream()
            .map(example -> DynamicTest.dynamicTest(example.location(), () -> {
              List<String> messages = validator.validate(example);
              assertTrue(messages.isEmpty(), example.location() + " does not satisfy "
                  + example.schemaPointer() + ": " + messages);
            })));
  }

  @Test
  void theWalkFindsEveryExampleKeyOfEverySpec() {
    Map<String, Integer> counts = new TreeMap<>();
    for (Locations.CheckedSpec spec : Locations.checkedSpecs()) {
      ExampleValidator validator = ExampleValidator.of(spec.file());
      assertEquals(List.of(), List.copyOf(validator.unvisitedExampleKeys()), spec + ": examples the walk missed");
      counts.put(spec.name(), validator.examples().size());
    }
    // Each spec has its documented 200 example and parameter examples at least.
    counts.forEach((name, count) -> assertTrue(count >= 2, name + " has only " + count + " examples"));
  }

  @Test
  void everySpecParsesWithoutMessagesInSwaggerParser() {
    for (Locations.CheckedSpec spec : Locations.checkedSpecs()) {
      ParseOptions options = new ParseOptions();
      options.setResolve(true);
      SwaggerParseResult result = new OpenAPIParser().readLocation(spec.file().toString(), null, options);
      assertEquals(List.of(), result.getMessages() == null ? List.of() : result.getMessages(), spec.name());
      assertFalse(result.getOpenAPI().getPaths().isEmpty(), spec + " has no paths");
    }
  }

  @Test
  void aNewSpecsExamplesAreCheckedWithNoListToEdit() throws Exception {
    Files.createDirectories(dir.resolve("specs"));
    String spec = Files.readString(Locations.spec("qoder.yaml"));
    String broken = spec.replace("last_id: evt_771c1195bcbd4a07834d4ed4dd6450ca\n                    has_more: true",
        "last_id: evt_771c1195bcbd4a07834d4ed4dd6450ca\n                    has_more: 'yes'");
    assertFalse(broken.equals(spec), "the mistake was not injected");
    Files.writeString(dir.resolve("specs/gamma.yaml"), broken);

    List<Locations.CheckedSpec> discovered = Locations.checkedSpecs(dir.resolve("specs"), dir.resolve("prepared"));
    List<String> failures = new java.util.ArrayList<>();
    examplesOf(discovered).forEach(test -> {
      try {
        test.getExecutable().execute();
      } catch (Throwable failed) {
        failures.add(failed.getMessage());
      }
    });

    assertEquals("[gamma]", discovered.toString());
    assertEquals(1, failures.size(), failures.toString());
    assertTrue(failures.get(0).startsWith("gamma.yaml#/paths/~1sessions~1{session_id}~1events/get/responses/200/content/"
        + "application~1json/examples/documented/value does not satisfy"), failures.get(0));
  }

  @Test
  void aResponseExampleThatBreaksItsSchemaFailsValidation() throws IOException {
    String spec = Files.readString(Locations.spec("qoder.yaml"));
    String broken = spec.replace("last_id: evt_771c1195bcbd4a07834d4ed4dd6450ca\n                    has_more: true",
        "last_id: evt_771c1195bcbd4a07834d4ed4dd6450ca\n                    has_more: 'yes'");
    assertFalse(broken.equals(spec), "the mistake was not injected");

    ExampleValidator validator = ExampleValidator.of("qoder.yaml", broken);
    ExampleValidator.Example documented = validator.examples().stream()
        .filter(example -> example.location().contains(
            "/paths/~1sessions~1{session_id}~1events/get/responses/200/content/application~1json/examples/documented"))
        .findFirst().orElseThrow();

    List<String> messages = validator.validate(documented);
    assertEquals(1, messages.size(), messages.toString());
    assertTrue(messages.get(0).startsWith("$.has_more: "), messages.get(0));
  }

  @Test
  void anEventWhoseTypeMatchesNoVariantFailsValidation() throws IOException {
    String spec = Files.readString(Locations.spec("agents-v2.yaml"));
    String broken = spec.replace("                        type: agent_output", "                        type: agent_reply");
    assertFalse(broken.equals(spec), "the mistake was not injected");

    ExampleValidator validator = ExampleValidator.of("agents-v2.yaml", broken);
    List<String> messages = validator.examples().stream()
        .filter(example -> example.location().contains("/examples/documented"))
        .flatMap(example -> validator.validate(example).stream())
        .toList();

    assertFalse(messages.isEmpty(), "an unknown event type passed validation");
    assertTrue(messages.stream().allMatch(message -> message.startsWith("$.events[4]")), messages.toString());
  }

  @Test
  void aSampleTimeOfTheWrongTypeFailsValidation() throws IOException {
    String spec = Files.readString(Locations.spec("pipecat.yaml"));
    String broken = spec.replace("                        - t: 1729583960", "                        - t: '2024-10-22T08:39:20Z'");
    assertFalse(broken.equals(spec), "the mistake was not injected");

    ExampleValidator validator = ExampleValidator.of("pipecat.yaml", broken);
    List<String> messages = validator.examples().stream()
        .flatMap(example -> validator.validate(example).stream())
        .toList();

    assertEquals(1, messages.size(), messages.toString());
    assertTrue(messages.get(0).startsWith("$.resourceMetrics.timeseries[0].t: "), messages.get(0));
  }

  @Test
  void aTimestampThatIsNotRfc3339FailsValidation() throws IOException {
    String spec = Files.readString(Locations.spec("piper.yaml"));
    String broken = spec.replaceFirst("completed_at: '2023-11-07T05:31:56Z'", "completed_at: '07/11/2023 05:31'");
    assertFalse(broken.equals(spec), "the mistake was not injected");

    ExampleValidator validator = ExampleValidator.of("piper.yaml", broken);
    List<String> messages = validator.examples().stream()
        .flatMap(example -> validator.validate(example).stream())
        .toList();

    assertEquals(1, messages.size(), messages.toString());
    assertTrue(messages.get(0).startsWith("$.completed_at: "), messages.get(0));
  }
}
