package dev.sessionkit.generator;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenProperty;
import org.openapitools.codegen.CodegenResponse;
import org.openapitools.codegen.model.OperationsMap;

/**
 * What the templates need to write one vendor's public surface, read from the spec's operations and
 * its {@code x-sessionkit-...} extensions (the vocabulary is documented in CONTRIBUTING.md, "Adding a
 * vendor or an operation"). Every value is checked here; templates only print.
 */
final class VendorSurface {
  /** One file to write: a template, where the class goes, and what the template prints. */
  record GeneratedFile(String template, String packageName, String className, Map<String, Object> data) {}

  /** A credential scheme the client can send: the header, the prefix, and its builder method if several. */
  record AuthScheme(String key, String header, String scheme, boolean apiKey, String builderMethod, String description) {}

  /** A path parameter the client can hold a default for, like Piper's organization id. */
  record DefaultParameter(String parameter, String builder, String env, String constant) {}

  /** The root extensions, validated. */
  record ClientConfig(String name, String service, String tokenEnv, String baseUrlEnv, List<String> requestIdHeaders,
      List<DefaultParameter> defaults, List<AuthScheme> auth, Map<String, Object> errors) {}

  private final String spec;
  private final OpenAPI openApi;
  private final String modelPackage;
  private final String internalPackage;
  private final String publicPackage;
  private final List<OperationsMap> groups;
  private final Map<String, CodegenModel> models;
  private final ClientConfig client;

  VendorSurface(String spec, OpenAPI openApi, String modelPackage, String internalPackage, List<OperationsMap> groups,
      Map<String, CodegenModel> models) {
    this.spec = spec;
    this.openApi = openApi;
    this.modelPackage = modelPackage;
    this.internalPackage = internalPackage;
    this.publicPackage = modelPackage.substring(0, modelPackage.lastIndexOf('.'));
    this.groups = groups;
    this.models = models;
    this.client = readClient(spec, openApi);
  }

  static ClientConfig readClient(String spec, OpenAPI openApi) {
    Extension root = Extension.of(spec, " (at the root)", openApi.getExtensions(), "x-sessionkit-client")
        .object("name", "service", "token-env", "base-url-env", "request-id-headers", "defaults");
    String name = root.string("name");
    if (!name.matches("[A-Z][A-Za-z0-9]*")) throw root.require("name").error("must be a Java class name prefix like Qoder (got " + name + ")");
    Extension headers = root.get("request-id-headers");
    List<DefaultParameter> defaults = new ArrayList<>();
    Extension defaultList = root.get("defaults");
    if (defaultList != null) {
      for (Extension entry : defaultList.list()) {
        entry.object("parameter", "builder", "env");
        String parameter = entry.string("parameter");
        defaults.add(new DefaultParameter(parameter, entry.string("builder"), entry.string("env"),
            parameter.toUpperCase(Locale.ROOT) + "_ENV"));
      }
    }
    Extension errors = Extension.of(spec, " (at the root)", openApi.getExtensions(), "x-sessionkit-errors");
    return new ClientConfig(name, root.string("service"), root.string("token-env"), root.string("base-url-env"),
        headers == null ? List.of() : headers.strings(), defaults, readAuth(spec, openApi), readErrors(errors));
  }

  private static List<AuthScheme> readAuth(String spec, OpenAPI openApi) {
    List<String> order = SessionkitCodegen.securityOrder(openApi);
    if (order.isEmpty()) throw new InvalidSpecException(spec + ": security (at the root): name the credential's scheme");
    List<AuthScheme> schemes = new ArrayList<>();
    for (String key : order) {
      SecurityScheme scheme = openApi.getComponents().getSecuritySchemes().get(key);
      if (scheme == null) throw new InvalidSpecException(spec + ": security: no scheme " + key + " in components");
      Extension method = Extension.of(spec, " (security scheme " + key + ")", scheme.getExtensions(),
          "x-sessionkit-builder-method");
      if (order.size() > 1 && method == null) {
        throw new InvalidSpecException(spec + ": x-sessionkit-builder-method (security scheme " + key
            + "): required when the spec lists several schemes, to name the builder method that selects it");
      }
      String description = scheme.getDescription() == null ? "" : scheme.getDescription();
      if (scheme.getType() == SecurityScheme.Type.HTTP && "bearer".equalsIgnoreCase(scheme.getScheme())) {
        schemes.add(new AuthScheme(key, "Authorization", "Bearer", false, method == null ? null : method.string(), description));
      } else if (scheme.getType() == SecurityScheme.Type.APIKEY && scheme.getIn() == SecurityScheme.In.HEADER) {
        schemes.add(new AuthScheme(key, scheme.getName(), "", true, method == null ? null : method.string(), description));
      } else {
        throw new InvalidSpecException(spec + ": security scheme " + key
            + ": sessionkit sends a bearer token or an API key in a header (got " + scheme.getType() + ")");
      }
    }
    return schemes;
  }

