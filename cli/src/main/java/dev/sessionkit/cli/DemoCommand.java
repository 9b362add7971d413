package dev.sessionkit.cli;

import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.core.vendor.ParameterDescriptor;
import dev.sessionkit.core.vendor.TranscriptMapping;
import dev.sessionkit.core.vendor.VendorDescriptor;
import dev.sessionkit.sandbox.Sandbox;
import dev.sessionkit.transcript.Transcripts;
import java.io.PrintStream;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code sessionkit demo}: starts the sandbox and calls every vendor SDK on the class path through its
 * descriptor, with its spec's examples, printing what each call returned, then each vendor's
 * transcript of the example session.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Start the embedded sandbox and call every vendor SDK on the class path: no account, no network.")
final class DemoCommand implements java.util.concurrent.Callable<Integer> {
  @ParentCommand
  SessionkitCommand top;

  @Override
  public Integer call() {
    top.sandbox = true;
    Sandbox sandbox = top.sandbox();
    PrintStream out = top.out;
    out.println("sessionkit demo: " + top.vendors.size() + " vendor SDKs against the embedded sandbox at http://127.0.0.1:"
        + sandbox.port() + " (seed " + sandbox.seed() + "); no account, no network.");
    out.println("Each client is built the way your code would, XClient.builder().fromEnv(env).build(), with the sandbox's");
    out.println("environment (" + String.join(", ", sandbox.environment().keySet()) + "),");
    out.println("and each call is the spec's example, through the vendor's descriptor, as the command shown runs it.");
    for (VendorDescriptor vendor : top.vendors) {
      Object client = top.client(vendor);
      SpecExamples spec = SpecExamples.of(vendor);
      for (OperationDescriptor operation : vendor.operations()) {
        if (!operation.httpMethod().equals("GET") || operation.responseType().isEmpty()) continue;
        Optional<Examples> examples = Examples.of(vendor, operation, spec);
        if (examples.isEmpty()) continue;
        String summary = operation.summary().isBlank() ? operation.operationId() : operation.summary();
        out.println();
        out.println("== " + vendor.label() + ": " + summary);
        out.println("   $ " + examples.get().command() + " --sandbox --format table");
        Object value = operation.invoke(client, examples.get().arguments());
        new Output(out, Format.table).response(operation.responseType().get(), value, operation.itemType());
        if (operation.itemType().isPresent()) all(out, client, examples.get());
      }
    }

    LiveDemo.run(top);

    out.println();
    out.println("== Transcripts: one model across the vendors (dev.sessionkit.transcript), as each spec declares it");
    for (VendorDescriptor vendor : top.vendors) {
      if (vendor.transcript().isEmpty()) continue;
      TranscriptMapping mapping = vendor.transcript().get();
      OperationDescriptor history = vendor.operation(mapping.history()).orElseThrow();
      Optional<Examples> examples = Examples.of(vendor, history, SpecExamples.of(vendor));
      if (examples.isEmpty()) continue;
      out.println();
      out.println("== " + vendor.label() + ": the transcript of the session the spec's example names");
      out.println("   $ sessionkit transcript " + vendor.id() + " " + String.join(" ", ids(history, examples.get())) + " --sandbox");
      TranscriptCommand.summary(out, Transcripts.of(vendor).read(top.client(vendor), examples.get().arguments()), 5);
    }

    out.println();
    out.println("Next:");
    out.println("  ./sessionkit run VENDOR \"hello\" --sandbox   # one live session: create, send, follow the reply, end");
    out.println("  ./sessionkit VENDOR --help      # its services, operations and environment variables");
    out.println("  ./sessionkit VENDOR SERVICE OPERATION ... --sandbox --format json|jsonl|table");
    out.println("  ./sessionkit sandbox            # keep a sandbox running and print its environment for your own code");
    out.println("  ./sessionkit --help");
    return ExitCode.OK;
  }

  /** Reads every page of a listing from the example's cursor on, and says how many items of each type came. */
  private static void all(PrintStream out, Object client, Examples examples) {
    OperationDescriptor operation = examples.operation();
    Type itemType = operation.itemType().orElseThrow();
    Map<String, Integer> types = new TreeMap<>();
    int count = 0;
    for (Object item : operation.iterate(client, examples.arguments())) {
      Object tree = Json.tree(itemType, item);
      Object type = tree instanceof Map<?, ?> map ? map.get("type") : null;
      if (type != null) types.merge(Json.cell(type), 1, Integer::sum);
      count++;
    }
    out.println("   $ " + examples.command() + " --all --sandbox");
    out.println("-> " + count + " " + Names.plural(itemType) + " over every page" + (types.isEmpty() ? "" : ": " + types));
  }

  /** The ids sessionkit transcript takes for a call: the values of the history operation's required parameters. */
  private static List<String> ids(OperationDescriptor history, Examples examples) {
    return history.parameters().stream().filter(ParameterDescriptor::required)
        .map(parameter -> examples.arguments().required(parameter.name())).toList();
  }
}
