package dev.sessionkit.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openapitools.codegen.CodegenDiscriminator;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenProperty;

/**
 * The paths of {@code x-sessionkit-transcript}: dotted property names through the generated models,
 * checked against their types and turned into the typed reads the transcript template prints.
 */
final class TranscriptPaths {
  /** What a value is read as: the item builder's type it ends in. */
  enum Target { TEXT, TIME, WHOLE, INT, DECIMAL, DURATION, JSON, FLAG, ANY }

  /** What a type of the generated models is, as far as a path cares. */
  enum Shape { STRING, INT, LONG, BOOLEAN, DECIMAL, DOUBLE, DATE_TIME, INSTANT, JSON, LIST, MAP, RECORD, ENUM, UNION, OTHER }

  private final Map<String, CodegenModel> models;
  private final Set<String> used;

  TranscriptPaths(Map<String, CodegenModel> models, Set<String> used) {
    this.models = models;
    this.used = used;
  }

  /** A list and the type of its elements. */
  record ListPath(TranscriptModel.Path path, String elementType) {}

  ListPath list(Extension at, String root, String type) {
    Walk walk = walk(at, at.string(), root, type);
    if (walk.join != null || shape(walk.type) != Shape.LIST) throw at.error("must lead to a list (" + at.string() + " is " + walk.type + ")");
    String element = element(walk.type);
    used.add(element);
    return new ListPath(new TranscriptModel.Path(root, walk.first, walk.steps, null), element);
  }

  TranscriptModel.Alternative path(Extension at, String dotted, String root, String type, Target target,
      TranscriptModel.Path when) {
    Walk walk = walk(at, dotted, root, type);
    if (walk.join != null) {
      if (target != Target.TEXT) throw at.error("the elements of a list join into text; this value is not text");
      return new TranscriptModel.Alternative(when, null, walk.join, null, null);
    }
    List<TranscriptModel.Step> steps = new ArrayList<>(walk.steps);
    Shape shape = shape(walk.type);
    TranscriptModel.Convert convert = null;
    String problem = null;
    switch (target) {
      case TEXT -> {
        if (shape == Shape.ENUM) steps.add(new TranscriptModel.Step(walk.type, "value"));
        else if (Set.of(Shape.INT, Shape.LONG, Shape.DECIMAL, Shape.DOUBLE, Shape.BOOLEAN).contains(shape)) {
          convert = new TranscriptModel.Convert("text", null);
        } else if (shape == Shape.UNION) {
          convert = new TranscriptModel.Convert("unionText", walk.type);
        } else if (shape != Shape.STRING) problem = "text";
      }
      case TIME -> {
        if (shape == Shape.DATE_TIME) convert = new TranscriptModel.Convert("instant", null);
        else if (shape != Shape.INSTANT) problem = "a date-time";
      }
      case WHOLE -> {
        if (shape == Shape.INT) convert = new TranscriptModel.Convert("whole", null);
        else if (shape != Shape.LONG) problem = "a whole number";
      }
      case INT -> {
        if (shape != Shape.INT) problem = "an int32";
      }
      case DECIMAL -> {
        if (Set.of(Shape.INT, Shape.LONG, Shape.DOUBLE).contains(shape)) convert = new TranscriptModel.Convert("decimal", null);
        else if (shape != Shape.DECIMAL) problem = "a number";
      }
      case DURATION -> {
        if (Set.of(Shape.INT, Shape.LONG, Shape.DOUBLE, Shape.DECIMAL).contains(shape)) {
          convert = new TranscriptModel.Convert("millis", null);
        } else {
          problem = "a number of milliseconds";
        }
      }
      case JSON -> {
        if (Set.of(Shape.RECORD, Shape.UNION, Shape.ENUM).contains(shape)) convert = new TranscriptModel.Convert("json", walk.type);
        else if (shape == Shape.LIST && Set.of(Shape.RECORD, Shape.UNION, Shape.ENUM).contains(shape(element(walk.type)))) {
          convert = new TranscriptModel.Convert("jsonList", element(walk.type));
        }
        else if (shape != Shape.JSON) problem = "JSON (any value, or an object or union of the spec, or a list of them)";
      }
      case FLAG -> {
        if (shape != Shape.BOOLEAN) problem = "a boolean";
      }
      case ANY -> { }
      default -> throw new IllegalStateException(target.toString());
    }
    if (problem != null) throw at.error(dotted + " is " + walk.type + ", not " + problem);
    return new TranscriptModel.Alternative(when, new TranscriptModel.Path(root, walk.first, steps, convert), null, null, null);
  }

  /** Where a path leads: its steps and type, or the join of a list's elements. */
  record Walk(String first, List<TranscriptModel.Step> steps, String type, TranscriptModel.Join join) {}

