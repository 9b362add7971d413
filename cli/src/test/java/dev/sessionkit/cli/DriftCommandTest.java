package dev.sessionkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sessionkit drift}: the contract tests' drift check, for the vendors on the class path. */
class DriftCommandTest {
  /** A Qoder page as the spec describes it, but for one field the spec does not name. */
  private static final String PAGE_WITH_AN_UNKNOWN_FIELD = """
      {"data": [{"id": "evt_1", "type": "user.message", "session_id": "sess_1", "created_at": "2026-05-18T03:40:48Z",
                 "content": "Hello", "retry_count": 2}],
       "first_id": "evt_1", "last_id": "evt_1", "has_more": false}
      """;

  private static void record(Path dir, String operationId, String file, String json) throws IOException {
    Files.createDirectories(dir.resolve(operationId));
    Files.writeString(dir.resolve(operationId).resolve(file), json, StandardCharsets.UTF_8);
  }

  @Test
  void driftIsReportedWithItsJsonPathAndExitStatus1(@TempDir Path dir) throws IOException {
    record(dir, "listSessionEvents", "page-1.json", PAGE_WITH_AN_UNKNOWN_FIELD);
    Cli cli = Cli.run("drift", "--vendor", "qoder", dir.toString());
    assertEquals(1, cli.code(), cli.err());
    assertEquals(List.of("sessionkit drift check: 1 recorded response, 1 finding",
        "listSessionEvents/page-1.json: unknown field $.data[0].retry_count: retry_count"), cli.outLines());
    assertEquals("", cli.err());
  }

  @Test
  void everyVendorOnTheClassPathIsCheckedByDefault(@TempDir Path dir) throws IOException {
    record(dir, "listSessionEvents", "page-1.json", PAGE_WITH_AN_UNKNOWN_FIELD.replace(", \"retry_count\": 2", ""));
    record(dir, "getScenarioRunBySession", "run.json", "{\"id\": \"r\", \"scenario_id\": \"s\", \"scenario_name\": \"n\","
        + " \"status\": \"passed\", \"turn_results\": []}");
    Cli cli = Cli.run("drift", dir.toString());
    assertEquals(0, cli.code(), cli.out() + cli.err());
    assertEquals("sessionkit drift check: 2 recorded responses, no drift", cli.out().strip());
  }

  @Test
  void anOperationMayBeMappedToATypeByHand(@TempDir Path dir) throws IOException {
    record(dir, "recordedPage", "page-1.json", PAGE_WITH_AN_UNKNOWN_FIELD);
    Cli cli = Cli.run("drift", "--operation", "recordedPage=dev.sessionkit.qoder.model.SessionEventList", dir.toString());
    assertEquals(1, cli.code(), cli.err());
    assertEquals("recordedPage/page-1.json: unknown field $.data[0].retry_count: retry_count", cli.outLines().get(1));
    Cli unknownType = Cli.run("drift", "--operation", "recordedPage=no.such.Type", dir.toString());
    assertEquals(ExitCode.USAGE, unknownType.code(), unknownType.err());
  }

  @Test
  void aVendorTheCommandWasBuiltWithIsCheckedThroughItsDescriptor(@TempDir Path dir) throws IOException {
    record(dir, "getThing", "thing.json", "{\"id\": \"th_1\", \"name\": \"a\", \"tags\": [], \"size\": 1, \"colour\": \"red\"}");
    Cli cli = Cli.run(java.util.List.of(new ThingsVendor()), java.util.Map.of(), false, "drift", dir.toString());
    assertEquals(1, cli.code(), cli.err());
    // The test vendor's records have no generated adapters to report drift with: the check says so, at the field.
    assertTrue(cli.outLines().get(1).startsWith("getThing/thing.json: not decodable $.colour"), cli.out());
  }

  @Test
  void anUnknownVendorOrAMissingDirectoryIsBadUsage(@TempDir Path dir) {
    Cli vendor = Cli.run("drift", "--vendor", "nope", dir.toString());
    assertEquals(ExitCode.USAGE, vendor.code());
    assertTrue(vendor.err().startsWith("sessionkit: usage error: no vendor nope (there are: agents-v2, pipecat, piper, qoder"),
        vendor.err());
    Cli missing = Cli.run("drift", dir.resolve("missing").toString());
    assertEquals(ExitCode.USAGE, missing.code());
    assertEquals("sessionkit: usage error: " + dir.resolve("missing") + " is not a directory", missing.err().strip());
  }

  @Test
  void itsHelpShowsOnlyTheOptionsThatMeanSomethingToIt() {
    Cli help = Cli.run("drift", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("--vendor=VENDOR"), help.out());
    assertTrue(help.out().contains("--debug"), help.out());
    assertTrue(!help.out().contains("--sandbox") && !help.out().contains("--base-url"), help.out());
  }
}
