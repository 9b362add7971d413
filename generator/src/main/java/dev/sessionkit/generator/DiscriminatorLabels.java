package dev.sessionkit.generator;

import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The labels of a discriminated union and the schema each selects, as OpenAPI 3.0 defines them:
 * every {@code discriminator.mapping} entry (a label may name a schema that is not among the
 * {@code oneOf} members), then, for each variant no entry names, the variant's schema name. The
 * variants are the {@code oneOf} members, or, for a schema without {@code oneOf}, the schemas that
 * name it in their {@code allOf} (inheritance).
 */
// swagger-models' schema API is raw (Map<String, Schema>, List<Schema>).
@SuppressWarnings({"rawtypes", "unchecked"})
final class DiscriminatorLabels {
  /** One label and the component schema it selects; {@code explicit} when the mapping lists it. */
  record Label(String label, String variant, boolean explicit) {}

  private DiscriminatorLabels() {}

  /**
   * Returns the labels of the union {@code union} (written at {@code at}; {@code name} when it is a
   * component), explicit ones first, each group sorted by label, as OpenAPI Generator orders them.
   */
  static List<Label> of(String spec, Pointer at, Schema<?> union, String name, Map<String, Schema> components) {
    List<Label> labels = new ArrayList<>();
    Set<String> named = new LinkedHashSet<>();
    Map<String, String> mapping = union.getDiscriminator().getMapping();
    if (mapping != null) {
      for (Map.Entry<String, String> entry : mapping.entrySet()) {
        String variant = SchemaPass.refName(entry.getValue());
        if (!components.containsKey(variant)) {
          throw new InvalidSpecException(spec + "#" + at.then("discriminator", "mapping", entry.getKey())
              + ": names no schema in components.schemas (" + entry.getValue() + ")");
        }
        labels.add(new Label(entry.getKey(), variant, true));
        named.add(variant);
      }
    }
    for (String variant : members(union, name, components)) {
      if (named.add(variant)) labels.add(new Label(variant, variant, false));
    }
    labels.sort(Comparator.comparing((Label label) -> !label.explicit()).thenComparing(Label::label));
    return labels;
  }

  /** The union's variants without a mapping entry: its oneOf members, or the schemas that extend it. */
  private static List<String> members(Schema<?> union, String name, Map<String, Schema> components) {
    List<String> members = new ArrayList<>();
    if (union.getOneOf() != null) {
      for (Schema<?> member : union.getOneOf()) if (member.get$ref() != null) members.add(SchemaPass.refName(member.get$ref()));
      return members;
    }
    if (name == null) return members;
    for (Map.Entry<String, Schema> component : components.entrySet()) {
      List<Schema> parts = component.getValue().getAllOf();
      if (parts == null) continue;
      for (Schema<?> part : parts) {
        if (part.get$ref() != null && SchemaPass.refName(part.get$ref()).equals(name)) members.add(component.getKey());
      }
    }
    return members;
  }

  /** The labels of each variant, variants in the order of their first label. */
  static Map<String, Set<String>> byVariant(List<Label> labels) {
    Map<String, Set<String>> variants = new LinkedHashMap<>();
    for (Label label : labels) variants.computeIfAbsent(label.variant(), v -> new LinkedHashSet<>()).add(label.label());
    return variants;
  }
}
