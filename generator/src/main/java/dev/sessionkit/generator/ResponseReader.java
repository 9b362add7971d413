package dev.sessionkit.generator;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openapitools.codegen.CodegenMediaType;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenProperty;
import org.openapitools.codegen.CodegenResponse;

/**
 * Reads what an operation sends and answers: its JSON request body, and its success responses
 * (200, 201, 202 and 204): a JSON body, no body, a binary body, and whether it answers with a live
 * stream ({@code text/event-stream}). Anything else is refused with its pointer.
 */
final class ResponseReader {
  static final String EVENT_STREAM = "text/event-stream";
  private static final Set<String> SUCCESS = Set.of("200", "201", "202", "204");

  private final Spec spec;

  ResponseReader(Spec spec) {
    this.spec = spec;
  }

  /**
   * What the success responses say.
   *
   * @param plain the plain methods' response, or null when the operation only streams
   * @param eventType the type of a live stream's events, or null when it does not stream
   * @param stream where the {@code text/event-stream} media type is declared, or null
   */
  record Answer(ResponseModel plain, String eventType, Pointer stream) {}

  /** Whether {@code mediaType} is JSON: {@code application/json} or {@code application/...+json}. */
  static boolean isJson(String mediaType) {
    String type = mediaType.toLowerCase(Locale.ROOT).split(";")[0].strip();
    return type.equals("application/json") || type.startsWith("application/") && type.endsWith("+json");
  }

  /** Reads the JSON request body of {@code operation}, or returns null when it has none. */
  BodyModel body(Pointer at, Operation declared, CodegenOperation operation) {
    RequestBody body = declared == null ? null : declared.getRequestBody();
    if (body == null) return null;
    Pointer pointer = at.then("requestBody");
    if (body.get$ref() != null) {
      String name = body.get$ref().substring(body.get$ref().lastIndexOf('/') + 1);
      body = spec.openApi().getComponents() == null || spec.openApi().getComponents().getRequestBodies() == null ? null
          : spec.openApi().getComponents().getRequestBodies().get(name);
      if (body == null) throw spec.error(pointer, "unresolved $ref " + name);
      pointer = Pointer.ROOT.then("components", "requestBodies", name);
    }
    Content content = body.getContent();
    String json = content == null ? null : content.keySet().stream().filter(ResponseReader::isJson).findFirst().orElse(null);
    if (json == null || operation.bodyParam == null) {
      throw spec.error(pointer.then("content"), "sessionkit sends JSON request bodies (got "
          + (content == null ? "none" : String.join(", ", content.keySet())) + ")");
    }
    MediaType media = content.get(json);
    if (media.getSchema() == null) throw spec.error(pointer.then("content", json), "a JSON body needs a schema");
    String doc = body.getDescription() == null || body.getDescription().isBlank() ? "the request body"
        : Text.clause(body.getDescription());
    return new BodyModel(operation.bodyParam.dataType, doc, pointer);
  }

  /** Reads the success responses of {@code operation}. */
  Answer answer(Pointer at, Operation declared, CodegenOperation operation) {
    Pointer responses = at.then("responses");
    ResponseModel plain = null;
    String plainCode = null;
    String eventType = null;
    Pointer stream = null;
    boolean any = false;
    for (CodegenResponse response : operation.responses) {
      if (response.code == null || !response.code.startsWith("2")) continue;
      Pointer here = responses.then(response.code);
      if (!SUCCESS.contains(response.code)) {
        throw spec.error(here, "sessionkit handles the success statuses 200, 201, 202 and 204");
      }
      any = true;
      Map<String, CodegenMediaType> content = response.getContent();
      ApiResponse apiResponse = resolve(declared.getResponses() == null ? null : declared.getResponses().get(response.code));
      boolean declaresContent = apiResponse != null && apiResponse.getContent() != null && !apiResponse.getContent().isEmpty();
      ResponseModel model = null;
      if (content == null || content.isEmpty() || !declaresContent || "204".equals(response.code)) {
        if ("204".equals(response.code) && declaresContent) {
          throw spec.error(here.then("content"), "a 204 response has no body");
        }
        model = ResponseModel.none();
      } else {
        for (Map.Entry<String, CodegenMediaType> entry : content.entrySet()) {
          String mediaType = entry.getKey();
          CodegenProperty schema = entry.getValue() == null ? null : entry.getValue().getSchema();
          if (mediaType.toLowerCase(Locale.ROOT).startsWith(EVENT_STREAM)) {
            if (schema == null || schema.dataType == null) {
              throw spec.error(here.then("content", mediaType, "schema"), "a live stream needs the schema of its events");
            }
            eventType = schema.dataType;
            stream = here.then("content", mediaType);
          } else if (model == null && isJson(mediaType) && schema != null && !schema.isBinary && !schema.isFile) {
            model = ResponseModel.json(schema.dataType);
          } else if (model == null && (schema == null && mediaType.equals("application/octet-stream")
              || schema != null && (schema.isBinary || schema.isFile))) {
            model = ResponseModel.binaryStream();
          }
        }
        if (model == null && stream == null) {
          throw spec.error(here.then("content"), "sessionkit reads JSON, binary (format: binary) and "
              + EVENT_STREAM + " responses (got " + String.join(", ", content.keySet()) + ")");
        }
      }
      if (model == null) continue;
      if (plain != null && !plain.equals(model)) {
        throw spec.error(here, "answers otherwise than " + plainCode + " (" + describe(model) + " instead of "
            + describe(plain) + "); sessionkit needs one success type");
      }
      plain = model;
      plainCode = response.code;
    }
    if (!any) throw spec.error(responses, "a 200, 201, 202 or 204 response is required");
    return new Answer(plain, eventType, stream);
  }

  /** Returns {@code response}, or the {@code components.responses} entry its {@code $ref} names. */
  private ApiResponse resolve(ApiResponse response) {
    if (response == null || response.get$ref() == null) return response;
    String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
    return spec.openApi().getComponents() == null || spec.openApi().getComponents().getResponses() == null ? null
        : spec.openApi().getComponents().getResponses().get(name);
  }

  private static String describe(ResponseModel model) {
    return model.empty() ? "no body" : model.binary() ? "a binary body" : model.type();
  }
}
