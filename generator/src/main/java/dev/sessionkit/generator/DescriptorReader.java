package dev.sessionkit.generator;

import io.swagger.v3.oas.models.OpenAPI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link DescriptorModel} of a vendor from its validated surface: what each operation is
 * and how a generic caller's text arguments become the typed call. Refuses two operations with one
 * shortcut, and a shortcut that is also a service's name.
 */
final class DescriptorReader {
  private final Spec spec;
  private final VendorReader.Config config;
  private final String modelPackage;
  private final Set<String> modelNames;
  private final String publicPackage;

  DescriptorReader(Spec spec, VendorReader.Config config, String modelPackage, Set<String> modelNames,
      String publicPackage) {
    this.spec = spec;
    this.config = config;
    this.modelPackage = modelPackage;
    this.modelNames = modelNames;
    this.publicPackage = publicPackage;
  }

  /** The descriptor's package: beside the Retrofit interfaces, not in their package (which the client uses). */
  static String packageOf(String internalPackage) {
    return internalPackage + ".descriptor";
  }

  DescriptorModel read(VendorModel vendor) {
    OpenAPI openApi = spec.openApi();
    String description = openApi.getInfo() == null || openApi.getInfo().getDescription() == null ? ""
        : firstParagraph(openApi.getInfo().getDescription());
    String docsUrl = openApi.getExternalDocs() == null || openApi.getExternalDocs().getUrl() == null ? null
        : Text.javaString(openApi.getExternalDocs().getUrl().strip());
    List<DescriptorModel.Variable> environment = new ArrayList<>();
    SecurityModel credential = vendor.mainSecurity();
    environment.add(new DescriptorModel.Variable(Text.javaString(config.tokenEnv()), "CREDENTIAL", Text.javaString(
        credential.apiKey() ? "The API key, sent in the " + credential.header() + " header."
            : "The token, sent as " + credential.header() + ": " + credential.scheme() + " <token>.")));
    String baseUrl = vendor.baseUrl();
    environment.add(new DescriptorModel.Variable(Text.javaString(config.baseUrlEnv()), "BASE_URL",
        "The base URL, instead of " + baseUrl + "."));
    for (VendorReader.Default parameter : config.defaults()) {
      environment.add(new DescriptorModel.Variable(Text.javaString(parameter.env()), "DEFAULT_PARAMETER",
          Text.javaString("The " + Text.words(parameter.builder()) + " (" + parameter.parameter()
              + ") of the operations that take it, when a call gives none.")));
    }

    Map<String, OperationModel> shortcuts = new HashMap<>();
    List<DescriptorModel.Service> services = new ArrayList<>();
    for (ServiceModel service : specOrder(vendor.services())) {
      List<DescriptorModel.Operation> operations = new ArrayList<>();
      List<OperationModel> inOrder = new ArrayList<>(service.operations());
      inOrder.sort(Comparator.comparingInt(this::position));
      for (OperationModel operation : inOrder) {
        checkShortcut(operation, vendor.services(), shortcuts);
        operations.add(operation(service, operation));
      }
      String tagDescription = "";
      if (openApi.getTags() != null) {
        for (io.swagger.v3.oas.models.tags.Tag tag : openApi.getTags()) {
          if (tag.getName().equals(service.tag()) && tag.getDescription() != null) tagDescription = tag.getDescription().strip();
        }
      }
      services.add(new DescriptorModel.Service(service.accessor(), "service" + Text.camel(service.accessor(), true),
          Text.javaString(tagDescription), operations));
    }
    String internalPackage = vendor.internalPackage();
    return new DescriptorModel(packageOf(internalPackage), config.name() + "Descriptor", config.id(),
        Text.javaString(config.label()), Text.javaString(description), docsUrl, baseUrl, environment,
        publicPackage + "." + vendor.clientClass(), internalPackage + "." + vendor.profileClass() + ".PROFILE",
        services, vendor.title(), new LifecycleReader(spec).read(vendor));
  }

  /** The services in the order the spec lists their tags (the codegen sorts them by name). */
  private List<ServiceModel> specOrder(List<ServiceModel> services) {
    List<String> tags = new ArrayList<>();
    if (spec.openApi().getTags() != null) spec.openApi().getTags().forEach(tag -> tags.add(tag.getName()));
    List<ServiceModel> ordered = new ArrayList<>(services);
    ordered.sort(Comparator.comparingInt(service -> tags.contains(service.tag()) ? tags.indexOf(service.tag())
        : Integer.MAX_VALUE));
    return ordered;
  }

