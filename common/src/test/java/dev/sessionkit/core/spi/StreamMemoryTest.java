package dev.sessionkit.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sessionkit.core.ClientOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A live stream is read one event at a time within maxEventBytes, whatever its length: a 1 GiB
 * stream completes in a 64 MiB heap, and a 1 GiB event fails typed after 4 MiB. The bodies are
 * generated as they are sent; neither side ever holds a gibibyte.
 */
class StreamMemoryTest {
  private static final long GIB = 1024L * 1024 * 1024;
  private static final int PAD = 256 * 1024;

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** {@code count} events of about 256 KiB each, numbered from 1,000,000, written as they are sent. */
  private static MockResponse longStream(long count) {
    byte[] pad = "x".repeat(PAD).getBytes(StandardCharsets.US_ASCII);
    int eventLength = event(1_000_000, pad).length;
    return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(new MockResponseBody() {
      @Override
      public long getContentLength() {
        return count * eventLength;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        for (int i = 0; i < count; i++) sink.write(event(1_000_000 + i, pad));
        sink.flush();
      }
    }).build();
  }

  private static byte[] event(int n, byte[] pad) {
    ByteArrayOutputStream event = new ByteArrayOutputStream(pad.length + 64);
    event.writeBytes(("data: {\"type\":\"message\",\"n\":" + n + ",\"pad\":\"").getBytes(StandardCharsets.US_ASCII));
    event.writeBytes(pad);
    event.writeBytes("\"}\n\n".getBytes(StandardCharsets.US_ASCII));
    return event.toByteArray();
  }

  /** One event whose data line is a gibibyte long, written until the client stops reading. */
  private static MockResponse hugeEvent() {
    byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
    return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(new MockResponseBody() {
      @Override
      public long getContentLength() {
        return 6 + GIB + 2;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.writeUtf8("data: ");
        for (long written = 0; written < GIB; written += chunk.length) sink.write(chunk);
        sink.writeUtf8("\n\n").flush();
      }
    }).build();
  }

  @Test
  void aGibibyteStreamCompletesAndAGibibyteEventFailsTypedInSixtyFourMegabytesOfHeap() throws Exception {
    long count = GIB / (PAD + 40) + 1;
    server.enqueue(longStream(count));
    server.enqueue(hugeEvent());

    List<String> lines = probe(64);

    assertEquals(List.of("events " + count + " last " + (1_000_000 + count - 1),
        "too large: limit " + ClientOptions.DEFAULT_MAX_EVENT_BYTES), lines);
  }

  /** Runs {@link StreamHeapProbe} in a child JVM with a heap of {@code heapMb}; returns its output lines. */
  private List<String> probe(int heapMb) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xmx" + heapMb + "m", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), StreamHeapProbe.class.getName(), server.url("/").toString())
        .redirectErrorStream(true)
        .start();
    try {
      String output = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
          in.transferTo(out);
        }
        process.waitFor();
        return out.toString(StandardCharsets.UTF_8);
      });
      assertEquals(0, process.exitValue(), output);
      return output.strip().lines().toList();
    } finally {
      process.destroyForcibly();
    }
  }
}
