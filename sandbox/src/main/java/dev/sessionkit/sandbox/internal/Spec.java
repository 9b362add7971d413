package dev.sessionkit.sandbox.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the sandbox reads from a vendor's OpenAPI document (the JSON its module bundles): the server
 * path, each operation with its full path, parameters, body, responses, security and sessionkit
 * extensions, and the components they refer to. Local {@code $ref}s are followed.
 */
public final class Spec {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

  private final Map<String, Object> root;
  private final String serverPath;
  private final List<Op> operations = new ArrayList<>();

  /** Reads a parsed OpenAPI document. */
  public Spec(Map<String, Object> root) {
    this.root = root;
    this.serverPath = serverPath(Json.array(root.get("servers")));
    Map<String, Object> paths = Json.object(root.get("paths"));
    if (paths == null) return;
    for (Map.Entry<String, Object> path : paths.entrySet()) {
      Map<String, Object> item = Json.object(resolve(path.getValue()));
      if (item == null) continue;
      List<Object> servers = Json.array(item.get("servers"));
      String prefix = servers == null || servers.isEmpty() ? serverPath : serverPath(servers);
      for (Map.Entry<String, Object> method : item.entrySet()) {
        if (!METHODS.contains(method.getKey())) continue;
        Map<String, Object> op = Json.object(method.getValue());
        if (op == null) continue;
        List<Param> params = new ArrayList<>();
        addParams(params, Json.array(item.get("parameters")));
        addParams(params, Json.array(op.get("parameters")));
        operations.add(new Op(this, method.getKey().toUpperCase(Locale.ROOT), prefix + path.getKey(), path.getKey(), op,
            List.copyOf(params)));
      }
    }
  }

  private void addParams(List<Param> params, @Nullable List<Object> declared) {
    if (declared == null) return;
    for (Object p : declared) {
      Map<String, Object> param = Json.object(resolve(p));
      if (param == null) continue;
      String name = Json.string(param, "name");
      String in = Json.string(param, "in");
      if (name == null || in == null) continue;
      params.removeIf(existing -> existing.name().equals(name) && existing.in().equals(in));
      Map<String, Object> schema = Json.object(resolve(param.get("schema")));
      params.add(new Param(name, in, Boolean.TRUE.equals(param.get("required")), schema == null ? Map.of() : schema,
          param.get("example")));
    }
  }

  private static String serverPath(@Nullable List<Object> servers) {
    if (servers == null || servers.isEmpty()) return "";
    String url = Json.string(servers.get(0), "url");
    if (url == null) return "";
    String path;
    try {
      path = URI.create(url).getRawPath();
    } catch (IllegalArgumentException e) {
      path = "";
    }
    if (path == null) path = "";
    while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
    return path;
  }

  /** Returns the path of the first server's URL, without a trailing slash ({@code ""} for the root). */
  public String serverPath() {
    return serverPath;
  }

  /** Returns every operation, in the document's order. */
  public List<Op> operations() {
    return operations;
  }

  /** Returns the operation {@code operationId}, or null. */
  public @Nullable Op operation(String operationId) {
    for (Op op : operations) if (operationId.equals(op.id())) return op;
    return null;
  }

  /** Returns the document's root. */
  public Map<String, Object> root() {
    return root;
  }

  /** Returns the root extension {@code name} (an object), or an empty one. */
  public Map<String, Object> extension(String name) {
    Map<String, Object> value = Json.object(root.get(name));
    return value == null ? Map.of() : value;
  }

  /** Returns the security scheme {@code name}, or null. */
  public @Nullable Map<String, Object> securityScheme(String name) {
    return Json.object(resolve(Json.at(root, "components.securitySchemes." + name)));
  }

  /** Follows {@code node}'s local {@code $ref} chain. */
  public @Nullable Object resolve(@Nullable Object node) {
    for (int hops = 0; hops < 32; hops++) {
      Map<String, Object> map = Json.object(node);
      if (map == null || !(map.get("$ref") instanceof String ref)) return node;
      if (!ref.startsWith("#/")) return node;
      Object target = root;
      for (String step : ref.substring(2).split("/")) {
        step = step.replace("~1", "/").replace("~0", "~");
        Map<String, Object> parent = Json.object(target);
        if (parent == null) return null;
        target = parent.get(step);
      }
      node = target;
    }
    throw new IllegalArgumentException("$ref cycle");
  }

  /** Returns the name of the component schema {@code node} refers to, or null. */
  public static @Nullable String refName(@Nullable Object node) {
    Map<String, Object> map = Json.object(node);
    if (map == null || !(map.get("$ref") instanceof String ref)) return null;
    int slash = ref.lastIndexOf('/');
    return ref.substring(slash + 1);
  }

