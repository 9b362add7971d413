package dev.sessionkit.cli;

import dev.sessionkit.core.EventStream;
import dev.sessionkit.core.vendor.Arguments;
import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.core.vendor.ParameterDescriptor;
import dev.sessionkit.core.vendor.VendorDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * One operation of a vendor as a command: its path parameters are positional, in path order; its
 * query and header parameters are options named after them ({@code after_id}: {@code --after-id});
 * {@code --body} takes its JSON request body, {@code --all} reads every page of a listing and
 * {@code --follow} a live stream. The
 * values are handed to the descriptor as text: the generated SDK reads and checks them, and a wrong
 * one fails, naming the parameter, before anything is sent.
 */
final class OperationCommand implements Callable<Integer> {
  private final SessionkitCommand root;
  private final VendorDescriptor vendor;
  private final OperationDescriptor operation;
  private final List<ParameterDescriptor> path = new ArrayList<>();
  private final Map<OptionSpec, ParameterDescriptor> options = new LinkedHashMap<>();
  private CommandSpec spec;
  /** The path parameters as one list, when some may be left out; else each has its own positional. */
  private @Nullable PositionalParamSpec positionals;
  private @Nullable OptionSpec body;
  private @Nullable OptionSpec all;
  private @Nullable OptionSpec follow;
  private @Nullable OptionSpec maxEvents;
  private @Nullable OptionSpec idleTimeout;

  private OperationCommand(SessionkitCommand root, VendorDescriptor vendor, OperationDescriptor operation) {
    this.root = root;
    this.vendor = vendor;
    this.operation = operation;
  }

  /**
   * Returns the command of {@code operation}; {@code shortcutOf} names the service and operation
   * when the command is the spec's vendor-level shortcut for it, else null; {@code examples}, when
   * given, has the body's example shown in the help.
   */
  static CommandSpec spec(SessionkitCommand root, VendorDescriptor vendor, OperationDescriptor operation, @Nullable String shortcutOf,
      @Nullable SpecExamples examples) {
    OperationCommand command = new OperationCommand(root, vendor, operation);
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
    command.spec = spec;
    VendorCommands.standardHelpOptions(spec);
    String summary = !operation.summary().isBlank() ? operation.summary()
        : !operation.description().isBlank() ? VendorCommands.firstSentence(operation.description()) : operation.operationId();
    spec.usageMessage().headerHeading("").header(escape(shortcutOf == null ? summary : summary + " (= " + shortcutOf + ")"))
        .sortOptions(false).abbreviateSynopsis(false);
    List<String> description = new ArrayList<>();
    if (!operation.description().isBlank() && !operation.description().strip().equals(summary)) {
      for (String paragraph : operation.description().strip().split("\\n\\s*\\n")) {
        if (!description.isEmpty()) description.add("");
        description.add(escape(paragraph.replaceAll("\\s+", " ")));
      }
    }
    if (shortcutOf != null) {
      if (!description.isEmpty()) description.add("");
      description.add("A shortcut the spec declares for: sessionkit " + vendor.id() + " " + shortcutOf + ".");
    }
    spec.usageMessage().description(description.toArray(String[]::new));

    for (ParameterDescriptor parameter : operation.parameters()) {
      if (parameter.location() == ParameterDescriptor.Location.PATH) command.path.add(parameter);
    }
    command.addPositionals();
    for (ParameterDescriptor parameter : operation.parameters()) {
      if (parameter.location() == ParameterDescriptor.Location.PATH) continue;
      OptionSpec option = option(parameter);
      spec.addOption(option);
      command.options.put(option, parameter);
    }
    operation.bodyType().ifPresent(type -> {
      String example = examples == null ? "" : examples.body(operation).map(json -> " Example: " + json).orElse("");
      command.body = OptionSpec.builder("--body")
          .paramLabel("JSON|@FILE")
          .type(String.class)
          .required(operation.bodyRequired())
          .description(escape("The request body" + (operation.bodyRequired() ? "" : " (optional)") + ": a " + typeName(type)
              + " as JSON, or @FILE to read it from a file (@- from standard input)." + example))
          .build();
      spec.addOption(command.body);
    });
    operation.itemType().ifPresent(type -> {
      command.all = OptionSpec.builder("--all")
          .arity("0")
          .type(boolean.class)
          .description("Every page from the cursor given on, each item as it arrives (one page at a time is held); "
              + "progress on stderr.")
          .build();
      spec.addOption(command.all);
    });
    operation.eventType().ifPresent(type -> {
      boolean only = operation.responseType().isEmpty();
      command.follow = OptionSpec.builder("--follow")
          .arity("0")
          .type(boolean.class)
          .description("Follow the live stream: each event as it arrives, until the stream ends (Ctrl-C to stop); "
              + "progress on stderr." + (only ? " The operation only streams: it follows without the option too." : ""))
          .build();
      spec.addOption(command.follow);
      command.maxEvents = OptionSpec.builder("--max-events")
          .paramLabel("N")
          .type(Integer.class)
          .description("Stop following after N events (a live stream that does not end by itself, sampled).")
          .build();
      spec.addOption(command.maxEvents);
      command.idleTimeout = OptionSpec.builder("--idle-timeout")
          .paramLabel("SECONDS")
          .type(Integer.class)
          .description("Stop following once no event has arrived for SECONDS (heartbeats do not count).")
          .build();
      spec.addOption(command.idleTimeout);
    });
    spec.usageMessage().footer("", "Sends " + operation.httpMethod() + " " + operation.path() + " (" + vendor.label()
        + " operation " + operation.operationId() + ").");
    return spec;
  }

