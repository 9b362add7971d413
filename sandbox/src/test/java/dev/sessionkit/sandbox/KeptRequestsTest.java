package dev.sessionkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The sandbox keeps only its latest requests, so serving many pages does not grow its memory. */
class KeptRequestsTest {
  @Test
  void keepsTheLatestRequestsAndDropsTheOldest() throws Exception {
    OkHttpClient http = new OkHttpClient();
    try (Sandbox sandbox = Sandbox.builder().vendors(List.of(TestVendor.lab())).start()) {
      int sent = Sandbox.KEPT_REQUESTS + 25;
      for (int i = 0; i < sent; i++) {
        Request request = new Request.Builder().url(sandbox.baseUrl("lab") + "unknown/" + i).build();
        try (Response response = http.newCall(request).execute()) {
          response.body().string();
        }
      }

      RecordedRequest oldestKept = sandbox.takeRequest(1, TimeUnit.SECONDS);
      assertEquals("/lab/v1/unknown/25", oldestKept.getTarget());
      for (int i = 1; i < Sandbox.KEPT_REQUESTS; i++) sandbox.takeRequest(1, TimeUnit.SECONDS);
      assertNull(sandbox.takeRequest(0, TimeUnit.SECONDS));
      assertEquals(sent, sandbox.requestCount());
    }
  }
}