  private static Map<String, Object> readErrors(Extension errors) {
    Map<String, Object> data = new LinkedHashMap<>();
    if (errors == null) return data;
    errors.object("message", "code", "type", "request-id", "status-codes", "not-found-keys", "validation");
    List<String> calls = new ArrayList<>();
    for (String part : List.of("message", "code", "type", "request-id")) {
      String path = errors.optionalString(part);
      if (path != null) calls.add("." + camel(part, false) + "(\"" + path + "\")");
    }
    Extension statusCodes = errors.get("status-codes");
    if (statusCodes != null) {
      for (Map.Entry<String, String> entry : statusCodes.stringMap().entrySet()) {
        if (!entry.getKey().matches("[1-5][0-9][0-9]")) {
          throw statusCodes.error("keys are HTTP statuses (got " + entry.getKey() + ")");
        }
        calls.add(".statusCode(" + entry.getKey() + ", \"" + entry.getValue() + "\")");
      }
    }
    Extension notFound = errors.get("not-found-keys");
    if (notFound != null) {
      notFound.object("fields", "prefixes");
      calls.add(".notFoundKeyFields(" + quoteAll(notFound.require("fields").strings()) + ")");
      for (Map.Entry<String, String> entry : notFound.require("prefixes").stringMap().entrySet()) {
        calls.add(".notFoundKey(\"" + entry.getKey() + "\", \"" + entry.getValue() + "\")");
      }
    }
    Extension validation = errors.get("validation");
    if (validation != null) {
      validation.object("location", "message", "code");
      calls.add(".validation(\"" + validation.string("location") + "\", \"" + validation.string("message") + "\", \""
          + validation.string("code") + "\")");
    }
    data.put("envelopeCalls", calls);
    return data;
  }

  List<GeneratedFile> files() {
    List<GeneratedFile> files = new ArrayList<>();
    List<Map<String, Object>> services = new ArrayList<>();
    String firstApi = null;
    Map<String, String> defaultPatterns = new LinkedHashMap<>();
    for (OperationsMap group : groups) {
      List<CodegenOperation> operations = group.getOperations().getOperation();
      String apiClass = (String) group.getOperations().get("classname");
      if (firstApi == null) firstApi = apiClass;
      Tag tag = tagOf(operations.get(0));
      Extension serviceName = tag == null ? null
          : Extension.of(spec, " (tag " + tag.getName() + ")", tag.getExtensions(), "x-sessionkit-service");
      String accessor = serviceName == null ? camel(operations.get(0).tags.get(0).getName(), false) : serviceName.string();
      String serviceClass = camel(accessor, true) + "Service";
      Map<String, Object> service = service(serviceClass, accessor, apiClass, tag, operations, files, defaultPatterns);
      files.add(new GeneratedFile("service.mustache", publicPackage, serviceClass, service));
      services.add(service);
    }
    Map<String, Object> clientData = clientData(services, firstApi, defaultPatterns);
    files.add(new GeneratedFile("client.mustache", publicPackage, client.name() + "Client", clientData));
    files.add(new GeneratedFile("profile.mustache", internalPackage, client.name() + "Profile", clientData));
    return files;
  }

  private Tag tagOf(CodegenOperation operation) {
    if (operation.tags == null || operation.tags.isEmpty() || openApi.getTags() == null) return null;
    String name = operation.tags.get(0).getName();
    for (Tag tag : openApi.getTags()) if (tag.getName().equals(name)) return tag;
    return null;
  }

