package dev.sessionkit.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The JSON examples of the seed documents (../shared/seeds), each mapped explicitly to what it
 * illustrates: a response of an operation, or a fragment of one schema (its members are some of the
 * schema's properties, as in Qoder's "session.status_idle extra fields").
 */
final class SeedExamples {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a seed example illustrates. */
  sealed interface Target permits Response, Fragment {}

  /** The JSON body of {@code operationId}'s response with {@code status}. */
  record Response(String operationId, String status) implements Target {}

  /** Some members of an object of the component schema {@code schema}, each checked against its property. */
  record Fragment(String schema, String caption) implements Target {}

  /** One mapped example: seed file, its position among the seed's JSON examples, spec and target. */
  record Mapping(String seed, int index, String spec, Target target) {}

  /** One example read from a seed, with its mapping. */
  record SeedExample(Mapping mapping, String json, JsonNode value) {
    @Override
    public String toString() {
      return mapping.seed() + " #" + mapping.index() + " -> " + mapping.spec() + " " + mapping.target();
    }
  }

  /** Every JSON example of every seed; a seed example missing here fails everySeedExampleIsMapped. */
  static final List<Mapping> MAPPINGS = List.of(
      new Mapping("000_60317f4d6f95b7b7.txt", 0, "piper.yaml", new Response("getSessionEvents", "200")),
      new Mapping("001_dc46828c05a92ec6.txt", 0, "qoder.yaml", new Response("listSessionEvents", "200")),
      new Mapping("001_dc46828c05a92ec6.txt", 1, "qoder.yaml", new Fragment("AgentMessageEvent", "agent.message content format")),
      new Mapping("001_dc46828c05a92ec6.txt", 2, "qoder.yaml", new Fragment("SessionStatusIdleEvent", "session.status_idle extra fields")),
      new Mapping("001_dc46828c05a92ec6.txt", 3, "qoder.yaml", new Fragment("SessionErrorEvent", "session.error format")),
      new Mapping("002_9af79679e252829d.txt", 0, "pipecat.yaml", new Response("getSession", "200")),
      new Mapping("003_bfa40fb83f0642a9.txt", 0, "piper.yaml", new Response("getScenarioRunBySession", "200")),
      new Mapping("003_bfa40fb83f0642a9.txt", 1, "piper.yaml", new Response("getScenarioRunBySession", "200")),
      new Mapping("004_0956aa6387aa5322.txt", 0, "agents-v2.yaml", new Response("listAgentEvents", "200")));

  /** The Java package of each spec's generated models, for decoding fragments. */
  static final Map<String, String> MODEL_PACKAGES = Map.of(
      "qoder.yaml", "dev.sessionkit.qoder.model",
      "piper.yaml", "dev.sessionkit.piper.model",
      "pipecat.yaml", "dev.sessionkit.pipecat.model",
      "agents-v2.yaml", "dev.sessionkit.agents.model");

  private SeedExamples() {}

  /** Returns every mapped seed example, read from the seeds directory. */
  static List<SeedExample> all() {
    Path seeds = Locations.seeds();
    List<SeedExample> examples = new ArrayList<>();
    for (Mapping mapping : MAPPINGS) {
      List<String> found = jsonExamples(read(seeds.resolve(mapping.seed())));
      if (mapping.index() >= found.size()) {
        throw new IllegalStateException(mapping.seed() + " has " + found.size() + " JSON examples, no #" + mapping.index());
      }
      String json = found.get(mapping.index());
      examples.add(new SeedExample(mapping, json, JSON.readTree(json)));
    }
    return examples;
  }

  /** Reads a seed file. */
  static String read(Path seed) {
    try {
      return Files.readString(seed, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the JSON objects in a scraped page, in order: every balanced {@code {...}} that parses
   * as JSON (a path template such as {@code {org_id}} does not).
   */
  static List<String> jsonExamples(String text) {
    List<String> found = new ArrayList<>();
    int i = 0;
    while ((i = text.indexOf('{', i)) >= 0) {
      int end = matchingBrace(text, i);
      if (end > 0) {
        String candidate = text.substring(i, end + 1);
        try {
          if (JSON.readTree(candidate).isObject()) {
            found.add(candidate);
            i = end + 1;
            continue;
          }
        } catch (JacksonException notJson) {
          // not an example: keep looking from the next character
        }
      }
      i++;
    }
    return found;
  }

  private static int matchingBrace(String text, int open) {
    int depth = 0;
    boolean inString = false;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') i++;
        else if (c == '"') inString = false;
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
