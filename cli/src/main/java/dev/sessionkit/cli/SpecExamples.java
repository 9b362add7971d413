package dev.sessionkit.cli;

import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.core.vendor.VendorDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The request body examples of a vendor's spec, read from the spec its module bundles
 * ({@link VendorDescriptor#spec()}): the operation's {@code requestBody} (or the one it refers to),
 * its JSON content's {@code example}, else its first {@code examples} value, else its schema's
 * {@code example}. Read only when asked, for the demo, the tests and an operation's help.
 */
final class SpecExamples {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private final VendorDescriptor vendor;
  private Map<?, ?> spec;

  private SpecExamples(VendorDescriptor vendor) {
    this.vendor = vendor;
  }

  /** Returns the examples of {@code vendor}'s spec, read on first use; none when its module bundles no spec. */
  static SpecExamples of(VendorDescriptor vendor) {
    return new SpecExamples(vendor);
  }

  private Map<?, ?> spec() {
    if (spec == null) {
      Object parsed = vendor.readResource("openapi.json").map(Json::parse).orElse(null);
      spec = parsed instanceof Map<?, ?> map ? map : Map.of();
    }
    return spec;
  }

  /** Returns the example of {@code operation}'s JSON request body, as compact JSON, if the spec gives one. */
  Optional<String> body(OperationDescriptor operation) {
    Map<?, ?> found = operation(operation.operationId());
    if (found == null) return Optional.empty();
    Map<?, ?> body = resolve(map(found.get("requestBody")));
    Map<?, ?> contents = body == null ? null : map(body.get("content"));
    Map<?, ?> content = null;
    if (contents != null) {
      for (Map.Entry<?, ?> entry : contents.entrySet()) {
        String type = String.valueOf(entry.getKey());
        if (type.startsWith("application/json") || type.endsWith("+json")) {
          content = map(entry.getValue());
          break;
        }
      }
    }
    if (content == null) return Optional.empty();
    if (content.containsKey("example")) return Optional.of(Json.write(content.get("example")));
    Map<?, ?> examples = map(content.get("examples"));
    if (examples != null) {
      for (Object example : examples.values()) {
        Map<?, ?> resolved = resolve(map(example));
        if (resolved != null && resolved.containsKey("value")) return Optional.of(Json.write(resolved.get("value")));
      }
    }
    Map<?, ?> schema = resolve(map(content.get("schema")));
    if (schema != null && schema.containsKey("example")) return Optional.of(Json.write(schema.get("example")));
    return Optional.empty();
  }

  private Map<?, ?> operation(String operationId) {
    Map<?, ?> paths = map(spec().get("paths"));
    if (paths == null) return null;
    for (Object item : paths.values()) {
      Map<?, ?> methods = map(item);
      if (methods == null) continue;
      for (Map.Entry<?, ?> method : methods.entrySet()) {
        Map<?, ?> operation = map(method.getValue());
        if (METHODS.contains(String.valueOf(method.getKey())) && operation != null
            && operationId.equals(operation.get("operationId"))) {
          return operation;
        }
      }
    }
    return null;
  }

  /** Follows a local {@code $ref} ({@code #/components/...}) to what it names. */
  private Map<?, ?> resolve(Map<?, ?> node) {
    for (int depth = 0; node != null && node.get("$ref") instanceof String ref && depth < 10; depth++) {
      if (!ref.startsWith("#/")) return null;
      Object target = spec();
      for (String token : List.of(ref.substring(2).split("/"))) {
        Map<?, ?> parent = map(target);
        target = parent == null ? null : parent.get(token.replace("~1", "/").replace("~0", "~"));
      }
      node = map(target);
    }
    return node;
  }

  private static Map<?, ?> map(Object node) {
    return node instanceof Map<?, ?> map ? map : null;
  }
}
