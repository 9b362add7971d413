package dev.sessionkit.cli;

import dev.sessionkit.sandbox.Sandbox;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sessionkit sandbox}: keeps a sandbox running and prints the environment that points the SDKs at it. */
@Command(name = "sandbox", mixinStandardHelpOptions = true, sortOptions = false, description = {
    "Run the embedded sandbox until interrupted (Ctrl-C), printing the environment that points the SDKs at it:",
    "  eval \"$(./sessionkit sandbox --port 8787 &)\"   or copy the export lines into another shell."})
final class SandboxCommand implements Callable<Integer> {
  @ParentCommand
  SessionkitCommand top;

  @Option(names = "--port", paramLabel = "PORT", description = "The loopback port (default: any free port).")
  int port;

  @Override
  public Integer call() throws InterruptedException {
    Sandbox sandbox = Sandbox.builder().seed(top.sandboxSeed).port(port).start();
    try {
      for (Map.Entry<String, String> e : sandbox.environment().entrySet()) {
        top.out.println("export " + e.getKey() + "=" + e.getValue());
      }
      top.out.flush();
      top.err.println("sessionkit: sandbox running on http://127.0.0.1:" + sandbox.port() + " (seed " + sandbox.seed()
          + ", vendors " + String.join(", ", sandbox.vendors()) + "): point an SDK's fromEnv() at it with the variables"
          + " above, or try sessionkit VENDOR ... --sandbox. Ctrl-C to stop.");
      new CountDownLatch(1).await();
      return ExitCode.OK;
    } finally {
      sandbox.close();
    }
  }
}
