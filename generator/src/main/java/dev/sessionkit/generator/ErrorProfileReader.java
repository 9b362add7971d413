package dev.sessionkit.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads and checks {@code x-sessionkit-errors} into an {@link ErrorProfileModel}. A path is a dotted
 * name ({@code detail.message}) or a list of them, the first the body has a value at winning;
 * {@code by-status} gives a status a shape of its own:
 *
 * <pre>{@code
 * x-sessionkit-errors:
 *   message: [detail.message, detail]   # FastAPI: an object on 404, a string on 401, a list on 422
 *   code: detail.code
 *   validation: {location: loc, message: msg, code: type}
 *   by-status:
 *     '503': {message: error, code: reason}
 * }</pre>
 */
final class ErrorProfileReader {
  private static final String PATH = "[A-Za-z0-9_$@-]+(\\.[A-Za-z0-9_$@-]+)*";
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
        statusCodes.add(new ErrorProfileModel.StatusCode(status(statuses, entry.getKey()),
            code(statuses.get(entry.getKey()), entry.getValue())));
      }
    }
    ErrorProfileModel.NotFound notFound = null;
    Extension keys = errors.get("not-found-keys");
    if (keys != null) {
      keys.object("fields", "prefixes");
      List<String> fields = new ArrayList<>();
      Extension fieldList = keys.require("fields");
      List<Extension> fieldEntries = fieldList.list();
      for (Extension field : fieldEntries) fields.add(path(field));
      List<ErrorProfileModel.NotFound.Prefix> prefixes = new ArrayList<>();
      Extension prefixMap = keys.require("prefixes");
      for (Map.Entry<String, String> entry : prefixMap.stringMap().entrySet()) {
        Extension at = prefixMap.get(entry.getKey());
        prefixes.add(new ErrorProfileModel.NotFound.Prefix(code(at, entry.getKey()), code(at, entry.getValue())));
      }
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

  /** A path or a non-empty list of paths. */
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

  private static String path(Extension value) {
    String path = value.string();
    if (!path.matches(PATH)) throw value.error("must be a dotted path of member names like detail.message (got " + path + ")");
    return path;
  }

  private static int status(Extension map, String key) {
    if (!key.matches("[1-5][0-9][0-9]")) throw map.error("keys are HTTP statuses (got " + key + ")");
    return Integer.parseInt(key);
  }

  private static String code(Extension at, String code) {
    if (!code.matches("[A-Za-z0-9_.:/-]+")) {
      throw at.error("must be a code of letters, digits and _ . : / - (got " + code + ")");
    }
    return code;
  }
}
