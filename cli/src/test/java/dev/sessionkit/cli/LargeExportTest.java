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
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 100,000-event export in a child JVM whose heap is 64 MB: every line arrives, with progress. */
class LargeExportTest {
  @Test
  void aHundredThousandEventsStreamAsJsonLinesIn64MegabytesOfHeap() throws Exception {
    Path stderr = Files.createTempFile("sessionkit-export", ".err");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "qoder", "events", "sess_sandbox_100000", "--all", "--format", "jsonl", "--sandbox")
        .redirectError(stderr.toFile())
        .start();
    long start = System.nanoTime();
    String[] firstAndLast = new String[2];
    long lines;
    try {
      // A hung child must not hang the build: give up, and kill it, after two minutes.
      lines = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
        long count = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = out.readLine()) != null; count++) {
            if (count == 0) firstAndLast[0] = line;
            firstAndLast[1] = line;
          }
        }
        process.waitFor();
        return count;
      });
    } finally {
      process.destroyForcibly();
    }
    String first = firstAndLast[0];
    String last = firstAndLast[1];
    double seconds = (System.nanoTime() - start) / 1e9;
    List<String> progress = Files.readAllLines(stderr);
    System.out.printf("100,000 events exported with -Xmx64m in %.1f s; stderr:%n%s%n", seconds, String.join("\n", progress));
    assertEquals(0, process.exitValue(), String.join("\n", progress));
    assertEquals(100_000, lines);
    assertTrue(first.startsWith("{\"id\":\"evt_0000000000000000"), first);
    assertTrue(last.contains("\"type\":\"user.message\""), last + " (event 99,999 = 9 x 11,111: the first of the scenario's nine-event turn)");
    assertTrue(progress.stream().anyMatch(l -> l.contains(": 10,000 events so far")), String.join("\n", progress));
    assertTrue(progress.get(progress.size() - 1).startsWith("sessionkit: qoder sess_sandbox_100000: 100,000 events in "));
    Files.delete(stderr);
  }
}
