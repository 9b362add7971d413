package dev.sessionkit.generator;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates what applies to the whole vendor: {@code x-sessionkit-client}, the root
 * {@code security} with its schemes, and {@code x-sessionkit-errors}. Runs before any file is
 * written, so a mistake there fails the build first.
 */
final class VendorReader {
  private VendorReader() {}

  /** A vendor id: lower-case words joined by {@code -}, as {@code VendorDescriptor} takes it. */
  private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  /** A Java module name: dot-separated identifiers. */
  private static final java.util.regex.Pattern MODULE = java.util.regex.Pattern.compile(
      "[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

  /**
   * The root settings, validated.
   *
   * @param name the class-name prefix ({@code Qoder})
   * @param id the vendor's id everywhere outside its module (the command line, the sandbox, transcripts,
   *     the drift check): {@code id}, else the name in lower case
   * @param label the vendor's name for people: {@code label}, else the spec's title
   * @param module the Java module's name, or null for {@code dev.sessionkit.<package>}
   * @param service the name in the user agent and messages
   * @param tokenEnv the credential's environment variable
   * @param baseUrlEnv the base URL's environment variable
   * @param requestIdHeaders response headers that carry a request id
   * @param idempotencyHeader the idempotency header the root declares, or null
   * @param defaults the default path parameters, as declared
   * @param security the credentials, the default first
   * @param errors the error envelope, or null when the spec has no {@code x-sessionkit-errors}
   */
  record Config(String name, String id, String label, String module, String service, String tokenEnv, String baseUrlEnv, List<String> requestIdHeaders,
      String idempotencyHeader, List<Default> defaults, List<SecurityModel> security, ErrorProfileModel errors) {}

  /** A default path parameter as {@code x-sessionkit-client.defaults} declares it. */
  record Default(String parameter, String builder, String env, Pointer pointer) {}

  static Config read(Spec spec) {
    OpenAPI openApi = spec.openApi();
    Extension root = Extension.of(spec, Pointer.ROOT, openApi.getExtensions(), "x-sessionkit-client");
    if (root == null) throw spec.error(Pointer.ROOT.then("x-sessionkit-client"), "required at the root");
    root.object("name", "id", "label", "module", "service", "token-env", "base-url-env", "request-id-headers", "defaults",
        "idempotency-header");
    String name = root.string("name");
    if (!name.matches("[A-Z][A-Za-z0-9]*")) {
      throw root.require("name").error("must be a Java class name prefix like Qoder (got " + name + ")");
    }
    String id = root.get("id") == null ? name.toLowerCase(Locale.ROOT) : root.string("id");
    if (!ID.matcher(id).matches()) {
      throw root.require("id").error("must be lower-case words joined by - like agents-v2 (got " + id + ")");
    }
    String title = openApi.getInfo() == null || openApi.getInfo().getTitle() == null ? name : openApi.getInfo().getTitle();
    String label = root.get("label") == null ? title.strip() : root.string("label").strip();
    String module = root.optionalString("module");
    if (module != null && (!MODULE.matcher(module).matches()
        || java.util.Arrays.stream(module.split("\\.")).anyMatch(part -> !Text.isIdentifier(part)))) {
      throw root.require("module").error("must be a Java module name like dev.sessionkit.acme (got " + module + ")");
    }
    Extension headers = root.get("request-id-headers");
    List<Default> defaults = new ArrayList<>();
    Extension defaultList = root.get("defaults");
    if (defaultList != null) {
      for (Extension entry : defaultList.list()) {
        entry.object("parameter", "builder", "env");
        String builder = entry.string("builder");
        if (!Text.isIdentifier(builder)) throw entry.require("builder").error("must be a Java method name (got " + builder + ")");
        defaults.add(new Default(entry.string("parameter"), builder, entry.string("env"), entry.pointer()));
      }
    }
    String idempotency = root.optionalString("idempotency-header");
    if (idempotency != null && !idempotency.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
      throw root.require("idempotency-header").error("must be an HTTP header name (got " + idempotency + ")");
    }
    Extension errors = Extension.of(spec, Pointer.ROOT, openApi.getExtensions(), "x-sessionkit-errors");
    return new Config(name, id, label, module, root.string("service"), root.string("token-env"), root.string("base-url-env"),
        headers == null ? List.of() : headers.strings(), idempotency, defaults, security(spec),
        ErrorProfileReader.read(errors));
  }

  /** The names of the root security requirements, in the spec's order: the first is the default. */
  static List<String> securityOrder(OpenAPI openApi) {
    Set<String> names = new LinkedHashSet<>();
    if (openApi.getSecurity() != null) {
      for (SecurityRequirement requirement : openApi.getSecurity()) names.addAll(requirement.keySet());
    }
    return new ArrayList<>(names);
  }

  /**
   * The schemes operations name in their own {@code security} that the root does not list, in the
   * spec's order (Pipecat Cloud's public API key, for starting a session and its proxy).
   */
  static List<String> operationOnlySchemes(OpenAPI openApi) {
    Set<String> root = new LinkedHashSet<>(securityOrder(openApi));
    Set<String> names = new LinkedHashSet<>();
    if (openApi.getPaths() == null) return List.of();
    for (io.swagger.v3.oas.models.PathItem item : openApi.getPaths().values()) {
      for (io.swagger.v3.oas.models.Operation operation : item.readOperations()) {
        if (operation.getSecurity() == null) continue;
        for (SecurityRequirement requirement : operation.getSecurity()) {
          for (String name : requirement.keySet()) if (!root.contains(name)) names.add(name);
        }
      }
    }
    return new ArrayList<>(names);
  }

  private static List<SecurityModel> security(Spec spec) {
    OpenAPI openApi = spec.openApi();
    List<String> order = securityOrder(openApi);
    if (order.isEmpty()) throw spec.error(Pointer.ROOT.then("security"), "name the credential's scheme");
    order.addAll(operationOnlySchemes(openApi));
    Map<String, SecurityScheme> schemes = openApi.getComponents() == null ? null
        : openApi.getComponents().getSecuritySchemes();
    List<SecurityModel> models = new ArrayList<>();
    for (String key : order) {
      SecurityScheme scheme = schemes == null ? null : schemes.get(key);
      if (scheme == null) {
        throw spec.error(Pointer.ROOT.then("security"), "no scheme " + key + " in components.securitySchemes"
            + (models.size() < securityOrder(openApi).size() ? "" : " (an operation's security names it)"));
      }
      Pointer at = Pointer.ROOT.then("components", "securitySchemes", key);
      Extension method = Extension.of(spec, at, scheme.getExtensions(), "x-sessionkit-builder-method");
      if (order.size() > 1 && method == null) {
        throw spec.error(at.then("x-sessionkit-builder-method"), "required when the spec lists several schemes "
            + "(at its root or in operations' security), to name the builder method that selects it");
      }
      String builderMethod = method == null ? null : method.string();
      if (builderMethod != null && !Text.isIdentifier(builderMethod)) {
        throw method.error("must be a Java method name (got " + builderMethod + ")");
      }
      List<String> doc = scheme.getDescription() == null || scheme.getDescription().isBlank() ? List.of()
          : Text.lines(scheme.getDescription());
      boolean isDefault = models.isEmpty();
      if (scheme.getType() == SecurityScheme.Type.HTTP && "bearer".equalsIgnoreCase(scheme.getScheme())) {
        models.add(new SecurityModel(key, "Authorization", "Bearer", false, false, null, builderMethod, isDefault, doc));
      } else if (scheme.getType() == SecurityScheme.Type.APIKEY && scheme.getIn() == SecurityScheme.In.HEADER) {
        boolean first = models.stream().noneMatch(SecurityModel::apiKey);
        models.add(new SecurityModel(key, scheme.getName(), "", true, first, null, builderMethod, isDefault, doc));
      } else if (scheme.getType() == SecurityScheme.Type.OAUTH2) {
        if (models.stream().anyMatch(model -> model.oauth() != null)) {
          throw spec.error(at, "the root security lists a second OAuth2 scheme; sessionkit offers one");
        }
        models.add(new SecurityModel(key, "Authorization", "Bearer", false, false, oauth(spec, at, scheme),
            builderMethod == null ? "oauthClientCredentials" : builderMethod, isDefault, doc));
      } else {
        throw spec.error(at, "sessionkit sends a bearer token, an API key in a header or OAuth2 client credentials (got "
            + describe(scheme) + ")");
      }
    }
    return models;
  }

  private static SecurityModel.OAuth oauth(Spec spec, Pointer at, SecurityScheme scheme) {
    OAuthFlow flow = scheme.getFlows() == null ? null : scheme.getFlows().getClientCredentials();
    if (flow == null) {
      throw spec.error(at.then("flows"), "sessionkit supports the OAuth2 clientCredentials flow only");
    }
    Pointer tokenUrl = at.then("flows", "clientCredentials", "tokenUrl");
    String url = flow.getTokenUrl();
    if (url == null || url.isBlank()) throw spec.error(tokenUrl, "required");
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw spec.error(tokenUrl, "not a URL (got " + url + ")");
    }
    String scheme0 = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme0.equals("https") && !scheme0.equals("http") || uri.getHost() == null) {
      throw spec.error(tokenUrl, "must be an absolute https URL (got " + url + ")");
    }
    List<String> scopes = flow.getScopes() == null ? List.of() : List.copyOf(flow.getScopes().keySet());
    return new SecurityModel.OAuth(Text.javaString(url), scopes.stream().map(Text::javaString).toList());
  }

  private static String describe(SecurityScheme scheme) {
    String type = String.valueOf(scheme.getType());
    if (scheme.getType() == SecurityScheme.Type.APIKEY) return type + " in " + scheme.getIn();
    if (scheme.getType() == SecurityScheme.Type.HTTP) return type + " " + scheme.getScheme();
    return type;
  }
}
