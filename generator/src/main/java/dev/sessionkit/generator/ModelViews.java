package dev.sessionkit.generator;

import java.util.List;

/**
 * What the model templates render, one record per kind of generated type: a record
 * ({@code record.mustache}), an open enum ({@code openEnum.mustache}), a union told apart by a
 * discriminator ({@code sealedUnion.mustache}) and a union told apart by the value's shape
 * ({@code shapeUnion.mustache}). {@link ModelCatalog} builds them from the spec and checks them; the
 * templates only print.
 */
final class ModelViews {
  private ModelViews() {}

  /** One generated type: exactly one of the components is set; {@code model.mustache} renders it. */
  record GeneratedModel(RecordView record, EnumView openEnum, SealedUnionView union, ShapeUnionView shapeUnion) {}

  /**
   * A property of a record.
   *
   * @param wire the JSON name, as a Java string literal's content
   * @param name the Java name of the component and accessor
   * @param type the Java type
   * @param required whether the spec requires the property
   * @param nullable whether the spec lets it be {@code null}
   * @param epochSeconds whether it is an instant sent as whole seconds ({@code x-sessionkit-epoch-seconds})
   * @param description the Javadoc text: the spec's description or the JSON name
   * @param defaultValue the spec's {@code default} as Javadoc HTML, or {@code null}
   * @param notSent whether the field is readOnly in a request type: never written, no builder setter
   * @param unset whether it is an optional list or map of a request type: {@code null} when not set,
   *     and then not sent (an update must not send an empty list that would clear what it left out)
   */
  record FieldView(String wire, String name, JavaType type, boolean required, boolean nullable, boolean epochSeconds,
      String description, String defaultValue, boolean notSent, boolean unset) {

    /** The JSON name as Javadoc code. */
    String wireDoc() {
      return ModelCatalog.codeDoc(ModelCatalog.unescape(wire));
    }

    /** The declared Java type. */
    String javaType() {
      return epochSeconds ? "Instant" : type.name();
    }

    boolean isContainer() {
      return type.isContainer();
    }

    boolean isArray() {
      return type.isList();
    }

    boolean isMap() {
      return type.isMap();
    }

    /** Whether the component is a list or map that is never {@code null} (empty when absent). */
    boolean neverNull() {
      return isContainer() && !unset;
    }

    /**
     * Whether the component carries {@code @Nullable}: optional, or nullable (containers are never
     * null, but for the optional ones of a request type).
     */
    boolean annotatedNullable() {
      return (!isContainer() || unset) && (!required || nullable);
    }

    /** Whether a missing value is refused: strict decoding fails, the accessor throws. */
    boolean checked() {
      return required && !nullable && !isContainer();
    }

    /** Whether the field counts in the adapter's REQUIRED bits. */
    boolean requiredBit() {
      return required && !isContainer();
    }

    /** Whether a {@code null} is written as JSON {@code null} (required and nullable), not left out. */
    boolean writesNull() {
      return required && nullable && !isContainer();
    }

    /** Whether the field is a map whose values may be {@code null} (read and written by ModelSupport.nullableValues). */
    boolean nullableValues() {
      return type.isMap() && type.elementNullable();
    }
  }

  /**
   * The members of an object its properties do not name, when the spec says what they are
   * ({@code additionalProperties: true} or a schema beside {@code properties}).
   *
   * @param name the record component: {@code additionalProperties}, or {@code otherProperties} when a
   *     property has that name (a JSON Schema document has both)
   * @param type the map's type, {@code Map<String, V>}
   */
  record ExtraMembersView(String name, JavaType type) {
    JavaType value() {
      return type.element();
    }

    boolean nullable() {
      return type.elementNullable();
    }
  }

  /**
   * A record with a generated Moshi adapter.
   *
   * @param classname the simple name
   * @param description the Javadoc text
   * @param fields the properties, in the spec's order (allOf members first)
   * @param interfaces the unions it is a variant of
   * @param extra the members the properties do not name, when the spec types them, else {@code null}
   * @param request whether a JSON request body reaches it: it has a builder ({@code builder.mustache})
   */
  record RecordView(String classname, String description, List<FieldView> fields, List<String> interfaces,
      ExtraMembersView extra, boolean request) {

    /** Whether an optional list or map is {@code null} until set (a request type's). */
    boolean hasUnset() {
      return fields.stream().anyMatch(FieldView::unset);
    }

    boolean hasFields() {
      return !fields.isEmpty() || extra != null;
    }

    boolean hasProperties() {
      return !fields.isEmpty();
    }

    boolean usesUri() {
      return uses("URI");
    }

    boolean usesBytes() {
      return uses("ByteString");
    }

    private boolean uses(String type) {
      return fields.stream().anyMatch(f -> f.type().uses(type)) || (extra != null && extra.type().uses(type));
    }
  }

