package dev.sessionkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every example in every spec satisfies its schema, as networknt's OpenAPI 3.0 validator reads it. */
class SpecExamplesTest {

  @TestFactory
  Stream<DynamicTest> everyExampleInEverySpecSatisfiesItsSchema() {
    return Locations.SPECS.stream()
        .map(name -> ExampleValidator.of(Locations.spec(name)))
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
    for (String name : Locations.SPECS) {
      ExampleValidator validator = ExampleValidator.of(Locations.spec(name));
      assertEquals(List.of(), List.copyOf(validator.unvisitedExampleKeys()), name + ": examples the walk missed");
      counts.put(name, validator.examples().size());
    }
    // Each spec has its documented 200 example and parameter examples at least.
    counts.forEach((name, count) -> assertTrue(count >= 2, name + " has only " + count + " examples"));
  }

  @Test
  void everySpecParsesWithoutMessagesInSwaggerParser() {
    for (String name : Locations.SPECS) {
      ParseOptions options = new ParseOptions();
      options.setResolve(true);
      SwaggerParseResult result = new OpenAPIParser().readLocation(Locations.spec(name).toString(), null, options);
      assertEquals(List.of(), result.getMessages() == null ? List.of() : result.getMessages(), name);
      assertFalse(result.getOpenAPI().getPaths().isEmpty(), name + " has no paths");
    }
  }

  @Test
  void aResponseExampleThatBreaksItsSchemaFailsValidation() throws IOException {
    String spec = Files.readString(Locations.spec("qoder.yaml"));
    String broken = spec.replace("                    has_more: true", "                    has_more: 'yes'");
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