  private void addPositionals() {
    if (path.isEmpty()) return;
    int required = (int) path.stream().filter(parameter -> !parameter.optional()).count();
    if (required == path.size()) {
      for (int i = 0; i < path.size(); i++) {
        ParameterDescriptor parameter = path.get(i);
        spec.addPositional(PositionalParamSpec.builder()
            .index(String.valueOf(i))
            .arity("1")
            .required(true)
            .paramLabel(Names.label(parameter.name()))
            .type(String.class)
            .description(describe(parameter))
            .build());
      }
      return;
    }
    // Path parameters that may be left out (optional, or with a default from the client's
    // environment): one positional list, read as the others alone or as all of them.
    List<String> labels = new ArrayList<>();
    List<String> descriptions = new ArrayList<>();
    for (ParameterDescriptor parameter : path) {
      String label = Names.label(parameter.name());
      labels.add(parameter.optional() ? "[" + label + "]" : label);
      descriptions.add(label + ": " + describe(parameter));
    }
    positionals = PositionalParamSpec.builder()
        .index("0..*")
        .arity(required + ".." + path.size())
        .paramLabel(String.join(" ", labels))
        .hideParamSyntax(true)
        .type(List.class)
        .auxiliaryTypes(String.class)
        .description(descriptions.toArray(String[]::new))
        .build();
    spec.addPositional(positionals);
  }

  private static OptionSpec option(ParameterDescriptor parameter) {
    OptionSpec.Builder option = OptionSpec.builder(VendorCommands.optionName(parameter))
        .paramLabel(Names.label(parameter.name()))
        .required(!parameter.optional())
        .description(describe(parameter));
    switch (parameter.kind()) {
      case ARRAY -> option.type(List.class).auxiliaryTypes(String.class).arity("1");
      case BOOLEAN -> option.type(String.class).arity("0..1").fallbackValue("true").paramLabel("true|false");
      case INTEGER, NUMBER -> option.type(String.class).paramLabel("N");
      case ENUM -> option.type(String.class).completionCandidates(parameter.values());
      default -> option.type(String.class);
    }
    return option.build();
  }

  /** A parameter's help: the spec's description, its type, its documented values and its example. */
  private static String describe(ParameterDescriptor parameter) {
    StringBuilder text = new StringBuilder(parameter.description().strip().replaceAll("\\s+", " "));
    if (text.length() > 0 && ".!?".indexOf(text.charAt(text.length() - 1)) < 0) text.append('.');
    switch (parameter.kind()) {
      case INTEGER -> text.append(" A whole number.");
      case NUMBER -> text.append(" A number.");
      case ARRAY -> text.append(" Repeat the option for several values.");
      case ENUM -> text.append(" One of: ").append(String.join(", ", parameter.values())).append('.');
      default -> { }
    }
    if (parameter.location() == ParameterDescriptor.Location.HEADER) text.append(" Sent as the header ").append(parameter.name()).append('.');
    if (parameter.defaultVariable() != null) {
      text.append(" May be left out when ").append(parameter.defaultVariable()).append(" is set.");
    }
    if (parameter.example() != null) text.append(" Example: ").append(parameter.example()).append('.');
    return escape(text.toString().strip());
  }

