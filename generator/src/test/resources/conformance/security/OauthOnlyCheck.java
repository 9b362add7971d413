package dev.sessionkit.conformance.security.oauth_only;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.generator.conformance.Conformance;
import mockwebserver3.MockResponse;

public final class OauthOnlyCheck {
  public void aSpecWhoseOnlySchemeIsOAuth2OffersOauthClientCredentials(Conformance c) {
    c.server().enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
        .body("{\"access_token\":\"tok-9\",\"expires_in\":1800}").build());
    c.respond("{\"data\":[]}");

    ConformanceClient.builder().baseUrl(c.baseUrl()).oauthClientCredentials("c", "s", c.baseUrl() + "token").build()
        .items().list();

    assertEquals("grant_type=client_credentials", c.request().getBody().utf8());
    assertEquals("Bearer tok-9", c.request().getHeaders().get("Authorization"));
    assertFalse(c.source(ConformanceClient.class).contains("authHeader(String header"), "one scheme: no header switch");
  }
}
