package dev.sessionkit.cli;

import dev.sessionkit.agents.AgentsClient;
import dev.sessionkit.agents.EventListParams;
import dev.sessionkit.agents.model.AgentEvent;
import dev.sessionkit.agents.model.ListAgentEventsResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sessionkit agents-v2 ...}: the Agents API v2. */
@Command(name = "agents-v2", mixinStandardHelpOptions = true, description = "Agents API v2: the events of an agent session (page_key pages).")
final class AgentsV2Command {
  @ParentCommand
  SessionkitCommand top;

  @Mixin
  GlobalOptions options;

  @Command(name = "events", mixinStandardHelpOptions = true, description = "One page of an agent session's events, in order; with --all every page, streamed.")
  int events(
      @Mixin GlobalOptions global,
      @Parameters(index = "0", paramLabel = "AGENT_KEY", description = "The agent key (agt_...).") String agentKey,
      @Parameters(index = "1", paramLabel = "SESSION_KEY", description = "The session key (ase_...).") String sessionKey,
      @Option(names = "--page-key", paramLabel = "KEY", description = "Start at this page (page_key).") String pageKey,
      @Option(names = "--limit", paramLabel = "N", description = "Events per page, 1-100 (default 20; 100 with --all).") Integer limit,
      @Option(names = "--all", description = "Every page from the page key on, streamed; progress on stderr.") boolean all) {
    AgentsClient client = top.agents();
    EventListParams params = EventListParams.builder()
        .limit(limit != null ? limit : all ? Integer.valueOf(100) : null)
        .pageKey(pageKey)
        .build();
    Output output = top.output();
    if (all) {
      Output.Items writer = output.items(AgentEvent.class);
      Progress progress = new Progress(top.err, top.progressLabel("agents-v2", sessionKey), "events", !top.quiet);
      for (AgentEvent event : client.sessions().iterateEvents(agentKey, sessionKey, params)) {
        progress.tick();
        if (!writer.write(event)) break;
      }
      writer.finish();
      progress.done();
      return ExitCode.OK;
    }
    ListAgentEventsResponse page = client.sessions().events(agentKey, sessionKey, params);
    output.response(ListAgentEventsResponse.class, page, java.util.Optional.of(AgentEvent.class));
    return ExitCode.OK;
  }
}
