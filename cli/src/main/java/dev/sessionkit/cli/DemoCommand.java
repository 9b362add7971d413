package dev.sessionkit.cli;

import dev.sessionkit.agents.AgentsClient;
import dev.sessionkit.agents.SessionsService;
import dev.sessionkit.agents.model.AgentEvent;
import dev.sessionkit.agents.model.ListAgentEventsResponse;
import dev.sessionkit.pipecat.PipecatClient;
import dev.sessionkit.pipecat.model.SessionDetails;
import dev.sessionkit.piper.PiperClient;
import dev.sessionkit.piper.model.ScenarioRunDetail;
import dev.sessionkit.piper.model.SessionEventsResponse;
import dev.sessionkit.qoder.EventListParams;
import dev.sessionkit.qoder.QoderClient;
import dev.sessionkit.qoder.model.SessionEvent;
import dev.sessionkit.qoder.model.SessionEventList;
import dev.sessionkit.sandbox.Sandbox;
import dev.sessionkit.transcript.Transcripts;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code sessionkit demo}: starts the sandbox and calls each SDK the way the README shows, printing
 * what each call returned.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Start the embedded sandbox and walk through all four SDKs: no account, no network.")
final class DemoCommand implements java.util.concurrent.Callable<Integer> {
  @ParentCommand
  SessionkitCommand top;

  @Mixin
  GlobalOptions options;

