package dev.sessionkit.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.sessionkit.qoder.model.SentEvents;
import dev.sessionkit.qoder.model.UserMessageEvent;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Runs both variants of {@link WriteCompare} once and checks that they do the same work: the server
 * gets the same body bytes and the same request headers (but for a fresh idempotency key), and both
 * decode the same 202. Measures nothing.
 */
class WriteCompareSmokeTest {

  @Test
  void theClientAndTheRawCallSendTheSameRequestAndDecodeTheSameResponse() throws Exception {
    try (WriteCompare bench = new WriteCompare()) {
      SentEvents viaClient = bench.sdk();
      byte[] clientBody = bench.server.lastBody;
      Map<String, List<String>> clientHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      clientHeaders.putAll(bench.server.lastHeaders);

      SentEvents raw = bench.raw();
      byte[] rawBody = bench.server.lastBody;
      Map<String, List<String>> rawHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      rawHeaders.putAll(bench.server.lastHeaders);

      assertEquals("{\"events\":[{\"type\":\"user.message\",\"content\":[{\"type\":\"text\","
          + "\"text\":\"Help me analyze the performance of this code.\"}]}]}", new String(clientBody, "UTF-8"));
      assertArrayEquals(clientBody, rawBody);
      assertNotEquals(clientHeaders.get("Idempotency-Key"), rawHeaders.get("Idempotency-Key"), "a key per call");
      clientHeaders.remove("Idempotency-Key");
      rawHeaders.remove("Idempotency-Key");
      assertEquals(clientHeaders, rawHeaders);

      assertEquals(viaClient, raw);
      assertEquals("evt_019e3bb2c153764da54e4d3acbef52b6", ((UserMessageEvent) raw.data().get(0)).id());
    }
  }
}
