package dev.sessionkit.cli;

import dev.sessionkit.qoder.EventListParams;
import dev.sessionkit.qoder.QoderClient;
import dev.sessionkit.qoder.model.SessionEvent;
import dev.sessionkit.qoder.model.SessionEventList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sessionkit qoder ...}: Qoder Cloud Agents. */
@Command(name = "qoder", mixinStandardHelpOptions = true, description = "Qoder Cloud Agents: the events of a session (cursor pages).",
    subcommandsRepeatable = false)
final class QoderCommand {
  @ParentCommand
  SessionkitCommand top;

  @Mixin
  GlobalOptions options;

  @Command(name = "events", mixinStandardHelpOptions = true, description = {
      "One page of a session's events, oldest first; with --all every page, streamed.",
      "With --before the pages go back in time and --all writes the events newest first."})
  int events(
      @Mixin GlobalOptions global,
      @Parameters(paramLabel = "SESSION_ID", description = "The session id (sess_...).") String sessionId,
      @Option(names = "--after", paramLabel = "EVENT_ID", description = "Start after this event (after_id).") String after,
      @Option(names = "--before", paramLabel = "EVENT_ID", description = "Start before this event (before_id).") String before,
      @Option(names = "--limit", paramLabel = "N", description = "Events per page, 1-100 (default 20; 100 with --all).") Integer limit,
      @Option(names = "--all", description = "Every page from the cursor on, streamed; progress on stderr.") boolean all) {
    if (after != null && before != null) throw new CliFailure(ExitCode.USAGE, "--after and --before are mutually exclusive");
    QoderClient client = top.qoder();
    EventListParams params = EventListParams.builder()
        .limit(limit != null ? limit : all ? Integer.valueOf(100) : null)
        .afterId(after)
        .beforeId(before)
        .build();
    Output output = top.output();
    if (all) {
      Output.Items writer = output.items(SessionEvent.class);
      Progress progress = new Progress(top.err, top.progressLabel("qoder", sessionId), "events", !top.quiet);
      for (SessionEvent event : client.sessions().iterateEvents(sessionId, params)) {
        progress.tick();
        if (!writer.write(event)) break;
      }
      writer.finish();
      progress.done();
      return ExitCode.OK;
    }
    SessionEventList page = client.sessions().events(sessionId, params);
    output.response(SessionEventList.class, page, java.util.Optional.of(SessionEvent.class));
    return ExitCode.OK;
  }
}
