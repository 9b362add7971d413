package dev.sessionkit.generator.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Credentials (conformance/security/): an API key in a header beside OAuth2 client credentials,
 * each with its builder method, and a spec whose only scheme is OAuth2 (builder method
 * {@code oauthClientCredentials} by default). The token's caching, refresh and 401 handling are
 * common's (OAuthClientCredentialsTest); here the generated client reaches them.
 */
class SecurityConformanceTest extends ConformanceServer {
  private static Conformance.Generated several;
  private static Conformance.Generated oauthOnly;

  @BeforeAll
  static void generate() {
    several = Conformance.generate("security/several-schemes.yaml");
    oauthOnly = Conformance.generate("security/oauth-only.yaml");
  }

  private static MockResponse token(String value) {
    return new MockResponse.Builder().addHeader("Content-Type", "application/json")
        .body("{\"access_token\":\"" + value + "\",\"token_type\":\"Bearer\",\"expires_in\":1800}").build();
  }

  @Test
  void theDefaultCredentialIsTheApiKeyInItsHeader() throws Exception {
    enqueue(200, "{\"data\":[]}");

    several.run(url(), "return KeysClient.builder().apiKey(\"key-1\").baseUrl(url).build().items().list();");

    RecordedRequest request = take();
    assertEquals("key-1", request.getHeaders().get("x-api-key"));
    assertEquals(null, request.getHeaders().get("Authorization"));
  }

  @Test
  void clientCredentialsFetchATokenWithTheSpecsScopesAndSendItAsABearer() throws Exception {
    server.enqueue(token("tok-1"));
    enqueue(200, "{\"data\":[]}");
    enqueue(200, "{\"data\":[]}");

    several.run(url(), """
        KeysClient client = KeysClient.builder().baseUrl(url)
            .clientCredentials("client-1", "secret-1", url + "oauth2/token").build();
        client.items().list();
        client.items().list();
        if (client.toString().contains("secret-1") || client.options().toString().contains("secret-1")) {
          throw new AssertionError("the secret shows");
        }
        return null;""");

    RecordedRequest tokenRequest = take();
    assertEquals("/oauth2/token", tokenRequest.getUrl().encodedPath());
    assertEquals("grant_type=client_credentials&scope=items%3Aread", tokenRequest.getBody().utf8());
    assertTrue(tokenRequest.getHeaders().get("Authorization").startsWith("Basic "));
    assertEquals("Bearer tok-1", take().getHeaders().get("Authorization"));
    assertEquals("Bearer tok-1", take().getHeaders().get("Authorization"));
    assertEquals(3, server.getRequestCount(), "one token for both calls");
  }

  @Test
  void theSpecsTokenUrlIsTheDefault() {
    String client = several.source("KeysClient.java");
    assertTrue(client.contains("public static final String OAUTH_TOKEN_URL = \"https://auth.keys.example/oauth2/token\";"),
        client);
    assertTrue(client.contains("public Builder clientCredentials(String clientId, String clientSecret) {"), client);
    assertTrue(client.contains("public Builder apiKey(String credential) {"), client);
  }

  @Test
  void aSpecWhoseOnlySchemeIsOAuth2OffersOauthClientCredentials() throws Exception {
    server.enqueue(token("tok-9"));
    enqueue(200, "{\"data\":[]}");

    oauthOnly.run(url(), "return TokensClient.builder().baseUrl(url).oauthClientCredentials(\"c\", \"s\", url + \"token\")"
        + ".build().items().list();");

    assertEquals("grant_type=client_credentials", take().getBody().utf8());
    assertEquals("Bearer tok-9", take().getHeaders().get("Authorization"));
    assertFalse(oauthOnly.source("TokensClient.java").contains("authHeader(String header"), "one scheme: no header switch");
  }
}
