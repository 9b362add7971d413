package dev.sessionkit.generator;

import io.swagger.v3.oas.models.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenResponse;

/**
 * Builds one {@link OperationModel} from an operation, its extensions and the spec, validating
 * every construct on the way: an unsupported one is refused with its pointer.
 */
final class OperationReader {
  /** The extensions an operation may carry. */
  static final Set<String> EXTENSIONS = Set.of("x-sessionkit-method", "x-sessionkit-params", "x-sessionkit-pagination",
      "x-sessionkit-find-on-404", "x-sessionkit-stream", "x-sessionkit-shortcut");
  /** A shortcut: a command name, lower-case words joined by {@code -} ({@code events}, {@code scenario-run}). */
  private static final java.util.regex.Pattern SHORTCUT = java.util.regex.Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  private final Spec spec;
  private final VendorReader.Config config;
  private final String idempotencyHeader;
  private final ParameterReader parameters;
  private final ResponseReader responses;
  private final PaginationReader pagination;
  private final StreamReader streams;
  private final String modelPackage;
  private final Set<String> modelNames;

  OperationReader(Spec spec, VendorReader.Config config, String idempotencyHeader, Map<String, CodegenModel> models,
      Set<String> enumModels, String modelPackage) {
    this.modelPackage = modelPackage;
    this.modelNames = models.keySet();
    this.spec = spec;
    this.config = config;
    this.idempotencyHeader = idempotencyHeader;
    this.parameters = new ParameterReader(spec, enumModels, models);
    this.responses = new ResponseReader(spec);
    this.pagination = new PaginationReader(models);
    this.streams = new StreamReader(spec, models);
  }

  /** The spec's path of {@code operation} (the codegen strips the leading slash for Retrofit). */
  static String specPath(CodegenOperation operation) {
    return specPath(operation.path);
  }

  /** The spec's path of an operation whose Retrofit path is {@code path}. */
  static String specPath(String path) {
    return path.startsWith("/") ? path : "/" + path;
  }

  /** Reads {@code operation}; the service's pattern constants are named with {@code patterns}. */
  OperationModel read(CodegenOperation operation, Patterns patterns) {
    String path = specPath(operation);
    String method = operation.httpMethod.toUpperCase(Locale.ROOT);
    Pointer at = Pointer.operation(path, method);
    Operation declared = spec.operation(path, method);
    if (declared == null) throw spec.error(at, "the codegen's operation " + operation.operationId + " is not in the spec");
    if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS").contains(method)) {
      throw spec.error(at, "sessionkit sends GET, POST, PUT, PATCH, DELETE, HEAD and OPTIONS (got " + method + ")");
    }
    Map<String, Object> extensions = operation.vendorExtensions;
    Extension methodName = Extension.of(spec, at, extensions, "x-sessionkit-method");
    String name = methodName == null ? operation.operationId : methodName.string();
    if (!Text.isIdentifier(name)) throw methodName.error("must be a Java method name (got " + name + ")");
    String prefix = serverPrefix(at, path, declared);
    String request = method + " " + (prefix.isEmpty() ? "" : "/" + prefix) + path;
    String retrofitPath = prefix.isEmpty() ? operation.path
        : prefix + (operation.path.startsWith("/") ? "" : "/") + operation.path;
    patterns.operation(operation.operationId);