  @Override
  public Integer call() {
    top.sandbox = true;
    Sandbox sandbox = top.sandbox();
    PrintStream out = top.out;
    out.println("sessionkit demo: the four SDKs against the embedded sandbox at http://127.0.0.1:" + sandbox.port()
        + " (seed " + sandbox.seed() + "); no account, no network.");
    out.println("Each client is built the way your code would: XClient.builder().fromEnv(env).build(), with the");
    out.println("sandbox's env (" + String.join(", ", sandbox.environment().keySet()) + ").");

    QoderClient qoder = top.qoder();
    heading(out, "Qoder", "qoder.sessions().events(\"" + "sess_019e392c0d1e74e095d21ea4c6b41def"
        + "\", EventListParams.builder().limit(5).build())", "the documented example page");
    SessionEventList page = qoder.sessions().events("sess_019e392c0d1e74e095d21ea4c6b41def",
        EventListParams.builder().limit(5).build());
    Table table = new Table(out, Rows.EVENT_WIDTHS);
    table.row(Rows.EVENT_HEADER);
    for (SessionEvent event : page.data()) table.row(Rows.event(Output.tree(SessionEvent.class, event)));
    out.println("-> SessionEventList: " + page.data().size() + " events, first_id " + page.firstId() + ", has_more "
        + page.hasMore());
    String generated = "sess_sandbox_250";
    heading(out, "Qoder", "qoder.sessions().iterateEvents(\"" + generated + "\", limit 100)",
        "a generated session, fetched page by page (after_id = each page's last_id)");
    Map<String, Integer> types = new TreeMap<>();
    int count = 0;
    for (SessionEvent event : qoder.sessions().iterateEvents(generated, EventListParams.builder().limit(100).build())) {
      types.merge(event.type(), 1, Integer::sum);
      count++;
    }
    out.println("-> " + count + " events over 3 pages: " + types);

    PiperClient piper = top.piper();
    heading(out, "Piper", "piper.sessions().events(\"" + "3c90c3cc-0d44-4b50-8888-8dd25736052a" + "\", \"" + "00000000-0000-4000-a000-000000000006" + "\")",
        "a session's runs and their events");
    SessionEventsResponse runs = piper.sessions().events("3c90c3cc-0d44-4b50-8888-8dd25736052a", "00000000-0000-4000-a000-000000000006");
    PiperCommand.printRuns(out, runs);
    heading(out, "Piper", "piper.scenarioRuns().bySession(\"" + "3c90c3cc-0d44-4b50-8888-8dd25736052a" + "\", \"" + "00000000-0000-4000-a000-000000000012" + "\")",
        "a scenario result");
    ScenarioRunDetail scenario = piper.scenarioRuns().bySession("3c90c3cc-0d44-4b50-8888-8dd25736052a", "00000000-0000-4000-a000-000000000012");
    PiperCommand.printScenario(out, scenario);

    PipecatClient pipecat = top.pipecat();
    heading(out, "Pipecat Cloud", "pipecat.sessions().get(\"" + "my-agent" + "\", \""
        + "800d444a-e67e-4686-afb3-b0de509cccb3" + "\")", "a session's metrics (the documented example)");
    SessionDetails details = pipecat.sessions().get("my-agent", "800d444a-e67e-4686-afb3-b0de509cccb3");
    PipecatCommand.print(out, details, 5);

    AgentsClient agents = top.agents();
    heading(out, "Agents API v2", "agents.sessions().events(\"" + "agt_customer_support" + "\", \""
        + "ase_customer_support_001" + "\")", "the documented example page");
    ListAgentEventsResponse agentPage = agents.sessions().events("agt_customer_support",
        "ase_customer_support_001");
    table.row(Rows.EVENT_HEADER);
    for (AgentEvent event : agentPage.events()) table.row(Rows.event(Output.tree(AgentEvent.class, event)));
    out.println("-> ListAgentEventsResponse: " + agentPage.events().size() + " events, next page_key "
        + SessionsService.nextPageKey(agentPage).orElse("(none)"));
    String agentSession = "ase_sandbox_120";
    heading(out, "Agents API v2", "agents.sessions().iterateEvents(\"" + "agt_sandbox" + "\", \"" + agentSession
        + "\", limit 50)", "a generated session, page_key by page_key");
    Map<String, Integer> agentTypes = new TreeMap<>();
    int agentCount = 0;
    for (AgentEvent event : agents.sessions().iterateEvents("agt_sandbox", agentSession,
        dev.sessionkit.agents.EventListParams.builder().limit(50).build())) {
      agentTypes.merge(event.type(), 1, Integer::sum);
      agentCount++;
    }
    out.println("-> " + agentCount + " events over 3 pages: " + agentTypes);

    out.println();
    out.println("== Transcripts: one model across the four vendors (dev.sessionkit.transcript), as each spec declares it");
    heading(out, "Qoder", "Transcripts.of(\"qoder\").session(id).pages(qoder.sessions().iterateEvents(id))",
        "a session, streamed page by page");
    TranscriptCommand.summary(out, Transcripts.of("qoder").session("sess_sandbox_15")
        .pages(qoder.sessions().iterateEvents("sess_sandbox_15")), 3);
    heading(out, "Piper", "Transcripts.of(\"piper\").events(piper.sessions().events(org, session))",
        "runs, with each run's exact cost");
    TranscriptCommand.summary(out, Transcripts.of("piper").events(runs).stream(), 3);
    heading(out, "Pipecat Cloud", "Transcripts.of(\"pipecat\").agent(agent).events(pipecat.sessions().get(agent, session))",
        "start, completion, resource samples");
    TranscriptCommand.summary(out, Transcripts.of("pipecat").agent("my-agent").events(details).stream(), 3);
    heading(out, "Agents API v2", "Transcripts.of(\"agents-v2\").session(session).agent(agent).events(agents.sessions().events(agent, session))",
        "messages, thinking, a tool call and its result");
    TranscriptCommand.summary(out, Transcripts.of("agents-v2").session("ase_customer_support_001")
        .agent("agt_customer_support").events(agentPage).stream(), 5);

    out.println();
    out.println("Next:");
    out.println("  ./sessionkit qoder events " + "sess_sandbox_1000" + " --sandbox --all --format jsonl | head -3");
    out.println("  ./sessionkit pipecat session " + "sandbox-agent" + " " + "00000000-0000-4000-b000-000000000020" + " --sandbox");
    out.println("  ./sessionkit transcript agents-v2 " + "agt_customer_support" + " "
        + "ase_customer_support_001" + " --sandbox                # Markdown; --format jsonl|otlp");
    out.println("  ./sessionkit sandbox      # keep a sandbox running and print its environment for your own code");
    out.println("  ./sessionkit --help");
    return ExitCode.OK;
  }

  private static void heading(PrintStream out, String vendor, String call, String what) {
    out.println();
    out.println("== " + vendor + ": " + what);
    out.println("   " + call);
  }
}
