package dev.sessionkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.vendor.Arguments;
import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.core.vendor.VendorDescriptor;
import dev.sessionkit.sandbox.Sandbox;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code sessionkit run VENDOR MESSAGE --sandbox}: one live session per vendor, as its spec's lifecycle runs it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunCommandTest {
  private static int indexOf(List<String> lines, String start, int from) {
    for (int i = from; i < lines.size(); i++) if (lines.get(i).strip().matches("\\d+\\.\\ds\\s+" + start + ".*")) return i;
    return -1;
  }

  @Test
  void qoderRunPrintsTheReplyAsItStreamsThenTheUsage() {
    Cli cli = Cli.run("run", "qoder", "hello", "--sandbox", "--sandbox-pace", "0");
    assertEquals(0, cli.code(), cli.err());
    List<String> lines = cli.outLines();
    assertTrue(lines.get(0).startsWith("* session sess_") && lines.get(0).endsWith("created (createSession)"), lines.get(0));
    assertEquals("* sent: hello (sendEvents)", lines.get(1));
    int at = 0;
    for (String expected : List.of("user\\s+hello", "status\\s+running", "thinking", "tool call\\s+Grep", "tool result",
        "agent\\s+Here is a summary", "status\\s+idle \\(end_turn\\) \\[626 in / 1944 out tokens\\]")) {
      int found = indexOf(lines, expected, at);
      assertTrue(found >= at, expected + " after line " + at + " in\n" + cli.out());
      at = found + 1;
    }
    assertTrue(lines.contains("* the turn ended: 9 events in " + lines.stream().filter(l -> l.startsWith("* the turn ended"))
        .findFirst().orElseThrow().substring("* the turn ended: 9 events in ".length())), cli.out());
    assertTrue(lines.contains("usage: 626 input tokens, 1944 output tokens"), cli.out());
    assertTrue(lines.get(lines.size() - 1).matches("\\* session sess_\\w+ ended \\(deleteSession\\)"), cli.out());
    assertEquals("", cli.err(), "no spinner off a terminal, nothing else on stderr");
  }

  @Test
  void jsonlIsOneEventPerLineAndNothingElseOnStdout() {
    Cli cli = Cli.run("run", "qoder", "hello", "--sandbox", "--sandbox-pace", "0", "--format", "jsonl");
    assertEquals(0, cli.code(), cli.err());
    List<String> types = new ArrayList<>();
    for (String line : cli.outLines()) {
      Object tree = Json.parse(line);
      types.add(String.valueOf(((Map<?, ?>) tree).get("type")));
    }
    assertEquals(List.of("user.message", "session.status_running", "span.model_request_start", "agent.thinking",
        "agent.tool_use", "agent.tool_result", "agent.message", "span.model_request_end", "session.status_idle"), types);
    assertTrue(cli.err().contains("usage: 626 input tokens, 1944 output tokens"), "the steps and the usage go to stderr: " + cli.err());
    assertFalse(cli.err().contains("\r"), "no spinner off a terminal");
  }

  @Test
  void theJsonLinesAreTheSessionsHistoryAfterwards() {
    VendorDescriptor qoder = VendorDescriptor.find("qoder").orElseThrow();
    try (Sandbox sandbox = Sandbox.start()) {
      Object client = qoder.newClient(sandbox.environment(), builder -> {});
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PrintStream info = new PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
      SessionRun.Result result = new SessionRun(qoder, client, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
          info, true, Spinner.NONE, false).run("hello");
      List<Object> streamed = out.toString(StandardCharsets.UTF_8).lines().map(Json::parse).toList();

      OperationDescriptor history = qoder.operation(qoder.transcript().orElseThrow().history()).orElseThrow();
      List<Object> stored = new ArrayList<>();
      for (Object event : history.iterate(client, Arguments.builder().put("session_id", result.sessionId()).build())) {
        stored.add(Json.tree(history.itemType().orElseThrow(), event));
      }
      assertEquals(stored, streamed, "each streamed line is the history's event, in order");
    }
  }

  @Test
  void everyVendorRunsOrSaysWhyNot() {
    for (VendorDescriptor vendor : VendorDescriptor.installed()) {
      Cli cli = Cli.run("run", vendor.id(), "hello", "--sandbox", "--sandbox-pace", "0");
      if (SessionRun.sends(vendor)) {
        assertEquals(0, cli.code(), vendor.id() + ": " + cli.err());
        assertTrue(cli.outLines().stream().anyMatch(line -> line.startsWith("* the turn ended: ")), vendor.id() + ": " + cli.out());
        assertTrue(cli.outLines().stream().anyMatch(line -> line.startsWith("usage: ")), vendor.id() + ": " + cli.out());
        assertTrue(cli.out().contains("hello"), vendor.id() + " sends the message: " + cli.out());
      } else {
        assertEquals(ExitCode.USAGE, cli.code(), vendor.id() + ": " + cli.out());
        assertTrue(cli.err().contains("declares no operation that sends a session a message"), cli.err());
        assertEquals("", cli.out());
      }
    }
  }

  @Test
  void theSpinnerShowsOnlyOnATerminal() {
    Cli terminal = Cli.run(Map.of(), true, "run", "qoder", "hello", "--sandbox", "--sandbox-pace", "0.2");
    assertEquals(0, terminal.code(), terminal.err());
    assertTrue(terminal.err().contains("\r") && terminal.err().contains("is working"), terminal.err());
    assertFalse(terminal.out().contains("\r"), "the spinner is on stderr only");

    Cli quiet = Cli.run(Map.of(), true, "run", "qoder", "hello", "--sandbox", "--sandbox-pace", "0.2", "--quiet");
    assertEquals("", quiet.err());
    Cli piped = Cli.run(Map.of(), false, "run", "qoder", "hello", "--sandbox", "--sandbox-pace", "0.2");
    assertEquals("", piped.err());
  }

  @Test
  void overridesAndMistakesAreUsageErrors() {
    assertEquals(ExitCode.USAGE, Cli.run("run", "nobody", "hello", "--sandbox").code());
    assertEquals(ExitCode.USAGE, Cli.run("run", "qoder", "hello", "--sandbox", "--with", "no-equals").code());
    assertEquals(ExitCode.USAGE, Cli.run("run", "qoder", "hello", "--sandbox", "--format", "json").code());
    Cli titled = Cli.run("run", "qoder", "hello", "--sandbox", "--sandbox-pace", "0", "--with", "/title=mine", "--keep");
    assertEquals(0, titled.code(), titled.err());
    assertFalse(titled.out().contains("ended (deleteSession)"), "--keep leaves the session: " + titled.out());
  }

  @Test
  void theDemosLiveSessionsAreShort() {
    SessionkitCommand top = new SessionkitCommand();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    top.out = new PrintStream(out, true, StandardCharsets.UTF_8);
    top.err = new PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    top.vendors = VendorDescriptor.installed();
    long start = System.nanoTime();
    LiveDemo.run(top);
    double seconds = (System.nanoTime() - start) / 1e9;
    String text = out.toString(StandardCharsets.UTF_8);
    for (VendorDescriptor vendor : top.vendors) assertTrue(text.contains("== " + vendor.label() + ": a "), text);
    assertTrue(seconds < 10, "the live sessions take " + seconds + " s");
    assertTrue(text.lines().filter(line -> line.startsWith("* the turn ended")).count() >= 3, text);
  }
}
