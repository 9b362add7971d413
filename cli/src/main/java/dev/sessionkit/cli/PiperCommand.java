package dev.sessionkit.cli;

import dev.sessionkit.piper.PiperClient;
import dev.sessionkit.piper.model.ScenarioRunDetail;
import dev.sessionkit.piper.model.SessionEventsResponse;
import java.util.List;
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
    top.output().response(SessionEventsResponse.class, response, java.util.Optional.empty());
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
    top.output().response(ScenarioRunDetail.class, run, java.util.Optional.empty());
    return ExitCode.OK;
  }

  private static String orgRequired(PiperClient client) {
    return client.defaultOrgId().orElseThrow(() -> new CliFailure(ExitCode.USAGE,
        "no ORG_ID: give it before SESSION_ID, or set PIPER_ORG_ID"));
  }
}
