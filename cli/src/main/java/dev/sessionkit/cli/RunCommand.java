package dev.sessionkit.cli;

import dev.sessionkit.core.vendor.VendorDescriptor;
import dev.sessionkit.sandbox.Sandbox;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sessionkit run VENDOR MESSAGE}: one session of a vendor, as its spec's
 * {@code x-sessionkit-lifecycle} runs it ({@link SessionRun}): created, sent the message, the reply
 * followed live, its history read as a transcript, its usage, ended.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false, description = {
    "Run one session of a vendor: create (or start) it, send MESSAGE, follow the agent's reply live (one line per "
        + "event), then print the session's transcript summary and the turn's token usage, and end the session.",
    "Which operations do this is the vendor's spec's (x-sessionkit-lifecycle); every other input (agent, environment, "
        + "organization...) is the spec's example, which the sandbox holds; --with changes one."},
    footer = {"", "Try: sessionkit run VENDOR \"hello\" --sandbox"})
final class RunCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "VENDOR", description = "The vendor's id, as the vendor's own subcommand is named.")
  String vendor;

  @Parameters(index = "1", paramLabel = "MESSAGE", description = "The message to send.")
  String message;

  @Option(names = "--with", paramLabel = "NAME=VALUE", description = {"Instead of the spec's example: a parameter "
      + "(--with agent_key=agt_1) or, with a JSON pointer, a member of the request bodies (--with /agent/id=agent_1). "
      + "Repeatable."})
  List<String> with = new ArrayList<>();

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
      description = "table (readable lines; the default) or jsonl (each event as one JSON line on stdout, nothing else there).")
  Format format;

  @Option(names = "--keep", description = "Leave the session running: do not end it after the turn.")
  boolean keep;

  @Option(names = "--sandbox-pace", paramLabel = "PACE",
      description = "With --sandbox: how fast the sandbox's agent works, 1 as a real agent, 0 at once (default ${DEFAULT-VALUE}).")
  double pace = 0.25;

  @Override
  public Integer call() {
    SessionkitCommand top = (SessionkitCommand) spec.root().userObject();
    VendorDescriptor descriptor = top.vendors.stream().filter(v -> v.id().equals(vendor)).findFirst()
        .orElseThrow(() -> new CliFailure(ExitCode.USAGE, "unknown vendor '" + vendor + "': use one of "
            + String.join(", ", top.vendors.stream().map(VendorDescriptor::id).toList())));
    if (format == Format.json) throw new CliFailure(ExitCode.USAGE, "run writes table or jsonl, not json");
    SessionRun.requireSend(descriptor);
    Map<String, String> overrides = new LinkedHashMap<>();
    for (String each : with) {
      int equals = each.indexOf('=');
      if (equals <= 0) throw new CliFailure(ExitCode.USAGE, "--with takes NAME=VALUE (got \"" + each + "\")");
      overrides.put(each.substring(0, equals), each.substring(equals + 1));
    }
    boolean jsonl = format == Format.jsonl;
    PrintStream info = jsonl ? (top.quiet ? new PrintStream(java.io.OutputStream.nullOutputStream()) : top.err) : top.out;
    Spinner spinner = Spinner.on(top.err, top.terminal && !top.quiet, descriptor.label() + " is working");
    Sandbox sandbox = null;
    try {
      Object client;
      if (top.sandbox) {
        sandbox = Sandbox.builder().seed(top.sandboxSeed).pace(pace).start();
        client = descriptor.newClient(sandbox.environment(), builder -> {});
      } else {
        client = top.client(descriptor);
      }
      new SessionRun(descriptor, client, overrides, top.out, info, jsonl, spinner, !keep).run(message);
    } finally {
      if (sandbox != null) sandbox.close();
      top.out.flush();
    }
    return ExitCode.OK;
  }
}
