package dev.sessionkit.contract;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Validates the examples of one OpenAPI 3.0 spec against their schemas with networknt's
 * json-schema-validator in its OpenAPI 3.0 dialect ({@code nullable}, {@code discriminator}),
 * with format assertions on ({@code date-time}, {@code uuid}, {@code int32}...).
 *
 * <p>It finds the examples itself: on parameters and headers, on media types (request bodies and
 * responses, {@code example} and each {@code examples} entry) and on every schema, nested or not.
 * {@link #unvisitedExampleKeys()} proves the walk missed none.
 */
final class ExampleValidator {
  private static final ObjectMapper YAML = YAMLMapper.builder().build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /** One example: where it is, the schema it must satisfy and its value. */
  record Example(String location, String schemaPointer, JsonNode value) {
    @Override
    public String toString() {
      return location;
    }
  }

  private final String name;
  private final JsonNode document;
  private final SchemaRegistry registry;
  private final String iri;
  private final List<Example> examples = new ArrayList<>();
  private final Set<String> visitedExampleKeys = new TreeSet<>();

  private ExampleValidator(String name, String yaml) {
    this.name = name;
    this.document = YAML.readTree(yaml);
    this.iri = "https://specs.sessionkit.dev/" + name.replace(".yaml", ".json");
    String json = JSON.writeValueAsString(document);
    this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi30(), builder -> builder
        .schemas(Map.of(iri, json))
        .schemaRegistryConfig(SchemaRegistryConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_PATH) // $.data[0].id, as Moshi and the drift report name paths
            .build()));
    collect();
  }

  /** Reads the spec file. */
  static ExampleValidator of(Path spec) {
    try {
      return new ExampleValidator(spec.getFileName().toString(), Files.readString(spec, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads spec text (for tests that change a spec in memory). */
  static ExampleValidator of(String name, String yaml) {
    return new ExampleValidator(name, yaml);
  }

  /** Returns the spec's file name. */
  String name() {
    return name;
  }

  /** Returns the spec as a tree. */
  JsonNode document() {
    return document;
  }

  /** Returns every example of the spec, in document order. */
  List<Example> examples() {
    return List.copyOf(examples);
  }

  /** Returns the validator's messages for {@code value} against the schema at {@code pointer}; empty when valid. */
  List<String> validate(String pointer, JsonNode value) {
    Schema schema = registry.getSchema(SchemaLocation.of(iri + "#" + pointer));
    List<String> messages = new ArrayList<>();
    for (Error error : schema.validate(value)) {
      messages.add(error.getInstanceLocation() + ": " + error.getMessage());
    }
    return messages;
  }

  /**
   * Returns the messages for a fragment of an object of the component schema {@code schemaName}:
   * each member against the schema's property of that name, and a member the schema does not have
   * as a message of its own. Empty when every member is valid.
   */
  List<String> validateFragment(String schemaName, JsonNode fragment) {
    String schema = componentSchema(schemaName);
    List<String> messages = new ArrayList<>();
    if (!fragment.isObject() || fragment.isEmpty()) {
      messages.add("$: a fragment is a non-empty object");
      return messages;
    }
    for (Map.Entry<String, JsonNode> member : fragment.properties()) {
      String property = schema + "/properties/" + escape(member.getKey());
      if (document.at(property).isMissingNode()) {
        messages.add("$." + member.getKey() + ": " + schemaName + " has no property " + member.getKey());
        continue;
      }
      for (String message : validate(property, member.getValue())) {
        messages.add("$." + member.getKey() + message.substring(1));
      }
    }
    return messages;
  }

  /** Returns the validator's messages for one example; empty when it satisfies its schema. */
  List<String> validate(Example example) {
    return validate(example.schemaPointer(), example.value());
  }

  /** Returns the JSON pointer of the 2xx JSON response schema of {@code operationId} with {@code status}. */
  String responseSchema(String operationId, String status) {
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        if (operationId.equals(operation.getValue().path("operationId").asString(null))) {
          String pointer = "/paths/" + escape(path.getKey()) + "/" + operation.getKey() + "/responses/" + status
              + "/content/application~1json/schema";
          if (document.at(pointer).isMissingNode()) throw new IllegalArgumentException(name + " has no " + pointer);
          return pointer;
        }
      }
    }
    throw new IllegalArgumentException(name + " has no operation " + operationId);
  }

  /** Returns the JSON pointer of the named component schema, failing when the spec has none. */
  String componentSchema(String schemaName) {
    String pointer = "/components/schemas/" + escape(schemaName);
    if (document.at(pointer).isMissingNode()) throw new IllegalArgumentException(name + " has no schema " + schemaName);
    return pointer;
  }

  /**
   * Returns the pointers of every {@code example}/{@code examples} key in the document that the walk
   * did not visit: keys inside example values and property names excepted. Empty when none was missed.
   */
  Set<String> unvisitedExampleKeys() {
    Set<String> all = new TreeSet<>();
    findExampleKeys(document, "", false, all);
    all.removeAll(visitedExampleKeys);
    return all;
  }

  private void findExampleKeys(JsonNode node, String pointer, boolean underProperties, Set<String> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        String key = entry.getKey();
        String child = pointer + "/" + escape(key);
        boolean exampleKey = !underProperties && (key.equals("example") || key.equals("examples"));
        if (exampleKey) {
          out.add(child);
          continue; // an example's value is data, not spec
        }
        findExampleKeys(entry.getValue(), child, !underProperties && key.equals("properties"), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) findExampleKeys(node.get(i), pointer + "/" + i, false, out);
    }
  }

  private void collect() {
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      String pathPointer = "/paths/" + escape(path.getKey());
      parameters(path.getValue().path("parameters"), pathPointer + "/parameters");
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        if (!METHODS.contains(operation.getKey())) continue;
        String op = pathPointer + "/" + operation.getKey();
        parameters(operation.getValue().path("parameters"), op + "/parameters");
        mediaTypes(operation.getValue().path("requestBody").path("content"), op + "/requestBody/content");
        for (Map.Entry<String, JsonNode> response : operation.getValue().path("responses").properties()) {
          response(response.getValue(), op + "/responses/" + escape(response.getKey()));
        }
      }
    }
    JsonNode components = document.path("components");
    for (Map.Entry<String, JsonNode> parameter : components.path("parameters").properties()) {
      parameter(parameter.getValue(), "/components/parameters/" + escape(parameter.getKey()));
    }
    for (Map.Entry<String, JsonNode> response : components.path("responses").properties()) {
      response(response.getValue(), "/components/responses/" + escape(response.getKey()));
    }
    for (Map.Entry<String, JsonNode> body : components.path("requestBodies").properties()) {
      mediaTypes(body.getValue().path("content"), "/components/requestBodies/" + escape(body.getKey()) + "/content");
    }
    for (Map.Entry<String, JsonNode> header : components.path("headers").properties()) {
      parameter(header.getValue(), "/components/headers/" + escape(header.getKey()));
    }
    for (Map.Entry<String, JsonNode> schema : components.path("schemas").properties()) {
      schema(schema.getValue(), "/components/schemas/" + escape(schema.getKey()));
    }
  }

  private void parameters(JsonNode list, String pointer) {
    for (int i = 0; i < list.size(); i++) parameter(list.get(i), pointer + "/" + i);
  }

  private void parameter(JsonNode parameter, String pointer) {
    if (parameter.has("$ref")) return; // checked where it is defined
    examplesOf(parameter, pointer, pointer + "/schema");
    schema(parameter.path("schema"), pointer + "/schema");
  }

  private void response(JsonNode response, String pointer) {
    if (response.has("$ref")) return;
    mediaTypes(response.path("content"), pointer + "/content");
    for (Map.Entry<String, JsonNode> header : response.path("headers").properties()) {
      parameter(header.getValue(), pointer + "/headers/" + escape(header.getKey()));
    }
  }

  private void mediaTypes(JsonNode content, String pointer) {
    for (Map.Entry<String, JsonNode> media : content.properties()) {
      String mediaPointer = pointer + "/" + escape(media.getKey());
      examplesOf(media.getValue(), mediaPointer, mediaPointer + "/schema");
      schema(media.getValue().path("schema"), mediaPointer + "/schema");
    }
  }

  /** The {@code example} and each {@code examples} entry of a parameter, header or media type. */
  private void examplesOf(JsonNode holder, String pointer, String schemaPointer) {
    if (holder.has("example")) {
      visitedExampleKeys.add(pointer + "/example");
      examples.add(new Example(name + "#" + pointer + "/example", schemaPointer, holder.get("example")));
    }
    if (holder.has("examples")) {
      visitedExampleKeys.add(pointer + "/examples");
      for (Map.Entry<String, JsonNode> entry : holder.get("examples").properties()) {
        JsonNode example = entry.getValue();
        String at = pointer + "/examples/" + escape(entry.getKey());
        if (example.has("$ref")) {
          String ref = example.get("$ref").asString();
          example = document.at(ref.substring(1));
          at = at + " -> " + ref;
        }
        if (example.has("value")) {
          examples.add(new Example(name + "#" + at + "/value", schemaPointer, example.get("value")));
        }
      }
    }
  }

  private void schema(JsonNode schema, String pointer) {
    if (!schema.isObject() || schema.has("$ref")) return;
    if (schema.has("example")) {
      visitedExampleKeys.add(pointer + "/example");
      examples.add(new Example(name + "#" + pointer + "/example", pointer, schema.get("example")));
    }
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      schema(property.getValue(), pointer + "/properties/" + escape(property.getKey()));
    }
    schema(schema.path("items"), pointer + "/items");
    schema(schema.path("additionalProperties"), pointer + "/additionalProperties");
    schema(schema.path("not"), pointer + "/not");
    for (String keyword : List.of("allOf", "oneOf", "anyOf")) {
      JsonNode list = schema.path(keyword);
      for (int i = 0; i < list.size(); i++) schema(list.get(i), pointer + "/" + keyword + "/" + i);
    }
  }

  /** Escapes a JSON pointer token (RFC 6901). */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
