package dev.sessionkit.cli;

import dev.sessionkit.pipecat.PipecatClient;
import dev.sessionkit.pipecat.ResourceSamples;
import dev.sessionkit.pipecat.model.ResourceMetrics;
import dev.sessionkit.pipecat.model.ResourceSample;
import dev.sessionkit.pipecat.model.SessionDetails;
import java.io.PrintStream;
import java.util.List;
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
    output.single(SessionDetails.class, session, () -> print(output.out, session, Integer.MAX_VALUE));
    return ExitCode.OK;
  }

  /** Writes a session: its facts, its metric percentiles, then up to {@code maxSamples} samples. */
  static void print(PrintStream out, SessionDetails s, int maxSamples) {
    out.println("session " + s.sessionId() + "  deployment " + s.deploymentId());
    out.println("status " + (s.completionStatus() == null ? "-" : s.completionStatus().value()) + "  cold start "
        + (s.coldStart() == null ? "-" : s.coldStart()) + "  bot start " + (s.botStartSeconds() == null ? "-" : s.botStartSeconds() + " s")
        + "  created " + s.createdAt() + "  ended " + (s.endedAt() == null ? "-" : s.endedAt()));
    ResourceMetrics m = s.resourceMetrics();
    if (m == null) {
      out.println("no resource metrics");
      return;
    }
    out.println("cpu millicores  p50 " + m.cpuMillicoresP50() + "  p90 " + m.cpuMillicoresP90() + "  p95 "
        + m.cpuMillicoresP95() + "  p99 " + m.cpuMillicoresP99());
    out.println("memory MiB      p50 " + mib(m.memoryBytesP50()) + "  p90 " + mib(m.memoryBytesP90()) + "  p95 "
        + mib(m.memoryBytesP95()) + "  p99 " + mib(m.memoryBytesP99()) + "   (" + m.sampleCount() + " samples)");
    List<ResourceSample> samples = ResourceSamples.of(s);
    Table table = new Table(out, 22, 14, 14);
    table.row("TIME", "CPU_MILLICORES", "MEMORY_BYTES");
    samples.stream().limit(maxSamples).forEach(x -> table.row(x.time(), x.cpuMillicores(), x.memoryBytes()));
    if (samples.size() > maxSamples) out.println("(+" + (samples.size() - maxSamples) + " more samples)");
  }

  private static long mib(Long bytes) {
    return bytes / (1024 * 1024);
  }
}
