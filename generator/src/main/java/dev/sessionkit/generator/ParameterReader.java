package dev.sessionkit.generator;

import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenProperty;

/**
 * Reads one path, query or header parameter: its Java type (an open enum when the spec's schema is
 * an enum, a {@code List} for an array), how an array goes on the wire ({@code style}/{@code explode}),
 * and the rules checked before sending. Anything else is refused with the parameter's pointer.
 */
final class ParameterReader {
  /** The types a value of a parameter may have: each can be read from text by a generic caller. */
  static final Set<String> VALUE_TYPES = Set.of("String", "Integer", "Long", "BigDecimal", "Double", "Float", "Boolean",
      "LocalDate", "OffsetDateTime", "URI");

  private final Spec spec;
  private final Set<String> enumModels;
  private final Map<String, CodegenModel> models;

  /** A reader for {@code spec}, whose open enums are {@code enumModels}, among {@code models}. */
  ParameterReader(Spec spec, Set<String> enumModels, Map<String, CodegenModel> models) {
    this.spec = spec;
    this.enumModels = enumModels;
    this.models = models;
  }

  /**
   * Reads {@code parameter} of the operation at {@code path} and {@code method}; pattern constants
   * its checks use are named with {@link Patterns}.
   */
  ParameterModel read(String path, String method, CodegenParameter parameter, Patterns patterns) {
    String in = parameter.isPathParam ? "path" : parameter.isQueryParam ? "query" : parameter.isHeaderParam ? "header"
        : parameter.isCookieParam ? "cookie" : "formData";
    Pointer at = spec.parameter(path, method, in, parameter.baseName);
    if (!parameter.isPathParam && !parameter.isQueryParam && !parameter.isHeaderParam) {
      throw spec.error(at, "sessionkit sends path, query and header parameters (got " + in + ")");
    }
    Parameter declared = declaration(path, method, in, parameter.baseName);
    String name = parameter.paramName;
    ParameterModel.Join join = null;
    String type;
    String itemType = null;
    boolean enumType;
    if (parameter.isArray) {
      CodegenProperty items = parameter.items;
      if (items == null || items.isArray || items.isMap || items.isModel && !enumModels.contains(items.dataType)) {
        throw spec.error(at.then("schema", "items"), "an array parameter's items must be strings, numbers, booleans "
            + "or a string enum");
      }
      itemType = items.dataType;
      type = "List<" + itemType + ">";
      enumType = enumModels.contains(itemType);
      join = join(at, in, declared);
    } else if (parameter.isMap || parameter.isFreeFormObject || parameter.isModel && !enumModels.contains(parameter.dataType)
        || parameter.isDeepObject) {
      throw spec.error(at.then("schema"), "an object parameter cannot be sent; sessionkit sends strings, numbers, "
          + "booleans, string enums and arrays of them");
    } else {
      type = parameter.dataType;
      enumType = enumModels.contains(type);
    }
    if (parameter.isPathParam && !parameter.required) throw spec.error(at.then("required"), "a path parameter is required");
    String valueType = itemType == null ? type : itemType;
    if (!enumType && !VALUE_TYPES.contains(valueType)) {
      throw spec.error(at.then("schema"), "a parameter is given as text (on the command line, to a vendor descriptor): "
          + "sessionkit sends strings, numbers, booleans, dates, date-times, URIs and string enums (got " + valueType + ")");
    }
    List<CheckModel> checks = checks(at, parameter, declared, name, enumType, patterns);
    String description = parameter.unescapedDescription == null ? "" : parameter.unescapedDescription.strip();
    String doc = description.isEmpty() ? parameter.baseName : description;
    return new ParameterModel(name, parameter.baseName, parameter.isPathParam, parameter.isQueryParam,
        parameter.isHeaderParam, type, itemType == null ? type : "List", join == null ? type : "String",
        parameter.required, join, doc, checks, at, new ParameterModel.Value(valueType, enumType,
            enumType ? enumValues(valueType) : List.of(), description, exampleText(example(path, method, parameter))));
  }

  /** The values the enum model {@code name} documents, as written. */
  private List<String> enumValues(String name) {
    CodegenModel model = models.get(name);
    Object values = model == null || model.allowableValues == null ? null : model.allowableValues.get("values");
    if (!(values instanceof List<?> list)) return List.of();
    return list.stream().map(String::valueOf).toList();
  }

  /** An example as a caller would type it: a list's items joined with commas; null for none. */
  private static String exampleText(Object example) {
    if (example == null) return null;
    if (example instanceof List<?> list) return String.join(",", list.stream().map(String::valueOf).toList());
    if (example instanceof com.fasterxml.jackson.databind.JsonNode node) {
      if (!node.isArray()) return node.isValueNode() ? node.asText() : node.toString();
      List<String> items = new ArrayList<>();
      node.forEach(item -> items.add(item.isValueNode() ? item.asText() : item.toString()));
      return String.join(",", items);
    }
    return String.valueOf(example);
  }

  /** The spec's declaration of the parameter, {@code $ref} resolved, or null. */
  private Parameter declaration(String path, String method, String in, String name) {
    Pointer at = spec.parameter(path, method, in, name);
    List<String> tokens = at.tokens();
    if (tokens.isEmpty() || !tokens.get(tokens.size() - 2).equals("parameters")) return null;
    int index = Integer.parseInt(at.last());
    List<Parameter> list = tokens.size() == 5
        ? spec.operation(path, method).getParameters()
        : spec.openApi().getPaths().get(path).getParameters();
    return spec.resolve(list.get(index));
  }