  /**
   * Returns the properties {@code schema} (followed through {@code $ref}, {@code allOf} and the
   * variants of {@code oneOf}/{@code anyOf}) declares, or an empty map for a schema that is not an object.
   */
  public Map<String, Object> properties(@Nullable Object schema) {
    Map<String, Object> out = new LinkedHashMap<>();
    collectProperties(schema, out, 0);
    return out;
  }

  private void collectProperties(@Nullable Object schema, Map<String, Object> out, int depth) {
    Map<String, Object> s = Json.object(resolve(schema));
    if (s == null || depth > 16) return;
    Map<String, Object> props = Json.object(s.get("properties"));
    if (props != null) out.putAll(props);
    for (String combiner : new String[] {"allOf", "oneOf", "anyOf"}) {
      List<Object> parts = Json.array(s.get(combiner));
      if (parts != null) for (Object part : parts) collectProperties(part, out, depth + 1);
    }
  }

  /** One parameter: its name, location, whether it is required, its schema and example. */
  public record Param(String name, String in, boolean required, Map<String, Object> schema, @Nullable Object example) {}

  /** One operation of the document. */
  public static final class Op {
    private final Spec spec;
    private final String method;
    private final String fullPath;
    private final String path;
    private final Map<String, Object> node;
    private final List<Param> params;
    private final PathTemplate template;

    Op(Spec spec, String method, String fullPath, String path, Map<String, Object> node, List<Param> params) {
      this.spec = spec;
      this.method = method;
      this.fullPath = fullPath;
      this.path = path;
      this.node = node;
      this.params = params;
      this.template = new PathTemplate(fullPath);
    }

    /** Returns the operationId (or {@code METHOD path} when it has none). */
    public String id() {
      String id = Json.string(node, "operationId");
      return id != null ? id : method + " " + path;
    }

    /** Returns the HTTP method, upper case. */
    public String method() {
      return method;
    }

    /** Returns the path as the document writes it. */
    public String path() {
      return path;
    }

    /** Returns the server path and the path: what a request's path must match. */
    public String fullPath() {
      return fullPath;
    }

    /** Returns the matcher of {@link #fullPath()}. */
    public PathTemplate template() {
      return template;
    }

    /** Returns the parameters (path item's and operation's). */
    public List<Param> params() {
      return params;
    }

    /** Returns the parameter {@code name} in {@code in}, or null. */
    public @Nullable Param param(String name, String in) {
      for (Param p : params) if (p.name().equals(name) && p.in().equals(in)) return p;
      return null;
    }

    /** Returns the operation's node. */
    public Map<String, Object> node() {
      return node;
    }

    /** Returns the operation extension {@code name} (an object), or null. */
    public @Nullable Map<String, Object> extension(String name) {
      return Json.object(node.get(name));
    }

    /** Returns the security requirements that apply: the operation's, else the document's. */
    public List<Map<String, Object>> security() {
      List<Object> declared = node.containsKey("security") ? Json.array(node.get("security")) : Json.array(spec.root.get("security"));
      List<Map<String, Object>> out = new ArrayList<>();
      if (declared != null) for (Object requirement : declared) {
        Map<String, Object> r = Json.object(requirement);
        if (r != null) out.add(r);
      }
      return out;
    }

    /** Returns whether the request body is required. */
    public boolean bodyRequired() {
      Map<String, Object> body = Json.object(spec.resolve(node.get("requestBody")));
      return body != null && Boolean.TRUE.equals(body.get("required"));
    }

    /** Returns the JSON request body's schema, or null. */
    public @Nullable Object bodySchema() {
      Map<String, Object> body = Json.object(spec.resolve(node.get("requestBody")));
      Map<String, Object> content = body == null ? null : Json.object(body.get("content"));
      if (content == null) return null;
      for (Map.Entry<String, Object> media : content.entrySet()) {
        if (isJson(media.getKey())) return Json.at(media.getValue(), "schema");
      }
      return null;
    }

    /** Returns whether the operation accepts a request body at all. */
    public boolean hasBody() {
      return node.get("requestBody") != null;
    }

    /** Returns the documented statuses with their (resolved) response objects, in the document's order. */
    public Map<String, Map<String, Object>> responses() {
      Map<String, Map<String, Object>> out = new LinkedHashMap<>();
      Map<String, Object> responses = Json.object(node.get("responses"));
      if (responses != null) for (Map.Entry<String, Object> e : responses.entrySet()) {
        Map<String, Object> r = Json.object(spec.resolve(e.getValue()));
        if (r != null) out.put(e.getKey(), r);
      }
      return out;
    }

