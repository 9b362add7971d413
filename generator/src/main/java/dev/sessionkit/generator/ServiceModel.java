package dev.sessionkit.generator;

import java.util.List;

/**
 * One service: the operations of one tag, reached with {@code client.<accessor>()}, and the
 * Retrofit interface behind it.
 *
 * @param className the service's class ({@code SessionsService})
 * @param accessor the client's method ({@code sessions})
 * @param apiClass the Retrofit interface ({@code EventsApi})
 * @param tag the tag's name
 * @param summary the tag's description as Javadoc, or a sentence naming the tag
 * @param operations the operations, in the spec's order
 * @param patterns the pattern constants the positional arguments' checks use
 * @param defaults the client's default parameters, each marked when an operation of this service uses it
 * @param imports the service's imports, sorted
 * @param apiImports the Retrofit interface's model imports, sorted
 */
record ServiceModel(String className, String accessor, String apiClass, String tag, String summary,
    List<OperationModel> operations, List<PatternModel> patterns, List<DefaultModel> defaults, List<String> imports,
    List<String> apiImports) {

  boolean hasPatterns() {
    return !patterns.isEmpty();
  }

  /**
   * The helpers that set a property on a union request body (the stream condition, the resume
   * field), one per helper name and union, in the order the operations need them.
   */
  List<StreamModel.UnionSetter> unionSetters() {
    java.util.Map<String, StreamModel.UnionSetter> setters = new java.util.LinkedHashMap<>();
    for (OperationModel operation : operations) {
      if (operation.stream() == null) continue;
      for (StreamModel.UnionSetter setter : operation.stream().unionSetters()) {
        setters.putIfAbsent(setter.method() + " " + setter.union(), setter);
      }
    }
    return new java.util.ArrayList<>(setters.values());
  }

  /** Whether the service keeps constants (patterns, stream specs), followed by a blank line. */
  boolean hasConstants() {
    return hasPatterns() || operations.stream().anyMatch(op -> op.stream() != null && !op.stream().perCall());
  }
}
