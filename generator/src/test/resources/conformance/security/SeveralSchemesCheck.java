package dev.sessionkit.conformance.security.several_schemes;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.generator.conformance.Conformance;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

public final class SeveralSchemesCheck {
  private static MockResponse token(String value) {
    return new MockResponse.Builder().addHeader("Content-Type", "application/json")
        .body("{\"access_token\":\"" + value + "\",\"token_type\":\"Bearer\",\"expires_in\":1800}").build();
  }

  public void theDefaultCredentialIsTheApiKeyInItsHeader(Conformance c) {
    c.respond("{\"data\":[]}");

    ConformanceClient.builder().apiKey("key-1").baseUrl(c.baseUrl()).build().items().list();

    RecordedRequest request = c.request();
    assertEquals("key-1", request.getHeaders().get("x-api-key"));
    assertNull(request.getHeaders().get("Authorization"));
  }

  public void clientCredentialsFetchATokenWithTheSpecsScopesAndSendItAsABearer(Conformance c) {
    c.server().enqueue(token("tok-1"));
    c.respond("{\"data\":[]}");
    c.respond("{\"data\":[]}");

    ConformanceClient client = ConformanceClient.builder().baseUrl(c.baseUrl())
        .clientCredentials("client-1", "secret-1", c.baseUrl() + "oauth2/token").build();
    client.items().list();
    client.items().list();

    RecordedRequest tokenRequest = c.request();
    assertEquals("/oauth2/token", tokenRequest.getUrl().encodedPath());
    assertEquals("grant_type=client_credentials&scope=items%3Aread", tokenRequest.getBody().utf8());
    assertTrue(tokenRequest.getHeaders().get("Authorization").startsWith("Basic "));
    assertEquals("Bearer tok-1", c.request().getHeaders().get("Authorization"));
    assertEquals("Bearer tok-1", c.request().getHeaders().get("Authorization"));
    assertEquals(3, c.server().getRequestCount(), "one token for both calls");
    assertFalse(client.options().toString().contains("secret-1"));
  }

  public void theSpecsTokenUrlIsTheDefault(Conformance c) {
    assertEquals("https://auth.keys.example/oauth2/token", ConformanceClient.OAUTH_TOKEN_URL);
    String client = c.source(ConformanceClient.class);
    assertTrue(client.contains("public Builder clientCredentials(String clientId, String clientSecret) {"), client);
    assertTrue(client.contains("public Builder apiKey(String credential) {"), client);
  }
}