  private Map<String, Object> clientData(List<Map<String, Object>> services, String firstApi,
      Map<String, String> defaultPatterns) {
    Map<String, Object> data = new LinkedHashMap<>();
    String clientClass = client.name() + "Client";
    data.put("clientClass", clientClass);
    data.put("profileClass", client.name() + "Profile");
    data.put("internalPackage", internalPackage);
    data.put("apiClass", firstApi);
    data.put("title", javadocText(openApi.getInfo().getTitle()));
    data.put("serviceName", client.service());
    data.put("tokenEnv", client.tokenEnv());
    data.put("baseUrlEnv", client.baseUrlEnv());
    data.put("requestIdHeaders", quoteAll(client.requestIdHeaders()));
    data.put("envelopeCalls", client.errors().getOrDefault("envelopeCalls", List.of()));
    data.put("hasEnvelope", client.errors().containsKey("envelopeCalls"));
    AuthScheme main = client.auth().get(0);
    AuthScheme apiKey = client.auth().stream().filter(AuthScheme::apiKey).findFirst().orElse(null);
    data.put("hasApiKeyHeader", apiKey != null);
    if (apiKey != null) data.put("apiKeyHeader", apiKey.header());
    data.put("authHeader", headerExpression(main, apiKey));
    data.put("authScheme", main.scheme());
    data.put("credential", main.apiKey() ? "API key" : "token");
    List<Map<String, Object>> methods = new ArrayList<>();
    if (client.auth().size() > 1) {
      for (AuthScheme scheme : client.auth()) {
        Map<String, Object> method = new LinkedHashMap<>();
        method.put("method", scheme.builderMethod());
        method.put("header", headerExpression(scheme, apiKey));
        method.put("scheme", scheme.scheme());
        method.put("sent", scheme.apiKey() ? scheme.header() + ": &lt;key&gt;" : scheme.header() + ": " + scheme.scheme() + " &lt;token&gt;");
        method.put("isDefault", scheme == main);
        method.put("doc", lines(scheme.description()));
        method.put("hasDoc", !scheme.description().isBlank());
        methods.add(method);
      }
      data.put("authMethods", methods);
      data.put("hasAuthMethods", true);
    }
    List<Map<String, Object>> defaults = new ArrayList<>();
    for (DefaultParameter parameter : client.defaults()) {
      String pattern = defaultPatterns.get(parameter.parameter());
      if (pattern == null) {
        throw new InvalidSpecException(spec + ": x-sessionkit-client.defaults (parameter " + parameter.parameter()
            + "): no operation has this path parameter");
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("constant", parameter.constant());
      entry.put("env", parameter.env());
      entry.put("builder", parameter.builder());
      entry.put("pattern", pattern);
      entry.put("words", words(parameter.builder()));
      defaults.add(entry);
    }
    data.put("defaults", defaults);
    data.put("hasDefaults", !defaults.isEmpty());
    StringBuilder serviceArgs = new StringBuilder("runtime");
    for (DefaultParameter parameter : client.defaults()) serviceArgs.append(", ").append(parameter.builder());
    for (Map<String, Object> service : services) service.put("constructorArgs", serviceArgs.toString());
    data.put("services", services);
    Map<String, Object> sample = services.get(0);
    data.put("sampleService", sample.get("accessor"));
    @SuppressWarnings("unchecked")
    Map<String, Object> sampleOperation = ((List<Map<String, Object>>) sample.get("operations")).get(0);
    data.put("sampleMethod", sampleOperation.get("name"));
    data.put("sampleReturn", sampleOperation.get("returnType"));
    data.put("sampleArgs", sampleOperation.get("sampleArgs"));
    return data;
  }

  private static String headerExpression(AuthScheme scheme, AuthScheme apiKey) {
    return scheme == apiKey ? "API_KEY_HEADER" : "\"" + scheme.header() + "\"";
  }

  private Map<String, Object> service(String serviceClass, String accessor, String apiClass, Tag tag,
      List<CodegenOperation> operations, List<GeneratedFile> files, Map<String, String> defaultPatterns) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("serviceClass", serviceClass);
    data.put("accessor", accessor);
    data.put("apiClass", apiClass);
    data.put("internalPackage", internalPackage);
    String tagDescription = tag == null || tag.getDescription() == null ? "" : tag.getDescription().strip();
    data.put("summary", tagDescription.isEmpty() ? "The operations tagged " + operations.get(0).tags.get(0).getName() + "."
        : javadocText(tagDescription));
    Set<String> imports = new TreeSet<>();
    Map<String, String> patterns = new LinkedHashMap<>();
    List<Map<String, Object>> ops = new ArrayList<>();
    Set<String> defaultsUsed = new LinkedHashSet<>();
    for (CodegenOperation operation : operations) {
      ops.add(operation(operation, imports, patterns, files, defaultPatterns, defaultsUsed));
    }
    data.put("operations", ops);
    List<Map<String, String>> patternList = new ArrayList<>();
    patterns.forEach((name, regex) -> patternList.add(Map.of("name", name, "regex", regex)));
    data.put("patterns", patternList);
    data.put("hasPatterns", !patternList.isEmpty());
    List<Map<String, Object>> defaults = new ArrayList<>();
    for (DefaultParameter parameter : client.defaults()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("builder", parameter.builder());
      entry.put("Builder", camel(parameter.builder(), true));
      entry.put("used", defaultsUsed.contains(parameter.parameter()));
      entry.put("message", "no " + words(parameter.builder()) + ": pass " + camel(parameter.parameter(), false)
          + ", or build the client with " + parameter.builder() + "(...) or set the " + parameter.env()
          + " environment variable and call fromEnv()");
      defaults.add(entry);
    }
    data.put("defaults", defaults);
    data.put("hasDefaults", !defaults.isEmpty());
    boolean paged = ops.stream().anyMatch(op -> op.containsKey("paging"));
    boolean find = ops.stream().anyMatch(op -> Boolean.TRUE.equals(op.get("find")));
    if (paged) {
      imports.add("dev.sessionkit.core.AutoPager");
      imports.add("java.util.stream.Stream");
    }
    if (find) {
      imports.add("dev.sessionkit.errors.NotFoundException");
      imports.add("java.util.Optional");
    }
    if (!patterns.isEmpty()) {
      imports.add("dev.sessionkit.core.spi.Checks");
      imports.add("java.util.regex.Pattern");
    }
    if (!defaults.isEmpty()) imports.add("org.jspecify.annotations.Nullable");
    if (ops.stream().anyMatch(op -> op.containsKey("paramsClass")
        || ((List<?>) op.get("checks")).stream().anyMatch(check -> String.valueOf(check).startsWith("Objects.")))) {
      imports.add("java.util.Objects");
    }
    imports.add("dev.sessionkit.core.http.RawResponse");
    imports.add("dev.sessionkit.core.spi.ClientRuntime");
    imports.add(internalPackage + "." + apiClass);
    imports.add("java.util.concurrent.CompletableFuture");
    imports.add("javax.annotation.processing.Generated");
    imports.add("retrofit2.Call");
    data.put("imports", new ArrayList<>(imports));
    return data;
  }

