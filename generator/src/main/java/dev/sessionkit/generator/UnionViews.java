package dev.sessionkit.generator;

import dev.sessionkit.generator.ModelViews.CandidateView;
import dev.sessionkit.generator.ModelViews.InheritedAccessorView;
import dev.sessionkit.generator.ModelViews.LabelView;
import dev.sessionkit.generator.ModelViews.Match;
import dev.sessionkit.generator.ModelViews.SealedUnionView;
import dev.sessionkit.generator.ModelViews.ShapeUnionView;
import dev.sessionkit.generator.ModelViews.ShapeVariantView;
import dev.sessionkit.generator.ModelViews.TokenCaseView;
import dev.sessionkit.generator.ModelViews.VariantRef;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenProperty;

/**
 * The spec's unions ({@code oneOf}, {@code anyOf}, and {@code allOf} inheritance from a schema with
 * a discriminator), how they nest, and their views.
 *
 * <p>A union with a discriminator is told apart by its label ({@link DiscriminatorLabels}); a value
 * without the discriminator is the union's default label's variant when the union's own
 * {@code properties} give the discriminator a {@code default}, else unknown. A union without one is
 * told apart by the value's shape: its JSON kind first (object, array, string, number, boolean),
 * then the first variant in the spec's order that accepts it: an object variant whose required
 * properties are all present (a nested discriminated union: its discriminator), an enum's
 * documented value, a string in the variant's format, a whole number in an integer variant's range,
 * any value of the kind otherwise. A value no variant accepts is kept whole as {@code Unknown}. A
 * variant listed after one that accepts everything it accepts is refused, as is a cycle of unions.
 */
// swagger-models' schema API is raw (Map<String, Schema>, List<Schema>).
@SuppressWarnings({"rawtypes", "unchecked"})
final class UnionViews {
  private static final List<String> TOKENS = List.of("BEGIN_OBJECT", "BEGIN_ARRAY", "STRING", "NUMBER", "BOOLEAN");

  /** A union of the catalog: the component name, its schema, and its discriminator's JSON name if any. */
  private record Union(String name, Schema<?> schema, String discriminator) {}

  /** A candidate while the view is built: what it accepts, by which rule. */
  private record Candidate(ShapeVariantView variant, String token, Match match, Set<String> required, String type) {}

  private final ModelCatalog catalog;
  private final Map<String, Union> unions = new LinkedHashMap<>();
  private final Map<String, List<String>> parents = new LinkedHashMap<>();

  UnionViews(ModelCatalog catalog) {
    this.catalog = catalog;
    for (String name : catalog.models.keySet()) {
      Schema<?> schema = catalog.schema(name);
      if (schema == null) continue;
      String discriminator = schema.getDiscriminator() == null ? null : schema.getDiscriminator().getPropertyName();
      if (schema.getOneOf() != null || (discriminator != null && !labels(name, schema).isEmpty())) {
        unions.put(name, new Union(name, schema, discriminator));
      }
    }
    for (Union union : unions.values()) {
      for (String variant : variants(union)) parents.computeIfAbsent(variant, v -> new ArrayList<>()).add(union.name());
    }
    for (String name : unions.keySet()) checkCycle(name, new ArrayList<>());
  }

  boolean isUnion(String name) {
    return unions.containsKey(name);
  }

  boolean isDiscriminated(String name) {
    return unions.containsKey(name) && unions.get(name).discriminator() != null;
  }

  private List<DiscriminatorLabels.Label> labels(String name, Schema<?> schema) {
    return DiscriminatorLabels.of(catalog.pointers.spec(), catalog.pointers.component(name), schema, name,
        catalog.components());
  }

  /** The component names of {@code union}'s variants: its labels' schemas, or its $ref members. */
  private List<String> variants(Union union) {
    if (union.discriminator() != null) {
      return new ArrayList<>(DiscriminatorLabels.byVariant(labels(union.name(), union.schema())).keySet());
    }
    List<String> names = new ArrayList<>();
    for (Schema<?> member : union.schema().getOneOf()) {
      if (member.get$ref() != null) names.add(SchemaPass.refName(member.get$ref()));
    }
    return names;
  }

