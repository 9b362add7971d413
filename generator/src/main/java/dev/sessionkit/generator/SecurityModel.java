package dev.sessionkit.generator;

import java.util.List;

/**
 * A credential the client can send, from one of the root {@code security} requirements: a bearer
 * token, an API key in a header, or OAuth2 client credentials (an access token fetched from the
 * scheme's {@code tokenUrl}, sent as a bearer token).
 *
 * @param key the scheme's name in {@code components.securitySchemes}
 * @param header the header the credential goes in
 * @param scheme the scheme before it ({@code Bearer}), empty for none
 * @param apiKey whether it is an API key
 * @param headerConstant whether the client names its header in {@code API_KEY_HEADER} (the first API key's)
 * @param oauth the OAuth2 client-credentials flow, or null
 * @param builderMethod the builder method that selects it (required when the spec lists several)
 * @param isDefault whether it is the default (the first the spec lists)
 * @param doc the scheme's description as Javadoc lines
 */
record SecurityModel(String key, String header, String scheme, boolean apiKey, boolean headerConstant, OAuth oauth,
    String builderMethod,
    boolean isDefault, List<String> doc) {

  /** Whether the credential is a static secret (a token or an API key) rather than client credentials. */
  boolean staticSecret() {
    return oauth == null;
  }

  /** Whether there is a description. */
  boolean hasDoc() {
    return !doc.isEmpty();
  }

  /** How the credential is sent, for Javadoc: {@code Authorization: Bearer &lt;token&gt;}. */
  String sent() {
    return apiKey ? header + ": &lt;key&gt;" : header + ": " + scheme + " &lt;token&gt;";
  }

  /**
   * OAuth2 client credentials.
   *
   * @param tokenUrl the spec's token URL, as a Java string literal's inside
   * @param scopes the scopes the flow lists, requested with every token (none when it lists none)
   */
  record OAuth(String tokenUrl, List<String> scopes) {}
}
