package dev.sessionkit.conformance.find.find;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.conformance.find.find.model.*;
import dev.sessionkit.generator.conformance.Conformance;
import mockwebserver3.MockResponse;

public final class FindCheck {
  public void aFindOnAGetMethodIsNamedFindAndIsEmptyOn404(Conformance c) {
    c.server().enqueue(new MockResponse.Builder().code(404).body("{}").build());
    c.respond("{\"id\":\"thg_00af\"}");
    ConformanceClient client = ConformanceClient.builder().token("t").baseUrl(c.baseUrl()).noRetries().build();

    assertFalse(client.things().find("thg_00af").isPresent());
    assertEquals("thg_00af", client.things().find("thg_00af").orElseThrow().id());
    String service = c.source(ThingsService.class);
    assertTrue(service.contains("public Optional<Thing> findOwner(String thingId) {"), "getOwner gives findOwner");
    assertFalse(service.contains("findGet"), service);
  }

  public void theClientsExampleUsesTheSpecsExampleValue(Conformance c) {
    String client = c.source(ConformanceClient.class);
    assertTrue(client.contains(" * Thing result = client.things().getOwner(\"thg_0b1e\");"), client);
    assertFalse(client.contains("_example"), client);
  }
}
