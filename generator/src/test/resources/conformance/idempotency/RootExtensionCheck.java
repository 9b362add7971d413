package dev.sessionkit.conformance.idempotency.root_extension;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.core.Sleeper;
import dev.sessionkit.generator.conformance.Conformance;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.MockResponse;

public final class RootExtensionCheck {
  /** Waits for nothing, so a retry is immediate. */
  static final class NoWait implements Sleeper {
    @Override
    public void sleep(Duration duration) {}

    @Override
    public CompletableFuture<Void> sleepAsync(Duration duration) {
      return CompletableFuture.completedFuture(null);
    }
  }

  public void theRootExtensionNamesTheHeaderAPatchIsRetriedWith(Conformance c) {
    c.server().enqueue(new MockResponse.Builder().code(502).build());
    c.server().enqueue(new MockResponse.Builder().code(204).build());

    ConformanceClient.builder().token("t").baseUrl(c.baseUrl()).maxRetries(1).sleeper(new NoWait()).build()
        .orders().touch();

    String key = c.request().getHeaders().get("X-Request-Key");
    assertNotNull(key);
    assertEquals(key, c.request().getHeaders().get("X-Request-Key"));
  }
}
