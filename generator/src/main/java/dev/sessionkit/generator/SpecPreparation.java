package dev.sessionkit.generator;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepares the parsed spec for the codegen, which reads what this leaves: a request body's JSON
 * media type goes first (the codegen reads only the first), and an inline string enum on a
 * parameter becomes a named schema (so the parameter is typed as its open enum and checked before
 * sending, and the enum is imported wherever it is used).
 */
final class SpecPreparation {
  private SpecPreparation() {}

  static void prepare(Spec spec) {
    OpenAPI openApi = spec.openApi();
    if (openApi.getComponents() != null && openApi.getComponents().getRequestBodies() != null) {
      openApi.getComponents().getRequestBodies().values().forEach(SpecPreparation::jsonFirst);
    }
    if (openApi.getComponents() != null && openApi.getComponents().getParameters() != null) {
      for (Map.Entry<String, Parameter> entry : openApi.getComponents().getParameters().entrySet()) {
        hoistEnum(spec, Pointer.ROOT.then("components", "parameters", entry.getKey()), entry.getValue(),
            Text.camel(entry.getKey(), true));
      }
    }
    if (openApi.getPaths() == null) return;
    for (Map.Entry<String, PathItem> path : openApi.getPaths().entrySet()) {
      List<Parameter> shared = path.getValue().getParameters();
      for (int i = 0; shared != null && i < shared.size(); i++) {
        hoistEnum(spec, Pointer.ROOT.then("paths", path.getKey(), "parameters", i), shared.get(i),
            Text.camel(path.getKey().replaceAll("[{}/]+", "_"), true) + Text.camel(shared.get(i).getName() == null ? ""
                : shared.get(i).getName(), true));
      }
      for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
        Operation operation = entry.getValue();
        if (operation.getRequestBody() != null) jsonFirst(operation.getRequestBody());
        List<Parameter> parameters = operation.getParameters();
        Pointer at = Pointer.operation(path.getKey(), entry.getKey().name());
        for (int i = 0; parameters != null && i < parameters.size(); i++) {
          Parameter parameter = parameters.get(i);
          String owner = operation.getOperationId() == null ? path.getKey() + "_" + entry.getKey() : operation.getOperationId();
          hoistEnum(spec, at.then("parameters", i), parameter, Text.camel(owner.replaceAll("[{}/]+", "_"), true)
              + Text.camel(parameter.getName() == null ? "" : parameter.getName(), true));
        }
      }
    }
  }

  /** Moves the first JSON media type of {@code body} to the front. */
  private static void jsonFirst(RequestBody body) {
    Content content = body.getContent();
    if (content == null || content.isEmpty()) return;
    String json = content.keySet().stream().filter(ResponseReader::isJson).findFirst().orElse(null);
    if (json == null || content.keySet().iterator().next().equals(json)) return;
    Map<String, MediaType> rest = new LinkedHashMap<>(content);
    MediaType first = rest.remove(json);
    content.clear();
    content.put(json, first);
    content.putAll(rest);
  }

  /**
   * Replaces an inline enum of {@code parameter} (or of its array items) with a reference to a new
   * named schema {@code name}; refuses an enum that is not of strings, and a name already taken.
   */
  private static void hoistEnum(Spec spec, Pointer at, Parameter parameter, String name) {
    if (parameter == null || parameter.get$ref() != null || parameter.getSchema() == null) return;
    Schema<?> schema = parameter.getSchema();
    Pointer schemaAt = at.then("schema");
    if ("array".equals(schema.getType()) && schema.getItems() != null && schema.getItems().getEnum() != null
        && schema.getItems().get$ref() == null) {
      schema.setItems(hoisted(spec, schemaAt.then("items"), schema.getItems(), name));
    } else if (schema.getEnum() != null && schema.get$ref() == null) {
      parameter.setSchema(hoisted(spec, schemaAt, schema, name));
    }
  }

  private static Schema<?> hoisted(Spec spec, Pointer at, Schema<?> schema, String name) {
    if (!"string".equals(schema.getType())) {
      throw spec.error(at.then("enum"), "an enum parameter must be a string enum (got " + schema.getType() + ")");
    }
    Components components = spec.openApi().getComponents();
    if (components == null) {
      components = new Components();
      spec.openApi().setComponents(components);
    }
    if (components.getSchemas() == null) components.setSchemas(new LinkedHashMap<>());
    if (components.getSchemas().containsKey(name)) {
      throw spec.error(at, "its enum would become the schema " + name + ", which the spec already defines; "
          + "declare the enum under components.schemas and $ref it");
    }
    components.getSchemas().put(name, schema);
    Schema<Object> ref = new Schema<>();
    ref.set$ref("#/components/schemas/" + name);
    return ref;
  }
}
