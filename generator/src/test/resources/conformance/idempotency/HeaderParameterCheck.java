package dev.sessionkit.conformance.idempotency.header_parameter;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.conformance.idempotency.header_parameter.internal.ConformanceProfile;
import dev.sessionkit.conformance.idempotency.header_parameter.model.*;
import dev.sessionkit.core.RequestOptions;
import dev.sessionkit.core.Sleeper;
import dev.sessionkit.generator.conformance.Conformance;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.MockResponse;

public final class HeaderParameterCheck {
  /** Waits for nothing, so a retry is immediate. */
  static final class NoWait implements Sleeper {
    @Override
    public void sleep(Duration duration) {}

    @Override
    public CompletableFuture<Void> sleepAsync(Duration duration) {
      return CompletableFuture.completedFuture(null);
    }
  }

  private static void created(Conformance c) {
    c.server().enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
        .body("{\"id\":\"pay_1\"}").build());
  }

  public void aPostIsRetriedWithTheSameKeyOnEveryAttempt(Conformance c) {
    c.server().enqueue(new MockResponse.Builder().code(503).build());
    created(c);
    ConformanceClient client = ConformanceClient.builder().token("t").baseUrl(c.baseUrl()).maxRetries(2)
        .sleeper(new NoWait()).build();

    assertEquals("pay_1", client.payments().create(CreatePaymentRequest.builder().amount(5L).build()).id());

    String first = c.request().getHeaders().get("Idempotency-Key");
    assertNotNull(first);
    assertEquals(first, c.request().getHeaders().get("Idempotency-Key"));
  }

  public void theCallersKeyIsSentAsGivenAndTheHeaderIsNoArgument(Conformance c) {
    created(c);
    ConformanceClient client = ConformanceClient.builder().token("t").baseUrl(c.baseUrl()).build();

    client.payments().create(CreatePaymentRequest.builder().amount(5L).build(),
        RequestOptions.builder().idempotencyKey("key-1").build());

    assertEquals("key-1", c.request().getHeaders().get("Idempotency-Key"));
    String service = c.source(PaymentsService.class);
    assertTrue(service.contains("public CreatePayment201Response create(CreatePaymentRequest body) {"), service);
    assertFalse(service.contains("idempotencyKey"), "the key is the engine's, not an argument");
    assertEquals("Idempotency-Key", ConformanceProfile.PROFILE.idempotencyHeader());
  }
}
