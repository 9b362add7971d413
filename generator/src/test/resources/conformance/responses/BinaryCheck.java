package dev.sessionkit.conformance.responses.binary;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.errors.ResponseTooLargeException;
import dev.sessionkit.generator.conformance.Conformance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import mockwebserver3.MockResponse;
import okio.Buffer;

public final class BinaryCheck {
  public void aBinaryBodyIsReadAsAStreamWithTheApiKey(Conformance c) throws IOException {
    c.server().enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/octet-stream")
        .body(new Buffer().write(new byte[] {1, 2, 3, (byte) 0xff})).build());
    ConformanceClient client = ConformanceClient.builder().token("key-1").baseUrl(c.baseUrl()).build();

    try (InputStream in = client.files().content("file_1")) {
      assertArrayEquals(new byte[] {1, 2, 3, (byte) 0xff}, in.readAllBytes());
    }
    assertEquals("key-1", c.request().getHeaders().get("X-Api-Key"));
  }

  public void aBinaryBodyPastMaxResponseBytesIsATypedError(Conformance c) throws IOException {
    c.server().enqueue(new MockResponse.Builder().chunkedBody(new Buffer().write(new byte[4096]), 100).build());
    ConformanceClient client = ConformanceClient.builder().token("t").baseUrl(c.baseUrl()).maxResponseBytes(1000).build();

    try (InputStream in = client.files().content("file_1")) {
      assertThrows(ResponseTooLargeException.class, in::readAllBytes);
    }
  }

  public void theAsyncFormAnswersWithTheStream(Conformance c) throws IOException, InterruptedException,
      ExecutionException {
    c.server().enqueue(new MockResponse.Builder().body("abc").build());
    ConformanceClient client = ConformanceClient.builder().token("t").baseUrl(c.baseUrl()).build();

    try (InputStream in = client.files().contentAsync("file_1").get()) {
      assertEquals("abc", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
