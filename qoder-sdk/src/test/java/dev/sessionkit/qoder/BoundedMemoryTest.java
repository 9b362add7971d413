package dev.sessionkit.qoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.errors.ResponseTooLargeException;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * Bodies are decoded as they stream in and bounded by maxResponseBytes: a huge value that lenient
 * decoding skips fits in a small heap, a body over the limit is a typed failure, and a future
 * completes even when reading the body throws an Error.
 */
class BoundedMemoryTest {
  private static final long MIB = 1024 * 1024;
  @StartStop private final MockWebServer server = new MockWebServer();

  /** A one-event page whose event carries an unknown field holding {@code bytes} bytes of text. */
  private static Buffer pageWithUnknownField(long bytes) {
    Buffer body = new Buffer().writeUtf8("{\"data\":[{\"id\":\"evt_1\",\"type\":\"user.message\",\"content\":\"hi\",")
        .writeUtf8("\"session_id\":\"" + Fixtures.SESSION_ID + "\",\"created_at\":\"2026-05-18T03:40:48Z\",\"blob\":\"");
    byte[] chunk = "x".repeat(8192).getBytes(StandardCharsets.US_ASCII);
    for (long written = 0; written < bytes; written += chunk.length) body.write(chunk);
    return body.writeUtf8("\"}],\"first_id\":\"evt_1\",\"last_id\":\"evt_1\",\"has_more\":false}");
  }

  private QoderClient client(long maxResponseBytes) {
    return QoderClient.builder().token("pt-t").baseUrl(server.url("/").toString())
        .maxResponseBytes(maxResponseBytes).build();
  }

  @Test
  void aBodyWhoseContentLengthPassesTheLimitFailsTypedAndIsNotRetried() {
    server.enqueue(new MockResponse.Builder().body(pageWithUnknownField(2 * MIB)).build());

    ResponseTooLargeException e = assertThrows(ResponseTooLargeException.class,
        () -> client(MIB).sessions().events(Fixtures.SESSION_ID));

    assertEquals(MIB, e.limit());
    assertEquals(200, e.status());
    assertEquals(1, e.attempts());
    assertEquals(1, server.getRequestCount());
    assertTrue(e.getMessage().contains("is larger than maxResponseBytes (1048576 bytes)"), e.getMessage());
  }

  @Test
  void aChunkedBodyThatPassesTheLimitFailsTypedKeepingItsStart() {
    server.enqueue(new MockResponse.Builder().chunkedBody(pageWithUnknownField(2 * MIB), 64 * 1024).build());

    ResponseTooLargeException e = assertThrows(ResponseTooLargeException.class,
        () -> client(MIB).sessions().events(Fixtures.SESSION_ID));

    assertEquals(1, e.attempts());
    assertTrue(e.body().startsWith("{\"data\":[{\"id\":\"evt_1\""), e.body());
  }

  @Test
  void theAsyncFormFailsTheFutureWithTheSameException() {
    server.enqueue(new MockResponse.Builder().body(pageWithUnknownField(2 * MIB)).build());

    ExecutionException e = assertThrows(ExecutionException.class,
        () -> client(MIB).sessions().eventsAsync(Fixtures.SESSION_ID, EventListParams.NONE).get(10, TimeUnit.SECONDS));

    assertTrue(e.getCause() instanceof ResponseTooLargeException, String.valueOf(e.getCause()));
  }

  @Test
  void aBodyJustUnderTheLimitDecodes() {
    Buffer body = pageWithUnknownField(MIB / 2);
    long size = body.size();
    server.enqueue(new MockResponse.Builder().body(body).build());

    assertEquals(1, client(size).sessions().events(Fixtures.SESSION_ID).data().size());
  }

  @Test
  void aTwentyMegabyteUnknownFieldIsSkippedIn64MegabytesOfHeap() throws Exception {
    server.enqueue(new MockResponse.Builder().body(pageWithUnknownField(20 * MIB)).build());

    assertEquals("decoded 1 events", probe("sync", 64 * MIB, 64));
  }

  @Test
  void anAsyncCallCompletesEvenWhenReadingTheBodyRunsOutOfMemory() throws Exception {
    server.enqueue(new MockResponse.Builder().body(pageWithUnknownField(96 * MIB)).build());

    String outcome = probe("async", Long.MAX_VALUE, 64);
    System.out.println("96 MB body at -Xmx64m, async: " + outcome);

    assertTrue(outcome.startsWith("completed: "), outcome);
  }

  /** Runs {@link HeapProbe} in a child JVM with a heap of {@code heapMb} against the server; returns its last line. */
  private String probe(String mode, long maxResponseBytes, int heapMb) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xmx" + heapMb + "m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        HeapProbe.class.getName(), server.url("/").toString(), mode, Long.toString(maxResponseBytes))
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
      String[] lines = output.strip().split("\n");
      return lines[lines.length - 1];
    } finally {
      process.destroyForcibly();
    }
  }
}
