package dev.sessionkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 100,000-event Qoder session transcribed in a child JVM whose heap is 64 MB, as JSON lines and
 * as OTLP JSON: the transcript streams, page by page, and the spans leave in batches.
 */
class LargeTranscriptTest {
  private static final int EVENTS = 100_000;

  /**
   * The entries of the sandbox's generated session: every event but the model requests' starts (the
   * third event of each turn of seven; the last event is {@code terminated} instead).
   */
  private static long expectedEntries() {
    // The sandbox's Qoder turn has nine events (user.message, session.status_running, span.model_request_start,
    // agent.thinking, agent.tool_use, agent.tool_result, agent.message, span.model_request_end,
    // session.status_idle), the third a model request's start (no entry of its own).
    long starts = 0;
    for (int i = 0; i < EVENTS; i++) if (i % 9 == 2) starts++;
    return EVENTS - starts;
  }

  /** Runs the command at -Xmx64m and returns its line count and last line; fails after two minutes. */
  private static String[] run(String format) throws Exception {
    Path stderr = Files.createTempFile("sessionkit-transcript", ".err");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "transcript", "qoder", "sess_sandbox_" + EVENTS, "--format", format, "--sandbox")
        .redirectError(stderr.toFile())
        .start();
    long start = System.nanoTime();
    String[] result = new String[2];
    try {
      assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
        long count = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = out.readLine()) != null; count++) result[1] = line;
        }
        process.waitFor();
        result[0] = String.valueOf(count);
      });
    } finally {
      process.destroyForcibly();
    }
    List<String> err = new ArrayList<>(Files.readAllLines(stderr));
    System.out.printf("100,000 Qoder events transcribed as %s with -Xmx64m in %.1f s, %s lines%n", format,
        (System.nanoTime() - start) / 1e9, result[0]);
    assertEquals(0, process.exitValue(), String.join("\n", err));
    Files.delete(stderr);
    return result;
  }

  @Test
  void aHundredThousandEventSessionStreamsAsJsonLinesIn64MegabytesOfHeap() throws Exception {
    String[] result = run("jsonl");
    assertEquals(expectedEntries() + 1, Long.parseLong(result[0]));
    assertTrue(result[1].contains("\"kind\":\"totals\"") && result[1].contains("\"entries\":" + expectedEntries()), result[1]);
  }

  @Test
  void aHundredThousandEventSessionExportsAsOtlpJsonIn64MegabytesOfHeap() throws Exception {
    String[] result = run("otlp");
    // The root span ends last, in the last batch, with the session's totals.
    assertTrue(result[1].contains("\"name\":\"session qoder\""), result[1].substring(0, Math.min(300, result[1].length())));
    assertTrue(result[1].contains("{\"key\":\"sessionkit.total.entries\",\"value\":{\"intValue\":\"" + expectedEntries() + "\"}}"),
        "totals in the last batch");
  }
}
