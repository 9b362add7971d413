package dev.sessionkit.generator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenProperty;

/**
 * Reads an operation's {@code x-sessionkit-pagination}: the paging style, where the page keeps its
 * items and its cursor, and the parameters each next request sets. Every path is checked against
 * the page's schema and every parameter against the operation's optional query parameters.
 */
final class PaginationReader {
  private final Map<String, CodegenModel> models;

  PaginationReader(Map<String, CodegenModel> models) {
    this.models = models;
  }

  /**
   * Reads {@code extension} of an operation answering {@code page}, whose optional parameters are
   * {@code optional}; returns null when the operation does not page.
   */
  PaginationModel read(Extension extension, String page, List<ParameterModel> optional, String paramsClass,
      String method) {
    if (extension == null) return null;
    extension.object("style", "items", "has-more", "forward", "backward", "parameter", "token", "offset", "total",
        "page-size");
    if (paramsClass == null) throw extension.error("a paged operation needs an optional cursor parameter");
    Path items = path(extension.require("items"), page);
    if (items.itemType() == null) throw extension.require("items").error("must name an array field of " + page);
    PaginationModel.Cursor cursor = null;
    PaginationModel.Token token = null;
    PaginationModel.Offset offset = null;
    String style = extension.string("style");
    switch (style) {
      case "cursor" -> {
        PaginationModel.Direction forward = direction(extension.require("forward"), page, optional);
        Extension backward = extension.get("backward");
        cursor = new PaginationModel.Cursor(path(extension.require("has-more"), page).model(), forward,
            backward == null ? null : direction(backward, page, optional));
      }
      case "token" -> {
        ParameterModel parameter = optionalParameter(extension.require("parameter"), extension.string("parameter"), optional);
        token = new PaginationModel.Token(parameter.name(), parameter.wireName(), "next" + Text.camel(parameter.name(), true),
            extension.string("token"), path(extension.require("token"), page).model());
      }
      case "offset" -> {
        Extension at = extension.require("offset");
        ParameterModel parameter = optionalParameter(at, extension.string("offset"), optional);
        if (!parameter.type().equals("Integer")) {
          throw at.error("must name an integer (int32) query parameter (" + parameter.wireName() + " is "
              + parameter.type() + ")");
        }
        Extension totalExtension = extension.get("total");
        PaginationModel.PathModel total = null;
        String totalField = null;
        if (totalExtension != null) {
          Path path = path(totalExtension, page);
          if (!Set.of("Integer", "Long").contains(path.type())) {
            throw totalExtension.error("must name an integer field of " + page + " (" + totalExtension.string() + " is "
                + path.type() + ")");
          }
          total = path.model();
          totalField = totalExtension.string();
        }
        offset = new PaginationModel.Offset(parameter.name(), parameter.wireName(), totalField, total);
      }
      default -> throw extension.require("style").error("must be cursor, token or offset (got " + style + ")");
    }
    for (String key : java.util.List.of("has-more", "forward", "backward", "parameter", "token", "offset", "total")) {
      boolean belongs = switch (key) {
        case "has-more", "forward", "backward" -> style.equals("cursor");
        case "parameter", "token" -> style.equals("token");
        default -> style.equals("offset");
      };
      if (!belongs && extension.get(key) != null) {
        throw extension.get(key).error("is not a key of the " + style + " style");
      }
    }
    Extension pageSize = extension.get("page-size");
    return new PaginationModel(items.itemType(), page, items.model(), Text.singular(method) + "Pages", cursor, token,
        offset, pageSize == null ? null : pageSize(pageSize, optional));
  }

  /** The paging setter of a token style, whose blank value the params record refuses; or null. */
  static String tokenSetter(PaginationModel paging) {
    return paging == null || paging.token() == null ? null : paging.token().setter();
  }

  /**
   * The page-size parameter auto-paging fills with the spec's maximum when the caller gave none:
   * an optional integer query parameter with a {@code maximum}.
   */
  private PaginationModel.PageSize pageSize(Extension at, List<ParameterModel> optional) {
    ParameterModel parameter = optionalParameter(at, at.string(), optional);
    if (!parameter.type().equals("Integer")) {
      throw at.error("must name an integer (int32) query parameter (" + parameter.wireName() + " is " + parameter.type() + ")");
    }
    String max = null;
    for (CheckModel check : parameter.checks()) {
      if (check.range() != null && check.range().max() != null) max = check.range().max();
    }
    if (max == null) throw at.error("the parameter " + parameter.wireName() + " has no maximum in its schema");
    int maximum;
    try {
      maximum = new BigDecimal(max).intValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw at.error("the maximum of " + parameter.wireName() + " is not an int32 (got " + max + ")");
    }
    return new PaginationModel.PageSize(parameter.name(), parameter.wireName(), maximum);
  }

  private PaginationModel.Direction direction(Extension direction, String page, List<ParameterModel> optional) {
    direction.object("parameter", "cursor");
    ParameterModel parameter = optionalParameter(direction.require("parameter"), direction.string("parameter"), optional);
    return new PaginationModel.Direction(parameter.name(), parameter.wireName(), direction.string("cursor"),
        path(direction.require("cursor"), page).model());
  }

  private static ParameterModel optionalParameter(Extension at, String name, List<ParameterModel> optional) {
    for (ParameterModel parameter : optional) {
      if (parameter.wireName().equals(name) && parameter.query()) return parameter;
    }
    throw at.error("names no optional query parameter of this operation (got " + name + ")");
  }

  /** A dotted path into a page, the Java type it ends at, and the item type when that is an array. */
  private record Path(List<String> getters, String itemType, String type) {
    PaginationModel.PathModel model() {
      return new PaginationModel.PathModel(getters);
    }
  }

  private Path path(Extension at, String modelName) {
    String dotted = at.string();
    List<String> getters = new ArrayList<>();
    CodegenModel model = models.get(modelName);
    String itemType = null;
    String type = null;
    String[] segments = dotted.split("\\.");
    for (int i = 0; i < segments.length; i++) {
      if (model == null) throw at.error("cannot follow " + dotted + ": " + segments[i - 1] + " is not an object");
      CodegenProperty property = null;
      for (CodegenProperty candidate : model.vars) if (candidate.baseName.equals(segments[i])) property = candidate;
      if (property == null) throw at.error(segments[i] + " is not a field of " + model.classname);
      getters.add(property.name);
      itemType = property.isArray && property.items != null ? property.items.dataType : null;
      type = property.dataType;
      model = property.complexType == null || property.isArray ? null : models.get(property.complexType);
    }
    return new Path(getters, itemType, type);
  }
}
