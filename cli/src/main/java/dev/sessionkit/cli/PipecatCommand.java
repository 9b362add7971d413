package dev.sessionkit.cli;

import dev.sessionkit.pipecat.PipecatClient;
import dev.sessionkit.pipecat.model.SessionDetails;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sessionkit pipecat ...}: Pipecat Cloud sessions. */
@Command(name = "pipecat", mixinStandardHelpOptions = true, description = "Pipecat Cloud: the details and resource metrics of an agent session.")
final class PipecatCommand {
  @ParentCommand
  SessionkitCommand top;

  @Mixin
  GlobalOptions options;

  @Command(name = "session", mixinStandardHelpOptions = true, description = "A session's timing, completion status, resource metrics and meetings.")
  int session(
      @Mixin GlobalOptions global,
      @Parameters(index = "0", paramLabel = "AGENT", description = "The agent name.") String agent,
      @Parameters(index = "1", paramLabel = "SESSION_ID", description = "The session id (a UUID).") String sessionId) {
    PipecatClient client = top.pipecat();
    SessionDetails session = client.sessions().get(agent, sessionId);
    Output output = top.output();
    output.response(SessionDetails.class, session, java.util.Optional.empty());
    return ExitCode.OK;
  }
}