    /** Returns the first documented 2xx status (200 when none is documented). */
    public int successStatus() {
      for (String status : responses().keySet()) {
        if (status.length() == 3 && status.startsWith("2")) return Integer.parseInt(status);
      }
      return 200;
    }

    /** Returns whether {@code status}'s response declares no content. */
    public boolean emptyResponse(int status) {
      Map<String, Object> r = responses().get(Integer.toString(status));
      return r == null ? status == 204 : Json.object(r.get("content")) == null || Json.object(r.get("content")).isEmpty();
    }

    /** Returns whether the success response can be {@code text/event-stream}. */
    public boolean streams() {
      for (Map.Entry<String, Map<String, Object>> r : responses().entrySet()) {
        if (!r.getKey().startsWith("2")) continue;
        Map<String, Object> content = Json.object(r.getValue().get("content"));
        if (content != null && content.containsKey("text/event-stream")) return true;
      }
      return false;
    }

    /** Returns whether the success response can be JSON. */
    public boolean answersJson() {
      for (Map.Entry<String, Map<String, Object>> r : responses().entrySet()) {
        if (!r.getKey().startsWith("2")) continue;
        Map<String, Object> content = Json.object(r.getValue().get("content"));
        if (content != null) for (String media : content.keySet()) if (isJson(media)) return true;
      }
      return false;
    }

    /** Returns the JSON schema of {@code status}'s response, or null. */
    public @Nullable Object responseSchema(int status) {
      Map<String, Object> media = jsonMedia(responses().get(Integer.toString(status)));
      return media == null ? null : media.get("schema");
    }

    /**
     * Returns the documented example of {@code status}'s JSON response (the {@code example}, else
     * the {@code examples} entry named {@code documented}, else the first), or null.
     */
    public @Nullable Object example(int status) {
      return example(responses().get(Integer.toString(status)), "application/json");
    }

    /** Returns the documented example of the {@code text/event-stream} response named {@code name} (or the first). */
    public @Nullable Object streamExample(@Nullable String name) {
      for (Map.Entry<String, Map<String, Object>> r : responses().entrySet()) {
        if (!r.getKey().startsWith("2")) continue;
        Map<String, Object> media = Json.object(Json.at(r.getValue(), "content"));
        Map<String, Object> stream = media == null ? null : Json.object(media.get("text/event-stream"));
        if (stream != null) return pick(stream, name);
      }
      return null;
    }

    private @Nullable Object example(@Nullable Map<String, Object> response, String mediaType) {
      Map<String, Object> media = jsonMedia(response);
      return media == null ? null : pick(media, null);
    }

    /** Returns the documented example of the JSON request body, or null. */
    public @Nullable Object requestExample() {
      Map<String, Object> body = Json.object(spec.resolve(node.get("requestBody")));
      Map<String, Object> content = body == null ? null : Json.object(body.get("content"));
      if (content == null) return null;
      for (Map.Entry<String, Object> media : content.entrySet()) {
        if (isJson(media.getKey())) return pick(Json.object(media.getValue()), null);
      }
      return null;
    }

    private @Nullable Object pick(Map<String, Object> media, @Nullable String name) {
      if (name == null && media.containsKey("example")) return Json.copy(media.get("example"));
      Map<String, Object> examples = Json.object(media.get("examples"));
      if (examples != null && !examples.isEmpty()) {
        Object chosen = name != null ? examples.get(name) : examples.containsKey("documented") ? examples.get("documented")
            : examples.values().iterator().next();
        Map<String, Object> example = Json.object(spec.resolve(chosen));
        if (example != null && example.containsKey("value")) return Json.copy(example.get("value"));
      }
      Map<String, Object> schema = Json.object(spec.resolve(media.get("schema")));
      if (name == null && schema != null && schema.containsKey("example")) return Json.copy(schema.get("example"));
      return null;
    }

    private static @Nullable Map<String, Object> jsonMedia(@Nullable Map<String, Object> response) {
      Map<String, Object> content = response == null ? null : Json.object(response.get("content"));
      if (content == null) return null;
      for (Map.Entry<String, Object> media : content.entrySet()) {
        if (isJson(media.getKey())) return Json.object(media.getValue());
      }
      return null;
    }

    @Override
    public String toString() {
      return id() + " (" + method + " " + fullPath + ")";
    }
  }

  /** Returns whether {@code mediaType} is JSON ({@code application/json}, {@code application/problem+json}...). */
  static boolean isJson(String mediaType) {
    String m = mediaType.toLowerCase(Locale.ROOT);
    return m.startsWith("application/json") || m.contains("+json");
  }
}
