package dev.sessionkit.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ScopeType;

/**
 * The usage help of every command, laid out so that what a command takes comes first: a short
 * synopsis ({@code sessionkit VENDOR SERVICE OPERATION [OPTIONS] SESSION_ID}), the command's own
 * options, then the options every command inherits under a heading of their own.
 */
final class HelpSections {
  private HelpSections() {}

  /**
   * Installs the sections in {@code command} and all its subcommands; the subcommands named
   * {@code vendors} are listed apart, first.
   */
  static void install(CommandLine command, List<String> vendors) {
    install(command);
    command.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING, help -> "");
    command.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, help -> {
      Map<String, CommandLine.Help> vendorCommands = new LinkedHashMap<>();
      Map<String, CommandLine.Help> others = new LinkedHashMap<>();
      help.subcommands().forEach((name, sub) -> (vendors.contains(name) ? vendorCommands : others).put(name, sub));
      String nl = System.lineSeparator();
      return nl + "Vendors (sessionkit VENDOR --help; each SDK on the class path is one):" + nl
          + help.commandList(vendorCommands) + nl + "Commands:" + nl + help.commandList(others);
    });
  }

  private static void install(CommandLine command) {
    command.getCommandSpec().usageMessage().parameterListHeading("%nArguments:%n").optionListHeading("%nOptions:%n")
        .commandListHeading("%nCommands:%n");
    command.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS, HelpSections::synopsis);
    command.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpSections::options);
    command.getSubcommands().values().forEach(HelpSections::install);
  }

  private static String synopsis(CommandLine.Help help) {
    CommandSpec spec = help.commandSpec();
    List<String> parts = new ArrayList<>();
    parts.add(spec.qualifiedName());
    for (OptionSpec option : spec.options()) {
      if (option.required() && !common(option)) parts.add(option.longestName() + "=" + option.paramLabel());
    }
    parts.add("[OPTIONS]");
    for (PositionalParamSpec positional : spec.positionalParameters()) {
      if (positional.hidden()) continue;
      String label = positional.paramLabel() + (positional.arity().max() > 1 && !positional.hideParamSyntax() ? "..." : "");
      parts.add(positional.arity().min() == 0 && !positional.hideParamSyntax() ? "[" + label + "]" : label);
    }
    if (!spec.subcommands().isEmpty()) parts.add("COMMAND");
    return String.join(" ", parts) + System.lineSeparator();
  }

  private static String options(CommandLine.Help help) {
    List<OptionSpec> own = new ArrayList<>();
    List<OptionSpec> common = new ArrayList<>();
    for (OptionSpec option : help.commandSpec().options()) {
      if (option.hidden()) continue;
      (common(option) ? common : own).add(option);
    }
    StringBuilder text = new StringBuilder(help.optionListExcludingGroups(own));
    if (!common.isEmpty()) {
      if (!own.isEmpty()) text.append(System.lineSeparator()).append("Options of every command:").append(System.lineSeparator());
      text.append(help.optionListExcludingGroups(common));
    }
    return text.toString();
  }

  /** Returns whether an option is one every command has: inherited, or help and version. */
  private static boolean common(OptionSpec option) {
    return option.inherited() || option.scopeType() == ScopeType.INHERIT || option.usageHelp() || option.versionHelp();
  }
}
