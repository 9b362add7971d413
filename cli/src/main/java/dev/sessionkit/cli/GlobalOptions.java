package dev.sessionkit.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every (sub)command accepts, before or after its name. Each setter writes to the
 * root {@link SessionkitCommand}, so that {@code sessionkit --sandbox qoder events ...} and
 * {@code sessionkit qoder events ... --sandbox} mean the same. Defaults are ignored by the setters,
 * so that parsing a subcommand never undoes an option given before it.
 */
final class GlobalOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  private SessionkitCommand root() {
    return (SessionkitCommand) mixee.root().userObject();
  }

  @Option(names = "--sandbox", description = "Start the embedded sandbox and read from it instead of the vendor.")
  void sandbox(boolean value) {
    if (value) root().sandbox = true;
  }

  @Option(names = "--sandbox-seed", paramLabel = "SEED", description = "The seed of the sandbox's generated sessions (default 42).")
  void sandboxSeed(Long value) {
    if (value != null) root().sandboxSeed = value;
  }

  @Option(names = "--base-url", paramLabel = "URL", description = "Send requests to this base URL (https, or http to loopback).")
  void baseUrl(String value) {
    if (value != null) root().baseUrl = value;
  }

  @Option(names = "--retries", paramLabel = "N",
      description = "Retries of a failed request (connection failure, 408, 429, 5xx), 0-10 (default 2).")
  void retries(Integer value) {
    if (value != null) root().retries = value;
  }

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
      description = "table, json or jsonl (default: table on a terminal, jsonl otherwise).")
  void format(Format value) {
    if (value != null) root().format = value;
  }

  @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
  void quiet(boolean value) {
    if (value) root().quiet = true;
  }

  @Option(names = "--debug", description = "Print the stack trace of a failure.")
  void debug(boolean value) {
    if (value) root().debug = true;
  }
}
