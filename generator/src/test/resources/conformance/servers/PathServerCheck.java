package dev.sessionkit.conformance.servers.path_server;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.generator.conformance.Conformance;

public final class PathServerCheck {
  public void anOperationsOwnServerIsAPathBelowTheBaseUrl(Conformance c) {
    c.respond("{\"sessionId\":\"s1\"}");
    c.respond("{\"total_count\":0}");
    ConformanceClient client = ConformanceClient.builder().token("t").baseUrl(c.baseUrl()).noRetries().build();

    client.sessions().start("bot");
    client.sessions().list("bot");

    assertEquals("/public/bot/start", c.request().getUrl().encodedPath());
    assertEquals("/agents/bot/sessions", c.request().getUrl().encodedPath());
  }

  public void theJavadocNamesThePathSent(Conformance c) {
    String service = c.source(SessionsService.class);
    assertTrue(service.contains("Sends {@code POST /public/{agentName}/start}"), service);
    assertEquals("https://api.example/v1/", dev.sessionkit.conformance.servers.path_server.internal.SessionsApi.BASE_URL);
  }
}
