package dev.sessionkit.sandbox.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** How a vendor's operations and turn steps are chosen: the bindings a scenario leaves out, and the steps a spec allows. */
final class Bindings {
  private static final Pattern SPEC_HAS = Pattern.compile("\\{spec-has:([^}]+)}");

  private Bindings() {}

  /**
   * Returns whether a turn step applies to this spec: a step whose {@code when} is
   * {@code {spec-has:<name>}} runs only when the spec names that event type (a discriminator value
   * or a schema), so one scenario serves a spec before and after it documents the event.
   */
  static boolean applies(Spec spec, Scenario scenario, Map<String, Object> step) {
    Object when = step.get("when");
    if (when == null) return true;
    Matcher m = SPEC_HAS.matcher(String.valueOf(when));
    if (!m.matches()) throw new IllegalArgumentException(scenario.source() + ": a step's when must be {spec-has:<name>} (got " + when + ")");
    String name = m.group(1);
    Map<String, Object> schemas = Json.object(Json.at(spec.root(), "components.schemas"));
    if (schemas == null) return false;
    if (schemas.containsKey(name)) return true;
    for (Object schema : schemas.values()) {
      Map<String, Object> mapping = Json.object(Json.at(schema, "discriminator.mapping"));
      if (mapping != null && mapping.containsKey(name)) return true;
    }
    return false;
  }

  /** Returns the binding of an operation the scenario does not bind, from the resources' paths, or null. */
  static Scenario.@Nullable Binding infer(Scenario scenario, Spec.Op op) {
    for (Scenario.Resource resource : scenario.resources().values()) {
      String item = resource.itemPath();
      String collection = item.substring(0, item.lastIndexOf('/'));
      String verb = null;
      if (op.path().equals(item)) {
        verb = switch (op.method()) {
          case "GET" -> "get";
          case "DELETE" -> "delete";
          case "POST", "PUT", "PATCH" -> "update";
          default -> null;
        };
      } else if (op.path().equals(collection)) {
        verb = switch (op.method()) {
          case "GET" -> "list";
          case "POST" -> "create";
          default -> null;
        };
      }
      if (verb != null) return new Scenario.Binding(op.id(), verb, resource.name(), Map.of(verb, resource.name()));
    }
    return null;
  }
}
