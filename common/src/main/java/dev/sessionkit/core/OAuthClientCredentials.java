package dev.sessionkit.core;

import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * OAuth2 client credentials (RFC 6749 §4.4): a client id and secret exchanged at a token URL for
 * short-lived access tokens, which the client sends as {@code Authorization: Bearer <token>}.
 * Immutable; the secret never shows itself ({@link #toString()} redacts it).
 *
 * <p>A client built with these fetches a token before its first request, keeps it, fetches a new
 * one shortly before it expires (one fetch at a time, whatever the number of threads), and once
 * more when a request is answered 401. The token request authenticates with HTTP Basic
 * ({@code client_secret_basic}), the method every authorization server must support.
 */
public final class OAuthClientCredentials {
  private final HttpUrl tokenUrl;
  private final String clientId;
  private final Credential clientSecret;
  private final List<String> scopes;

  private OAuthClientCredentials(HttpUrl tokenUrl, String clientId, Credential clientSecret, List<String> scopes) {
    this.tokenUrl = tokenUrl;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.scopes = scopes;
  }

  /**
   * Returns the credentials {@code clientId} and {@code clientSecret}, exchanged at {@code tokenUrl}
   * (https, or plain http to a loopback host) for tokens with {@code scopes} (none: the server's default).
   *
   * @throws IllegalArgumentException naming the rule a value breaks (never echoing the secret)
   */
  public static OAuthClientCredentials of(String tokenUrl, String clientId, String clientSecret, List<String> scopes) {
    HttpUrl url = SettingChecks.tokenUrl(tokenUrl);
    Objects.requireNonNull(clientId, "clientId == null");
    Objects.requireNonNull(clientSecret, "clientSecret == null");
    Objects.requireNonNull(scopes, "scopes == null");
    if (clientId.isBlank()) throw new IllegalArgumentException("clientId must not be blank");
    for (String scope : scopes) {
      Objects.requireNonNull(scope, "scope == null");
      if (scope.isBlank() || !scope.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"' && c != '\\')) {
        throw new IllegalArgumentException("scope must be printable ASCII without spaces, quotes or backslashes (got \""
            + scope + "\")");
      }
    }
    Credential secret;
    try {
      secret = Credential.of(clientSecret);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage().replace("token", "clientSecret"));
    }
    return new OAuthClientCredentials(url, clientId, secret, List.copyOf(scopes));
  }

  /** Returns where tokens are fetched. */
  public HttpUrl tokenUrl() {
    return tokenUrl;
  }

  /** Returns the client id. */
  public String clientId() {
    return clientId;
  }

  /** Returns the client secret, which never shows itself. */
  public Credential clientSecret() {
    return clientSecret;
  }

  /** Returns the scopes each token is requested with; empty for the server's default. */
  public List<String> scopes() {
    return scopes;
  }

  /** Names the token URL and the client id; the secret is redacted. */
  @Override
  public String toString() {
    return "OAuthClientCredentials[tokenUrl=" + tokenUrl + ", clientId=" + clientId + ", clientSecret=redacted, scopes="
        + scopes + "]";
  }
}
