package dev.sessionkit.generator;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.TemplateManager;
import org.openapitools.codegen.api.TemplatePathLocator;
import org.openapitools.codegen.languages.JavaClientCodegen;
import org.openapitools.codegen.model.ModelMap;
import org.openapitools.codegen.model.ModelsMap;
import org.openapitools.codegen.model.OperationsMap;
import org.openapitools.codegen.templating.GeneratorTemplateContentLocator;
import org.openapitools.codegen.templating.TemplateManagerOptions;

/**
 * The {@code sessionkit} generator: Java models as the {@code java} generator makes them (through the
 * templates in {@code specs/templates}), plus each vendor's whole public surface, from one typed
 * model of the spec ({@link VendorModel}) built and validated once: the client
 * ({@code client.mustache}), one service per tag ({@code service.mustache}) with its Retrofit
 * interface ({@code api.mustache}), one parameter record per operation with optional parameters
 * ({@code params.mustache}) and the service profile with the error envelope ({@code profile.mustache}).
 *
 * <p>The models are records, open enums and sealed unions with generated Moshi adapters
 * ({@code model.mustache}), rendered from the typed views {@link ModelCatalog} builds; the schema
 * vocabulary and its rules are {@link SchemaPass}'s and {@link UnionViews}'. The generator's own
 * settings for models (type mappings, the normalizer, inline schemas) are set here, so that every
 * build that names this generator gets the same Java for the same spec.
 *
 * <p>And what makes the module a vendor that code naming no vendor finds: its descriptor
 * ({@code descriptor.mustache}, a {@code VendorDescriptor} in {@code <internal>.descriptor}), its
 * {@code module-info.java} providing it ({@code module-info.mustache}), and beside the sources, in
 * {@code src/main/resources} of the output, its {@code META-INF/services} entry
 * ({@code services.mustache}) and the spec it was generated from as
 * {@code META-INF/sessionkit/<id>/openapi.json}.
 *
 * <p>Anything the generator does not support, and any mistake in the {@code x-sessionkit-...}
 * extensions, fails the build with an {@link InvalidSpecException} naming the spec and the JSON
 * pointer of the construct, before the surface is written.
 */
public class SessionkitCodegen extends JavaClientCodegen {
  static final Set<String> ROOT_EXTENSIONS = Set.of("x-sessionkit-client", "x-sessionkit-errors",
      TranscriptReader.KEY, LifecycleReader.KEY);
  static final Set<String> TAG_EXTENSIONS = Set.of("x-sessionkit-service");
  static final Set<String> SCHEME_EXTENSIONS = Set.of("x-sessionkit-builder-method");

  private Spec spec;
  private VendorReader.Config config;
  private SchemaPointers pointers;
  /** Whether {@link SchemaPass} has flattened the spec (see {@link #getUseInlineModelResolver}). */
  private boolean flattened;
  private final List<SurfaceReader.Group> groups = new ArrayList<>();
  private final Map<String, CodegenModel> models = new HashMap<>();

  /** Creates the generator; the Maven plugin finds it by its name, {@code sessionkit}. */
  public SessionkitCodegen() {
    super();
  }

  @Override
  public String getName() {
    return "sessionkit";
  }

  @Override
  public String getHelp() {
    return "Generates a sessionkit vendor SDK: models, Retrofit interfaces, client, services and parameters.";
  }

  /** The spec's file name, as every validation error starts. */
  String specName() {
    String input = getInputSpec();
    if (input == null) return "spec";
    File file = new File(input);
    File parent = file.getParentFile();
    return parent == null ? file.getName() : parent.getName() + "/" + file.getName();
  }

  @Override
  public void processOpts() {
    additionalProperties.putIfAbsent("dateLibrary", "java8");
    additionalProperties.putIfAbsent("useOneOfInterfaces", true);
    additionalProperties.putIfAbsent("openApiNullable", false);
    additionalProperties.putIfAbsent("legacyDiscriminatorBehavior", false);
    super.processOpts();
    // The Retrofit interfaces are written with the rest of the surface, from the typed model.
    apiTemplateFiles.clear();
    // Free-form JSON is kept whole, byte for byte; uuid ids stay the vendor's strings (checked
    // against the spec's pattern before a request); base64 bytes are an immutable ByteString.
    typeMapping.put("AnyType", "JsonValue");
    typeMapping.put("object", "JsonValue");
    typeMapping.put("UUID", "String");
    typeMapping.put("ByteArray", "ByteString");
    importMapping.put("JsonValue", "dev.sessionkit.core.json.JsonValue");
    importMapping.put("ByteString", "okio.ByteString");
    // A oneOf of one variant stays a union, so that unknown variants still decode.
    openapiNormalizer().putIfAbsent("SIMPLIFY_ONEOF_ANYOF", "false");
    inlineSchemaOption().putIfAbsent("RESOLVE_INLINE_ENUMS", "true");
    inlineSchemaOption().putIfAbsent("ARRAY_ITEM_SUFFIX", "_item");
  }