  /** Escapes text for picocli's usage help, which reads it as a format string. */
  static String escape(String text) {
    return text.replace("%", "%%");
  }

  private static String typeName(Type type) {
    return type instanceof Class<?> c ? c.getSimpleName() : type.getTypeName().replaceAll("[\\w$]+\\.", "");
  }

  @Override
  public Integer call() throws IOException {
    Object client = root.client(vendor);
    Arguments arguments = arguments();
    Output output = root.output();
    if (all != null && Boolean.TRUE.equals(all.getValue())) {
      Type itemType = operation.itemType().orElseThrow();
      Progress progress = new Progress(root.err, vendor.id() + " " + lastPathValue(arguments), Names.plural(itemType), !root.quiet);
      Output.Items writer = output.items(itemType);
      for (Object item : operation.iterate(client, arguments)) {
        progress.tick();
        if (!writer.write(item)) break;
      }
      writer.finish();
      progress.done();
      return ExitCode.OK;
    }
    boolean streams = operation.eventType().isPresent()
        && (Boolean.TRUE.equals(follow.getValue()) || operation.responseType().isEmpty());
    if (streams) {
      Type eventType = operation.eventType().orElseThrow();
      Progress progress = new Progress(root.err, vendor.id() + " " + lastPathValue(arguments), Names.plural(eventType), !root.quiet);
      Output.Items writer = output.live(eventType);
      Integer max = maxEvents.getValue();
      if (max != null && max < 1) throw new CliFailure(ExitCode.USAGE, "--max-events must be 1 or more (got " + max + ")");
      Integer idle = idleTimeout.getValue();
      if (idle != null && idle < 1) throw new CliFailure(ExitCode.USAGE, "--idle-timeout must be 1 or more (got " + idle + ")");
      int count = 0;
      try (EventStream<?> events = operation.stream(client, arguments);
          IdleWatch watch = new IdleWatch(events, idle)) {
        for (Object event : events) {
          watch.reset();
          progress.tick();
          if (!writer.write(event) || (max != null && ++count >= max)) break;
        }
      }
      writer.finish();
      progress.done();
      return ExitCode.OK;
    }
    Object value = operation.invoke(client, arguments);
    if (value != null) {
      output.response(operation.responseType().orElse(value.getClass()), value, operation.itemType());
    }
    return ExitCode.OK;
  }

  private String lastPathValue(Arguments arguments) {
    for (int i = path.size() - 1; i >= 0; i--) {
      String value = arguments.string(path.get(i).name());
      if (value != null) return value;
    }
    return operation.operationId();
  }

  /** Returns the command line's values as the descriptor's arguments, keyed by the wire names. */
  private Arguments arguments() throws IOException {
    Arguments.Builder arguments = Arguments.builder();
    if (positionals != null) {
      List<String> values = positionals.getValue() == null ? List.of() : positionals.getValue();
      List<ParameterDescriptor> given = values.size() == path.size() ? path
          : path.stream().filter(parameter -> !parameter.optional()).toList();
      if (values.size() != given.size()) {
        throw new CliFailure(ExitCode.USAGE, "give " + positionals.paramLabel() + " (got " + values.size() + " values)");
      }
      for (int i = 0; i < values.size(); i++) arguments.put(given.get(i).name(), values.get(i));
    } else {
      for (int i = 0; i < path.size(); i++) {
        String value = spec.positionalParameters().get(i).getValue();
        arguments.put(path.get(i).name(), value);
      }
    }
    for (Map.Entry<OptionSpec, ParameterDescriptor> e : options.entrySet()) {
      Object value = e.getKey().getValue();
      if (value instanceof List<?> list) {
        for (Object item : list) arguments.put(e.getValue().name(), String.valueOf(item));
      } else if (value != null) {
        arguments.put(e.getValue().name(), String.valueOf(value));
      }
    }
    if (body != null && body.getValue() != null) arguments.body(body(body.getValue()));
    return arguments.build();
  }

  /** Reads {@code --body}: JSON as given, {@code @FILE} from a file, {@code @-} from standard input. */
  private static String body(String value) throws IOException {
    if (!value.startsWith("@")) return value;
    if (value.equals("@-")) {
      InputStream in = System.in;
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path file = Path.of(value.substring(1));
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CliFailure(ExitCode.USAGE, "--body " + value + ": no such file");
    }
  }
}
