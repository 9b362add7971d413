package dev.sessionkit.generator;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The spec being generated: its name as errors print it ({@code specs/qoder.yaml}) and its parsed
 * document, to find what a Codegen object came from and point at it.
 */
record Spec(String name, OpenAPI openApi) {
  /** Returns the refusal of the construct at {@code pointer}: {@code <spec>#<pointer>: <message>}. */
  InvalidSpecException error(Pointer pointer, String message) {
    return new InvalidSpecException(name + "#" + pointer + ": " + message);
  }

  /** Returns the operation at {@code path} and {@code method}, or null. */
  Operation operation(String path, String method) {
    PathItem item = openApi.getPaths() == null ? null : openApi.getPaths().get(path);
    if (item == null) return null;
    for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
      if (entry.getKey().name().equalsIgnoreCase(method)) return entry.getValue();
    }
    return null;
  }

  /**
   * Returns where the parameter {@code name} in {@code in} of an operation is declared: in the
   * operation's {@code parameters}, else in its path item's; the pointer of the declaration (a
   * {@code $ref} to {@code components.parameters} included), or the operation's when not found.
   */
  Pointer parameter(String path, String method, String in, String name) {
    Pointer operation = Pointer.operation(path, method);
    Operation op = operation(path, method);
    Pointer found = op == null ? null : find(operation.then("parameters"), op.getParameters(), in, name);
    if (found != null) return found;
    PathItem item = openApi.getPaths() == null ? null : openApi.getPaths().get(path);
    found = item == null ? null : find(Pointer.ROOT.then("paths", path, "parameters"), item.getParameters(), in, name);
    return found != null ? found : operation;
  }

  private Pointer find(Pointer at, List<Parameter> parameters, String in, String name) {
    if (parameters == null) return null;
    for (int i = 0; i < parameters.size(); i++) {
      Parameter parameter = resolve(parameters.get(i));
      if (parameter != null && name.equals(parameter.getName())
          && in.toLowerCase(Locale.ROOT).equals(String.valueOf(parameter.getIn()).toLowerCase(Locale.ROOT))) {
        return at.then(i);
      }
    }
    return null;
  }

  /** Returns {@code parameter}, or the {@code components.parameters} entry its {@code $ref} names. */
  Parameter resolve(Parameter parameter) {
    String ref = parameter.get$ref();
    if (ref == null) return parameter;
    String prefix = "#/components/parameters/";
    if (!ref.startsWith(prefix) || openApi.getComponents() == null || openApi.getComponents().getParameters() == null) {
      return null;
    }
    return openApi.getComponents().getParameters().get(ref.substring(prefix.length()));
  }
}