  private Map<String, Object> operation(CodegenOperation operation, Set<String> imports, Map<String, String> patterns,
      List<GeneratedFile> files, Map<String, String> defaultPatterns, Set<String> defaultsUsed) {
    String where = " (operation " + operation.operationId + ")";
    Map<String, Object> extensions = operation.vendorExtensions;
    Map<String, Object> data = new LinkedHashMap<>();
    Extension methodName = Extension.of(spec, where, extensions, "x-sessionkit-method");
    String name = methodName == null ? operation.operationId : methodName.string();
    data.put("name", name);
    data.put("Name", camel(name, true));
    data.put("operationId", operation.operationId);
    if (operation.returnType == null) {
      throw new InvalidSpecException(spec + ":" + where + ": a 200 response with a JSON schema is required");
    }
    String returnType = operation.returnType;
    data.put("returnType", returnType);
    addModelImport(imports, returnType);
    data.put("request", operation.httpMethod + " " + (operation.path.startsWith("/") ? "" : "/") + operation.path);
    String summary = operation.summary == null ? "Calls " + operation.operationId + "." : operation.summary.strip();
    String notes = operation.unescapedNotes == null ? "" : operation.unescapedNotes.strip();
    List<String> doc = new ArrayList<>();
    if (notes.startsWith(summary)) {
      // The description repeats the summary: it opens the Javadoc, and its first sentence is the contract.
      doc.addAll(lines(notes));
    } else {
      doc.addAll(lines(summary));
      if (!notes.isEmpty()) {
        doc.add("");
        doc.add("<p>" + String.join("\n", lines(notes)));
      }
    }
    doc.add("");
    doc.add("<p>Sends {@code " + data.get("request") + "}.");
    List<String> docLines = new ArrayList<>();
    for (String line : splitLines(doc)) docLines.add(line.isEmpty() ? "" : " " + line);
    data.put("doc", docLines);
    List<String> sample = new ArrayList<>();
    for (CodegenParameter parameter : operation.requiredParams) {
      String example = parameter.example == null ? null : parameter.example.replace("\"", "");
      sample.add(example != null && parameter.isString ? "\"" + example + "\"" : parameter.paramName);
    }
    data.put("sampleArgs", String.join(", ", sample));

    List<CodegenParameter> required = new ArrayList<>();
    List<CodegenParameter> optional = new ArrayList<>();
    for (CodegenParameter parameter : operation.allParams) {
      if (!parameter.isPathParam && !parameter.isQueryParam) {
        throw new InvalidSpecException(spec + ":" + where + ": parameter " + parameter.baseName
            + ": sessionkit generates path and query parameters only");
      }
      (parameter.required ? required : optional).add(parameter);
    }
    List<String> checks = new ArrayList<>();
    List<Map<String, String>> paramDocs = new ArrayList<>();
    List<String> requiredDecl = new ArrayList<>();
    List<String> requiredArgs = new ArrayList<>();
    DefaultParameter defaulted = null;
    for (CodegenParameter parameter : required) {
      addParameterImports(imports, parameter);
      requiredDecl.add(parameter.dataType + " " + parameter.paramName);
      requiredArgs.add(parameter.paramName);
      paramDocs.add(Map.of("name", parameter.paramName, "text", wrap(describe(parameter), "   *     ", 85 - parameter.paramName.length())));
      checks.add(check(parameter, patterns, operation.operationId));
      for (DefaultParameter candidate : client.defaults()) {
        if (candidate.parameter().equals(parameter.baseName) && parameter.isPathParam) {
          defaulted = candidate;
          defaultPatterns.putIfAbsent(candidate.parameter(), parameter.getPattern());
        }
      }
    }
    List<String> apiArgs = new ArrayList<>(requiredArgs);
    String paramsClass = null;
    if (!optional.isEmpty()) {
      Extension paramsName = Extension.of(spec, where, extensions, "x-sessionkit-params");
      paramsClass = paramsName == null ? camel(name, true) + "Params" : paramsName.string();
      for (CodegenParameter parameter : optional) apiArgs.add("params." + parameter.paramName + "()");
      paramDocs.add(Map.of("name", "params", "text", "the optional parameters; {@link " + paramsClass + "#NONE} for none"));
      data.put("paramsClass", paramsClass);
      data.put("hasParams", true);
    }
    Map<String, Object> paging = paging(operation, where, optional, paramsClass, imports);
    List<String> decl = new ArrayList<>(requiredDecl);
    List<String> args = new ArrayList<>(requiredArgs);
    if (paramsClass != null) {
      decl.add(paramsClass + " params");
      args.add("params");
      data.put("requiredDecl", String.join(", ", requiredDecl));
      List<String> withNone = new ArrayList<>(requiredArgs);
      withNone.add(paramsClass + ".NONE");
      data.put("argsWithNone", String.join(", ", withNone));
      data.put("requiredParamDocs", paramDocs.subList(0, paramDocs.size() - 1));
      files.add(new GeneratedFile("params.mustache", publicPackage, paramsClass,
          params(paramsClass, operation, optional, paging)));
    }
    data.put("requiredArgs", String.join(", ", requiredArgs));
    data.put("requiredArgsPrefix", requiredArgs.isEmpty() ? "" : String.join(", ", requiredArgs) + ", ");
    data.put("decl", String.join(", ", decl));
    data.put("args", String.join(", ", args));
    data.put("apiArgs", String.join(", ", apiArgs));
    data.put("checks", checks);
    data.put("paramDocs", paramDocs);
    data.put("throws", throwsDocs(operation));
    Extension find = Extension.of(spec, where, extensions, "x-sessionkit-find-on-404");
    if (find != null && find.bool()) {
      CodegenResponse notFound = operation.responses.stream().filter(r -> "404".equals(r.code)).findFirst()
          .orElseThrow(() -> find.error("the operation documents no 404 response"));
      data.put("find", true);
      String because = notFound.message == null ? "not found" : notFound.message.strip();
      data.put("notFound", wrap(because.endsWith(".") ? because.substring(0, because.length() - 1) : because, "   * ", 95));
    }
    if (paging != null) {
      paging.put("pagesMethod", singular(name) + "Pages");
      data.put("paging", paging);
    }
    if (defaulted != null) {
      defaultsUsed.add(defaulted.parameter());
      String defaultedName = camel(defaulted.parameter(), false);
      List<String> shortDecl = new ArrayList<>();
      List<String> shortArgs = new ArrayList<>();
      for (int i = 0; i < decl.size(); i++) {
        if (args.get(i).equals(defaultedName)) {
          shortArgs.add("require" + camel(defaulted.builder(), true) + "()");
        } else {
          shortDecl.add(decl.get(i));
          shortArgs.add(args.get(i));
        }
      }
      Map<String, Object> shortForm = new LinkedHashMap<>();
      shortForm.put("decl", String.join(", ", shortDecl));
      shortForm.put("args", String.join(", ", shortArgs));
      shortForm.put("builder", defaulted.builder());
      shortForm.put("words", words(defaulted.builder()));
      shortForm.put("fullSignature", String.join(", ", decl.stream().map(d -> d.substring(0, d.indexOf(' '))).toList()));
      data.put("short", shortForm);
    }
    data.put("signature", String.join(", ", decl.stream().map(d -> d.substring(0, d.indexOf(' '))).toList()));
    return data;
  }

