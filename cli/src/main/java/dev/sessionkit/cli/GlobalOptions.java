package dev.sessionkit.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every (sub)command accepts, before or after its name: the {@link ConnectionOptions}
 * and {@code --format}. Each setter writes to the root {@link SessionkitCommand}, so that
 * {@code sessionkit --sandbox qoder events ...} and {@code sessionkit qoder events ... --sandbox}
 * mean the same. Defaults are ignored by the setters, so that parsing a subcommand never undoes an
 * option given before it.
 */
final class GlobalOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Mixin
  ConnectionOptions connection;

  private SessionkitCommand root() {
    return (SessionkitCommand) mixee.root().userObject();
  }

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
      description = "table, json or jsonl (default: table on a terminal, jsonl otherwise).")
  void format(Format value) {
    if (value != null) root().format = value;
  }
}