  private void checkCycle(String name, List<String> path) {
    if (path.contains(name)) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
      cycle.add(name);
      throw catalog.error(catalog.pointers.component(name), "unions nest in a cycle (" + String.join(" > ", cycle)
          + "); a Java type cannot be its own variant");
    }
    if (!unions.containsKey(name)) return;
    path.add(name);
    for (String variant : variants(unions.get(name))) checkCycle(variant, path);
    path.remove(path.size() - 1);
  }

  private String classname(String name) {
    return catalog.models.get(name).classname;
  }

  /** The unions {@code name} is a variant of, as the Java types it implements (or extends). */
  List<String> interfacesOf(String name) {
    List<String> names = new ArrayList<>();
    for (String union : parents.getOrDefault(name, List.of())) names.add(classname(union));
    return names;
  }

  /**
   * The discriminators {@code name} must have as a variant of discriminated unions, directly or
   * through nested unions: JSON name to the union's type, a new mutable map.
   */
  Map<String, String> discriminatorsOf(String name) {
    Map<String, String> found = new LinkedHashMap<>();
    collect(name, found, new LinkedHashSet<>());
    return found;
  }

  private void collect(String name, Map<String, String> found, Set<String> seen) {
    for (String union : parents.getOrDefault(name, List.of())) {
      if (!seen.add(union)) continue;
      String discriminator = unions.get(union).discriminator();
      if (discriminator != null) found.putIfAbsent(discriminator, classname(union));
      collect(union, found, seen);
    }
  }

  private List<InheritedAccessorView> inherited(String name, String own) {
    List<InheritedAccessorView> accessors = new ArrayList<>();
    for (String wire : discriminatorsOf(name).keySet()) {
      if (!wire.equals(own)) accessors.add(new InheritedAccessorView(catalog.codegen.toVarName(wire), ModelCatalog.javaString(wire)));
    }
    return accessors;
  }

  SealedUnionView sealed(CodegenModel model) {
    Union union = unions.get(model.name);
    Pointer at = catalog.pointers.component(model.name);
    List<DiscriminatorLabels.Label> labels = labels(model.name, union.schema());
    Map<String, VariantRef> refs = new LinkedHashMap<>();
    List<LabelView> views = new ArrayList<>();
    for (DiscriminatorLabels.Label label : labels) {
      VariantRef ref = refs.get(label.variant());
      if (ref == null) {
        Pointer where = label.explicit() ? at.then("discriminator", "mapping", label.label())
            : memberPointer(union, label.variant());
        checkTaggedVariant(label.variant(), where, model.classname);
        ref = new VariantRef(refs.size() + 1, classname(label.variant()));
        refs.put(label.variant(), ref);
      }
      views.add(new LabelView(ModelCatalog.javaString(label.label()), views.size() + 1, ref));
    }
    LabelView defaultLabel = defaultLabel(union, at, views);
    return new SealedUnionView(model.classname, ModelCatalog.description(model), ModelCatalog.javaString(union.discriminator()),
        catalog.codegen.toVarName(union.discriminator()), views, new ArrayList<>(refs.values()), defaultLabel,
        interfacesOf(model.name), inherited(model.name, union.discriminator()));
  }

  private Pointer memberPointer(Union union, String variant) {
    List<Schema> members = union.schema().getOneOf();
    for (int i = 0; members != null && i < members.size(); i++) {
      if (members.get(i).get$ref() != null && SchemaPass.refName(members.get(i).get$ref()).equals(variant)) {
        return catalog.pointers.member(union.name(), i);
      }
    }
    return catalog.pointers.component(variant);
  }

  /** A discriminated union's variant is an object that has the discriminator: a record, or a union of such records. */
  private void checkTaggedVariant(String variant, Pointer where, String union) {
    CodegenModel model = catalog.models.get(variant);
    if (model == null || model.isEnum) {
      throw catalog.error(where, "a variant of the discriminated union " + union
          + " is an object with the discriminator property; " + variant + " is not");
    }
  }

  private LabelView defaultLabel(Union union, Pointer at, List<LabelView> labels) {
    Map<String, Schema> properties = union.schema().getProperties();
    Schema<?> property = properties == null ? null : properties.get(union.discriminator());
    if (property == null || property.getDefault() == null) return null;
    for (LabelView label : labels) {
      if (label.label().equals(ModelCatalog.javaString(String.valueOf(property.getDefault())))) return label;
    }
    throw catalog.error(at.then("properties", union.discriminator(), "default"),
        "the discriminator's default must be one of the union's labels (got " + property.getDefault() + ")");
  }

  ShapeUnionView shape(CodegenModel model) {
    Union union = unions.get(model.name);
    List<Schema> members = union.schema().getOneOf();
    List<ShapeVariantView> variants = new ArrayList<>();
    List<Candidate> candidates = new ArrayList<>();
    boolean nested = !discriminatorsOf(model.name).isEmpty();
    for (int i = 0; i < members.size(); i++) {
      Pointer where = catalog.pointers.member(model.name, i);
      List<Candidate> accepted = candidates(model, members.get(i), i + 1, where);
      if (nested && accepted.get(0).variant().wrapper() != null || nested && accepted.get(0).match() == Match.KNOWN) {
        throw catalog.error(where, "a variant of a union nested in a discriminated union (" + model.classname
            + ") is an object with the discriminator; use an object schema");
      }
      variants.add(accepted.get(0).variant());
      for (Candidate candidate : accepted) checkReachable(candidate, candidates, where);
      candidates.addAll(accepted);
    }
    List<String> names = new ArrayList<>();
    for (Candidate candidate : candidates) for (String name : candidate.required()) if (!names.contains(name)) names.add(name);
    if (names.size() > 64) throw catalog.error(catalog.pointers.component(model.name), "more than 64 required property names");
    List<TokenCaseView> cases = new ArrayList<>();
    for (String token : TOKENS) {
      List<CandidateView> views = new ArrayList<>();
      boolean text = false;
      boolean objects = false;
      for (Candidate candidate : candidates) {
        if (!candidate.token().equals(token)) continue;
        long mask = 0L;
        for (String name : candidate.required()) mask |= 1L << names.indexOf(name);
        views.add(new CandidateView(candidate.variant(), candidate.match(), "0x" + Long.toHexString(mask) + "L"));
        text |= candidate.match() != Match.ALWAYS && candidate.match() != Match.REQUIRES;
        objects |= candidate.match() == Match.REQUIRES;
      }
      if (!views.isEmpty()) {
        cases.add(new TokenCaseView(token, text, objects, views, !views.get(views.size() - 1).always()));
      }
    }
    List<String> literals = names.stream().map(ModelCatalog::javaString).toList();
    return new ShapeUnionView(model.classname, ModelCatalog.description(model), variants, cases, literals,
        interfacesOf(model.name), inherited(model.name, null));
  }

  /** The candidates of member {@code index} (one per JSON kind it accepts). */
  private List<Candidate> candidates(CodegenModel union, Schema<?> member, int index, Pointer where) {
    String ref = member.get$ref() == null ? null : SchemaPass.refName(member.get$ref());
    CodegenModel target = ref == null ? null : catalog.models.get(ref);
    if (target != null) {
      ShapeVariantView variant = new ShapeVariantView(index, target.classname, null, JavaType.of(target.classname),
          "{@link " + target.classname + "}");
      if (target.isEnum) return List.of(new Candidate(variant, "STRING", Match.KNOWN, Set.of(), target.classname));
      if (isUnion(ref) && !isDiscriminated(ref)) {
        throw catalog.error(where, "a union without discriminator as a variant of another (" + union.classname
            + "): list its variants here instead");
      }
      if (isUnion(ref)) {
        Union inner = unions.get(ref);
        Schema<?> property = inner.schema().getProperties() == null ? null
            : (Schema<?>) inner.schema().getProperties().get(inner.discriminator());
        boolean always = property != null && property.getDefault() != null;
        return List.of(new Candidate(variant, "BEGIN_OBJECT", always ? Match.ALWAYS : Match.REQUIRES,
            always ? Set.of() : Set.of(inner.discriminator()), target.classname));
      }
      Set<String> required = new LinkedHashSet<>();
      for (CodegenProperty property : ModelCatalog.properties(target)) if (property.required) required.add(property.baseName);
      return List.of(new Candidate(variant, "BEGIN_OBJECT", required.isEmpty() ? Match.ALWAYS : Match.REQUIRES,
          required, target.classname));
    }
    Schema<?> resolved = ref == null ? member : catalog.schema(ref);
    if (resolved == null) throw catalog.error(where, "names no schema in components.schemas (" + member.get$ref() + ")");
    CodegenProperty property = catalog.codegen.fromProperty("value", member, true);
    catalog.checkTyped(property, where);
    JavaType type = JavaType.of(property);
    String wrapper = "Of" + type.variantName();
    ShapeVariantView variant = new ShapeVariantView(index, union.classname + "." + wrapper, wrapper, type,
        ModelCatalog.javadoc(property.unescapedDescription));
    return wrapped(variant, type, resolved, where);
  }

  private List<Candidate> wrapped(ShapeVariantView variant, JavaType type, Schema<?> schema, Pointer where) {
    if (type.isList()) return List.of(new Candidate(variant, "BEGIN_ARRAY", Match.ALWAYS, Set.of(), type.name()));
    if (type.isMap()) return List.of(new Candidate(variant, "BEGIN_OBJECT", Match.ALWAYS, Set.of(), type.name()));
    switch (type.raw()) {
      case "String":
        return List.of(new Candidate(variant, "STRING", Match.ALWAYS, Set.of(), type.raw()));
      case "OffsetDateTime": case "LocalDate": case "URI": case "ByteString":
        return List.of(new Candidate(variant, "STRING", Match.PARSES, Set.of(), type.raw()));
      case "Integer":
        return List.of(new Candidate(variant, "NUMBER", Match.INT32, Set.of(), type.raw()));
      case "Long":
        return List.of(new Candidate(variant, "NUMBER", Match.INT64, Set.of(), type.raw()));
      case "BigDecimal": case "Double": case "Float":
        return List.of(new Candidate(variant, "NUMBER", Match.ALWAYS, Set.of(), type.raw()));
      case "Boolean":
        return List.of(new Candidate(variant, "BOOLEAN", Match.ALWAYS, Set.of(), type.raw()));
      case "JsonValue":
        if ("object".equals(schema.getType())) {
          return List.of(new Candidate(variant, "BEGIN_OBJECT", Match.ALWAYS, Set.of(), type.raw()));
        }
        List<Candidate> any = new ArrayList<>();
        for (String token : TOKENS) any.add(new Candidate(variant, token, Match.ALWAYS, Set.of(), type.raw()));
        return any;
      default:
        throw catalog.error(where, "a variant of type " + type.name() + " cannot be told apart by its JSON");
    }
  }

  /** Refuses {@code candidate} when one listed before it accepts every value it accepts. */
  private void checkReachable(Candidate candidate, List<Candidate> before, Pointer where) {
    for (Candidate earlier : before) {
      if (!earlier.token().equals(candidate.token())) continue;
      boolean covers = switch (earlier.match()) {
        case ALWAYS -> true;
        case REQUIRES -> candidate.match() == Match.REQUIRES && candidate.required().containsAll(earlier.required());
        case INT64 -> candidate.match() == Match.INT32 || candidate.match() == Match.INT64;
        case INT32 -> candidate.match() == Match.INT32;
        case PARSES, KNOWN -> candidate.match() == earlier.match() && candidate.type().equals(earlier.type());
      };
      if (covers) {
        throw catalog.error(where, "this variant is never chosen: " + earlier.variant().className()
            + ", listed before it, accepts every " + kind(candidate.token()) + " it accepts (the first variant that"
            + " accepts a value wins); reorder them, or tell them apart by required properties");
      }
    }
  }

  private static String kind(String token) {
    return switch (token) {
      case "BEGIN_OBJECT" -> "object";
      case "BEGIN_ARRAY" -> "array";
      default -> token.toLowerCase(java.util.Locale.ROOT);
    };
  }
}