  Walk walk(Extension at, String dotted, String root, String type) {
    List<String> segments = segments(at, dotted);
    String current = type;
    String first = null;
    List<TranscriptModel.Step> steps = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      int bracket = segment.indexOf('[');
      String name = bracket < 0 ? segment : segment.substring(0, bracket);
      CodegenProperty property = property(at, dotted, current, name);
      String propertyType = typeOf(property);
      if (bracket >= 0) {
        String label = segment.substring(bracket + 1, segment.length() - 1);
        if (shape(propertyType) != Shape.LIST) throw at.error("in " + dotted + ", " + name + " is not a list: [" + label + "] reads a list");
        if (i != segments.size() - 2) throw at.error("in " + dotted + ", a list's elements are read by one property: " + name + "[" + label + "].<property>");
        String element = element(propertyType);
        String variant = element;
        if (!label.isEmpty()) {
          variant = variant(at, dotted, element, label);
        } else if (shape(element) != Shape.RECORD) {
          throw at.error("in " + dotted + ", the elements of " + name + " are " + element + ": name a variant, as " + name + "[<label>]");
        }
        CodegenProperty text = property(at, dotted, variant, segments.get(i + 1));
        if (shape(typeOf(text)) != Shape.STRING) throw at.error("in " + dotted + ", " + segments.get(i + 1) + " is not a string");
        used.add(element);
        used.add(variant);
        TranscriptModel.Path list = new TranscriptModel.Path(root, first == null ? property.name : first,
            first == null ? List.of() : append(steps, new TranscriptModel.Step(current, property.name)), null);
        return new Walk(null, List.of(), null, new TranscriptModel.Join(list, label.isEmpty() ? null : variant,
            label.isEmpty() ? element : null, text.name));
      }
      if (first == null) first = property.name;
      else steps.add(new TranscriptModel.Step(current, property.name));
      used.add(current);
      current = propertyType;
      if (i < segments.size() - 1 && shape(current) != Shape.RECORD) {
        throw at.error("in " + dotted + ", " + name + " is " + current + ": only an object's properties can be followed");
      }
    }
    if (models.containsKey(current)) used.add(current);
    return new Walk(first, steps, current, null);
  }

  static List<TranscriptModel.Step> append(List<TranscriptModel.Step> steps, TranscriptModel.Step step) {
    List<TranscriptModel.Step> all = new ArrayList<>(steps);
    all.add(step);
    return all;
  }

  static List<String> segments(Extension at, String dotted) {
    List<String> segments = new ArrayList<>();
    StringBuilder segment = new StringBuilder();
    boolean inBrackets = false;
    for (char c : dotted.toCharArray()) {
      if (c == '[') {
        if (inBrackets || segment.length() == 0) throw at.error("not a path: " + dotted);
        inBrackets = true;
      } else if (c == ']') {
        if (!inBrackets) throw at.error("not a path: " + dotted);
        inBrackets = false;
      } else if (c == '.' && !inBrackets) {
        if (segment.length() == 0 || segment.indexOf("[") >= 0 && segment.charAt(segment.length() - 1) != ']') {
          throw at.error("not a path: " + dotted);
        }
        segments.add(segment.toString());
        segment.setLength(0);
        continue;
      } else if (segment.length() > 0 && segment.charAt(segment.length() - 1) == ']') {
        throw at.error("not a path: " + dotted);
      }
      segment.append(c);
    }
    if (inBrackets || segment.length() == 0) throw at.error("not a path: " + dotted);
    segments.add(segment.toString());
    return segments;
  }

  CodegenProperty property(Extension at, String dotted, String type, String name) {
    CodegenModel model = models.get(type);
    if (model == null || shape(type) != Shape.RECORD) throw at.error("in " + dotted + ", " + type + " has no properties");
    List<String> names = new ArrayList<>();
    for (CodegenProperty property : model.vars) {
      if (property.baseName.equals(name)) return property;
      names.add(property.baseName);
    }
    throw at.error((dotted.equals(name) ? "" : "in " + dotted + ", ") + name + " is not a property of " + type
        + " (its properties: " + String.join(", ", names) + ")");
  }

  String variant(Extension at, String dotted, String union, String label) {
    if (shape(union) != Shape.UNION) throw at.error("in " + dotted + ", the elements are " + union + ", not a union: write []");
    CodegenDiscriminator discriminator = models.get(union).discriminator;
    List<String> labels = new ArrayList<>();
    if (discriminator != null && discriminator.getMappedModels() != null) {
      for (CodegenDiscriminator.MappedModel mapped : discriminator.getMappedModels()) {
        if (mapped.getMappingName().equals(label)) return mapped.getModelName();
        labels.add(mapped.getMappingName());
      }
    }
    throw at.error("in " + dotted + ", " + label + " is not a variant of " + union + " (its labels: " + String.join(", ", labels) + ")");
  }

  static String typeOf(CodegenProperty property) {
    if (Boolean.TRUE.equals(property.vendorExtensions.get("x-sessionkit-epoch-seconds"))) return "Instant";
    return property.datatypeWithEnum;
  }

  static String element(String listType) {
    return listType.substring("List<".length(), listType.length() - 1);
  }

  boolean isUnion(String type) {
    CodegenModel model = models.get(type);
    return model != null && Boolean.TRUE.equals(model.vendorExtensions.get("x-is-one-of-interface"));
  }

  boolean isRecord(String type) {
    return shape(type) == Shape.RECORD;
  }

  Shape shape(String type) {
    switch (type) {
      case "String": return Shape.STRING;
      case "Integer": return Shape.INT;
      case "Long": return Shape.LONG;
      case "Boolean": return Shape.BOOLEAN;
      case "BigDecimal": return Shape.DECIMAL;
      case "Double", "Float": return Shape.DOUBLE;
      case "OffsetDateTime": return Shape.DATE_TIME;
      case "Instant": return Shape.INSTANT;
      case "JsonValue": return Shape.JSON;
      default: break;
    }
    if (type.startsWith("List<")) return Shape.LIST;
    if (type.startsWith("Map<")) return Shape.MAP;
    CodegenModel model = models.get(type);
    if (model == null) return Shape.OTHER;
    if (model.isEnum) return Shape.ENUM;
    return isUnion(type) ? Shape.UNION : Shape.RECORD;
  }

  static String method(String type) {
    return "read" + type;
  }
}
