package dev.sessionkit.generator;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenProperty;

/**
 * Finds the request types: the schemas a JSON request body reaches (through properties, items,
 * maps and compositions). Their records get a builder whose {@code build()} refuses a missing
 * required field, and never send a readOnly field ({@code builder.mustache}, hooked into
 * {@code record.mustache} by the {@code x-sessionkit-request} and {@code x-sessionkit-not-sent}
 * vendor extensions).
 */
final class RequestTypes {
  /** On a model: it is a request type. */
  static final String REQUEST = "x-sessionkit-request";
  /** On a request type's property: readOnly, so never sent and not settable in the builder. */
  static final String NOT_SENT = "x-sessionkit-not-sent";

  private RequestTypes() {}

  /** The names of the schemas JSON request bodies reach, as they appear under {@code components.schemas}. */
  static Set<String> reachable(OpenAPI openApi) {
    Deque<Schema<?>> pending = new ArrayDeque<>();
    if (openApi.getPaths() != null) {
      for (PathItem item : openApi.getPaths().values()) {
        for (Operation operation : item.readOperations()) addBody(openApi, operation.getRequestBody(), pending);
      }
    }
    Map<String, Schema> schemas = openApi.getComponents() == null ? null : openApi.getComponents().getSchemas();
    Set<String> found = new LinkedHashSet<>();
    while (!pending.isEmpty()) {
      Schema<?> schema = pending.pop();
      if (schema == null) continue;
      if (schema.get$ref() != null) {
        String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
        if (found.add(name) && schemas != null) pending.push(schemas.get(name));
        continue;
      }
      if (schema.getProperties() != null) schema.getProperties().values().forEach(pending::push);
      if (schema.getItems() != null) pending.push(schema.getItems());
      if (schema.getAdditionalProperties() instanceof Schema<?> values) pending.push(values);
      for (List<Schema> parts : java.util.Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
        if (parts != null) parts.forEach(pending::push);
      }
    }
    return found;
  }

  private static void addBody(OpenAPI openApi, RequestBody body, Deque<Schema<?>> pending) {
    if (body != null && body.get$ref() != null && openApi.getComponents() != null
        && openApi.getComponents().getRequestBodies() != null) {
      body = openApi.getComponents().getRequestBodies().get(body.get$ref().substring(body.get$ref().lastIndexOf('/') + 1));
    }
    if (body == null || body.getContent() == null) return;
    for (Map.Entry<String, MediaType> entry : body.getContent().entrySet()) {
      if (ResponseReader.isJson(entry.getKey()) && entry.getValue() != null) pending.push(entry.getValue().getSchema());
    }
  }

  /** Marks {@code model}, a record a request body reaches, and its readOnly properties. */
  static void mark(CodegenModel model) {
    model.vendorExtensions.put(REQUEST, true);
    for (CodegenProperty property : model.vars) {
      if (property.isReadOnly) property.vendorExtensions.put(NOT_SENT, true);
    }
  }
}
