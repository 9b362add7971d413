package dev.sessionkit.generator;

import java.util.List;

/**
 * The record of an operation's optional parameters ({@code EventListParams}): one nullable component
 * per parameter, every rule checked when it is built.
 *
 * @param className the record's name
 * @param request {@code GET /sessions/{session_id}/events}, for Javadoc
 * @param components the parameters, each with its Javadoc text
 * @param patterns the pattern constants its checks use
 * @param exclusive two parameters that may not both be set (a cursor's two directions), or null
 * @param imports the models and collections its components name
 */
record ParamsModel(String className, String request, List<Component> components, List<PatternModel> patterns,
    Exclusive exclusive, List<String> imports) {

  /** Whether a check uses {@code Checks}. */
  boolean usesChecks() {
    for (Component component : components) {
      for (CheckModel check : component.parameter().checks()) {
        if (check.pattern() != null || check.range() != null || check.known()) return true;
      }
    }
    return false;
  }

  /** Whether a component is a list. */
  boolean hasLists() {
    return components.stream().anyMatch(component -> component.parameter().list());
  }

  /** Whether a check uses a pattern constant. */
  boolean hasPatterns() {
    return !patterns.isEmpty();
  }

  /**
   * One component: the parameter, its {@code @param} text and its builder setter's Javadoc.
   *
   * @param parameter the parameter
   * @param doc the {@code @param} text, wrapped
   * @param builderDoc the setter's Javadoc, wrapped
   */
  record Component(ParameterModel parameter, String doc, String builderDoc) {
    String name() {
      return parameter.name();
    }

    String type() {
      return parameter.type();
    }
  }

  /** Two components that may not both be set. */
  record Exclusive(String first, String second) {}
}
