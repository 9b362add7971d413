package dev.sessionkit.generator;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
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
import java.util.TreeSet;
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
 * The {@code sessionkit} generator: Java models and Retrofit interfaces as the {@code java}
 * generator makes them (through the templates in {@code specs/templates}), plus each vendor's whole
 * public surface, read from the spec's {@code x-sessionkit-...} extensions: the client
 * ({@code client.mustache}), one service per tag ({@code service.mustache}), one parameter record per
 * operation with optional parameters ({@code params.mustache}) and the service profile with the
 * error envelope ({@code profile.mustache}).
 *
 * <p>The models are records, open enums and sealed unions with generated Moshi adapters
 * ({@code model.mustache}), rendered from the typed views {@link ModelCatalog} builds; the schema
 * vocabulary and its rules are {@link SchemaPass}'s and {@link UnionViews}'. The generator's own
 * settings for models (type mappings, the normalizer, inline schemas) are set here, so that every
 * build that names this generator gets the same Java for the same spec.
 *
 * <p>The extensions and the schemas are validated before anything is written; a mistake fails the
 * build with an {@link InvalidSpecException} naming the spec and the key, or the JSON pointer of
 * the schema construct.
 */
public class SessionkitCodegen extends JavaClientCodegen {
  static final Set<String> ROOT_EXTENSIONS = Set.of("x-sessionkit-client", "x-sessionkit-errors");
  static final Set<String> TAG_EXTENSIONS = Set.of("x-sessionkit-service");
  static final Set<String> SCHEME_EXTENSIONS = Set.of("x-sessionkit-builder-method");
  static final Set<String> OPERATION_EXTENSIONS =
      Set.of("x-sessionkit-method", "x-sessionkit-params", "x-sessionkit-pagination", "x-sessionkit-find-on-404");

  private OpenAPI openApi;
  private SchemaPointers pointers;
  /** Whether {@link SchemaPass} has flattened the spec (see {@link #getUseInlineModelResolver}). */
  private boolean flattened;
  private final List<OperationsMap> groups = new ArrayList<>();
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
    pointers = SchemaPass.prepare(specName(), openAPI, this::toModelName, inlineSchemaNameMapping(), inlineSchemaOption());
    flattened = true;
    super.preprocessOpenAPI(openAPI);
    this.openApi = openAPI;
    validateExtensionPlacement(openAPI);
    // Read everything once now, so a spec mistake fails before any file is written.
    VendorSurface.readClient(specName(), openAPI);
  }

  private void validateExtensionPlacement(OpenAPI openAPI) {
    String spec = specName();
    Extension.refuseUnknown(spec, " (at the root)", openAPI.getExtensions(), ROOT_EXTENSIONS);
    if (openAPI.getExtensions() == null || !openAPI.getExtensions().containsKey("x-sessionkit-client")) {
      throw new InvalidSpecException(spec + ": x-sessionkit-client (at the root): required");
    }
    if (openAPI.getTags() != null) {
      for (Tag tag : openAPI.getTags()) {
        Extension.refuseUnknown(spec, " (tag " + tag.getName() + ")", tag.getExtensions(), TAG_EXTENSIONS);
      }
    }
    if (openAPI.getComponents() != null && openAPI.getComponents().getSecuritySchemes() != null) {
      for (Map.Entry<String, SecurityScheme> scheme : openAPI.getComponents().getSecuritySchemes().entrySet()) {
        Extension.refuseUnknown(spec, " (security scheme " + scheme.getKey() + ")", scheme.getValue().getExtensions(),
            SCHEME_EXTENSIONS);
      }
    }
    for (PathItem item : openAPI.getPaths().values()) {
      for (Operation operation : item.readOperations()) {
        Extension.refuseUnknown(spec, " (operation " + operation.getOperationId() + ")", operation.getExtensions(),
            OPERATION_EXTENSIONS);
      }
    }
  }

  @Override
  public Map<String, ModelsMap> postProcessAllModels(Map<String, ModelsMap> objs) {
    Map<String, ModelsMap> processed = super.postProcessAllModels(objs);
    ModelCatalog.attach(this, openApi, pointers, processed);
    return processed;
  }

  @Override
  public OperationsMap postProcessOperationsWithModels(OperationsMap objs, List<ModelMap> allModels) {
    OperationsMap processed = super.postProcessOperationsWithModels(objs, allModels);
    for (ModelMap model : allModels) models.put(model.getModel().classname, model.getModel());
    groups.add(processed);
    return processed;
  }

  @Override
  public Map<String, Object> postProcessSupportingFileData(Map<String, Object> bundle) {
    Map<String, Object> processed = super.postProcessSupportingFileData(bundle);
    VendorSurface surface = new VendorSurface(specName(), openApi, modelPackage(), apiPackage(), groups, models);
    String sourceRoot = outputFolder() + File.separator + sourceFolder + File.separator;
    TemplateManager templates = new TemplateManager(new TemplateManagerOptions(false, false),
        getTemplatingEngine(), new TemplatePathLocator[] {new GeneratorTemplateContentLocator(this)});
    for (VendorSurface.GeneratedFile file : surface.files()) {
      File target = new File(sourceRoot + file.packageName().replace('.', File.separatorChar), file.className() + ".java");
      Map<String, Object> data = new LinkedHashMap<>(additionalProperties());
      data.putAll(file.data());
      data.put("package", file.packageName());
      try {
        templates.write(data, file.template(), target);
      } catch (IOException e) {
        throw new UncheckedIOException("could not write " + target, e);
      }
    }
    return processed;
  }

  /** The names of the root security requirements, in the spec's order: the first is the default. */
  static List<String> securityOrder(OpenAPI openAPI) {
    Set<String> names = new TreeSet<>();
    List<String> ordered = new ArrayList<>();
    if (openAPI.getSecurity() != null) {
      for (SecurityRequirement requirement : openAPI.getSecurity()) {
        for (String name : requirement.keySet()) if (names.add(name)) ordered.add(name);
      }
    }
    return ordered;
  }
}
