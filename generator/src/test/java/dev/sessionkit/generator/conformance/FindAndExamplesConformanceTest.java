package dev.sessionkit.generator.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The find-on-404 naming (a method {@code get} gives {@code find}, {@code getOwner} gives
 * {@code findOwner}) and the client's Javadoc example built from the spec's own example
 * (conformance/operations/find.yaml).
 */
class FindAndExamplesConformanceTest extends ConformanceServer {
  private static Conformance.Generated sdk;

  @BeforeAll
  static void generate() {
    sdk = Conformance.generate("operations/find.yaml");
  }

  @Test
  void aFindOnAGetMethodIsNamedFind() throws Exception {
    enqueue(404, "{}");
    enqueue(200, "{\"id\":\"thg_00af\"}");

    Object missing = sdk.run(url(), "return client(url).things().find(\"thg_00af\").isPresent();");
    Object found = sdk.run(url(), "return client(url).things().find(\"thg_00af\").get().id();");

    assertEquals(false, missing);
    assertEquals("thg_00af", found);
    String service = sdk.source("ThingsService.java");
    assertTrue(service.contains("public Optional<Thing> findOwner(String thingId) {"), service);
    assertFalse(service.contains("findGet"), service);
  }

  @Test
  void theClientsExampleUsesTheSpecsExampleValue() {
    String client = sdk.source("FinderClient.java");
    assertTrue(client.contains(" * Thing result = client.things().getOwner(\"thg_0b1e\");"), client);
    assertFalse(client.contains("_example"), client);
  }
}