    List<ParameterModel> all = new ArrayList<>();
    List<ParameterModel> optional = new ArrayList<>();
    List<OperationModel.Argument> required = new ArrayList<>();
    List<OperationModel.ParamDoc> paramDocs = new ArrayList<>();
    List<OperationModel.SampleArgument> sample = new ArrayList<>();
    List<CheckModel> checks = new ArrayList<>();
    VendorReader.Default defaulted = null;
    Patterns paramsPatterns = new Patterns();
    for (CodegenParameter parameter : operation.allParams) {
      if (parameter.isBodyParam) continue;
      if (parameter.isFormParam) continue; // a form body: refused below, with its media type
      if (parameter.isHeaderParam && idempotencyHeader != null && parameter.baseName.equalsIgnoreCase(idempotencyHeader)) {
        continue; // sent by the engine: one key per call, the same on every retry
      }
      ParameterModel model = parameters.read(path, method, parameter, parameter.required ? patterns : paramsPatterns);
      all.add(model);
      if (!model.required()) {
        optional.add(model);
        continue;
      }
      required.add(new OperationModel.Argument(model.type(), model.erasedType(), model.name()));
      paramDocs.add(new OperationModel.ParamDoc(model.name(), Text.wrap(Text.clause(model.doc()), "   *     ",
          85 - model.name().length())));
      checks.addAll(model.checks());
      sample.add(sample(path, method, parameter, model));
      for (VendorReader.Default candidate : config.defaults()) {
        if (candidate.parameter().equals(parameter.baseName) && parameter.isPathParam) defaulted = candidate;
      }
    }
    BodyModel body = responses.body(at, declared, operation);
    if (body != null) {
      for (OperationModel.Argument argument : required) {
        if (argument.name().equals(body.name())) {
          throw spec.error(spec.parameter(path, method, "path", argument.name()), "a parameter named body clashes with "
              + "the request body argument");
        }
      }
      required.add(new OperationModel.Argument(body.type(), erased(body.type()), body.name()));
      paramDocs.add(new OperationModel.ParamDoc(body.name(), Text.wrap(body.doc(), "   *     ", 85 - body.name().length())));
      checks.add(CheckModel.nonNull(body.name()));
      sample.add(new OperationModel.SampleArgument(body.name(), false));
    }
    ResponseReader.Answer answer = responses.answer(at, declared, operation);
    if (method.equals("HEAD") && body != null) throw spec.error(body.pointer(), "a HEAD request has no body");
    if (method.equals("HEAD") && (answer.plain() == null || !answer.plain().empty())) {
      throw spec.error(at.then("responses"), "a HEAD response has no body: declare its success without content");
    }

