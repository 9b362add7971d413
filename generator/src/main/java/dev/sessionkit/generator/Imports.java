package dev.sessionkit.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The imports of a generated class, sorted: the models its types name and what its forms use. */
final class Imports {
  private final String modelPackage;
  private final Set<String> modelNames;
  private final Set<String> imports = new TreeSet<>();

  Imports(String modelPackage, Set<String> modelNames) {
    this.modelPackage = modelPackage;
    this.modelNames = modelNames;
  }

  /** Adds the models and collections {@code type} names ({@code List<Color>}: {@code java.util.List} and {@code Color}). */
  Imports type(String type) {
    if (type == null) return this;
    for (String token : type.split("[^A-Za-z0-9_.]+")) {
      if (token.isEmpty()) continue;
      if (modelNames.contains(token)) imports.add(modelPackage + "." + token);
      else if (token.equals("List") || token.equals("Map")) imports.add("java.util." + token);
      else if (token.equals("InputStream")) imports.add("java.io.InputStream");
      else if (token.equals("JsonValue")) imports.add("dev.sessionkit.core.json.JsonValue");
      else if (Set.of("LocalDate", "OffsetDateTime", "Instant").contains(token)) imports.add("java.time." + token);
      else if (token.equals("BigDecimal")) imports.add("java.math.BigDecimal");
      else if (token.equals("URI")) imports.add("java.net.URI");
    }
    return this;
  }

  Imports add(String name) {
    imports.add(name);
    return this;
  }

  List<String> list() {
    return new ArrayList<>(imports);
  }

  /** A service's imports. */
  List<String> service(String internalPackage, String apiClass, List<OperationModel> operations, boolean defaults) {
    boolean patterns = false;
    boolean objects = false;
    for (OperationModel operation : operations) {
      if (operation.plain()) type(operation.response().type());
      StreamModel stream = operation.stream();
      if (stream != null) {
        type(stream.eventType()).add("dev.sessionkit.core.EventStream").add("dev.sessionkit.core.spi.StreamSpec")
            .add("java.util.concurrent.Flow");
        if (stream.errorEnvelope()) add("dev.sessionkit.core.spi.ErrorEnvelope");
        for (StreamModel.UnionSetter setter : stream.unionSetters()) {
          type(setter.union());
          for (StreamModel.UnionSetter.Case each : setter.cases()) type(each.variant());
          if (setter.rewritesUnknown()) add("dev.sessionkit.core.spi.ModelSupport");
          if (setter.nullable()) add("org.jspecify.annotations.Nullable");
        }
      }
      for (OperationModel.Argument argument : operation.required()) type(argument.type());
      for (CheckModel check : operation.checks()) {
        patterns |= check.pattern() != null;
        objects |= check.nonNull();
        if (check.range() != null || check.known()) add("dev.sessionkit.core.spi.Checks");
      }
      if (operation.params() != null) objects = true;
      if (operation.find() != null) add("dev.sessionkit.errors.NotFoundException").add("java.util.Optional");
      PaginationModel paging = operation.paging();
      if (paging != null) {
        type(paging.itemType());
        add("dev.sessionkit.core.AutoPager").add("java.util.stream.Stream").add("dev.sessionkit.core.AsyncPager")
            .add("dev.sessionkit.core.PageOf").add("dev.sessionkit.core.Pages").add("org.jspecify.annotations.Nullable");
        if (paging.cursor() != null) add("dev.sessionkit.core.spi.CursorPages");
        if (paging.token() != null) add("dev.sessionkit.core.spi.TokenPages").add("java.util.Optional");
        if (paging.offset() != null) add("dev.sessionkit.core.spi.OffsetPages");
      }
    }
    if (patterns) add("dev.sessionkit.core.spi.Checks").add("java.util.regex.Pattern");
    if (objects) add("java.util.Objects");
    if (defaults) add("org.jspecify.annotations.Nullable");
    return add("dev.sessionkit.core.RequestOptions").add("dev.sessionkit.core.http.RawResponse")
        .add("dev.sessionkit.core.spi.ClientRuntime").add(internalPackage + "." + apiClass)
        .add("java.util.concurrent.CompletableFuture").add("javax.annotation.processing.Generated").list();
  }

  /**
   * A Retrofit interface's imports: the models and collections its methods name. Retrofit's own
   * types are written in full, so that a vendor model named {@code Call} or {@code Path} does not clash.
   */
  List<String> api(List<OperationModel> operations) {
    for (OperationModel operation : operations) {
      if (operation.plain() && operation.response().json()) type(operation.response().type());
      for (ParameterModel parameter : operation.parameters()) type(parameter.retrofitType());
      if (operation.body() != null) type(operation.body().type());
    }
    imports.remove("java.io.InputStream");
    return add("javax.annotation.processing.Generated").list();
  }

  /** A params record's imports: the models and collections its components name, and what its checks use. */
  List<String> params(ParamsModel params) {
    for (ParamsModel.Component component : params.components()) type(component.type());
    if (params.usesChecks()) add("dev.sessionkit.core.spi.Checks");
    if (params.hasPatterns()) add("java.util.regex.Pattern");
    return add("javax.annotation.processing.Generated").add("org.jspecify.annotations.Nullable").list();
  }
}
