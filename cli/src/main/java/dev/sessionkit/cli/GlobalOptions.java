package dev.sessionkit.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --format} on the vendor subcommands, written to the root {@link SessionkitCommand}; the
 * other options are the root's, inherited. The setter ignores defaults, so that parsing a
 * subcommand never undoes a format given before it.
 */
final class GlobalOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  private SessionkitCommand root() {
    return (SessionkitCommand) mixee.root().userObject();
  }

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
      description = "table, json or jsonl (default: table on a terminal, jsonl otherwise).")
  void format(Format value) {
    if (value != null) root().format = value;
  }
}
