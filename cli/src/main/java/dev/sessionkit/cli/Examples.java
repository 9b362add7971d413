package dev.sessionkit.cli;

import dev.sessionkit.core.vendor.Arguments;
import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.core.vendor.ParameterDescriptor;
import dev.sessionkit.core.vendor.VendorDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A call of an operation with its spec's examples: every path parameter, every other parameter the
 * spec gives an example of, and the example of its request body. What {@code sessionkit demo} runs.
 *
 * @param vendor the vendor
 * @param operation the operation
 * @param arguments the examples, keyed by the parameters' wire names
 * @param words the same call as the command's arguments, from the vendor's id on
 */
record Examples(VendorDescriptor vendor, OperationDescriptor operation, Arguments arguments, List<String> words) {
  private static final Pattern PLAIN = Pattern.compile("[\\w@%+=:,./-]+");

  /** Checks and copies the components. */
  Examples {
    words = List.copyOf(words);
  }

  /**
   * Returns the call of {@code operation} with the examples of its spec ({@code spec} holds the body
   * examples); empty when a parameter it needs, or its required body, has none.
   */
  static Optional<Examples> of(VendorDescriptor vendor, OperationDescriptor operation, SpecExamples spec) {
    Arguments.Builder arguments = Arguments.builder();
    List<String> words = new ArrayList<>(List.of(vendor.id(), Names.kebab(operation.service()), Names.kebab(operation.name())));
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
    if (operation.bodyType().isPresent()) {
      Optional<String> body = spec.body(operation);
      if (body.isEmpty() && operation.bodyRequired()) return Optional.empty();
      body.ifPresent(json -> {
        arguments.body(json);
        words.add("--body");
        words.add(json);
      });
    }
    return Optional.of(new Examples(vendor, operation, arguments.build(), words));
  }

  /** Returns the call as a shell command line: {@code sessionkit} and the words, quoted where a shell needs it. */
  String command() {
    List<String> quoted = new ArrayList<>(List.of("sessionkit"));
    for (String word : words) quoted.add(PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'");
    return String.join(" ", quoted);
  }
}
