package dev.sessionkit.generator.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mockwebserver3.MockResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The vendor's idempotency header: an Idempotency-Key header parameter (conformance/operations/
 * idempotency.yaml) or x-sessionkit-client.idempotency-header (idempotency-root.yaml) becomes the
 * profile's idempotency header, so a POST or PATCH carries one key per call and is retried safely.
 */
class IdempotencyConformanceTest extends ConformanceServer {
  private static Conformance.Generated payments;
  private static Conformance.Generated orders;

  @BeforeAll
  static void generate() {
    payments = Conformance.generate("operations/idempotency.yaml");
    orders = Conformance.generate("operations/idempotency-root.yaml");
  }

  @Test
  void aPostIsRetriedWithTheSameKeyOnEveryAttempt() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).build());
    enqueue(201, "{\"id\":\"pay_1\"}");

    Object id = payments.run(url(), "return PaymentsClient.builder().token(\"t\").baseUrl(url).maxRetries(2)"
        + ".sleeper(" + NO_WAIT_SLEEPER + ").build().payments().create(CreatePaymentRequest.builder().amount(5L)"
        + ".build()).id();");

    assertEquals("pay_1", id);
    String first = take().getHeaders().get("Idempotency-Key");
    assertNotNull(first);
    assertEquals(first, take().getHeaders().get("Idempotency-Key"));
  }

  @Test
  void theCallersKeyIsSentAsGivenAndTheHeaderIsNoArgument() throws Exception {
    enqueue(201, "{\"id\":\"pay_1\"}");

    payments.run(url(), "return client(url).payments().create(CreatePaymentRequest.builder().amount(5L).build(),"
        + " RequestOptions.builder().idempotencyKey(\"key-1\").build());");

    assertEquals("key-1", take().getHeaders().get("Idempotency-Key"));
    String service = payments.source("PaymentsService.java");
    assertTrue(service.contains("public CreatePayment201Response create(CreatePaymentRequest body) {"), service);
    assertFalse(service.contains("idempotencyKey"), "the key is the engine's, not an argument");
    assertTrue(payments.source("internal/PaymentsProfile.java").contains(".idempotencyHeader(\"Idempotency-Key\")"));
  }

  @Test
  void theRootExtensionNamesTheHeaderForEveryOperation() throws Exception {
    server.enqueue(new MockResponse.Builder().code(502).build());
    server.enqueue(new MockResponse.Builder().code(204).build());

    orders.run(url(), "OrdersClient.builder().token(\"t\").baseUrl(url).maxRetries(1).sleeper(" + NO_WAIT_SLEEPER
        + ").build().orders().touch(); return null;");

    String key = take().getHeaders().get("X-Request-Key");
    assertNotNull(key);
    assertEquals(key, take().getHeaders().get("X-Request-Key"));
  }
}