    String paramsClass = null;
    if (!optional.isEmpty()) {
      Extension paramsName = Extension.of(spec, at, extensions, "x-sessionkit-params");
      paramsClass = paramsName == null ? Text.camel(name, true) + "Params" : paramsName.string();
      if (!Text.isIdentifier(paramsClass)) throw paramsName.error("must be a Java class name (got " + paramsClass + ")");
      paramDocs.add(new OperationModel.ParamDoc("params", "the optional parameters; {@link " + paramsClass
          + "#NONE} for none"));
    }
    Extension pagingExtension = Extension.of(spec, at, extensions, "x-sessionkit-pagination");
    if (pagingExtension != null && (answer.plain() == null || !answer.plain().json())) {
      throw pagingExtension.error("a paged operation answers with a JSON page");
    }
    PaginationModel paging = pagination.read(pagingExtension, pagingExtension == null ? null : answer.plain().type(),
        optional, paramsClass, name);
    ParamsModel params = paramsClass == null ? null
        : ParamsReader.read(paramsClass, request, optional, paramsPatterns, paging, new Imports(modelPackage, modelNames));
    List<OperationModel.Argument> arguments = new ArrayList<>(required);
    if (params != null) arguments.add(new OperationModel.Argument(params.className(), params.className(), "params"));
    StreamModel stream = streams.read(Extension.of(spec, at, extensions, "x-sessionkit-stream"), new StreamReader.Operation(
        operation.operationId, name, Text.camel(name, true), request, summary(operation), arguments, body, params, answer,
        paging, Set.of("GET", "PUT", "DELETE").contains(method) || idempotencyHeader != null));
    return new OperationModel(name, Text.camel(name, true), operation.operationId, method, retrofitPath, request,
        doc(operation, request, security(at, declared)), summary(operation), all, required, params, body, answer.plain(), paramDocs,
        throwsDocs(at, operation), find(at, extensions, operation, name, answer.plain()), paging, stream,
        defaulted == null ? null : shortForm(defaulted, required, params), checks, sample,
        shortcut(Extension.of(spec, at, extensions, "x-sessionkit-shortcut")), description(operation), at);
  }

  /**
   * The path below the client's base URL that an operation's own server adds: a {@code servers}
   * entry on its path item or on itself must be one URL under the root server's (Pipecat Cloud's
   * public API, {@code https://api.pipecat.daily.co/v1/public} beside the root {@code .../v1}), and
   * the operation is sent to the rest of it ({@code public}) relative to the base URL, so that a base
   * URL set on the client (a sandbox, a proxy) moves it too. Empty when the operation has none.
   */
  private String serverPrefix(Pointer at, String path, Operation declared) {
    List<io.swagger.v3.oas.models.servers.Server> servers = declared.getServers();
    Pointer where = at.then("servers");
    if (servers == null || servers.isEmpty()) {
      io.swagger.v3.oas.models.PathItem item = spec.openApi().getPaths().get(path);
      servers = item == null ? null : item.getServers();
      where = Pointer.ROOT.then("paths", path, "servers");
    }
    if (servers == null || servers.isEmpty()) return "";
    if (servers.size() > 1) throw spec.error(where, "sessionkit sends an operation to one server (got " + servers.size() + ")");
    List<io.swagger.v3.oas.models.servers.Server> roots = spec.openApi().getServers();
    String root = roots == null || roots.isEmpty() ? "" : roots.get(0).getUrl().replaceAll("/+$", "");
    String url = servers.get(0).getUrl().replaceAll("/+$", "");
    String rest = url.startsWith(root + "/") ? url.substring(root.length() + 1) : null;
    if (root.isEmpty() || rest == null || rest.isEmpty() || rest.contains("{") || rest.contains("?") || rest.contains("#")) {
      throw spec.error(where.then(0).then("url"), "an operation's own server must be a path under the root server "
          + (root.isEmpty() ? "(the spec names none)" : root) + ", so that the client's base URL moves it too (got "
          + url + ")");
    }
    return rest;
  }

  private static String erased(String type) {
    int generic = type.indexOf('<');
    return generic < 0 ? type : type.substring(0, generic);
  }

  /** The example argument of a required parameter: the spec's example when it passes the pattern, else its name. */
  private OperationModel.SampleArgument sample(String path, String method, CodegenParameter parameter, ParameterModel model) {
    Object example = parameters.example(path, method, parameter);
    if (!(example instanceof String text) || !model.type().equals("String")) {
      return new OperationModel.SampleArgument(model.name(), false);
    }
    if (parameter.getPattern() != null && !java.util.regex.Pattern.compile(parameter.getPattern()).matcher(text).matches()) {
      throw spec.error(parameters.examplePointer(path, method, parameter), "the example \"" + text
          + "\" does not match the parameter's pattern " + parameter.getPattern());
    }
    return new OperationModel.SampleArgument(Text.javaString(text), true);
  }

  /** The operation's vendor-level alias ({@code x-sessionkit-shortcut}), checked, or null. */
  private static String shortcut(Extension extension) {
    if (extension == null) return null;
    String shortcut = extension.string();
    if (!SHORTCUT.matcher(shortcut).matches()) {
      throw extension.error("must be a command name, lower-case words joined by - like events (got " + shortcut + ")");
    }
    return shortcut;
  }

  /** The spec's description of the operation as written, or empty. */
  private static String description(CodegenOperation operation) {
    return operation.unescapedNotes == null ? "" : operation.unescapedNotes.strip();
  }

  private static String summary(CodegenOperation operation) {
    return operation.summary == null ? "" : operation.summary.strip();
  }

  /**
   * What the Javadoc says of an operation's own {@code security}: which credential the client must be
   * built with, or null when the operation takes the default one. The client sends one credential,
   * so an operation names one scheme (a client is built per credential: Pipecat Cloud's private key
   * for managing sessions, its public key for starting them).
   */
  private String security(Pointer at, Operation declared) {
    List<io.swagger.v3.oas.models.security.SecurityRequirement> requirements = declared.getSecurity();
    if (requirements == null) return null;
    Pointer where = at.then("security");
    if (requirements.size() != 1 || requirements.get(0).size() != 1) {
      throw spec.error(where, "sessionkit sends one credential: an operation's security names one scheme (got "
          + (requirements.isEmpty() ? "none" : requirements.stream().map(r -> String.join(" and ", r.keySet()))
              .collect(java.util.stream.Collectors.joining(" or "))) + ")");
    }
    String scheme = requirements.get(0).keySet().iterator().next();
    SecurityModel model = null;
    for (SecurityModel candidate : config.security()) if (candidate.key().equals(scheme)) model = candidate;
    if (model == null) throw spec.error(where.then(0), "no scheme " + scheme + " in components.securitySchemes");
    if (model.isDefault()) return null;
    return "Authenticates with " + scheme + ": call it on a client built with `" + model.builderMethod()
        + "(...)`" + (model.staticSecret() ? "" : " (OAuth2 client credentials)") + "; the vendor refuses the other"
        + " credentials (401).";
  }

  private static List<String> doc(CodegenOperation operation, String request, String security) {
    String summary = operation.summary == null ? "Calls " + operation.operationId + "." : operation.summary.strip();
    String notes = operation.unescapedNotes == null ? "" : operation.unescapedNotes.strip();
    List<String> doc = new ArrayList<>();
    if (notes.startsWith(summary)) {
      // The description repeats the summary: it opens the Javadoc, and its first sentence is the contract.
      doc.addAll(Text.lines(notes));
    } else {
      doc.addAll(Text.lines(summary));
      if (!notes.isEmpty()) {
        doc.add("");
        doc.add("<p>" + String.join("\n", Text.lines(notes)));
      }
    }
    doc.add("");
    doc.add("<p>Sends {@code " + request + "}.");
    if (security != null) {
      doc.add("");
      List<String> lines = Text.lines(security, 92);
      doc.add("<p>" + lines.get(0));
      doc.addAll(lines.subList(1, lines.size()));
    }
    List<String> lines = new ArrayList<>();
    for (String line : doc) {
      for (String part : line.split("\n", -1)) lines.add(part.isEmpty() ? "" : " " + part);
    }
    return lines;
  }

  private List<OperationModel.ThrowsDoc> throwsDocs(Pointer at, CodegenOperation operation) {
    List<OperationModel.ThrowsDoc> docs = new ArrayList<>();
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
      docs.add(new OperationModel.ThrowsDoc("dev.sessionkit.errors." + exception,
          Text.wrap("on " + response.code + (text.isEmpty() ? "" : ": " + text), "   *     ", 60 - exception.length())));
    }
    return docs;
  }

  private OperationModel.FindModel find(Pointer at, Map<String, Object> extensions, CodegenOperation operation,
      String name, ResponseModel response) {
    Extension find = Extension.of(spec, at, extensions, "x-sessionkit-find-on-404");
    if (find == null || !find.bool()) return null;
    CodegenResponse notFound = operation.responses.stream().filter(r -> "404".equals(r.code)).findFirst()
        .orElseThrow(() -> find.error("the operation documents no 404 response"));
    if (response == null || !response.json()) {
      throw find.error("a find method answers with a JSON body (this operation answers with none)");
    }
    String because = notFound.message == null ? "not found" : Text.clause(notFound.message);
    return new OperationModel.FindModel(findName(name), Text.wrap(because, "   * ", 95));
  }

  /** The find form's name: {@code get} gives {@code find}, {@code getSession} {@code findSession}, else {@code find<Name>}. */
  static String findName(String name) {
    if (name.equals("get")) return "find";
    if (name.length() > 3 && name.startsWith("get") && Character.isUpperCase(name.charAt(3))) {
      return "find" + name.substring(3);
    }
    return "find" + Text.camel(name, true);
  }

  private OperationModel.ShortForm shortForm(VendorReader.Default defaulted, List<OperationModel.Argument> required,
      ParamsModel params) {
    String defaultedName = Text.camel(defaulted.parameter(), false);
    List<OperationModel.Argument> arguments = new ArrayList<>();
    List<OperationModel.ShortForm.Call> calls = new ArrayList<>();
    List<OperationModel.Argument> full = new ArrayList<>(required);
    if (params != null) full.add(new OperationModel.Argument(params.className(), params.className(), "params"));
    for (OperationModel.Argument argument : full) {
      boolean isDefaulted = argument.name().equals(defaultedName);
      calls.add(new OperationModel.ShortForm.Call(argument.name(), isDefaulted));
      if (!isDefaulted) arguments.add(argument);
    }
    return new OperationModel.ShortForm(arguments, calls, defaulted.builder(), Text.camel(defaulted.builder(), true),
        Text.words(defaulted.builder()));
  }
}
