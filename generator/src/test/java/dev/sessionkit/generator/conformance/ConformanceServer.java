package dev.sessionkit.generator.conformance;

import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A MockWebServer per test, for the conformance tests that run a generated SDK. */
abstract class ConformanceServer {
  /** A client with retries and a sleeper that never sleeps, for probes that retry: {@code retrying(Client.builder(), url)}. */
  static final String NO_WAIT_SLEEPER = "new Sleeper() {"
      + " public void sleep(java.time.Duration d) {}"
      + " public java.util.concurrent.CompletableFuture<Void> sleepAsync(java.time.Duration d) {"
      + " return java.util.concurrent.CompletableFuture.completedFuture(null); } }";

  final MockWebServer server = new MockWebServer();

  @BeforeEach
  void startServer() throws IOException {
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  String url() {
    return server.url("/").toString();
  }

  void enqueue(int code, String json) {
    server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(json).build());
  }

  RecordedRequest take() throws InterruptedException {
    return server.takeRequest();
  }
}