  /** A documented value of an open enum: its constant's name and its Java string literal. */
  record EnumConstantView(String name, String literal) {
    /** The literal as Javadoc code. */
    String doc() {
      return ModelCatalog.codeDoc(literal);
    }
  }

  /** An open enum: its values, and the unions (without discriminator) it is a variant of. */
  record EnumView(String classname, String description, List<EnumConstantView> constants, List<String> interfaces) {}

  /** A variant type of a union and the index of its adapter field ({@code v1}, {@code v2}...). */
  record VariantRef(int index, String className) {}

  /** A discriminator value, as a Java string literal's content, its 1-based position, and the variant it selects. */
  record LabelView(String label, int position, VariantRef variant) {
    /** The label, quoted, as Javadoc code. */
    String doc() {
      return ModelCatalog.codeDoc("\"" + ModelCatalog.unescape(label) + "\"");
    }
  }

  /** A discriminator of an enclosing union that a nested union's unknown variant answers from its raw JSON. */
  record InheritedAccessorView(String accessor, String wire) {
    /** The JSON name as Javadoc code. */
    String wireDoc() {
      return ModelCatalog.codeDoc(ModelCatalog.unescape(wire));
    }
  }

  /**
   * A union told apart by a string property, the discriminator.
   *
   * @param wire the discriminator's JSON name, as a Java string literal's content
   * @param accessor its Java name, the accessor every variant has
   * @param labels every label, explicit mapping entries first, each group sorted
   * @param variants the distinct variant types, in the order of their first label
   * @param defaultLabel the label a value without the discriminator decodes as, or {@code null}
   * @param supertypes the unions this union is itself a variant of
   * @param inherited the discriminators of those unions, which its {@code Unknown} answers from its JSON
   */
  record SealedUnionView(String classname, String description, String wire, String accessor, List<LabelView> labels,
      List<VariantRef> variants, LabelView defaultLabel, List<String> supertypes, List<InheritedAccessorView> inherited) {

    /** The discriminator's JSON name as Javadoc code. */
    String wireDoc() {
      return ModelCatalog.codeDoc(ModelCatalog.unescape(wire));
    }
  }

  /**
   * A variant of a union without discriminator.
   *
   * @param index its adapter field's index
   * @param className the variant's type: a model, or {@code Union.OfX} for a wrapped value
   * @param wrapper the nested record's simple name ({@code OfString}) when the value is wrapped, else {@code null}
   * @param type the type the variant's adapter reads (the wrapped value's, for a wrapper)
   * @param description what the spec calls it, for the Javadoc
   */
  record ShapeVariantView(int index, String className, String wrapper, JavaType type, String description) {
    /** Whether the variant is a map whose values may be {@code null} (read and written by ModelSupport.nullableValues). */
    boolean nullableValues() {
      return type.isMap() && type.elementNullable();
    }
  }

  /** How a candidate variant of a shape union accepts a value of its JSON kind. */
  enum Match { ALWAYS, REQUIRES, KNOWN, PARSES, INT32, INT64 }

  /**
   * One candidate of a JSON kind, tried in the spec's order.
   *
   * @param mask for {@link Match#REQUIRES}: the bits of the required names, as a hex literal
   */
  record CandidateView(ShapeVariantView variant, Match match, String mask) {
    boolean always() {
      return match == Match.ALWAYS;
    }

    boolean requires() {
      return match == Match.REQUIRES;
    }

    boolean known() {
      return match == Match.KNOWN;
    }

    boolean parses() {
      return match == Match.PARSES;
    }

    boolean int32() {
      return match == Match.INT32;
    }

    boolean int64() {
      return match == Match.INT64;
    }
  }

  /**
   * The candidates for the values of one JSON token kind.
   *
   * @param token the {@code JsonReader.Token} name: {@code BEGIN_OBJECT}, {@code STRING}...
   * @param needsText whether a candidate looks at a scalar's text first
   * @param needsMembers whether a candidate looks at an object's member names first
   * @param fallsThrough whether no candidate accepts every value of the kind
   */
  record TokenCaseView(String token, boolean needsText, boolean needsMembers, List<CandidateView> candidates,
      boolean fallsThrough) {}

  /**
   * A union without discriminator: a value is told apart by its JSON kind, then by the first
   * variant in the spec's order that accepts it (for an object, whose required properties are all
   * present).
   *
   * @param names the required property names the object candidates look for, as Java string literal contents
   */
  record ShapeUnionView(String classname, String description, List<ShapeVariantView> variants, List<TokenCaseView> cases,
      List<String> names, List<String> supertypes, List<InheritedAccessorView> inherited) {

    boolean hasNames() {
      return !names.isEmpty();
    }

    boolean usesUri() {
      return variants.stream().anyMatch(v -> v.type().uses("URI"));
    }

    boolean usesBytes() {
      return variants.stream().anyMatch(v -> v.type().uses("ByteString"));
    }
  }
}