  private String check(CodegenParameter parameter, Map<String, String> patterns, String operationId) {
    String regex = parameter.getPattern();
    if (regex == null) {
      return "Objects.requireNonNull(" + parameter.paramName + ", \"" + parameter.paramName + " == null\");";
    }
    String constant = constantName(parameter.baseName);
    if (patterns.containsKey(constant) && !patterns.get(constant).equals(regex)) {
      constant = constantName(operationId) + "_" + constant;
    }
    patterns.put(constant, regex);
    return "Checks.requirePattern(\"" + parameter.paramName + "\", " + parameter.paramName + ", " + constant + ");";
  }

  private Map<String, Object> paging(CodegenOperation operation, String where, List<CodegenParameter> optional,
      String paramsClass, Set<String> imports) {
    Extension extension = Extension.of(spec, where, operation.vendorExtensions, "x-sessionkit-pagination");
    if (extension == null) return null;
    extension.object("style", "items", "has-more", "forward", "backward", "parameter", "token", "page-size");
    if (paramsClass == null) throw extension.error("a paged operation needs an optional cursor parameter");
    imports.add("dev.sessionkit.core.AsyncPager");
    imports.add("dev.sessionkit.core.PageOf");
    imports.add("dev.sessionkit.core.Pages");
    String page = operation.returnType;
    Map<String, Object> data = new LinkedHashMap<>();
    PathExpression items = path(extension.require("items"), page);
    if (items.itemType() == null) throw extension.require("items").error("must name an array field of " + page);
    data.put("itemType", items.itemType());
    addModelImport(imports, items.itemType());
    data.put("items", items.expression("page"));
    String style = extension.string("style");
    switch (style) {
      case "cursor" -> {
        imports.add("dev.sessionkit.core.spi.CursorPages");
        data.put("cursor", true);
        data.put("hasMore", "Boolean.TRUE.equals(" + path(extension.require("has-more"), page).expression("page") + ")");
        Map<String, Object> forward = direction(extension.require("forward"), page, optional);
        data.put("forward", forward);
        Extension backwardExtension = extension.get("backward");
        if (backwardExtension != null) {
          Map<String, Object> backward = direction(backwardExtension, page, optional);
          data.put("backward", backward);
          data.put("exclusive", List.of(forward.get("setter"), backward.get("setter")));
        }
      }
      case "token" -> {
        imports.add("dev.sessionkit.core.spi.TokenPages");
        data.put("token", true);
        String parameter = extension.string("parameter");
        CodegenParameter cursor = optionalParameter(extension.require("parameter"), parameter, optional);
        data.put("setter", cursor.paramName);
        data.put("nextMethod", "next" + camel(cursor.paramName, true));
        data.put("tokenExpression", path(extension.require("token"), page).expression("page"));
        data.put("tokenField", extension.string("token"));
        data.put("parameter", parameter);
        data.put("page", page);
        imports.add("java.util.Optional");
      }
      default -> throw extension.require("style").error("must be cursor or token (got " + style + ")");
    }
    data.put("style", style);
    Extension pageSize = extension.get("page-size");
    if (pageSize != null) data.put("pageSize", pageSize(pageSize, optional));
    return data;
  }

