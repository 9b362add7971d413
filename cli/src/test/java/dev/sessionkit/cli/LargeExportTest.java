package dev.sessionkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.sandbox.SessionIds;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The 100,000-event export in a child JVM whose heap is 64 MB: every line arrives, with progress. */
class LargeExportTest {
  @Test
  void aHundredThousandEventsStreamAsJsonLinesIn64MegabytesOfHeap() throws Exception {
    Path stderr = Files.createTempFile("sessionkit-export", ".err");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "qoder", "events", SessionIds.qoderSession(100_000), "--all", "--format", "jsonl", "--sandbox")
        .redirectError(stderr.toFile())
        .start();
    long start = System.nanoTime();
    long lines = 0;
    String first = null;
    String last = null;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (lines == 0) first = line;
        last = line;
        lines++;
      }
    }
    assertTrue(process.waitFor(120, TimeUnit.SECONDS));
    double seconds = (System.nanoTime() - start) / 1e9;
    List<String> progress = Files.readAllLines(stderr);
    System.out.printf("100,000 events exported with -Xmx64m in %.1f s; stderr:%n%s%n", seconds, String.join("\n", progress));
    assertEquals(0, process.exitValue(), String.join("\n", progress));
    assertEquals(100_000, lines);
    assertTrue(first.startsWith("{\"id\":\"evt_0000000000000000"), first);
    assertTrue(last.contains("\"type\":\"terminated\""), last);
    assertTrue(progress.contains(progress.stream().filter(l -> l.contains(": 10,000 events so far")).findFirst().orElse("missing")),
        String.join("\n", progress));
    assertTrue(progress.get(progress.size() - 1).startsWith("sessionkit: qoder sess_sandbox_100000: 100,000 events in "));
    Files.delete(stderr);
  }
}
