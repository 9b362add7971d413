package dev.sessionkit.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line with this module on its class path (one dependency line, no other change): the
 * vendor is in {@code sessionkit --help}, each of its operations is a command with its help from the
 * spec and runs against the sandbox, and {@code sessionkit drift} checks recordings of it.
 */
class CommandLineTest {
  private record Run(int code, String out, String err) {}

  private static Run sessionkit(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theVendorIsInTheHelpWithItsServicesAndEnvironment() {
    Run top = sessionkit("--help");
    assertEquals(0, top.code(), top.err());
    assertTrue(top.out().contains("\n  inbox "), top.out());
    Run inbox = sessionkit("inbox", "--help");
    assertEquals(0, inbox.code(), inbox.err());
    assertTrue(inbox.out().contains("INBOX_API_KEY"), inbox.out());
    Run retrieve = sessionkit("inbox", "threads", "retrieve", "--help");
    assertEquals(0, retrieve.code(), retrieve.err());
    assertTrue(retrieve.out().contains("Usage: sessionkit inbox threads retrieve"), retrieve.out());
  }

  @Test
  void itsOperationsRunAgainstTheSandbox() {
    Run thread = sessionkit("inbox", "threads", "retrieve", "thread_abc123", "--sandbox", "--format", "json");
    assertEquals(0, thread.code(), thread.err());
    assertTrue(thread.out().contains("\"id\": \"thread_abc123\""), thread.out());
    Run messages = sessionkit("inbox", "threads", "messages", "thread_abc123", "--all", "--sandbox", "--format", "jsonl",
        "--quiet");
    assertEquals(0, messages.code(), messages.err());
    assertTrue(messages.out().startsWith("{\"id\":\"msg_1\""), messages.out());
    Run refused = sessionkit("inbox", "threads", "retrieve", "not-a-thread", "--sandbox");
    assertEquals(2, refused.code(), "the spec's pattern is checked before any request: " + refused.err());
  }

  @Test
  void theDriftCheckReadsItsRecordings(@TempDir Path recorded) throws Exception {
    Path dir = Files.createDirectories(recorded.resolve("retrieveThread"));
    Files.writeString(dir.resolve("extra.json"), "{\"id\":\"thread_1\",\"object\":\"thread\",\"created_at\":"
        + "\"2026-01-02T03:04:05Z\",\"title\":\"t\",\"archived\":true}");
    Run drift = sessionkit("drift", "--vendor", "inbox", recorded.toString());
    assertEquals(1, drift.code(), drift.err() + drift.out());
    assertTrue(drift.out().contains("retrieveThread/extra.json: unknown field $.archived"), drift.out());
  }
}
