package dev.sessionkit.conformance.security.operation_scheme;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.generator.conformance.Conformance;

public final class OperationSchemeCheck {
  public void aSchemeOnlyAnOperationNamesGetsABuilderMethodBesideTheDefault(Conformance c) {
    c.respond("{\"sessionId\":\"s1\"}");
    c.respond("{\"total_count\":0}");
    c.respond("{\"total_count\":0}");

    ConformanceClient.builder().publicKey("pk_1").baseUrl(c.baseUrl()).build().sessions().start("bot");
    ConformanceClient.builder().privateKey("sk_1").baseUrl(c.baseUrl()).build().sessions().list("bot");
    ConformanceClient.builder().token("sk_2").baseUrl(c.baseUrl()).build().sessions().list("bot");

    assertEquals("Bearer pk_1", c.request().getHeaders().get("Authorization"));
    assertEquals("Bearer sk_1", c.request().getHeaders().get("Authorization"));
    assertEquals("Bearer sk_2", c.request().getHeaders().get("Authorization"), "token(..) is the root's scheme");
  }

  public void theJavadocOfAnOperationWithItsOwnSchemeNamesTheBuilderMethod(Conformance c) {
    String service = c.source(SessionsService.class);
    assertTrue(service.contains("Authenticates with publicKey: call it on a client built with {@code publicKey(...)}"),
        service);
    assertFalse(service.contains("Authenticates with privateKey"), service);
  }
}