  /**
   * The page-size parameter auto-paging fills with the spec's maximum when the caller gave none:
   * an optional integer query parameter with a {@code maximum}.
   */
  private Map<String, Object> pageSize(Extension at, List<CodegenParameter> optional) {
    CodegenParameter parameter = optionalParameter(at, at.string(), optional);
    if (!parameter.isInteger) {
      throw at.error("must name an integer (int32) query parameter (" + parameter.baseName + " is " + parameter.dataType + ")");
    }
    if (parameter.maximum == null || parameter.maximum.isBlank()) {
      throw at.error("the parameter " + parameter.baseName + " has no maximum in its schema");
    }
    int maximum;
    try {
      maximum = new java.math.BigDecimal(parameter.maximum).intValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw at.error("the maximum of " + parameter.baseName + " is not an int32 (got " + parameter.maximum + ")");
    }
    if (parameter.exclusiveMaximum) maximum--;
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("setter", parameter.paramName);
    data.put("parameter", parameter.baseName);
    data.put("maximum", maximum);
    return data;
  }

  /** The singular of a method name in the vendor's words: events to event, entries to entry. */
  private static String singular(String name) {
    if (name.endsWith("ies")) return name.substring(0, name.length() - 3) + "y";
    if (name.endsWith("s") && !name.endsWith("ss")) return name.substring(0, name.length() - 1);
    return name;
  }

  private Map<String, Object> direction(Extension direction, String page, List<CodegenParameter> optional) {
    direction.object("parameter", "cursor");
    CodegenParameter parameter = optionalParameter(direction.require("parameter"), direction.string("parameter"), optional);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("setter", parameter.paramName);
    data.put("parameter", parameter.baseName);
    data.put("field", direction.string("cursor"));
    data.put("cursor", "page -> " + path(direction.require("cursor"), page).expression("page"));
    return data;
  }

  private CodegenParameter optionalParameter(Extension at, String name, List<CodegenParameter> optional) {
    for (CodegenParameter parameter : optional) {
      if (parameter.baseName.equals(name) && parameter.isQueryParam) return parameter;
    }
    throw at.error("names no optional query parameter of this operation (got " + name + ")");
  }