  /** Where the spec declares {@code operation}: its path's place among the paths, then its method's. */
  private int position(OperationModel operation) {
    int index = 0;
    for (Map.Entry<String, io.swagger.v3.oas.models.PathItem> path : spec.openApi().getPaths().entrySet()) {
      for (io.swagger.v3.oas.models.PathItem.HttpMethod method : path.getValue().readOperationsMap().keySet()) {
        if (path.getKey().equals(OperationReader.specPath(operation.path())) && method.name().equals(operation.httpMethod())) {
          return index;
        }
        index++;
      }
    }
    return index;
  }

  /** The first paragraph of a description, its lines joined. */
  private static String firstParagraph(String text) {
    String first = text.strip().split("\n\\s*\n", 2)[0];
    return first.replaceAll("\\s+", " ").strip();
  }

  private void checkShortcut(OperationModel operation, List<ServiceModel> services, Map<String, OperationModel> seen) {
    String shortcut = operation.shortcut();
    if (shortcut == null) return;
    Pointer at = operation.pointer().then("x-sessionkit-shortcut");
    OperationModel other = seen.putIfAbsent(shortcut, operation);
    if (other != null) {
      throw spec.error(at, "the shortcut " + shortcut + " is also " + other.operationId() + "'s; a shortcut names one operation");
    }
    for (ServiceModel service : services) {
      if (shortcut.equals(service.accessor()) || shortcut.equals(kebab(service.accessor()))) {
        throw spec.error(at, "the shortcut " + shortcut + " is also the name of the service " + service.accessor());
      }
    }
  }

  /** {@code scenarioRuns} as a command name: {@code scenario-runs}. */
  private static String kebab(String camel) {
    return Text.words(camel).replace(' ', '-');
  }

  private DescriptorModel.Operation operation(ServiceModel service, OperationModel operation) {
    String path = OperationReader.specPath(operation.path());
    Map<String, VendorReader.Default> defaults = new HashMap<>();
    for (VendorReader.Default parameter : config.defaults()) defaults.put(parameter.parameter(), parameter);

    List<ParameterModel> ordered = new ArrayList<>(operation.parameters());
    ordered.sort(Comparator.comparingInt(parameter -> parameter.path()
        ? path.indexOf("{" + parameter.wireName() + "}") : Integer.MAX_VALUE));
    List<DescriptorModel.Parameter> parameters = new ArrayList<>();
    for (ParameterModel parameter : ordered) {
      VendorReader.Default fallback = defaulted(parameter, defaults);
      ParameterModel.Value value = parameter.value();
      parameters.add(new DescriptorModel.Parameter(Text.javaString(parameter.wireName()), parameter.name(),
          parameter.path() ? "PATH" : parameter.query() ? "QUERY" : "HEADER", kind(parameter), parameter.required(),
          Text.javaString(value.description()), value.enumValues().stream().map(Text::javaString).toList(),
          value.example() == null ? null : Text.javaString(value.example()),
          fallback == null ? null : Text.javaString(fallback.env())));
    }

    Map<String, ParameterModel> byName = new HashMap<>();
    for (ParameterModel parameter : operation.parameters()) byName.put(parameter.name(), parameter);
    DescriptorModel.Body body = operation.body() == null ? null : new DescriptorModel.Body(type(operation.body().type()),
        bodyRequired(operation));
    List<DescriptorModel.Argument> arguments = new ArrayList<>();
    for (OperationModel.Argument argument : operation.required()) {
      ParameterModel parameter = byName.get(argument.name());
      if (parameter == null || !parameter.required()) {
        arguments.add(new DescriptorModel.Argument(null, body));
      } else {
        arguments.add(new DescriptorModel.Argument(read(parameter, defaulted(parameter, defaults)), null));
      }
    }
    DescriptorModel.Params params = null;
    if (operation.params() != null) {
      List<DescriptorModel.Component> components = new ArrayList<>();
      for (ParamsModel.Component component : operation.params().components()) {
        components.add(new DescriptorModel.Component(component.name(), read(component.parameter(), null)));
      }
      params = new DescriptorModel.Params(publicPackage + "." + operation.params().className(), components);
    }

    String suffix = Text.camel(service.accessor(), true) + operation.upperName();
    ResponseModel response = operation.response();
    PaginationModel paging = operation.paging();
    return new DescriptorModel.Operation(service.accessor(), operation.name(), Text.javaString(operation.operationId()),
        operation.httpMethod(), Text.javaString(path), Text.javaString(operation.apiDoc()),
        Text.javaString(operation.description()), parameters, body,
        response == null || response.empty() ? null : type(response.type()),
        operation.paging() == null ? null : type(operation.paging().itemType()),
        operation.stream() == null ? null : type(operation.stream().eventType()), operation.shortcut(),
        operation.plain() ? "call" + suffix : null, operation.paging() == null ? null : "iterate" + suffix,
        paging == null ? null : "pages" + suffix, paging == null ? null : paging.pagesMethod(),
        paging == null ? null : cursorParameter(paging), paging == null || paging.pageSize() == null ? null
            : paging.pageSize().parameter(),
        operation.stream() == null ? null : "stream" + suffix,
        operation.stream() == null ? null : operation.stream().method(), operation.upperName(),
        response != null && response.empty(), arguments, params);
  }

