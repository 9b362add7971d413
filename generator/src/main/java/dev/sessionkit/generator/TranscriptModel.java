package dev.sessionkit.generator;

import java.util.List;

/**
 * A vendor's transcript mapping as {@code transcript.mustache} prints it: the generated class
 * {@code <package>.internal.<Name>Transcript} whose {@code mapping()} the vendor's descriptor hands to
 * {@code Definition.transcript(...)}. Built and checked once by {@link TranscriptReader} from the spec's
 * {@code x-sessionkit-transcript}.
 *
 * @param packageName the generated class's package (the vendor's internal one)
 * @param className the generated class ({@code QoderTranscript})
 * @param history the operationId of the history operation
 * @param live the operationId of the live operation, or null
 * @param sessionParameter the parameter that names the session, as written on the wire
 * @param agentParameter the parameter that names the agent, or null
 * @param readings how each declared schema reads, records before unions (the order {@code read} tries them)
 * @param imports the model types the class names, qualified
 */
record TranscriptModel(String packageName, String className, String history, String live, String sessionParameter, String agentParameter,
    List<Reading> readings, List<String> imports) {

  /** The generated class's qualified name, for the descriptor that hands out its mapping. */
  String qualifiedName() {
    return packageName + "." + className;
  }

  /**
   * How a value of one schema reads: what it says of the session, its resource samples, the values
   * it holds that read on their own (nested events), and its entries (one list, or one per variant).
   *
   * @param type the Java type ({@code SessionEvent})
   * @param method the generated method that reads it ({@code readSessionEvent})
   * @param session what it says of the session, or null
   * @param nested the lists of values that read on their own, before its own entries
   * @param entries its entries, when it is not read by variant
   * @param variants its variants, when it is read by variant (a union's, or by the value of a property)
   * @param unknown how another variant is kept, when it is read by variant
   * @param samples its resource samples, or null
   */
  record Reading(String type, String method, Session session, List<Nested> nested, List<Entry> entries,
      List<Variant> variants, Unknown unknown, Samples samples) {
    boolean byVariant() {
      return unknown != null;
    }
  }

  /**
   * One variant: the Java test that selects it and the entries it becomes.
   *
   * @param type the variant's Java class, for a union (tested with {@code instanceof}), else null
   * @param label the value of the selecting property that selects it, for a reading by property, else null
   * @param entries its entries (none when it is ignored)
   */
  record Variant(String type, String label, List<Entry> entries) {}

  /**
   * How a variant the mapping does not name is kept: as an unknown item with its JSON and type, and
   * the id, time and turn read from that JSON by the reading's paths (a union), or from the value.
   *
   * @param selector the expression of the selecting value: the union's discriminator or the property
   * @param union whether it is a union (its unknown variant keeps its JSON; a named one is encoded)
   * @param id the id's property names, outermost first, or empty
   * @param time the time's property names, or empty
   * @param turn the turn's property names, or empty
   * @param typedId the id read from the value (a reading by property), or null
   * @param typedTime the time read from the value, or null
   * @param typedTurn the turn read from the value, or null
   */
  record Unknown(Value selector, boolean union, List<String> id, List<String> time, List<String> turn, Value typedId,
      Value typedTime, Value typedTurn) {}

  /**
   * Values of a list that read on their own, such as a run's events.
   *
   * @param list the list
   * @param elementType its elements' Java type
   * @param method the method that reads one element
   */
  record Nested(Path list, String elementType, String method) {}

  /**
   * What a value says of the session; a component is null when it says nothing of it.
   *
   * @param id the session's id
   * @param agent the agent
   * @param started when it started
   * @param ended when it ended
   */
  record Session(Value id, Value agent, Value started, Value ended) {}

  /**
   * Resource samples: a list and, per element, when, CPU millicores and memory bytes.
   *
   * @param list the list
   * @param elementType its elements' Java type
   * @param time when (read from the element {@code each})
   * @param cpu CPU millicores, or null
   * @param memory memory bytes, or null
   */
  record Samples(Path list, String elementType, Value time, Value cpu, Value memory) {}

  /**
   * One entry a value becomes, if its condition holds.
   *
   * @param kind the {@code TranscriptItem.Kind} constant
   * @param source the variable the entry is made from ({@code value} or {@code v})
   * @param when the values of which one at least must be present, or empty for always
   * @param fields the builder's setters and their values
   * @param usage the token usage, or null
   * @param opensTurn whether it opens a turn
   * @param endsTurn whether it ends its turn
   */
  record Entry(String kind, String source, List<Path> when, List<Field> fields, Usage usage, boolean opensTurn,
      boolean endsTurn) {
    boolean conditional() {
      return !when.isEmpty();
    }
  }

  /** One setter of the item's builder and the value it is given. */
  record Field(String setter, Value value) {}

  /**
   * Token usage: each component's value, or null.
   *
   * @param input input tokens
   * @param output output tokens
   * @param cacheRead input tokens read from the prompt cache
   * @param cacheWrite input tokens written to it
   */
  record Usage(Value input, Value output, Value cacheRead, Value cacheWrite) {}

  /**
   * A value: its alternatives, the first present one wins.
   *
   * @param alternatives one or more
   */
  record Value(List<Alternative> alternatives) {
    /** Whether it is one alternative that always applies (printed as it is, without {@code first(...)}). */
    boolean plain() {
      return alternatives.size() == 1 && alternatives.get(0).when() == null;
    }
  }

  /**
   * One alternative of a value, exactly one of path, join, literal or template set; applied only when
   * {@code when} is present, if set.
   *
   * @param when the value that must be present for this alternative to apply, or null
   * @param path a path
   * @param join the strings of a list's elements joined as paragraphs
   * @param literal a constant string, as the inside of a Java string literal
   * @param template a text with values in it
   */
  record Alternative(Path when, Path path, Join join, String literal, Template template) {}

  /**
   * A path through a value's accessors, printed null-safe: {@code first} on the root, then each step
   * through {@code TranscriptSupport.get}, then the conversion.
   *
   * @param root the variable it starts from
   * @param first the first accessor
   * @param rest the further steps
   * @param convert the conversion of the last value to the item's type, or null
   */
  record Path(String root, String first, List<Step> rest, Convert convert) {}

  /** One step of a path: the owner type's accessor, as a method reference. */
  record Step(String owner, String accessor) {}

  /**
   * A conversion: {@code TranscriptSupport.<method>(value)}, with {@code <classArgument>.class} after
   * the value when set.
   */
  record Convert(String method, String classArgument) {}

  /**
   * The strings of a list's elements, of one variant or all, joined as paragraphs ({@code ""} when none).
   *
   * @param list the list
   * @param variant the variant the elements must be, or null for all
   * @param elementType the elements' type, when all are read
   * @param accessor the string accessor of an element
   */
  record Join(Path list, String variant, String elementType, String accessor) {}

  /**
   * A text with values: {@code TranscriptSupport.template(text, values...)}, null when a value is absent.
   *
   * @param text the text with {@code {}} where each value goes, as the inside of a Java string literal
   * @param values the values, in order
   */
  record Template(String text, List<Path> values) {}
}
