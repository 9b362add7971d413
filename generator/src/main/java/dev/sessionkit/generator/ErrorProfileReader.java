package dev.sessionkit.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads and checks {@code x-sessionkit-errors} into an {@link ErrorProfileModel}. */
final class ErrorProfileReader {
  private ErrorProfileReader() {}

  /** Returns the profile, or null when the spec has no {@code x-sessionkit-errors}. */
  static ErrorProfileModel read(Extension errors) {
    if (errors == null) return null;
    errors.object("message", "code", "type", "request-id", "status-codes", "not-found-keys", "validation");
    List<ErrorProfileModel.StatusCode> statusCodes = new ArrayList<>();
    Extension statuses = errors.get("status-codes");
    if (statuses != null) {
      for (Map.Entry<String, String> entry : statuses.stringMap().entrySet()) {
        if (!entry.getKey().matches("[1-5][0-9][0-9]")) {
          throw statuses.error("keys are HTTP statuses (got " + entry.getKey() + ")");
        }
        statusCodes.add(new ErrorProfileModel.StatusCode(Integer.parseInt(entry.getKey()), Text.javaString(entry.getValue())));
      }
    }
    ErrorProfileModel.NotFound notFound = null;
    Extension keys = errors.get("not-found-keys");
    if (keys != null) {
      keys.object("fields", "prefixes");
      List<ErrorProfileModel.NotFound.Prefix> prefixes = new ArrayList<>();
      keys.require("prefixes").stringMap().forEach((prefix, code) ->
          prefixes.add(new ErrorProfileModel.NotFound.Prefix(Text.javaString(prefix), Text.javaString(code))));
      notFound = new ErrorProfileModel.NotFound(keys.require("fields").strings().stream().map(Text::javaString).toList(),
          prefixes);
    }
    ErrorProfileModel.Validation validation = null;
    Extension list = errors.get("validation");
    if (list != null) {
      list.object("location", "message", "code");
      validation = new ErrorProfileModel.Validation(Text.javaString(list.string("location")),
          Text.javaString(list.string("message")), Text.javaString(list.string("code")));
    }
    return new ErrorProfileModel(literal(errors.optionalString("message")), literal(errors.optionalString("code")),
        literal(errors.optionalString("type")), literal(errors.optionalString("request-id")), statusCodes, notFound,
        validation);
  }

  private static String literal(String value) {
    return value == null ? null : Text.javaString(value);
  }
}
