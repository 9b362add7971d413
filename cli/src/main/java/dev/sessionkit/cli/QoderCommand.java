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
    Output.EventWriter<SessionEvent> writer = output.events(SessionEvent.class,
        new Table(output.out, Rows.EVENT_WIDTHS), Rows.EVENT_HEADER, Rows::event);
    if (all) {
      Progress progress = new Progress(top.err, top.progressLabel("qoder", sessionId), !top.quiet);
      for (SessionEvent event : client.sessions().iterateEvents(sessionId, params)) {
        progress.tick();
        if (!writer.write(event)) break;
      }
      writer.finish();
      progress.done();
      return ExitCode.OK;
    }
    SessionEventList page = client.sessions().events(sessionId, params);
    if (output.format == Format.json) {
      output.out.println(Output.pretty(SessionEventList.class, page));
      return ExitCode.OK;
    }
    for (SessionEvent event : page.data()) writer.write(event);
    writer.finish();
    if (output.format == Format.table && Boolean.TRUE.equals(page.hasMore())) {
      String next = before != null ? "--before " + page.firstId() : "--after " + page.lastId();
      output.out.println("(more: " + next + ", or --all)");
    }
    return ExitCode.OK;
  }
}
