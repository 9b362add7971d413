package dev.sessionkit.cli;

import dev.sessionkit.core.vendor.VendorDescriptor;
import dev.sessionkit.sandbox.Sandbox;
import java.io.PrintStream;
import java.util.Map;

/**
 * The demo's live sessions: one per vendor whose spec declares a lifecycle, run by {@link SessionRun}
 * as {@code sessionkit run} runs it, against a sandbox whose agents work at a visible but short pace.
 */
final class LiveDemo {
  /** The sandbox's pace in the demo: a turn takes a few tenths of a second, each event visibly after the last. */
  static final double PACE = 0.1;

  private LiveDemo() {}

  /** Runs one live session per vendor of {@code top}, writing to its output. */
  static void run(SessionkitCommand top) {
    PrintStream out = top.out;
    try (Sandbox sandbox = Sandbox.builder().seed(top.sandboxSeed).pace(PACE).start()) {
      for (VendorDescriptor vendor : top.vendors) {
        if (vendor.lifecycle().isEmpty()) continue;
        Object client = vendor.newClient(sandbox.environment(), builder -> {});
        out.println();
        if (SessionRun.sends(vendor)) {
          String message = SessionRun.exampleMessage(vendor).orElse("hello");
          out.println("== " + vendor.label() + ": a live session (the agent works at the sandbox's pace " + PACE + ")");
          out.println("   $ sessionkit run " + vendor.id() + " '" + message.replace("'", "'\\''") + "' --sandbox");
          new SessionRun(vendor, client, Map.of(), out, out, false,
              Spinner.on(top.err, top.terminal && !top.quiet, vendor.label() + " is working"), true).run(message);
        } else {
          out.println("== " + vendor.label() + ": a session started, read and ended (its spec sends no message: "
              + "sessionkit run " + vendor.id() + " refuses)");
          new SessionRun(vendor, client, Map.of(), out, out, false, Spinner.NONE, true).run(null);
        }
      }
    }
    out.flush();
  }
}
