package dev.sessionkit.cli;

import dev.sessionkit.agents.AgentsClient;
import dev.sessionkit.agents.model.ListAgentEventsResponse;
import dev.sessionkit.pipecat.PipecatClient;
import dev.sessionkit.pipecat.model.SessionDetails;
import dev.sessionkit.piper.PiperClient;
import dev.sessionkit.piper.model.SessionEventsResponse;
import dev.sessionkit.qoder.QoderClient;
import dev.sessionkit.sandbox.Sandbox;
import dev.sessionkit.sandbox.SessionIds;
import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.core.vendor.VendorDescriptor;
import java.io.PrintStream;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code sessionkit demo}: starts the sandbox and calls each SDK the way the README shows, printing
 * what each call returned.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
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
      for (OperationDescriptor operation : vendor.operations()) {
        if (!operation.httpMethod().equals("GET") || operation.responseType().isEmpty()) continue;
        Optional<Examples> examples = Examples.of(vendor, operation);
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

    out.println();
    out.println("== Transcripts: one model across the four vendors (dev.sessionkit.transcript)");
    QoderClient qoder = top.client("qoder", QoderClient.class);
    PiperClient piper = top.client("piper", PiperClient.class);
    PipecatClient pipecat = top.client("pipecat", PipecatClient.class);
    AgentsClient agents = top.client("agents-v2", AgentsClient.class);
    SessionEventsResponse runs = piper.sessions().events(SessionIds.PIPER_ORG, SessionIds.piperSession(6));
    SessionDetails details = pipecat.sessions().get(SessionIds.PIPECAT_DOCUMENTED_AGENT, SessionIds.PIPECAT_DOCUMENTED_SESSION);
    ListAgentEventsResponse agentPage = agents.sessions().events(SessionIds.AGENTS_DOCUMENTED_AGENT,
        SessionIds.AGENTS_DOCUMENTED_SESSION);
    heading(out, "Qoder", "Transcripts.fromQoder(id, qoder.sessions().iterateEvents(id))", "a session, streamed page by page");
    TranscriptCommand.summary(out, dev.sessionkit.transcript.Transcripts.fromQoder(SessionIds.qoderSession(15),
        qoder.sessions().iterateEvents(SessionIds.qoderSession(15))), 3);
    heading(out, "Piper", "Transcripts.from(piper.sessions().events(org, session))", "runs, with each run's exact cost");
    TranscriptCommand.summary(out, dev.sessionkit.transcript.Transcripts.stream(runs), 3);
    heading(out, "Pipecat Cloud", "Transcripts.from(agent, pipecat.sessions().get(agent, session))", "start, completion, resource samples");
    TranscriptCommand.summary(out, dev.sessionkit.transcript.Transcripts.stream(SessionIds.PIPECAT_DOCUMENTED_AGENT, details), 3);
    heading(out, "Agents API v2", "Transcripts.from(agent, session, agents.sessions().events(agent, session))",
        "messages, thinking, a tool call and its result");
    TranscriptCommand.summary(out, dev.sessionkit.transcript.Transcripts.from(SessionIds.AGENTS_DOCUMENTED_AGENT,
        SessionIds.AGENTS_DOCUMENTED_SESSION, agentPage).stream(), 5);

    out.println();
    out.println("Next:");
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

  private static void heading(PrintStream out, String vendor, String call, String what) {
    out.println();
    out.println("== " + vendor + ": " + what);
    out.println("   " + call);
  }
}
