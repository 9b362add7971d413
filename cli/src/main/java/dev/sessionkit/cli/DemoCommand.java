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
import dev.sessionkit.sandbox.SessionIds;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code sessionkit demo}: starts the sandbox and calls each SDK the way the README shows, printing
 * what each call returned.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Start the embedded sandbox and walk through all four SDKs: no account, no network.")
final class DemoCommand implements java.util.concurrent.Callable<Integer> {
  @ParentCommand
  SessionkitCommand top;

  @Override
  public Integer call() {
    top.sandbox = true;
    Sandbox sandbox = top.sandbox();
    PrintStream out = top.out;
    out.println("sessionkit demo: the four SDKs against the embedded sandbox at http://127.0.0.1:" + sandbox.port()
        + " (seed " + sandbox.seed() + "); no account, no network.");
    out.println("Each client is built the way your code would: XClient.builder().fromEnv(env).build(), with the");
    out.println("sandbox's env (" + String.join(", ", sandbox.environment().keySet()) + ").");

    QoderClient qoder = top.client("qoder", QoderClient.class);
    heading(out, "Qoder", "qoder.sessions().events(\"" + SessionIds.QODER_DOCUMENTED_SESSION
        + "\", EventListParams.builder().limit(5).build())", "the documented example page");
    SessionEventList page = qoder.sessions().events(SessionIds.QODER_DOCUMENTED_SESSION,
        EventListParams.builder().limit(5).build());
    Output table = new Output(out, Format.table);
    table.response(SessionEventList.class, page, Optional.of(SessionEvent.class));
    out.println("-> SessionEventList: " + page.data().size() + " events, first_id " + page.firstId() + ", has_more "
        + page.hasMore());
    String generated = SessionIds.qoderSession(250);
    heading(out, "Qoder", "qoder.sessions().iterateEvents(\"" + generated + "\", limit 100)",
        "a generated session, fetched page by page (after_id = each page's last_id)");
    Map<String, Integer> types = new TreeMap<>();
    int count = 0;
    for (SessionEvent event : qoder.sessions().iterateEvents(generated, EventListParams.builder().limit(100).build())) {
      types.merge(event.type(), 1, Integer::sum);
      count++;
    }
    out.println("-> " + count + " events over 3 pages: " + types);

    PiperClient piper = top.client("piper", PiperClient.class);
    heading(out, "Piper", "piper.sessions().events(\"" + SessionIds.PIPER_ORG + "\", \"" + SessionIds.piperSession(6) + "\")",
        "a session's runs and their events");
    SessionEventsResponse runs = piper.sessions().events(SessionIds.PIPER_ORG, SessionIds.piperSession(6));
    table.response(SessionEventsResponse.class, runs, Optional.empty());
    heading(out, "Piper", "piper.scenarioRuns().bySession(\"" + SessionIds.PIPER_ORG + "\", \"" + SessionIds.piperSession(12) + "\")",
        "a scenario result");
    ScenarioRunDetail scenario = piper.scenarioRuns().bySession(SessionIds.PIPER_ORG, SessionIds.piperSession(12));
    table.response(ScenarioRunDetail.class, scenario, Optional.empty());

    PipecatClient pipecat = top.client("pipecat", PipecatClient.class);
    heading(out, "Pipecat Cloud", "pipecat.sessions().get(\"" + SessionIds.PIPECAT_DOCUMENTED_AGENT + "\", \""
        + SessionIds.PIPECAT_DOCUMENTED_SESSION + "\")", "a session's metrics (the documented example)");
    SessionDetails details = pipecat.sessions().get(SessionIds.PIPECAT_DOCUMENTED_AGENT, SessionIds.PIPECAT_DOCUMENTED_SESSION);
    table.response(SessionDetails.class, details, Optional.empty());

    AgentsClient agents = top.client("agents-v2", AgentsClient.class);
    heading(out, "Agents API v2", "agents.sessions().events(\"" + SessionIds.AGENTS_DOCUMENTED_AGENT + "\", \""
        + SessionIds.AGENTS_DOCUMENTED_SESSION + "\")", "the documented example page");
    ListAgentEventsResponse agentPage = agents.sessions().events(SessionIds.AGENTS_DOCUMENTED_AGENT,
        SessionIds.AGENTS_DOCUMENTED_SESSION);
    table.response(ListAgentEventsResponse.class, agentPage, Optional.of(AgentEvent.class));
    out.println("-> ListAgentEventsResponse: " + agentPage.events().size() + " events, next page_key "
        + SessionsService.nextPageKey(agentPage).orElse("(none)"));
    String agentSession = SessionIds.agentsSession(120);
    heading(out, "Agents API v2", "agents.sessions().iterateEvents(\"" + SessionIds.AGENTS_AGENT + "\", \"" + agentSession
        + "\", limit 50)", "a generated session, page_key by page_key");
    Map<String, Integer> agentTypes = new TreeMap<>();
    int agentCount = 0;
    for (AgentEvent event : agents.sessions().iterateEvents(SessionIds.AGENTS_AGENT, agentSession,
        dev.sessionkit.agents.EventListParams.builder().limit(50).build())) {
      agentTypes.merge(event.type(), 1, Integer::sum);
      agentCount++;
    }
    out.println("-> " + agentCount + " events over 3 pages: " + agentTypes);

    out.println();
    out.println("== Transcripts: one model across the four vendors (dev.sessionkit.transcript)");
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
    out.println("  ./sessionkit qoder events " + SessionIds.qoderSession(1000) + " --sandbox --all --format jsonl | head -3");
    out.println("  ./sessionkit pipecat session " + SessionIds.PIPECAT_AGENT + " " + SessionIds.pipecatSession(20) + " --sandbox");
    out.println("  ./sessionkit transcript agents-v2 " + SessionIds.AGENTS_DOCUMENTED_AGENT + " "
        + SessionIds.AGENTS_DOCUMENTED_SESSION + " --sandbox                # Markdown; --format jsonl|otlp");
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
