package dev.sessionkit.cli;

import dev.sessionkit.core.vendor.Arguments;
import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.core.vendor.ParameterDescriptor;
import dev.sessionkit.core.vendor.VendorDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A call of an operation with its spec's examples: every path parameter, and every other parameter
 * the spec gives an example of. What {@code sessionkit demo} runs.
 *
 * @param vendor the vendor
 * @param operation the operation
 * @param arguments the examples, keyed by the parameters' wire names
 * @param command the same call as a command line, from {@code sessionkit} on
 */
record Examples(VendorDescriptor vendor, OperationDescriptor operation, Arguments arguments, String command) {
  /**
   * Returns the call of {@code operation} with its spec's examples; empty when a parameter it needs
   * (or its required body) has none.
   */
  static Optional<Examples> of(VendorDescriptor vendor, OperationDescriptor operation) {
    if (operation.bodyRequired()) return Optional.empty();
    Arguments.Builder arguments = Arguments.builder();
    List<String> words = new ArrayList<>(List.of("sessionkit", vendor.id(), Names.kebab(operation.service()),
        Names.kebab(operation.name())));
    for (ParameterDescriptor parameter : operation.parameters()) {
      String example = parameter.example();
      if (example == null) {
        if (parameter.location() == ParameterDescriptor.Location.PATH || !parameter.optional()) return Optional.empty();
        continue;
      }
      arguments.put(parameter.name(), example);
      if (parameter.location() != ParameterDescriptor.Location.PATH) words.add(VendorCommands.optionName(parameter));
      words.add(example);
    }
    return Optional.of(new Examples(vendor, operation, arguments.build(), String.join(" ", words)));
  }
}
