package dev.sessionkit.contract;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request per operation of a spec, made of the spec's own examples: every path parameter and
 * every required query or header parameter gets its documented example (the parameter's, its
 * schema's, its first named example's, its default or its first enum value), a JSON body its media
 * type's example, and the credential its security scheme names. A value the spec does not document
 * is a finding of its own: Prism cannot be called without it. Operations Prism cannot mock
 * ({@link #notMockable}) are left out.
 */
final class ExampleRequests {
  /** A request to send: for the report, the operation it calls; {@code missing} says what had no example. */
  record ExampleRequest(String operation, String method, String pathAndQuery, Map<String, String> headers, String body,
      List<String> missing) {}

  /**
   * Why an operation is not called on Prism, or null when it is: Prism cannot mock a live stream.
   * Prism 5 answers an operation whose success is only {@code text/event-stream} with its example
   * as one JSON document (or 406 to an {@code Accept} of JSON), never as server-sent event frames, so
   * such an operation (Qoder's session and thread streams, Piper's response stream) is tested
   * against MockWebServer in its vendor module instead. An operation that answers JSON as well
   * (Vectara's input, whose stream a body property asks for) is called for its JSON.
   */
  static String notMockable(OpenAPI api, Operation operation) {
    boolean stream = false;
    boolean other = false;
    for (Map.Entry<String, io.swagger.v3.oas.models.responses.ApiResponse> entry : operation.getResponses().entrySet()) {
      if (!entry.getKey().startsWith("2")) continue;
      io.swagger.v3.oas.models.responses.ApiResponse response = entry.getValue();
      if (response.get$ref() != null && api.getComponents() != null && api.getComponents().getResponses() != null) {
        response = api.getComponents().getResponses().get(response.get$ref().replaceFirst(".*/", ""));
      }
      if (response == null || response.getContent() == null || response.getContent().isEmpty()) {
        other = true;
        continue;
      }
      for (String type : response.getContent().keySet()) {
        if (type.startsWith("text/event-stream")) stream = true;
        else other = true;
      }
    }
    return stream && !other ? "Prism cannot mock a text/event-stream answer (tested against MockWebServer in its "
        + "vendor module)" : null;
  }

  private ExampleRequests() {}

  static List<ExampleRequest> of(Path spec) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    OpenAPI api = new OpenAPIParser().readLocation(spec.toString(), null, options).getOpenAPI();
    List<ExampleRequest> requests = new ArrayList<>();
    for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
        Operation operation = entry.getValue();
        if (notMockable(api, operation) != null) continue;
        List<String> missing = new ArrayList<>();
        String target = path.getKey();
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        List<Parameter> parameters = new ArrayList<>();
        if (path.getValue().getParameters() != null) parameters.addAll(path.getValue().getParameters());
        if (operation.getParameters() != null) parameters.addAll(operation.getParameters());
        for (Parameter parameter : parameters) {
          boolean needed = "path".equals(parameter.getIn()) || Boolean.TRUE.equals(parameter.getRequired());
          if (!needed) continue;
          String value = example(parameter);
          if (value == null) {
            missing.add(parameter.getIn() + " parameter " + parameter.getName());
            continue;
          }
          switch (parameter.getIn()) {
            case "path" -> target = target.replace("{" + parameter.getName() + "}", encode(value).replace("+", "%20"));
            case "query" -> query.append(query.length() == 0 ? "?" : "&").append(encode(parameter.getName())).append('=')
                .append(encode(value));
            case "header" -> headers.put(parameter.getName(), value);
            default -> missing.add(parameter.getIn() + " parameter " + parameter.getName() + " (not sent by this suite)");
          }
        }
        credential(api, operation, headers);
        String body = null;
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
          MediaType json = operation.getRequestBody().getContent().get("application/json");
          Object example = json == null ? null : example(json.getExample(), json.getExamples(), json.getSchema());
          if (example != null) {
            body = Json.pretty(example);
          } else if (Boolean.TRUE.equals(operation.getRequestBody().getRequired())) {
            missing.add("the application/json request body");
          }
        }
        String name = operation.getOperationId() != null ? operation.getOperationId() : entry.getKey() + " " + path.getKey();
        requests.add(new ExampleRequest(name, entry.getKey().name(), target + query, headers, body, missing));
      }
    }
    return requests;
  }

  /** Sends the first security requirement's credentials (Prism checks that they are there). */
  private static void credential(OpenAPI api, Operation operation, Map<String, String> headers) {
    List<SecurityRequirement> requirements = operation.getSecurity() != null ? operation.getSecurity() : api.getSecurity();
    if (requirements == null || requirements.isEmpty() || api.getComponents() == null) return;
    for (String name : requirements.get(0).keySet()) {
      SecurityScheme scheme = api.getComponents().getSecuritySchemes().get(name);
      if (scheme == null) continue;
      if (scheme.getType() == SecurityScheme.Type.APIKEY && scheme.getIn() == SecurityScheme.In.HEADER) {
        headers.put(scheme.getName(), "contract-test-key");
      } else if (scheme.getType() == SecurityScheme.Type.HTTP || scheme.getType() == SecurityScheme.Type.OAUTH2
          || scheme.getType() == SecurityScheme.Type.OPENIDCONNECT) {
        headers.put("Authorization", "Bearer contract-test-token");
      }
    }
  }

  private static String example(Parameter parameter) {
    Object value = example(parameter.getExample(), parameter.getExamples(), parameter.getSchema());
    return value == null ? null : String.valueOf(value);
  }

  private static Object example(Object example, Map<String, Example> examples, Schema<?> schema) {
    if (example != null) return example;
    if (examples != null) {
      for (Example named : examples.values()) if (named.getValue() != null) return named.getValue();
    }
    if (schema == null) return null;
    if (schema.getExample() != null) return schema.getExample();
    if (schema.getDefault() != null) return schema.getDefault();
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) return schema.getEnum().get(0);
    return null;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
