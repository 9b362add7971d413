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
  void demoPrintsWhatEachOfTheFourSdksReturned() {
    Cli demo = Cli.run("demo");
    assertEquals(0, demo.code(), demo.err());
    assertTrue(demo.out().contains("== Qoder: the documented example page"));
    assertTrue(demo.out().contains("evt_019e392c0d787cfaa21bda98e06cd913  user.message"));
    assertTrue(demo.out().contains("-> 250 events over 3 pages"));
    assertTrue(demo.out().contains("== Piper: a scenario result"));
    assertTrue(demo.out().contains("status passed"));
    assertTrue(demo.out().contains("== Pipecat Cloud: a session's metrics"));
    assertTrue(demo.out().contains("cpu millicores  p50 150  p90 280  p95 320  p99 450"));
    assertTrue(demo.out().contains("aev_tool_output_001                   tool_output"));
    assertTrue(demo.out().contains("-> 120 events over 3 pages"));
    assertTrue(demo.out().contains("== Transcripts: one model across the four vendors"));
    assertTrue(demo.out().contains("   tool_call: knowledge_base_search {"), demo.out());
    assertTrue(demo.out().contains("-> Agents API v2 (Vectara) ase_customer_support_001: 5 entries"), demo.out());
    assertTrue(demo.out().contains("2 resource samples"), demo.out());
    assertEquals("", demo.err());
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
  void aTerminalGetsATableWithTheNextCursor() {
    Cli cli = Cli.run(Map.of(), true, "qoder", "events", "sess_sandbox_40", "--limit", "2", "--sandbox");
    assertEquals(0, cli.code(), cli.err());
    assertTrue(cli.outLines().get(0).startsWith("ID "), cli.out());
    assertTrue(cli.outLines().get(1).contains("user.message"));
    assertTrue(cli.outLines().get(3).startsWith("(more: --after evt_0000000000000001"), cli.out());
  }

  @Test
  void tableSummariesShowToolPayloadsAsTheWireWroteThem() {
    Cli cli = Cli.run(Map.of(), true, "agents-v2", "events", "agt_sandbox", "ase_sandbox_5", "--sandbox");
    assertEquals(0, cli.code(), cli.err());
    String toolInput = cli.outLines().get(3);
    assertTrue(toolInput.matches(".*tool_input .*corpora_search \\{\"query\":\"[^\"]+\",\"max_results\":\\d+}"), toolInput);
  }

  @Test
  void agentsPagesWithPageKeys() throws IOException {
    Cli first = Cli.run(Map.of(), true, "agents-v2", "events", "agt_sandbox", "ase_sandbox_30",
        "--limit", "20", "--sandbox");
    String more = first.outLines().get(first.outLines().size() - 1);
    assertTrue(more.startsWith("(more: --page-key "), first.out());
    String key = more.substring("(more: --page-key ".length(), more.indexOf(','));
    Cli rest = Cli.run("agents-v2", "events", "agt_sandbox", "ase_sandbox_30", "--page-key", key,
        "--sandbox");
    assertEquals(10, rest.outLines().size());
    assertTrue(((String) object(rest.outLines().get(0)).get("id")).startsWith("aev_0000000020_"));
  }

  @Test
  void piperEventsTakesTheOrgFromTheEnvironmentWhenLeftOut() throws IOException {
    Cli cli = Cli.run("piper", "events", "00000000-0000-4000-a000-000000000009", "--sandbox");
    assertEquals(0, cli.code(), cli.err());
    assertEquals(9, cli.outLines().size());
    assertEquals("user_message", object(cli.outLines().get(0)).get("event_type"));
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
    assertTrue(cli.out().contains("(30 samples)"), cli.out());
    assertEquals(30, cli.outLines().stream().filter(l -> l.matches("20\\d\\d-.*Z\\s+\\d+\\s+\\d+")).count());
  }

  @Test
  void helpListsTheCommandsAndTheExitCodes() {
    Cli cli = Cli.run("--help");
    assertEquals(0, cli.code());
    for (String word : List.of("qoder", "piper", "pipecat", "agents-v2", "demo", "sandbox", "Exit codes:",
        "7   network error", "QODER_PAT")) {
      assertTrue(cli.out().contains(word), word + " in\n" + cli.out());
    }
  }
}
