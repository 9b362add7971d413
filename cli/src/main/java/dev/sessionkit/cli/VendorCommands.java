package dev.sessionkit.cli;

import dev.sessionkit.core.vendor.EnvironmentVariable;
import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.core.vendor.ParameterDescriptor;
import dev.sessionkit.core.vendor.ServiceDescriptor;
import dev.sessionkit.core.vendor.VendorDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/**
 * Builds the commands of one vendor from its descriptor, the way the AWS CLI builds its commands
 * from service models: {@code sessionkit <vendor> <service> <operation> [path parameters]
 * [--parameter value ...]}, with help from the spec, plus the vendor-level shortcuts the spec
 * declares ({@code x-sessionkit-shortcut}). Nothing here knows a vendor.
 */
final class VendorCommands {
  /** Option names an operation's own options cannot take: a parameter named so gets {@code --param-<name>}. */
  static final Set<String> RESERVED = Set.of("--help", "-h", "--version", "-V", "--format", "-f", "--all", "--follow",
      "--body", "--sandbox", "--sandbox-seed", "--base-url", "--retries", "--quiet", "-q", "--debug");

  private final SessionkitCommand root;
  private final boolean help;

  /**
   * Builds commands for {@code root}; with {@code help} (the arguments ask for usage help), each
   * {@code --body} shows its spec's example, which takes reading the spec.
   */
  VendorCommands(SessionkitCommand root, boolean help) {
    this.root = root;
    this.help = help;
  }

  /** Returns the command {@code sessionkit <vendor>} as the root's help lists it, without its subcommands. */
  CommandLine listed(VendorDescriptor vendor) {
    return new CommandLine(group(vendor.label()));
  }

  /** Returns the command {@code sessionkit <vendor>}, with a subcommand per service and per shortcut. */
  CommandLine vendor(VendorDescriptor vendor) {
    CommandSpec spec = group(vendor.label());
    List<String> description = new ArrayList<>();
    if (!vendor.description().isBlank()) description.add(firstParagraph(vendor.description()));
    description.add("");
    description.add("Environment (as the SDK's fromEnv() reads it; --sandbox sets it):");
    int width = vendor.environment().stream().mapToInt(variable -> variable.name().length()).max().orElse(0);
    for (EnvironmentVariable variable : vendor.environment()) {
      description.add("  " + variable.name() + " ".repeat(width - variable.name().length() + 2) + variable.description());
    }
    vendor.docsUrl().ifPresent(url -> {
      description.add("");
      description.add("Vendor documentation: " + url);
    });
    spec.usageMessage().description(description.stream().map(OperationCommand::escape).toArray(String[]::new));
    spec.addOption(formatOption());
    spec.usageMessage().footer("", "Each service holds operations: sessionkit " + vendor.id() + " SERVICE OPERATION --help.");
    CommandLine command = new CommandLine(spec);
    SpecExamples examples = help ? SpecExamples.of(vendor) : null;
    for (ServiceDescriptor service : vendor.services()) {
      CommandSpec serviceSpec = group(firstSentence(service.description()));
      if (!firstSentence(service.description()).equals(service.description().strip())) {
        serviceSpec.usageMessage().description(OperationCommand.escape(service.description().strip().replaceAll("\\s+", " ")));
      }
      CommandLine serviceCommand = new CommandLine(serviceSpec);
      for (OperationDescriptor operation : service.operations()) {
        serviceCommand.addSubcommand(Names.kebab(operation.name()),
            new CommandLine(OperationCommand.spec(root, vendor, operation, null, examples)));
      }
      command.addSubcommand(Names.kebab(service.name()), serviceCommand);
    }
    for (OperationDescriptor operation : vendor.operations()) {
      if (operation.shortcut().isEmpty()) continue;
      String shortcut = Names.kebab(operation.shortcut().get());
      String target = Names.kebab(operation.service()) + " " + Names.kebab(operation.name());
      if (command.getSubcommands().containsKey(shortcut)) {
        root.err.println("sessionkit: the shortcut " + vendor.id() + " " + shortcut + " (for " + target
            + ") is left out: " + vendor.id() + " " + shortcut + " is already a command");
        continue;
      }
      command.addSubcommand(shortcut, new CommandLine(OperationCommand.spec(root, vendor, operation, target, examples)));
    }
    return command;
  }

  /** A command that only holds subcommands: run alone, it shows its usage and fails as bad usage. */
  private static CommandSpec group(String summary) {
    CommandSpec[] self = new CommandSpec[1];
    Callable<Integer> usage = () -> {
      self[0].commandLine().usage(self[0].commandLine().getErr());
      return ExitCode.USAGE;
    };
    CommandSpec spec = CommandSpec.wrapWithoutInspection(usage);
    self[0] = spec;
    standardHelpOptions(spec);
    spec.usageMessage().sortOptions(false);
    if (!summary.isBlank()) spec.usageMessage().header(OperationCommand.escape(summary));
    return spec;
  }

  /**
   * Adds {@code -h, --help} and {@code -V, --version} to a command built from a descriptor, as
   * picocli's {@code mixinStandardHelpOptions} would, without the reflection its mixin costs each
   * time: a vendor with a hundred operations builds a hundred and more commands on every start.
   */
  static void standardHelpOptions(CommandSpec spec) {
    spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).arity("0").type(boolean.class)
        .description("Show this help message and exit.").build());
    spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).arity("0").type(boolean.class)
        .description("Print version information and exit.").build());
    spec.versionProvider(new VersionProvider());
  }

  /**
   * {@code --format}, given to a vendor command and inherited by its subcommands: it writes to the
   * root, ignoring defaults, so that a format given before the vendor's name is kept.
   */
  private OptionSpec formatOption() {
    return OptionSpec.builder("-f", "--format")
        .paramLabel("FORMAT")
        .type(Format.class)
        .scopeType(ScopeType.INHERIT)
        .description("table, json or jsonl (default: table on a terminal, jsonl otherwise).")
        .getter(new IGetter() {
          @Override
          @SuppressWarnings("unchecked")
          public <T> T get() {
            return (T) root.format;
          }
        })
        .setter(new ISetter() {
          @Override
          public <T> T set(T value) {
            if (value != null) root.format = (Format) value;
            return null;
          }
        })
        .build();
  }

  /** Returns the first paragraph of a spec's description, for one-line summaries. */
  static String firstParagraph(String text) {
    String stripped = text.strip();
    int end = stripped.indexOf("\n\n");
    return (end < 0 ? stripped : stripped.substring(0, end)).replaceAll("\\s+", " ");
  }

  /** Returns the first sentence of a spec's description. */
  static String firstSentence(String text) {
    String paragraph = firstParagraph(text);
    int end = paragraph.indexOf(". ");
    return end < 0 ? paragraph : paragraph.substring(0, end + 1);
  }

  /** Returns the option name of a parameter: {@code --<kebab name>}, or {@code --param-<kebab name>} if that is taken. */
  static String optionName(ParameterDescriptor parameter) {
    String name = "--" + Names.kebab(parameter.name());
    return RESERVED.contains(name) ? "--param-" + Names.kebab(parameter.name()) : name;
  }
}
