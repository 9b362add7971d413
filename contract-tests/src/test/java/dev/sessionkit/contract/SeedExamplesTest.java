package dev.sessionkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.contract.SeedExamples.Fragment;
import dev.sessionkit.contract.SeedExamples.Mapping;
import dev.sessionkit.contract.SeedExamples.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.ObjectMapper;

/** Every JSON example of the vendor documentation satisfies the schema it illustrates in our spec. */
class SeedExamplesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everySeedExampleSatisfiesTheSchemaItIllustrates() {
    Map<String, ExampleValidator> validators = new TreeMap<>();
    return SeedExamples.all().stream().map(example -> DynamicTest.dynamicTest(example.toString(), () -> {
      ExampleValidator validator = validators.computeIfAbsent(example.mapping().spec(),
          name -> ExampleValidator.of(Locations.spec(name)));
      List<String> messages = validate(validator, example.mapping(), example.json());
      assertTrue(messages.isEmpty(), example + ": " + messages);
    }));
  }

  @Test
  void everyJsonExampleOfEverySeedIsMapped() throws IOException {
    Map<String, Integer> found = new TreeMap<>();
    try (Stream<Path> seeds = Files.list(Locations.seeds())) {
      for (Path seed : seeds.filter(path -> path.toString().endsWith(".txt")).toList()) {
        found.put(seed.getFileName().toString(), SeedExamples.jsonExamples(SeedExamples.read(seed)).size());
      }
    }
    Map<String, Integer> mapped = SeedExamples.MAPPINGS.stream()
        .collect(Collectors.groupingBy(Mapping::seed, TreeMap::new, Collectors.summingInt(mapping -> 1)));

    assertEquals(5, found.size(), "seed documents: " + found.keySet());
    assertEquals(found, mapped);
  }

  @Test
  void aSeedExampleThatDoesNotValidateFails() {
    String seed = SeedExamples.read(Locations.seeds().resolve("002_9af79679e252829d.txt"));
    String broken = seed.replace("\"coldStart\": true", "\"coldStart\": \"yes\"");
    assertFalse(broken.equals(seed), "the mistake was not injected");

    String json = SeedExamples.jsonExamples(broken).get(0);
    List<String> messages = validate(ExampleValidator.of(Locations.spec("pipecat.yaml")),
        new Mapping("002_9af79679e252829d.txt", 0, "pipecat.yaml", new Response("getSession", "200")), json);

    assertEquals(1, messages.size(), messages.toString());
    assertTrue(messages.get(0).startsWith("$.coldStart: "), messages.get(0));
  }

  @Test
  void aFragmentMemberTheSchemaDoesNotHaveFails() {
    List<String> messages = validate(ExampleValidator.of(Locations.spec("qoder.yaml")),
        new Mapping("test", 0, "qoder.yaml", new Fragment("SessionStatusIdleEvent", "test")),
        "{\"status\": \"idle\", \"stop_reasons\": [{\"type\": \"end_turn\"}]}");

    assertEquals(List.of("$.stop_reasons: SessionStatusIdleEvent has no property stop_reasons"), messages);
  }

  @Test
  void aFragmentMemberWithAnUndocumentedEnumValueFails() {
    List<String> messages = validate(ExampleValidator.of(Locations.spec("qoder.yaml")),
        new Mapping("test", 0, "qoder.yaml", new Fragment("SessionStatusIdleEvent", "test")),
        "{\"status\": \"sleeping\"}");

    assertEquals(1, messages.size(), messages.toString());
    assertTrue(messages.get(0).startsWith("$.status: "), messages.get(0));
  }

  @Test
  void aMissingSeedsDirectoryFailsNamingWhereItWasExpected() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Locations.seeds("/nowhere/shared/seeds"));

    assertTrue(e.getMessage().contains("/nowhere/shared/seeds"), e.getMessage());
    assertTrue(e.getMessage().contains("shared/ beside it"), e.getMessage());
  }

  /** Validates a seed example's JSON against the target of its mapping. */
  static List<String> validate(ExampleValidator validator, Mapping mapping, String json) {
    var value = JSON.readTree(json);
    if (mapping.target() instanceof Response response) {
      return validator.validate(validator.responseSchema(response.operationId(), response.status()), value);
    }
    return validator.validateFragment(((Fragment) mapping.target()).schema(), value);
  }
}