  /** A dotted path into a response model, as a null-safe Java expression. */
  private record PathExpression(List<String> getters, String itemType) {
    String expression(String root) {
      if (getters.size() == 1) return root + "." + getters.get(0) + "()";
      StringBuilder expression = new StringBuilder("java.util.Optional.ofNullable(" + root + "." + getters.get(0) + "())");
      for (String getter : getters.subList(1, getters.size())) expression.append(".map(v -> v.").append(getter).append("())");
      return expression.append(".orElse(null)").toString();
    }
  }

  private PathExpression path(Extension at, String modelName) {
    String dotted = at.string();
    List<String> getters = new ArrayList<>();
    CodegenModel model = models.get(modelName);
    String itemType = null;
    String[] segments = dotted.split("\\.");
    for (int i = 0; i < segments.length; i++) {
      if (model == null) throw at.error("cannot follow " + dotted + ": " + segments[i - 1] + " is not an object");
      CodegenProperty property = null;
      for (CodegenProperty candidate : model.vars) if (candidate.baseName.equals(segments[i])) property = candidate;
      if (property == null) throw at.error(segments[i] + " is not a field of " + model.classname);
      getters.add(property.name);
      itemType = property.isArray && property.items != null ? property.items.dataType : null;
      model = property.complexType == null || property.isArray ? null : models.get(property.complexType);
    }
    return new PathExpression(getters, itemType);
  }

