package dev.sessionkit.generator;

import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;

/**
 * Builds the {@link VendorModel} of a spec from its validated root settings and its operations,
 * grouped by tag as the codegen groups them: one service per tag.
 */
final class SurfaceReader {
  /** The operations of one tag and the Retrofit interface the codegen named for it. */
  record Group(String apiClass, List<CodegenOperation> operations) {}

  private final Spec spec;
  private final VendorReader.Config config;
  private final String modelPackage;
  private final String internalPackage;
  private final Map<String, CodegenModel> models;

  SurfaceReader(Spec spec, VendorReader.Config config, String modelPackage, String internalPackage,
      Map<String, CodegenModel> models) {
    this.spec = spec;
    this.config = config;
    this.modelPackage = modelPackage;
    this.internalPackage = internalPackage;
    this.models = models;
  }

  VendorModel read(List<Group> groups, String basePath) {
    if (groups.isEmpty()) throw spec.error(Pointer.ROOT.then("paths"), "the spec has no operation to generate");
    String idempotencyHeader = idempotencyHeader(groups);
    Set<String> enumModels = new TreeSet<>();
    models.forEach((name, model) -> {
      if (model.isEnum) enumModels.add(name);
    });
    OperationReader reader = new OperationReader(spec, config, idempotencyHeader, models, enumModels, modelPackage);
    Map<String, String> defaultPatterns = new LinkedHashMap<>();
    List<ServiceModel> services = new ArrayList<>();
    for (Group group : groups) {
      services.add(service(group, reader, defaultPatterns));
    }
    List<DefaultModel> defaults = new ArrayList<>();
    for (VendorReader.Default parameter : config.defaults()) {
      String pattern = defaultPatterns.get(parameter.parameter());
      if (pattern == null) {
        throw spec.error(parameter.pointer().then("parameter"), "no operation has a path parameter with a pattern named "
            + parameter.parameter());
      }
      defaults.add(defaultModel(parameter, Text.javaString(pattern), false));
    }
    ServiceModel first = services.get(0);
    OperationModel sample = first.operations().get(0);
    return new VendorModel(config.name() + "Client", config.name() + "Profile", internalPackage,
        Text.javadoc(spec.openApi().getInfo().getTitle()), config.service(), config.tokenEnv(), config.baseUrlEnv(),
        Text.javaString(basePath) + "/", config.requestIdHeaders(), idempotencyHeader, config.security(),
        config.errors(), defaults, services,
        sample.plain()
            ? new VendorModel.Sample(first.accessor(), sample.name(), sample.response().type(), null, sample.sample())
            : new VendorModel.Sample(first.accessor(), sample.stream().method(), null, sample.stream().eventType(),
                sample.sample()));
  }

  /**
   * The idempotency header: the root's {@code x-sessionkit-client.idempotency-header}, else an
   * {@code Idempotency-Key} header parameter of any operation; null when the spec declares neither.
   */
  private String idempotencyHeader(List<Group> groups) {
    if (config.idempotencyHeader() != null) return config.idempotencyHeader();
    for (Group group : groups) {
      for (CodegenOperation operation : group.operations()) {
        for (CodegenParameter parameter : operation.headerParams) {
          if (parameter.baseName.equalsIgnoreCase("Idempotency-Key")) return parameter.baseName;
        }
      }
    }
    return null;
  }

  private DefaultModel defaultModel(VendorReader.Default parameter, String pattern, boolean used) {
    String words = Text.words(parameter.builder());
    return new DefaultModel(parameter.parameter(), parameter.builder(), Text.camel(parameter.builder(), true),
        parameter.env(), Text.constant(parameter.parameter()) + "_ENV", words, pattern, used,
        "no " + words + ": pass " + Text.camel(parameter.parameter(), false) + ", or build the client with "
            + parameter.builder() + "(...) or set the " + parameter.env() + " environment variable and call fromEnv()");
  }

  private ServiceModel service(Group group, OperationReader reader, Map<String, String> defaultPatterns) {
    List<CodegenOperation> operations = group.operations();
    String tagName = operations.get(0).tags.get(0).getName();
    Tag tag = null;
    int tagIndex = -1;
    List<Tag> tags = spec.openApi().getTags();
    for (int i = 0; tags != null && i < tags.size(); i++) {
      if (tags.get(i).getName().equals(tagName)) {
        tag = tags.get(i);
        tagIndex = i;
      }
    }
    Extension serviceName = tag == null ? null
        : Extension.of(spec, Pointer.ROOT.then("tags", tagIndex), tag.getExtensions(), "x-sessionkit-service");
    String accessor = serviceName == null ? Text.camel(tagName, false) : serviceName.string();
    if (!Text.isIdentifier(accessor)) {
      if (serviceName != null) throw serviceName.error("must be a Java method name (got " + accessor + ")");
      throw spec.error(Pointer.ROOT.then("tags"), "the tag " + tagName + " gives no Java name; name the service "
          + "with x-sessionkit-service");
    }
    String className = Text.camel(accessor, true) + "Service";
    String description = tag == null || tag.getDescription() == null ? "" : tag.getDescription().strip();
    String summary = description.isEmpty() ? "The operations tagged " + tagName + "." : Text.javadoc(description);

    Patterns patterns = new Patterns();
    List<OperationModel> models = new ArrayList<>();
    Set<String> defaultsUsed = new TreeSet<>();
    for (CodegenOperation operation : operations) {
      OperationModel model = reader.read(operation, patterns);
      models.add(model);
      if (model.shortForm() != null) {
        for (VendorReader.Default candidate : config.defaults()) {
          if (candidate.builder().equals(model.shortForm().builder())) defaultsUsed.add(candidate.parameter());
        }
      }
      for (CodegenParameter parameter : operation.allParams) {
        for (VendorReader.Default candidate : config.defaults()) {
          if (candidate.parameter().equals(parameter.baseName) && parameter.isPathParam && parameter.required) {
            if (parameter.getPattern() != null) defaultPatterns.putIfAbsent(candidate.parameter(), parameter.getPattern());
          }
        }
      }
    }
    for (OperationModel model : models) {
      if (model.stream() == null) continue;
      for (StreamModel.UnionSetter setter : model.stream().unionSetters()) {
        for (OperationModel other : models) {
          if (setter.method().equals(other.name()) || other.stream() != null && setter.method().equals(other.stream().method())) {
            throw spec.error(model.pointer().then("x-sessionkit-stream"), "the helper " + setter.method() + " that sets "
                + setter.property() + " on a " + setter.union() + " clashes with the method " + setter.method()
                + " of " + className);
          }
        }
      }
    }
    List<DefaultModel> defaults = new ArrayList<>();
    for (VendorReader.Default parameter : config.defaults()) {
      defaults.add(defaultModel(parameter, "", defaultsUsed.contains(parameter.parameter())));
    }
    return new ServiceModel(className, accessor, group.apiClass(), tagName, summary, models, patterns.models(), defaults,
        new Imports(modelPackage, this.models.keySet()).service(internalPackage,
            group.apiClass(), models, !config.defaults().isEmpty()),
        new Imports(modelPackage, this.models.keySet()).api(models));
  }
}
