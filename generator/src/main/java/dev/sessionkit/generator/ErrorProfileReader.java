package dev.sessionkit.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads and checks {@code x-sessionkit-errors} into an {@link ErrorProfileModel}. A path is a dotted
 * name ({@code detail.message}) or a list of them, the first the body has a value at winning;
 * {@code by-status} gives a status a shape of its own, whose missing parts come from the general one:
 *
 * <pre>{@code
 * x-sessionkit-errors:
 *   message: [detail.message, detail]   # FastAPI: an object on 404, a string on 401, a list on 422
 *   code: detail.code
 *   validation: {location: loc, message: msg, code: type}
 *   by-status:
 *     '429': {message: message}         # the gateway's own body
 * }</pre>
 */
final class ErrorProfileReader {
  private static final String[] PARTS = {"message", "code", "type", "request-id", "validation"};

  private ErrorProfileReader() {}

  /** Returns the profile, or null when the spec has no {@code x-sessionkit-errors}. */
  static ErrorProfileModel read(Extension errors) {
    if (errors == null) return null;
    errors.object("message", "code", "type", "request-id", "status-codes", "not-found-keys", "validation", "by-status");
    List<ErrorProfileModel.StatusCode> statusCodes = new ArrayList<>();
    Extension statuses = errors.get("status-codes");
    if (statuses != null) {
      for (Map.Entry<String, String> entry : statuses.stringMap().entrySet()) {
        statusCodes.add(new ErrorProfileModel.StatusCode(status(statuses, entry.getKey()), Text.javaString(entry.getValue())));
      }
    }
    ErrorProfileModel.NotFound notFound = null;
    Extension keys = errors.get("not-found-keys");
    if (keys != null) {
      keys.object("fields", "prefixes");
      List<String> fields = new ArrayList<>();
      for (Extension field : keys.require("fields").list()) fields.add(path(field));
      List<ErrorProfileModel.NotFound.Prefix> prefixes = new ArrayList<>();
      keys.require("prefixes").stringMap().forEach((prefix, code) ->
          prefixes.add(new ErrorProfileModel.NotFound.Prefix(Text.javaString(prefix), Text.javaString(code))));
      notFound = new ErrorProfileModel.NotFound(fields, prefixes);
    }
    List<ErrorProfileModel.StatusShape> byStatus = new ArrayList<>();
    Extension shapes = errors.get("by-status");
    if (shapes != null) {
      for (String key : shapes.keys()) {
        Extension shape = shapes.get(key).object(PARTS);
        ErrorProfileModel model = parts(shape, List.of(), null, List.of());
        if (model.message() == null && model.code() == null && model.type() == null && model.requestId() == null
            && model.validation() == null) {
          throw shape.error("names no part; give message, code, type, request-id or validation");
        }
        byStatus.add(new ErrorProfileModel.StatusShape(status(shapes, key), model));
      }
    }
    return parts(errors, statusCodes, notFound, byStatus);
  }

  private static ErrorProfileModel parts(Extension at, List<ErrorProfileModel.StatusCode> statusCodes,
      ErrorProfileModel.NotFound notFound, List<ErrorProfileModel.StatusShape> byStatus) {
    ErrorProfileModel.Validation validation = null;
    Extension list = at.get("validation");
    if (list != null) {
      list.object("location", "message", "code");
      validation = new ErrorProfileModel.Validation(path(list.require("location")), path(list.require("message")),
          path(list.require("code")));
    }
    return new ErrorProfileModel(paths(at.get("message")), paths(at.get("code")), paths(at.get("type")),
        paths(at.get("request-id")), statusCodes, notFound, validation, byStatus);
  }

  /** A path, or a non-empty list of paths (alternatives, in order). */
  private static ErrorProfileModel.Paths paths(Extension value) {
    if (value == null) return null;
    List<String> paths = new ArrayList<>();
    if (value.isList()) {
      List<Extension> entries = value.list();
      if (entries.isEmpty()) throw value.error("must be a path or a non-empty list of paths");
      for (Extension entry : entries) paths.add(path(entry));
    } else {
      paths.add(path(value));
    }
    return new ErrorProfileModel.Paths(paths);
  }

  /** A dotted path of member names, none empty; escaped for a Java string literal. */
  private static String path(Extension value) {
    String path = value.string();
    if (path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
      throw value.error("must be a dotted path of member names like detail.message (got " + path + ")");
    }
    return Text.javaString(path);
  }

  private static int status(Extension map, String key) {
    if (!key.matches("[1-5][0-9][0-9]")) throw map.error("keys are HTTP statuses (got " + key + ")");
    return Integer.parseInt(key);
  }
}
