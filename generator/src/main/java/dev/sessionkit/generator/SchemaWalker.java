package dev.sessionkit.generator;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Visits every schema written inline in a spec (not the targets of {@code $ref}s, which are visited
 * where they are defined) with its RFC 6901 JSON pointer: the component schemas and the schemas of
 * parameters, request bodies, responses and headers, in paths and in components, and within each
 * schema its properties, items, additional properties, {@code allOf}/{@code oneOf}/{@code anyOf}
 * members and {@code not}. A schema is visited before its children.
 */
// swagger-models' schema API is raw (Map<String, Schema>, List<Schema>).
@SuppressWarnings("rawtypes")
final class SchemaWalker {
  /** What to do with each schema. */
  interface Visitor {
    void visit(Schema<?> schema, Pointer pointer);
  }

  private final Visitor visitor;
  private final Set<Schema<?>> visited = Collections.newSetFromMap(new IdentityHashMap<>());

  private SchemaWalker(Visitor visitor) {
    this.visitor = visitor;
  }

  /** Visits every schema of {@code openApi}. */
  static void walk(OpenAPI openApi, Visitor visitor) {
    SchemaWalker walker = new SchemaWalker(visitor);
    if (openApi.getComponents() != null) walker.components(openApi);
    if (openApi.getPaths() != null) {
      for (Map.Entry<String, PathItem> path : openApi.getPaths().entrySet()) {
        Pointer at = Pointer.ROOT.then("paths", path.getKey());
        PathItem item = path.getValue();
        walker.parameters(item.getParameters(), at.then("parameters"));
        for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
          walker.operation(entry.getValue(), at.then(entry.getKey().name().toLowerCase(Locale.ROOT)));
        }
      }
    }
  }

  private void components(OpenAPI openApi) {
    var components = openApi.getComponents();
    if (components.getSchemas() != null) {
      for (Map.Entry<String, Schema> entry : components.getSchemas().entrySet()) {
        schema(entry.getValue(), Pointer.ROOT.then("components", "schemas", entry.getKey()));
      }
    }
    if (components.getParameters() != null) {
      for (Map.Entry<String, Parameter> entry : components.getParameters().entrySet()) {
        parameter(entry.getValue(), Pointer.ROOT.then("components", "parameters", entry.getKey()));
      }
    }
    if (components.getRequestBodies() != null) {
      for (Map.Entry<String, RequestBody> entry : components.getRequestBodies().entrySet()) {
        requestBody(entry.getValue(), Pointer.ROOT.then("components", "requestBodies", entry.getKey()));
      }
    }
    if (components.getResponses() != null) {
      for (Map.Entry<String, ApiResponse> entry : components.getResponses().entrySet()) {
        response(entry.getValue(), Pointer.ROOT.then("components", "responses", entry.getKey()));
      }
    }
    if (components.getHeaders() != null) {
      for (Map.Entry<String, Header> entry : components.getHeaders().entrySet()) {
        header(entry.getValue(), Pointer.ROOT.then("components", "headers", entry.getKey()));
      }
    }
  }

  private void operation(Operation operation, Pointer at) {
    parameters(operation.getParameters(), at.then("parameters"));
    if (operation.getRequestBody() != null) requestBody(operation.getRequestBody(), at.then("requestBody"));
    if (operation.getResponses() != null) {
      for (Map.Entry<String, ApiResponse> entry : operation.getResponses().entrySet()) {
        response(entry.getValue(), at.then("responses", entry.getKey()));
      }
    }
  }

  private void parameters(List<Parameter> parameters, Pointer at) {
    if (parameters == null) return;
    for (int i = 0; i < parameters.size(); i++) parameter(parameters.get(i), at.then(i));
  }

  private void parameter(Parameter parameter, Pointer at) {
    if (parameter == null || parameter.get$ref() != null) return;
    schema(parameter.getSchema(), at.then("schema"));
    content(parameter.getContent(), at);
  }

  private void requestBody(RequestBody body, Pointer at) {
    if (body.get$ref() == null) content(body.getContent(), at);
  }

  private void response(ApiResponse response, Pointer at) {
    if (response.get$ref() != null) return;
    content(response.getContent(), at);
    if (response.getHeaders() != null) {
      for (Map.Entry<String, Header> entry : response.getHeaders().entrySet()) {
        header(entry.getValue(), at.then("headers", entry.getKey()));
      }
    }
  }

  private void header(Header header, Pointer at) {
    if (header.get$ref() != null) return;
    schema(header.getSchema(), at.then("schema"));
    content(header.getContent(), at);
  }

  private void content(Content content, Pointer at) {
    if (content == null) return;
    for (Map.Entry<String, MediaType> entry : content.entrySet()) {
      schema(entry.getValue().getSchema(), at.then("content", entry.getKey(), "schema"));
    }
  }

  private void schema(Schema<?> schema, Pointer at) {
    if (schema == null || schema.get$ref() != null || !visited.add(schema)) return;
    visitor.visit(schema, at);
    if (schema.getProperties() != null) {
      for (Map.Entry<String, Schema> entry : schema.getProperties().entrySet()) {
        schema(entry.getValue(), at.then("properties", entry.getKey()));
      }
    }
    schema(schema.getItems(), at.then("items"));
    if (schema.getAdditionalProperties() instanceof Schema<?> values) schema(values, at.then("additionalProperties"));
    members(schema.getAllOf(), at.then("allOf"));
    members(schema.getOneOf(), at.then("oneOf"));
    members(schema.getAnyOf(), at.then("anyOf"));
    schema(schema.getNot(), at.then("not"));
  }

  private void members(List<Schema> members, Pointer at) {
    if (members == null) return;
    for (int i = 0; i < members.size(); i++) schema(members.get(i), at.then(i));
  }
}