  /**
   * Whether OpenAPI Generator resolves inline schemas: not before {@link #preprocessOpenAPI}, which
   * does it itself once it has noted where each schema is written (so that errors name the spec's
   * own JSON pointers); from then on as usual, since parameters and bodies are read accordingly.
   */
  @Override
  public boolean getUseInlineModelResolver() {
    return flattened && super.getUseInlineModelResolver();
  }

  @Override
  public void preprocessOpenAPI(OpenAPI openAPI) {
    this.spec = new Spec(specName(), openAPI);
    validateExtensionPlacement();
    // Read the root once now, so a mistake there fails before any file is written.
    this.config = VendorReader.read(spec);
    // Parameters' inline enums are named after their operation before the inline model resolver
    // would name them (SpecPreparation); then the schemas are checked and flattened (SchemaPass).
    SpecPreparation.prepare(spec);
    pointers = SchemaPass.prepare(spec.name(), openAPI, this::toModelName, inlineSchemaNameMapping(), inlineSchemaOption());
    flattened = true;
    super.preprocessOpenAPI(openAPI);
  }

  private void validateExtensionPlacement() {
    OpenAPI openAPI = spec.openApi();
    Extension.refuseUnknown(spec, Pointer.ROOT, openAPI.getExtensions(), ROOT_EXTENSIONS);
    if (openAPI.getTags() != null) {
      for (int i = 0; i < openAPI.getTags().size(); i++) {
        Tag tag = openAPI.getTags().get(i);
        Extension.refuseUnknown(spec, Pointer.ROOT.then("tags", i), tag.getExtensions(), TAG_EXTENSIONS);
      }
    }
    if (openAPI.getComponents() != null && openAPI.getComponents().getSecuritySchemes() != null) {
      for (Map.Entry<String, SecurityScheme> scheme : openAPI.getComponents().getSecuritySchemes().entrySet()) {
        Extension.refuseUnknown(spec, Pointer.ROOT.then("components", "securitySchemes", scheme.getKey()),
            scheme.getValue().getExtensions(), SCHEME_EXTENSIONS);
      }
    }
    if (openAPI.getPaths() == null) return;
    for (Map.Entry<String, PathItem> path : openAPI.getPaths().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().readOperationsMap().entrySet()) {
        Extension.refuseUnknown(spec, Pointer.operation(path.getKey(), operation.getKey().name()),
            operation.getValue().getExtensions(), OperationReader.EXTENSIONS);
      }
    }
  }

  @Override
  public Map<String, ModelsMap> postProcessAllModels(Map<String, ModelsMap> objs) {
    Map<String, ModelsMap> processed = super.postProcessAllModels(objs);
    Set<String> requestSchemas = RequestTypes.reachable(spec.openApi());
    for (Map.Entry<String, ModelsMap> entry : processed.entrySet()) {
      if (!requestSchemas.contains(entry.getKey())) continue;
      for (ModelMap model : entry.getValue().getModels()) {
        CodegenModel codegen = model.getModel();
        boolean record = !codegen.isEnum && !Boolean.TRUE.equals(codegen.vendorExtensions.get("x-is-one-of-interface"));
        if (record) RequestTypes.mark(codegen);
      }
    }
    ModelCatalog.attach(this, spec.openApi(), pointers, processed);
    return processed;
  }

  @Override
  public OperationsMap postProcessOperationsWithModels(OperationsMap objs, List<ModelMap> allModels) {
    OperationsMap processed = super.postProcessOperationsWithModels(objs, allModels);
    for (ModelMap model : allModels) models.put(model.getModel().classname, model.getModel());
    groups.add(new SurfaceReader.Group(processed.getOperations().getClassname(), processed.getOperations().getOperation()));
    return processed;
  }

  @Override
  public Map<String, Object> postProcessSupportingFileData(Map<String, Object> bundle) {
    Map<String, Object> processed = super.postProcessSupportingFileData(bundle);
    String publicPackage = modelPackage().substring(0, modelPackage().lastIndexOf('.'));
    VendorModel vendor = new SurfaceReader(spec, config, modelPackage(), apiPackage(), models)
        .read(groups, String.valueOf(bundle.get("basePath")));
    // Read before anything of the surface is written, so that a mistake in the mapping fails the build first.
    TranscriptModel transcript = new TranscriptReader(spec, models, modelPackage(), apiPackage()).read(vendor, config.name());
    Writer writer = new Writer(transcript);
    for (ServiceModel service : vendor.services()) {
      writer.write("api.mustache", apiPackage(), service.apiClass(), vendor, service, null);
      writer.write("service.mustache", publicPackage, service.className(), vendor, service, null);
      for (OperationModel operation : service.operations()) {
        if (operation.params() != null) {
          writer.write("params.mustache", publicPackage, operation.params().className(), vendor, service, operation.params());
        }
      }
    }
    writer.write("client.mustache", publicPackage, vendor.clientClass(), vendor, null, null);
    writer.write("profile.mustache", apiPackage(), vendor.profileClass(), vendor, null, null);
    if (transcript != null) writer.write("transcript.mustache", apiPackage(), transcript.className(), vendor, null, null);

    DescriptorModel descriptor = new DescriptorReader(spec, config, modelPackage(), models.keySet(), publicPackage)
        .read(vendor);
    String descriptorClass = descriptor.packageName() + "." + descriptor.className();
    writer.write("descriptor.mustache", writer.source(descriptor.packageName(), descriptor.className()),
        Map.of("package", descriptor.packageName(), "descriptor", descriptor));
    ModuleModel module = new ModuleModel(config.module() == null ? publicPackage : config.module(), vendor.title(),
        specName(), publicPackage, modelPackage(), apiPackage(), descriptorClass);
    writer.write("module-info.mustache", writer.source("", "module-info"), Map.of("module", module));
    writer.write("services.mustache", writer.resource("META-INF/services/dev.sessionkit.core.vendor.VendorDescriptor"),
        Map.of("module", module));
    File bundled = writer.resource("META-INF/sessionkit/" + config.id() + "/openapi.json");
    dev.sessionkit.generator.spec.SpecPreparation.writeJson(new File(getInputSpec()).toPath(), bundled.toPath());
    return processed;
  }

  /** Writes the surface's files with the generator's templates. */
  private final class Writer {
    /** The transcript mapping, or null: every template may name it (the descriptor hands it out). */
    private final TranscriptModel transcript;
    private final String sourceRoot = outputFolder() + File.separator + sourceFolder + File.separator;
    /** Beside the sources: {@code src/main/resources} of the output, a resource directory of the module's build. */
    private final String resourceRoot = outputFolder() + File.separator + "src" + File.separator + "main"
        + File.separator + "resources" + File.separator;
    private final TemplateManager templates = new TemplateManager(new TemplateManagerOptions(false, false),
        getTemplatingEngine(), new TemplatePathLocator[] {new GeneratorTemplateContentLocator(SessionkitCodegen.this)});

    Writer(TranscriptModel transcript) {
      this.transcript = transcript;
    }

    void write(String template, String packageName, String className, VendorModel vendor, ServiceModel service,
        ParamsModel params) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("package", packageName);
      data.put("vendor", vendor);
      if (service != null) data.put("service", service);
      if (params != null) data.put("params", params);
      write(template, source(packageName, className), data);
    }

    /** The source file of {@code className} in {@code packageName} (the unnamed one for {@code module-info}). */
    File source(String packageName, String className) {
      return new File(sourceRoot + packageName.replace('.', File.separatorChar), className + ".java");
    }

    /** The resource {@code name} ({@code META-INF/...}). */
    File resource(String name) {
      return new File(resourceRoot + name.replace('/', File.separatorChar));
    }

    void write(String template, File target, Map<String, Object> model) {
      Map<String, Object> data = new LinkedHashMap<>(additionalProperties());
      data.putAll(model);
      if (transcript != null) data.putIfAbsent("transcript", transcript);
      try {
        templates.write(data, template, target);
      } catch (IOException e) {
        throw new UncheckedIOException("could not write " + target, e);
      }
    }
  }
}