  /** How an array goes on the wire: repeated (null), or joined with a delimiter; refuses the rest. */
  private ParameterModel.Join join(Pointer at, String in, Parameter declared) {
    Parameter.StyleEnum style = declared == null ? null : declared.getStyle();
    Boolean explode = declared == null ? null : declared.getExplode();
    switch (in) {
      case "query" -> {
        if (style == null || style == Parameter.StyleEnum.FORM) {
          return explode == null || explode ? null : new ParameterModel.Join(",");
        }
        if ((style == Parameter.StyleEnum.SPACEDELIMITED || style == Parameter.StyleEnum.PIPEDELIMITED)
            && Boolean.FALSE.equals(explode)) {
          return new ParameterModel.Join(style == Parameter.StyleEnum.SPACEDELIMITED ? " " : "|");
        }
      }
      case "header", "path" -> {
        if (style == null || style == Parameter.StyleEnum.SIMPLE) return new ParameterModel.Join(",");
      }
      default -> { }
    }
    throw spec.error(at.then("style"), "sessionkit sends a " + in + " array as " + ("query".equals(in)
        ? "form (exploded or not), or spaceDelimited or pipeDelimited without explode" : "simple")
        + " (got " + style + (explode == null ? "" : ", explode " + explode) + ")");
  }

  private List<CheckModel> checks(Pointer at, CodegenParameter parameter, Parameter declared, String name,
      boolean enumType, Patterns patterns) {
    List<CheckModel> checks = new ArrayList<>();
    boolean each = parameter.isArray;
    CodegenProperty items = parameter.items;
    String regex = each ? (items == null ? null : items.pattern) : parameter.getPattern();
    String minimum = each ? items.minimum : parameter.getMinimum();
    String maximum = each ? items.maximum : parameter.getMaximum();
    if (parameter.required) {
      if (regex != null && !each) {
        checks.add(CheckModel.pattern(name, patterns.constant(parameter.baseName, regex), false));
      } else {
        checks.add(CheckModel.nonNull(name));
      }
    }
    if (minimum != null || maximum != null) {
      boolean integer = each ? items.isInteger || items.isLong : parameter.isInteger || parameter.isLong;
      boolean number = each ? items.isNumber || items.isFloat || items.isDouble : parameter.isNumber || parameter.isFloat
          || parameter.isDouble;
      if (!integer && !number) throw spec.error(at.then("schema"), "minimum and maximum apply to numbers");
      if (number && (parameter.exclusiveMinimum || parameter.exclusiveMaximum)) {
        throw spec.error(at.then("schema"), "exclusive bounds are supported on integer parameters only");
      }
      checks.add(CheckModel.range(name, bound(minimum, integer, true, exclusiveMinimum(parameter, each)),
          bound(maximum, integer, false, exclusiveMaximum(parameter, each)), integer, each));
    }
    if (regex != null && (!parameter.required || each)) {
      checks.add(CheckModel.pattern(name, patterns.constant(parameter.baseName, regex), each));
    }
    if (!each && (parameter.getMinLength() != null || parameter.getMaxLength() != null)) {
      int min = parameter.getMinLength() == null ? 0 : parameter.getMinLength();
      int max = parameter.getMaxLength() == null ? Integer.MAX_VALUE : parameter.getMaxLength();
      checks.add(CheckModel.length(name, min, max));
    }
    if (enumType) checks.add(CheckModel.known(name, each));
    return checks;
  }

  private static boolean exclusiveMinimum(CodegenParameter parameter, boolean each) {
    return each ? parameter.items.exclusiveMinimum : parameter.exclusiveMinimum;
  }

  private static boolean exclusiveMaximum(CodegenParameter parameter, boolean each) {
    return each ? parameter.items.exclusiveMaximum : parameter.exclusiveMaximum;
  }

  /** A bound as a plain number ({@code 1}, {@code 0.5}), an exclusive integer bound moved inside; null for none. */
  private static String bound(String value, boolean integer, boolean lower, boolean exclusive) {
    if (value == null) return null;
    BigDecimal bound = new BigDecimal(value);
    if (!integer) return bound.toPlainString();
    if (exclusive) bound = lower ? bound.add(BigDecimal.ONE) : bound.subtract(BigDecimal.ONE);
    return bound.toBigInteger().toString();
  }

  /**
   * The example the spec gives the parameter (its {@code example}, its first {@code examples} entry,
   * or its schema's {@code example}), or null.
   */
  Object example(String path, String method, CodegenParameter parameter) {
    String in = parameter.isPathParam ? "path" : parameter.isQueryParam ? "query" : "header";
    Parameter declared = declaration(path, method, in, parameter.baseName);
    if (declared == null) return null;
    if (declared.getExample() != null) return declared.getExample();
    if (declared.getExamples() != null) {
      for (Map.Entry<String, Example> entry : declared.getExamples().entrySet()) {
        if (entry.getValue() != null && entry.getValue().getValue() != null) return entry.getValue().getValue();
      }
    }
    Schema<?> schema = declared.getSchema();
    return schema == null ? null : schema.getExample();
  }

  /** Where the example {@link #example} returns is declared. */
  Pointer examplePointer(String path, String method, CodegenParameter parameter) {
    String in = parameter.isPathParam ? "path" : parameter.isQueryParam ? "query" : "header";
    Pointer at = spec.parameter(path, method, in, parameter.baseName);
    Parameter declared = declaration(path, method, in, parameter.baseName);
    if (declared != null && declared.getExample() != null) return at.then("example");
    if (declared != null && declared.getExamples() != null && !declared.getExamples().isEmpty()) {
      return at.then("examples", declared.getExamples().keySet().iterator().next(), "value");
    }
    return at.then("schema", "example");
  }
}
