package dev.sessionkit.core.vendor;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** The check that every argument given to an operation names one of its parameters. */
final class ArgumentNames {
  private ArgumentNames() {}

  /** Returns {@code arguments} when each names a parameter of {@code operation}; else fails naming the first that does not. */
  static Arguments known(OperationDescriptor operation, Arguments arguments) {
    Objects.requireNonNull(arguments, "arguments == null");
    for (String name : arguments.names()) {
      if (operation.parameter(name).isEmpty()) {
        Set<String> known = new TreeSet<>();
        operation.parameters().forEach(parameter -> known.add(parameter.name()));
        throw new IllegalArgumentException(operation.operationId() + " has no parameter " + name + " (it has "
            + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
      }
    }
    return arguments;
  }
}
