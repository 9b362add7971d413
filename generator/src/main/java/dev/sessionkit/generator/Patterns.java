package dev.sessionkit.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pattern constants of one generated class (a service or a params record): each parameter's
 * pattern once, named for the parameter ({@code SESSION_ID}), or for the operation too when two
 * operations give a parameter of the same name different patterns.
 */
final class Patterns {
  private final Map<String, String> constants = new LinkedHashMap<>();
  private String operation = "";

  /** Names constants for {@code operationId}'s parameters from now on (used on a clash). */
  void operation(String operationId) {
    this.operation = operationId;
  }

  /** Returns the constant holding {@code regex} for the parameter {@code wireName}, adding it if new. */
  String constant(String wireName, String regex) {
    String constant = Text.constant(wireName);
    if (constants.containsKey(constant) && !constants.get(constant).equals(regex)) {
      constant = Text.constant(operation) + "_" + constant;
    }
    constants.put(constant, regex);
    return constant;
  }

  /** The constants, in the order they were added. */
  List<PatternModel> models() {
    List<PatternModel> models = new ArrayList<>();
    constants.forEach((name, regex) -> models.add(new PatternModel(name, Text.javaString(regex))));
    return models;
  }
}