  /**
   * The parameter a stored next cursor goes back in, paging forward: the cursor style's forward
   * parameter ({@code after_id}), the token style's ({@code page_key}), or the offset style's
   * ({@code offset}, the cursor being the next offset in decimal).
   */
  private static String cursorParameter(PaginationModel paging) {
    if (paging.cursor() != null) return paging.cursor().forward().parameter();
    if (paging.token() != null) return paging.token().parameter();
    return paging.offset().parameter();
  }

  /** Whether the spec requires the body (the typed method needs one whatever the spec says). */
  private boolean bodyRequired(OperationModel operation) {
    io.swagger.v3.oas.models.Operation declared = spec.operation(OperationReader.specPath(operation.path()),
        operation.httpMethod());
    if (declared == null || declared.getRequestBody() == null) return true;
    io.swagger.v3.oas.models.parameters.RequestBody body = declared.getRequestBody();
    if (body.get$ref() != null && spec.openApi().getComponents() != null
        && spec.openApi().getComponents().getRequestBodies() != null) {
      body = spec.openApi().getComponents().getRequestBodies().get(body.get$ref().substring(body.get$ref().lastIndexOf('/') + 1));
    }
    return body == null || Boolean.TRUE.equals(body.getRequired());
  }

  private static VendorReader.Default defaulted(ParameterModel parameter, Map<String, VendorReader.Default> defaults) {
    VendorReader.Default candidate = defaults.get(parameter.wireName());
    return candidate != null && parameter.path() && parameter.required() ? candidate : null;
  }

  private TypeModel type(String codegenType) {
    return TypeModel.of(codegenType, modelPackage, modelNames);
  }

  private static String kind(ParameterModel parameter) {
    if (parameter.list()) return "ARRAY";
    if (parameter.value().enumType()) return "ENUM";
    return switch (parameter.value().type()) {
      case "Integer", "Long" -> "INTEGER";
      case "BigDecimal", "Double", "Float" -> "NUMBER";
      case "Boolean" -> "BOOLEAN";
      default -> "STRING";
    };
  }

  private DescriptorModel.Read read(ParameterModel parameter, VendorReader.Default fallback) {
    ParameterModel.Value value = parameter.value();
    String kind;
    String expected;
    if (value.enumType()) {
      kind = "openEnum";
      expected = "a " + value.type() + " value";
    } else {
      switch (value.type()) {
        case "String" -> {
          kind = "text";
          expected = "text";
        }
        case "Integer" -> {
          kind = "integer";
          expected = "a whole number";
        }
        case "Long" -> {
          kind = "longInteger";
          expected = "a whole number";
        }
        case "BigDecimal" -> {
          kind = "decimal";
          expected = "a number";
        }
        case "Double" -> {
          kind = "number";
          expected = "a number";
        }
        case "Float" -> {
          kind = "floating";
          expected = "a number";
        }
        case "Boolean" -> {
          kind = "bool";
          expected = "true or false";
        }
        case "LocalDate" -> {
          kind = "date";
          expected = "a date such as 2026-01-31";
        }
        case "OffsetDateTime" -> {
          kind = "dateTime";
          expected = "a date-time with an offset such as 2026-01-31T12:00:00Z";
        }
        case "URI" -> {
          kind = "uri";
          expected = "a URI";
        }
        default -> throw spec.error(parameter.pointer(), "no reading from text for " + value.type());
      }
    }
    DescriptorModel.Fallback defaultValue = fallback == null ? null : new DescriptorModel.Fallback(fallback.builder(),
        Text.javaString(parameter.wireName() + " is required: give it, or set " + fallback.env() + " for a default"));
    return new DescriptorModel.Read(Text.javaString(parameter.wireName()), kind, type(value.type()).javaName(),
        parameter.list(), parameter.required(), Text.javaString(expected), defaultValue);
  }
}
