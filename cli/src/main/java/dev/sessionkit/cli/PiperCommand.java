package dev.sessionkit.cli;

import dev.sessionkit.piper.PiperClient;
import dev.sessionkit.piper.RunEventsView;
import dev.sessionkit.piper.model.EventResponse;
import dev.sessionkit.piper.model.RunResponse;
import dev.sessionkit.piper.model.ScenarioRunDetail;
import dev.sessionkit.piper.model.SessionEventsResponse;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sessionkit piper ...}: Piper sessions and scenario runs. */
@Command(name = "piper", mixinStandardHelpOptions = true, description = "Piper: a session's runs and events; the scenario run of a session.")
final class PiperCommand {
  @ParentCommand
  SessionkitCommand top;

  @Mixin
  GlobalOptions options;

  @Command(name = "events", mixinStandardHelpOptions = true, description = {
      "A session's runs, each with its events and totals (not paginated).",
      "ORG_ID may be left out when PIPER_ORG_ID is set (or with --sandbox)."})
  int events(
      @Mixin GlobalOptions global,
      @Parameters(arity = "1..2", paramLabel = "[ORG_ID] SESSION_ID", description = "The organization and session ids (UUIDs).") List<String> ids) {
    PiperClient client = top.piper();
    SessionEventsResponse response = ids.size() == 2
        ? client.sessions().events(ids.get(0), ids.get(1))
        : client.sessions().events(orgRequired(client), ids.get(0));
    Output output = top.output();
    if (output.format == Format.json) {
      output.out.println(Output.pretty(SessionEventsResponse.class, response));
      return ExitCode.OK;
    }
    if (output.format == Format.table) {
      printRuns(output.out, response);
      return ExitCode.OK;
    }
    for (EventResponse event : RunEventsView.of(response)) output.out.println(Output.compact(EventResponse.class, event));
    return ExitCode.OK;
  }

  @Command(name = "scenario", mixinStandardHelpOptions = true, description = "The scenario run of a session, with its turn and criteria results.")
  int scenario(
      @Mixin GlobalOptions global,
      @Parameters(arity = "1..2", paramLabel = "[ORG_ID] SESSION_ID", description = "The organization and session ids (UUIDs).") List<String> ids) {
    PiperClient client = top.piper();
    ScenarioRunDetail run = ids.size() == 2
        ? client.scenarioRuns().bySession(ids.get(0), ids.get(1))
        : client.scenarioRuns().bySession(orgRequired(client), ids.get(0));
    Output output = top.output();
    output.single(ScenarioRunDetail.class, run, () -> printScenario(output.out, run));
    return ExitCode.OK;
  }

  private static String orgRequired(PiperClient client) {
    return client.defaultOrgId().orElseThrow(() -> new CliFailure(ExitCode.USAGE,
        "no ORG_ID: give it before SESSION_ID, or set PIPER_ORG_ID"));
  }

  /** Writes a session's runs: a line per run, then its events. */
  static void printRuns(PrintStream out, SessionEventsResponse response) {
    out.println("session " + response.session().sessionId() + "  agent " + response.session().agentId()
        + "  " + response.runs().size() + " runs");
    Table table = new Table(out, 36, 14, 30, 60);
    for (RunResponse run : response.runs()) {
      out.println();
      out.println("run " + run.id() + "  model " + (run.modelName() == null ? "-" : run.modelName()) + "  "
          + run.totalRequests() + " requests  " + run.totalInputTokens() + " in / " + run.totalOutputTokens()
          + " out tokens  $" + run.totalCostUsd().toPlainString());
      table.row("EVENT", "TYPE", "CREATED_AT", "CONTENT");
      for (EventResponse event : run.events()) {
        Map<String, Object> e = Output.tree(EventResponse.class, event);
        table.row(e.get("id"), e.get("event_type"), e.get("created_at"),
            e.get("content") != null ? e.get("content") : e.get("tool_name"));
      }
    }
  }

  /** Writes a scenario run: its status, then a row per turn. */
  static void printScenario(PrintStream out, ScenarioRunDetail run) {
    out.println("scenario " + run.scenarioName() + "  (" + run.scenarioId() + ")");
    out.println("status " + run.status().value() + "  started " + orDash(run.startedAt()) + "  completed "
        + orDash(run.completedAt()));
    Table table = new Table(out, 5, 7, 13, 10, 60);
    table.row("TURN", "PASSED", "STOPPED_EARLY", "CRITERIA", "RESPONSE");
    run.turnResults().forEach(turn -> {
      long passed = turn.criteriaResults().stream().filter(c -> "PASS".equals(c.verdict().value())).count();
      table.row(turn.turnIndex(), turn.passed(), turn.stoppedEarly(), passed + "/" + turn.criteriaResults().size() + " PASS",
          turn.responseContent());
    });
    if (run.turnResults().isEmpty()) out.println("(no turn results yet)");
  }

  private static String orDash(Object value) {
    return value == null ? "-" : value.toString();
  }
}
