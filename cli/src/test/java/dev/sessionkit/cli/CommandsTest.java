package dev.sessionkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandsTest {
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(String json) throws IOException {
    return (Map<String, Object>) JSON.fromJson(json);
  }

  @Test
  void qoderEventsWritesOneWireJsonEventPerLine() throws IOException {
    Cli cli = Cli.run("qoder", "events", "sess_sandbox_40", "--limit", "5", "--sandbox");
    assertEquals(0, cli.code(), cli.err());
    assertEquals(5, cli.outLines().size());
    Map<String, Object> first = object(cli.outLines().get(0));
    assertEquals("user.message", first.get("type"));
    assertEquals("sess_sandbox_40", first.get("session_id"));
    assertTrue(cli.outLines().get(0).startsWith("{\"id\":\"evt_"), "the wire names, not Java's");
    assertEquals("", cli.err(), "no progress without --all");
  }

  @Test
  void globalOptionsWorkBeforeTheSubcommandToo() {
    Cli cli = Cli.run("--sandbox", "--format", "jsonl", "qoder", "events", "sess_sandbox_3");
    assertEquals(0, cli.code(), cli.err());
    assertEquals(3, cli.outLines().size());
  }

  @Test
  void allStreamsEveryPageForwardAndReportsProgress() throws IOException {
    Cli cli = Cli.run("qoder", "events", "sess_sandbox_250", "--all", "--sandbox");
    assertEquals(0, cli.code(), cli.err());
    assertEquals(250, cli.outLines().size());
    assertEquals("agent.message", object(cli.outLines().get(249)).get("type"), "the 250th event of the scenario's six-event turns");
    assertEquals(1, cli.errLines().size());
    assertTrue(cli.err().startsWith("sessionkit: qoder sess_sandbox_250: 250 events in "), cli.err());
  }

  @Test
  void allWithBeforeGoesBackInTimeNewestFirst() throws IOException {
    Cli page = Cli.run("qoder", "events", "sess_sandbox_30", "--limit", "30", "--sandbox");
    String newest = (String) object(page.outLines().get(29)).get("id");
    Cli back = Cli.run("qoder", "events", "sess_sandbox_30", "--before", newest, "--limit", "7", "--all",
        "--quiet", "--sandbox");
    assertEquals(0, back.code(), back.err());
    assertEquals(29, back.outLines().size());
    assertEquals(object(page.outLines().get(28)), object(back.outLines().get(0)));
    assertEquals(object(page.outLines().get(0)), object(back.outLines().get(28)));
    assertEquals("", back.err());
  }

  @Test
  void jsonIsThePageOrAStreamedArrayWithAll() throws IOException {
    Cli page = Cli.run("qoder", "events", "sess_019e392c0d1e74e095d21ea4c6b41def", "--format", "json", "--sandbox");
    Map<String, Object> body = object(page.out());
    assertEquals("evt_771c1195bcbd4a07834d4ed4dd6450ca", body.get("last_id"));
    assertEquals(true, body.get("has_more"));
    Cli all = Cli.run("agents-v2", "events", "agt_sandbox", "ase_sandbox_230", "--all", "--format",
        "json", "--sandbox");
    assertEquals(0, all.code(), all.err());
    assertEquals(230, ((List<?>) JSON.fromJson(all.out())).size());
    Cli empty = Cli.run("agents-v2", "events", "agt_sandbox", "ase_sandbox_0", "--all", "--format",
        "json", "--sandbox", "-q");
    assertEquals("[]", empty.out().strip());
  }

  @Test
  void aTerminalGetsATableWithThePageFieldsBelow() {
    Cli cli = Cli.run(Map.of(), true, "qoder", "events", "sess_sandbox_40", "--limit", "2", "--sandbox");
    assertEquals(0, cli.code(), cli.err());
    assertTrue(cli.outLines().get(0).startsWith("(every row: session_id sess_sandbox_40 "), cli.out());
    assertTrue(cli.outLines().get(1).startsWith("ID "), cli.out());
    assertTrue(cli.outLines().get(2).contains("user.message"));
    assertTrue(cli.outLines().get(4).startsWith("(first_id evt_0000000000000000"), cli.out());
    assertTrue(cli.outLines().get(4).endsWith(", has_more true; --all reads every page)"), cli.out());
  }

  @Test
  void theFieldsOfAUnionsVariantsShareTheLastColumnOfATable() {
    Cli cli = Cli.run(Map.of(), true, "agents-v2", "events", "agt_sandbox", "ase_sandbox_5", "--sandbox");
    assertEquals(0, cli.code(), cli.err());
    assertEquals("ID                       TYPE           CREATED_AT            DETAILS", cli.outLines().get(1));
    assertTrue(cli.outLines().get(4).matches("aev_\\w+  tool_input     \\S+Z  tool_call_id: call_\\w+; tool_configuration_name: .*"),
        cli.outLines().get(4));
  }

  @Test
  void agentsPagesWithPageKeys() throws IOException {
    Cli first = Cli.run(Map.of(), true, "agents-v2", "events", "agt_sandbox", "ase_sandbox_30",
        "--limit", "20", "--sandbox");
    String more = first.outLines().get(first.outLines().size() - 1);
    assertTrue(more.startsWith("(metadata.page_key "), first.out());
    String key = more.substring("(metadata.page_key ".length(), more.indexOf(','));
    Cli rest = Cli.run("agents-v2", "events", "agt_sandbox", "ase_sandbox_30", "--page-key", key,
        "--sandbox");
    assertEquals(10, rest.outLines().size());
    assertTrue(((String) object(rest.outLines().get(0)).get("id")).startsWith("aev_0000000020_"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void piperEventsTakesTheOrgFromTheEnvironmentWhenLeftOut() throws IOException {
    Cli cli = Cli.run("piper", "events", "00000000-0000-4000-a000-000000000009", "--sandbox");
    assertEquals(0, cli.code(), cli.err());
    assertEquals(1, cli.outLines().size(), "the response on one line");
    List<Map<String, Object>> runs = (List<Map<String, Object>>) object(cli.out()).get("runs");
    assertEquals(9, runs.stream().mapToInt(run -> ((List<?>) run.get("events")).size()).sum());
  }

  @Test
  void piperScenarioAsJsonIsTheScenarioRun() throws IOException {
    Cli cli = Cli.run("piper", "scenario", "3c90c3cc-0d44-4b50-8888-8dd25736052a", "3c90c3cc-0d44-4b50-8888-8dd25736052a", "-f", "json", "--sandbox");
    assertEquals(0, cli.code(), cli.err());
    Map<String, Object> run = object(cli.out());
    assertEquals("pending", run.get("status"));
    assertEquals("<string>", run.get("scenario_name"));
  }

  @Test
  void pipecatSessionAsATableShowsItsMetrics() {
    Cli cli = Cli.run("pipecat", "session", "sandbox-agent", "00000000-0000-4000-b000-000000000030", "-f", "table",
        "--sandbox");
    assertEquals(0, cli.code(), cli.err());
    assertTrue(cli.out().contains("resourceMetrics.sampleCount       30"), cli.out());
    assertTrue(cli.out().contains("resourceMetrics.timeseries (30):"), cli.out());
    assertEquals(30, cli.outLines().stream().filter(l -> l.matches("  \\d{10}\\s+\\d+\\s+\\d+")).count(), cli.out());
  }

  @Test
  void helpListsTheCommandsAndTheExitCodes() {
    Cli cli = Cli.run("--help");
    assertEquals(0, cli.code());
    for (String word : List.of("qoder", "piper", "pipecat", "agents-v2", "demo", "sandbox", "Exit codes:",
        "7   network error")) {
      assertTrue(cli.out().contains(word), word + " in\n" + cli.out());
    }
  }
}
