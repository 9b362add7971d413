package dev.sessionkit.sandbox.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The checks a request passes before its operation runs: the credential, the parameters, the
 * required body members, the idempotency key; and the vendor's error replies they give.
 */
final class Checks {
  private final VendorServer v;

  Checks(VendorServer v) {
    this.v = v;
  }
  private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

  @Nullable String idempotencyKey(Spec.Op op, Request request) {
    String header = v.idempotencyHeader;
    if (header == null) {
      for (Spec.Param p : op.params()) {
        if (p.in().equals("header") && p.name().equalsIgnoreCase("Idempotency-Key")) header = p.name();
      }
    }
    if (header == null || request.method().equals("GET")) return null;
    String value = request.headers().get(header);
    return value == null || value.isBlank() ? null : value;
  }

  static Map<String, String> query(Request request) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String name : request.url().queryParameterNames()) {
      String value = request.url().queryParameter(name);
      query.put(name, value == null ? "" : value);
    }
    return query;
  }

  boolean authorized(Spec.Op op, Request request) {
    List<Map<String, Object>> requirements = op.security();
    if (requirements.isEmpty()) return true;
    for (Map<String, Object> requirement : requirements) {
      boolean all = true;
      for (String scheme : requirement.keySet()) all &= schemePasses(scheme, request);
      if (all) return true;
    }
    return false;
  }

  boolean schemePasses(String name, Request request) {
    Map<String, Object> scheme = v.spec.securityScheme(name);
    if (scheme == null) return false;
    String type = String.valueOf(scheme.get("type")).toLowerCase(Locale.ROOT);
    String bearer = "Bearer " + v.credential;
    return switch (type) {
      case "apikey" -> {
        String in = Json.string(scheme, "in");
        String paramName = Json.string(scheme, "name");
        if (paramName == null) yield false;
        String value = "query".equals(in) ? request.query(paramName) : request.headers().get(paramName);
        yield v.credential.equals(value);
      }
      case "http" -> {
        String s = String.valueOf(scheme.get("scheme")).toLowerCase(Locale.ROOT);
        String authorization = request.headers().get("Authorization");
        yield s.equals("basic") ? authorization != null && authorization.startsWith("Basic ") : bearer.equals(authorization);
      }
      default -> bearer.equals(request.headers().get("Authorization"));
    };
  }

  int invalidStatus() {
    Object status = v.scenario.errors().get("invalid-parameter");
    return status instanceof Number n ? n.intValue() : 400;
  }

  int invalidPathStatus() {
    Object status = v.scenario.errors().get("invalid-path-parameter");
    if (status instanceof Number n) return n.intValue();
    status = v.scenario.errors().get("invalid-parameter");
    return status instanceof Number n ? n.intValue() : 404;
  }

  @Nullable Reply validate(Spec.Op op, Map<String, String> path, Map<String, String> query, Request request) {
    for (Spec.Param p : op.params()) {
      String value = switch (p.in()) {
        case "path" -> path.get(p.name());
        case "query" -> request.url().queryParameter(p.name());
        case "header" -> request.headers().get(p.name());
        default -> null;
      };
      boolean inPath = p.in().equals("path");
      int status = inPath ? invalidPathStatus() : invalidStatus();
      if (value == null) {
        if (p.required() && !p.in().equals("header")) {
          return v.errors.invalid(op, status, p.in(), p.name(), "required", null, Map.of(), request.number());
        }
        continue;
      }
      Map<String, Object> schema = Json.object(v.spec.resolve(p.schema()));
      if (schema == null) continue;
      String type = Json.string(schema, "type");
      Map<String, String> details = new LinkedHashMap<>();
      String kind = null;
      if ("integer".equals(type) || "number".equals(type)) {
        double number;
        try {
          number = "integer".equals(type) ? Long.parseLong(value.strip()) : Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
          number = Double.NaN;
          kind = "integer";
        }
        if (kind == null) {
          Object min = schema.get("minimum");
          Object max = schema.get("maximum");
          if (min != null) details.put("minimum", min.toString());
          if (max != null) details.put("maximum", max.toString());
          if (min instanceof Number n && number < n.doubleValue()) {
            kind = "minimum";
            details.put("limit", min.toString());
          } else if (max instanceof Number n && number > n.doubleValue() && !v.scenario.capsAboveMaximum(p.name())) {
            kind = "maximum";
            details.put("limit", max.toString());
          }
        }
      } else if ("boolean".equals(type)) {
        if (!value.equals("true") && !value.equals("false")) kind = "boolean";
      } else if ("string".equals(type)) {
        String format = Json.string(schema, "format");
        String pattern = Json.string(schema, "pattern");
        if ("uuid".equals(format) && !UUID.matcher(value).matches()) {
          kind = "uuid";
        } else if (pattern != null && !patterns.computeIfAbsent(pattern, Pattern::compile).matcher(value).find()) {
          kind = "pattern";
          details.put("limit", pattern);
        } else if (schema.get("minLength") instanceof Number n && value.length() < n.intValue()) {
          kind = "minimum";
          details.put("limit", n.toString());
        } else if (schema.get("maxLength") instanceof Number n && value.length() > n.intValue()) {
          kind = "maximum";
          details.put("limit", n.toString());
        }
      }
      if (kind == null) continue;
      if (status == 404) return notFound(op, value, request.number());
      return v.errors.invalid(op, status, p.in(), p.name(), kind, value, details, request.number());
    }
    return null;
  }

  @Nullable Reply requiredBodyMembers(Spec.Op op, @Nullable Object body, long number) {
    Map<String, Object> schema = Json.object(v.spec.resolve(op.bodySchema()));
    Map<String, Object> value = Json.object(body);
    if (schema == null || value == null) return null;
    List<Object> required = Json.array(schema.get("required"));
    if (required == null) return null;
    for (Object name : required) {
      if (!value.containsKey(String.valueOf(name))) {
        return v.errors.invalid(op, invalidStatus(), "body", String.valueOf(name), "required", null, Map.of(), number);
      }
    }
    return null;
  }

  Reply notFound(Spec.Op op, @Nullable String missingId, long number) {
    Scenario.Binding binding = v.bindings.get(op.id());
    String what = binding == null || binding.verb().equals("example") ? "Resource" : binding.target();
    if (binding != null && binding.verb().startsWith("event-")) what = "event";
    return v.errors.error(op, 404, null, null, missingId, Character.toUpperCase(what.charAt(0)) + what.substring(1), number);
  }
}
