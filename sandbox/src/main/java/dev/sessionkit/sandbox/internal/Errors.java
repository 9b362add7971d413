package dev.sessionkit.sandbox.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Error answers in the vendor's own envelope. The body starts from the spec's documented example for
 * the status (the operation's own, else any operation's or component's, else any error example),
 * then the message, code, parameter, id and request id are written where the spec's
 * {@code x-sessionkit-errors} and the scenario's {@code errors} say they go.
 */
final class Errors {
  private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(400, "Bad Request"),
      Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
      Map.entry(405, "Method Not Allowed"), Map.entry(409, "Conflict"), Map.entry(413, "Payload Too Large"),
      Map.entry(422, "Unprocessable Entity"), Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"),
      Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));
  private static final Map<String, String> KINDS = Map.of(
      "uuid", "Input should be a valid UUID",
      "integer", "Input should be a valid integer",
      "boolean", "Input should be a valid boolean",
      "minimum", "Input should be greater than or equal to {limit}",
      "maximum", "Input should be less than or equal to {limit}",
      "pattern", "Input should match the pattern {limit}",
      "required", "Field required",
      "json", "The body must be valid JSON",
      "exclusive", "{name} and {other} are mutually exclusive",
      "cursor", "{name} is not a cursor of this list");

  private final Spec spec;
  private final Map<String, Object> scenario;
  private final Map<String, Object> envelope;

  Errors(Spec spec, Scenario scenario) {
    this.spec = spec;
    this.scenario = scenario.errors();
    this.envelope = spec.extension("x-sessionkit-errors");
  }

  /** The answer to a path no operation has. */
  Reply route(boolean methodOnly, long number) {
    Map<String, Object> route = Json.object(scenario.get("route"));
    int status = methodOnly ? 405 : 404;
    if (route != null && route.get("status") instanceof Number n && !methodOnly) status = n.intValue();
    if (route != null && route.get("text") instanceof String text && !methodOnly) return Reply.text(status, text);
    return error(null, status, REASONS.get(status), null, null, number);
  }

  /** An error of {@code status} with the sandbox's {@code message} (null: the documented one). */
  Reply error(Spec.@Nullable Op op, int status, @Nullable String message, @Nullable String param, @Nullable String id,
      long number) {
    return error(op, status, message, param, id, "Resource", number);
  }

  /** An error about {@code what} (a resource's name, for messages such as "{What} '{id}' was not found."). */
  Reply error(Spec.@Nullable Op op, int status, @Nullable String message, @Nullable String param, @Nullable String id,
      String what, long number) {
    Map<String, Object> body = body(op, status, message, param, id, null, number);
    String codePath = codePath();
    if (codePath != null && Json.at(body, codePath) instanceof String code && code.contains("{what}")) {
      Json.put(body, codePath, code.replace("{what}", what.toLowerCase(java.util.Locale.ROOT)));
    }
    String messagePath = messagePath();
    Object text = messagePath == null ? null : Json.at(body, messagePath);
    if (text instanceof String s && s.contains("{What}")) Json.put(body, messagePath, s.replace("{What}", what));
    List<Object> list = text == null ? null : Json.array(text);
    if (list != null && list.size() == 1 && list.get(0) instanceof String s && s.contains("{What}")) {
      Json.put(body, messagePath, new ArrayList<>(List.of(s.replace("{What}", what))));
    }
    return Reply.json(status, body);
  }

  /** A refused parameter: {@code kind} names the rule it broke (uuid, integer, minimum, pattern, ...). */
  Reply invalid(Spec.@Nullable Op op, int status, String location, String name, String kind, @Nullable Object input,
      Map<String, String> details, long number) {
    String message = kindMessage(kind, name, details);
    if (envelope.containsKey("validation")) {
      Map<String, Object> body = body(op, status, null, name, null, null, number);
      Map<String, Object> validation = Json.object(envelope.get("validation"));
      String listPath = messagePath();
      Object list = listPath == null ? null : Json.at(body, listPath);
      Map<String, Object> entry = new LinkedHashMap<>();
      List<Object> existing = Json.array(list);
      if (existing != null && !existing.isEmpty() && Json.object(existing.get(0)) != null) entry.putAll(Json.object(existing.get(0)));
      entry.remove("ctx");
      Json.put(entry, String.valueOf(validation.getOrDefault("location", "loc")), new ArrayList<>(List.of(location, name)));
      Json.put(entry, String.valueOf(validation.getOrDefault("message", "msg")), message);
      Json.put(entry, String.valueOf(validation.getOrDefault("code", "type")), code(kind, status));
      if (entry.containsKey("input") || input != null) entry.put("input", input);
      if (listPath != null) Json.put(body, listPath, new ArrayList<>(List.of(entry)));
      return Reply.json(status, body);
    }
    return Reply.json(status, body(op, status, message, name, null, kind, number));
  }

  private String kindMessage(String kind, String name, Map<String, String> details) {
    String text = Json.string(scenario, "messages." + kind);
    if (text == null) text = KINDS.getOrDefault(kind, "{name} is invalid");
    text = text.replace("{name}", name);
    for (Map.Entry<String, String> d : details.entrySet()) text = text.replace("{" + d.getKey() + "}", d.getValue());
    return text;
  }

  private Map<String, Object> body(Spec.@Nullable Op op, int status, @Nullable String message, @Nullable String param,
      @Nullable String id, @Nullable String kind, long number) {
    Template found = template(op, status);
    Map<String, Object> body = found.body;
    String messagePath = messagePath();
    String text = message;
    if (text == null) text = Json.string(scenario, "messages." + status);
    if (text == null && !found.sameStatus) text = REASONS.getOrDefault(status, "Error " + status);
    if (text != null && messagePath != null) {
      text = text.replace("{id}", id == null ? "" : id);
      Object current = Json.at(body, messagePath);
      boolean list = current instanceof List<?> || !(current instanceof Map<?, ?>) && messageIsList(messagePath);
      Json.put(body, messagePath, list ? new ArrayList<>(List.of(text)) : text);
    }
    String codePath = codePath();
    String code = code(kind, status);
    if (code == null && !found.sameStatus) code = describedCode(op, status);
    if (codePath != null && code != null && (Json.has(body, codePath) || declaresErrorMember(codePath))) {
      Json.put(body, codePath, code);
    }
    String paramPath = Json.string(scenario, "parameter");
    if (paramPath != null) {
      Object current = Json.at(body, paramPath);
      if (param == null) {
        Json.remove(body, paramPath);
      } else if (current instanceof Map<?, ?>) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(param, text);
        Json.put(body, paramPath, fields);
      } else {
        Json.put(body, paramPath, param);
      }
    }
    String mapPath = Json.string(scenario, "parameter-map");
    if (mapPath != null) {
      if (param == null) {
        Json.remove(body, mapPath);
      } else {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(param, text);
        Json.put(body, mapPath, fields);
      }
    }
    String idPath = Json.string(scenario, "id");
    if (idPath != null) {
      if (id != null && status == 404) Json.put(body, idPath, id);
      else Json.remove(body, idPath);
    }
    String requestIdPath = Json.string(scenario, "request-id");
    if (requestIdPath == null) requestIdPath = Json.string(envelope, "request-id");
    if (requestIdPath != null) Json.put(body, requestIdPath, "req_sandbox_" + number);
    return body;
  }

  private @Nullable String code(@Nullable String kind, int status) {
    String code = kind == null ? null : Json.string(scenario, "codes." + kind);
    if (code == null) code = Json.string(scenario, "codes." + status);
    if (code == null) code = Json.string(scenario, "codes.default");
    return code == null ? null : code.replace("{status}", Integer.toString(status));
  }

  /**
   * Returns the code a documented response's description starts with, in the convention
   * {@code "not_found: the thread does not exist."}: the operation's response for the status, else
   * any operation's.
   */
  private @Nullable String describedCode(Spec.@Nullable Op op, int status) {
    List<Spec.Op> ops = new ArrayList<>();
    if (op != null) ops.add(op);
    ops.addAll(spec.operations());
    for (Spec.Op candidate : ops) {
      Map<String, Object> response = candidate.responses().get(Integer.toString(status));
      String description = response == null ? null : Json.string(response, "description");
      if (description == null) continue;
      java.util.regex.Matcher m = DESCRIBED_CODE.matcher(description);
      if (m.find()) return m.group(1);
    }
    return null;
  }

  private static final java.util.regex.Pattern DESCRIBED_CODE = java.util.regex.Pattern.compile("^`?([a-z][a-z0-9_]*)`?:\\s");

  private @Nullable String messagePath() {
    String path = Json.string(scenario, "message");
    if (path != null) return path;
    Object declared = envelope.get("message");
    if (declared instanceof String s) return s;
    List<Object> paths = Json.array(declared);
    return paths == null || paths.isEmpty() ? null : String.valueOf(paths.get(paths.size() - 1));
  }

  private @Nullable String codePath() {
    String path = Json.string(scenario, "code");
    if (path != null) return path;
    Object code = envelope.get("code");
    if (code instanceof String s) return s;
    Object type = envelope.get("type");
    return type instanceof String s ? s : null;
  }

  private record Template(Map<String, Object> body, boolean sameStatus) {}

  /** Returns whether an error schema of the spec declares the (first step of the) dotted {@code path}. */
  private boolean declaresErrorMember(String path) {
    String first = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
    for (Spec.Op op : spec.operations()) {
      for (String status : op.responses().keySet()) {
        if (!status.matches("[45][0-9][0-9]")) continue;
        if (spec.properties(op.responseSchema(Integer.parseInt(status))).containsKey(first)) return true;
      }
    }
    return false;
  }

  /** Returns whether the spec's error schemas type the message member as a list (such as {@code messages: [...]}). */
  private boolean messageIsList(String messagePath) {
    for (Spec.Op op : spec.operations()) {
      for (String status : op.responses().keySet()) {
        if (!status.matches("[45][0-9][0-9]")) continue;
        Object schema = op.responseSchema(Integer.parseInt(status));
        Object property = spec.properties(schema).get(messagePath);
        Map<String, Object> resolved = Json.object(spec.resolve(property));
        if (resolved != null) return "array".equals(Json.string(resolved, "type"));
      }
    }
    return false;
  }

  private Template template(Spec.@Nullable Op op, int status) {
    if (op != null) {
      Map<String, Object> example = Json.object(op.example(status));
      if (example != null) return new Template(example, true);
    }
    for (Spec.Op other : spec.operations()) {
      Map<String, Object> example = Json.object(other.example(status));
      if (example != null) return new Template(example, true);
    }
    for (int fallback : new int[] {404, 400, 401, 422, 409, 403, 500}) {
      for (Spec.Op other : spec.operations()) {
        Map<String, Object> example = Json.object(other.example(fallback));
        if (example != null) return new Template(example, fallback == status);
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    String messagePath = messagePath();
    Json.put(body, messagePath == null ? "message" : messagePath, REASONS.getOrDefault(status, "Error " + status));
    return new Template(body, false);
  }
}