  private Map<String, Object> params(String paramsClass, CodegenOperation operation, List<CodegenParameter> optional,
      Map<String, Object> paging) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("paramsClass", paramsClass);
    data.put("request", operation.httpMethod + " " + (operation.path.startsWith("/") ? "" : "/") + operation.path);
    List<Map<String, Object>> components = new ArrayList<>();
    Map<String, String> patterns = new LinkedHashMap<>();
    List<String> none = new ArrayList<>();
    String tokenSetter = paging != null && paging.containsKey("token") ? (String) paging.get("setter") : null;
    Set<String> imports = new TreeSet<>();
    for (CodegenParameter parameter : optional) {
      addParameterImports(imports, parameter);
      Map<String, Object> component = new LinkedHashMap<>();
      component.put("name", parameter.paramName);
      component.put("type", parameter.dataType);
      component.put("doc", wrap(describe(parameter), " *     ", 85 - parameter.paramName.length()));
      component.put("builderDoc", wrap("Sets {@code " + parameter.paramName + "}: " + describe(parameter)
          + "; null for the server's default.", "     * ", 90));
      List<String> checks = new ArrayList<>();
      if (parameter.getMinimum() != null || parameter.getMaximum() != null) {
        checks.add("Checks.requireRange(\"" + parameter.paramName + "\", " + parameter.paramName + ", "
            + (parameter.getMinimum() == null ? "Long.MIN_VALUE" : parameter.getMinimum() + "L") + ", "
            + (parameter.getMaximum() == null ? "Long.MAX_VALUE" : parameter.getMaximum() + "L") + ");");
      }
      if (parameter.getPattern() != null) {
        String constant = constantName(parameter.baseName);
        patterns.put(constant, parameter.getPattern());
        checks.add("Checks.requirePattern(\"" + parameter.paramName + "\", " + parameter.paramName + ", " + constant + ");");
      }
      if (parameter.getMinLength() != null || parameter.getMaxLength() != null) {
        int min = parameter.getMinLength() == null ? 0 : parameter.getMinLength();
        int max = parameter.getMaxLength() == null ? Integer.MAX_VALUE : parameter.getMaxLength();
        checks.add("if (" + parameter.paramName + ".length() < " + min + " || " + parameter.paramName + ".length() > " + max
            + ") {\n      throw new IllegalArgumentException(\"" + parameter.paramName + " must be " + min + " to " + max
            + " characters long (got \" + " + parameter.paramName + ".length() + \")\");\n    }");
      }
      if (parameter.paramName.equals(tokenSetter)) {
        checks.add("if (" + parameter.paramName + ".isBlank()) {\n      throw new IllegalArgumentException(\""
            + parameter.paramName + " must not be blank (got \\\"\" + " + parameter.paramName
            + " + \"\\\"); use null for the first page\");\n    }");
      }
      component.put("checks", checks);
      component.put("hasChecks", !checks.isEmpty());
      components.add(component);
      none.add("null");
    }
    for (int i = 0; i < components.size(); i++) components.get(i).put("last", i == components.size() - 1);
    data.put("components", components);
    data.put("modelImports", new ArrayList<>(imports));
    data.put("none", String.join(", ", none));
    List<Map<String, String>> patternList = new ArrayList<>();
    patterns.forEach((name, regex) -> patternList.add(Map.of("name", name, "regex", regex)));
    data.put("patterns", patternList);
    data.put("hasPatterns", !patternList.isEmpty());
    boolean checks = components.stream().anyMatch(c -> Boolean.TRUE.equals(c.get("hasChecks")));
    data.put("usesChecks", checks && components.stream().anyMatch(c -> ((List<?>) c.get("checks")).stream()
        .anyMatch(s -> s.toString().startsWith("Checks."))));
    if (paging != null && paging.containsKey("exclusive")) {
      @SuppressWarnings("unchecked")
      List<String> exclusive = (List<String>) paging.get("exclusive");
      data.put("exclusive", Map.of("first", exclusive.get(0), "second", exclusive.get(1)));
    }
    return data;
  }

  private static String describe(CodegenParameter parameter) {
    String text = parameter.unescapedDescription == null ? parameter.baseName : parameter.unescapedDescription.strip();
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  private List<Map<String, String>> throwsDocs(CodegenOperation operation) {
    List<Map<String, String>> docs = new ArrayList<>();
    for (CodegenResponse response : operation.responses) {
      String exception = switch (response.code) {
        case "400" -> "BadRequestException";
        case "401" -> "AuthenticationException";
        case "403" -> "PermissionDeniedException";
        case "404" -> "NotFoundException";
        case "409" -> "ConflictException";
        case "422" -> "UnprocessableEntityException";
        case "429" -> "RateLimitException";
        default -> response.code.startsWith("5") ? "ServerException" : null;
      };
      if (exception == null) continue;
      String text = response.message == null ? "" : response.message.strip();
      docs.add(Map.of("exception", "dev.sessionkit.errors." + exception,
          "text", wrap("on " + response.code + (text.isEmpty() ? "" : ": " + text), "   *     ",
          60 - exception.length())));
    }
    return docs;
  }

  /** Imports a parameter's model type (an enum), or its array items' (schema enums are named models). */
  private void addParameterImports(Set<String> imports, CodegenParameter parameter) {
    addModelImport(imports, parameter.dataType);
    if (parameter.items != null) addModelImport(imports, parameter.items.dataType);
  }

  private void addModelImport(Set<String> imports, String type) {
    if (models.containsKey(type)) imports.add(modelPackage + "." + type);
  }

  /** Text for Javadoc: HTML and comment ends escaped, Markdown code spans as {@code ...}. */
  static String javadocText(String text) {
    String escaped = text.strip().replace("\\\"", "\"").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("*/", "*&#47;").replace("@", "&#64;");
    return escaped.replaceAll("`([^`]+)`", "{@code $1}");
  }

  /** Splits a description into Javadoc lines of at most about 95 characters. */
  static List<String> lines(String text) {
    return lines(text, 95);
  }

  /** Like {@link #lines(String)}, the first line at most {@code firstWidth} characters. */
  static List<String> lines(String text, int firstWidth) {
    List<String> out = new ArrayList<>();
    for (String paragraph : javadocText(text).split("\n\\s*\n")) {
      if (!out.isEmpty()) out.add("");
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.strip().split("\\s+")) {
        int width = out.isEmpty() ? firstWidth : 95;
        if (line.length() > 0 && line.length() + word.length() + 1 > width) {
          out.add(line.toString());
          line.setLength(0);
        }
        if (line.length() > 0) line.append(' ');
        line.append(word);
      }
      if (line.length() > 0) out.add(line.toString());
    }
    return out;
  }

  /** Javadoc text wrapped at about 95 characters, each further line starting with {@code continuation}. */
  static String wrap(String text, String continuation, int firstWidth) {
    return String.join("\n" + continuation, lines(text.replace("\n", " "), firstWidth));
  }

  private static List<String> splitLines(List<String> doc) {
    List<String> out = new ArrayList<>();
    for (String line : doc) out.addAll(List.of(line.split("\n", -1)));
    return out;
  }

  static String camel(String name, boolean upperFirst) {
    StringBuilder out = new StringBuilder();
    boolean upper = upperFirst;
    for (char c : name.toCharArray()) {
      if (c == '_' || c == '-' || c == ' ' || c == '.') {
        upper = out.length() > 0 || upperFirst;
        continue;
      }
      out.append(upper ? Character.toUpperCase(c) : out.length() == 0 && !upperFirst ? Character.toLowerCase(c) : c);
      upper = false;
    }
    return out.toString();
  }

  private static String constantName(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(Locale.ROOT);
  }

  /** {@code defaultOrgId} as words: {@code default org id}. */
  static String words(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }

  private static String quoteAll(List<String> values) {
    return String.join(", ", values.stream().map(v -> "\"" + v + "\"").toList());
  }
}
