package dev.sessionkit.generator.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading spec files into trees, writing them back, and RFC 6901 JSON pointers into them. */
final class Pointers {
  /** Writes trees as pretty JSON (exact: no YAML quoting rules to get wrong). */
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Reads YAML or JSON (JSON is YAML); a key written twice in one object is an error, not "last wins". */
  private static final ObjectMapper READER = new ObjectMapper(YAMLFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private Pointers() {}

  /** Reads a YAML or JSON file; a file that is not either fails naming it. */
  static JsonNode read(Path file, String displayName) {
    try {
      JsonNode tree = READER.readTree(Files.readString(file));
      if (tree == null || tree.isMissingNode()) throw new SpecCheckException(displayName + ": the file is empty");
      return tree;
    } catch (IOException e) {
      throw new SpecCheckException(displayName + ": not readable as YAML or JSON: " + firstLine(e.getMessage()));
    }
  }

  /** Reads YAML or JSON text. */
  static JsonNode parse(String text, String displayName) {
    try {
      return READER.readTree(text);
    } catch (IOException e) {
      throw new SpecCheckException(displayName + ": not readable as YAML or JSON: " + firstLine(e.getMessage()));
    }
  }

  /** Escapes one reference token (RFC 6901: {@code ~} as {@code ~0}, {@code /} as {@code ~1}). */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** Returns the node at {@code pointer} ({@code ""} is the root), or a missing node. */
  static JsonNode at(JsonNode root, String pointer) {
    return pointer.isEmpty() ? root : root.at(pointer);
  }

  /** The pointer of {@code #/components/schemas/X} style references, without the {@code #}. */
  static String ofRef(String ref) {
    return ref.startsWith("#") ? ref.substring(1) : null;
  }

  private static String firstLine(String message) {
    if (message == null) return "";
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
