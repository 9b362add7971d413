package dev.sessionkit.agents;

import dev.sessionkit.agents.internal.AgentsErrors;
import dev.sessionkit.agents.internal.EventsApi;
import dev.sessionkit.core.ClientBuilder;
import dev.sessionkit.core.ClientOptions;
import dev.sessionkit.core.http.ServiceProfile;
import dev.sessionkit.core.http.Transport;
import java.util.List;

/**
 * A client for the Agents API v2 (Vectara) session events. Thread-safe; build one and share it.
 *
 * <p>By default the credential is an API key sent in the {@value #API_KEY_HEADER} header, as
 * Vectara's "Vectara REST API v2" page documents; {@link Builder#bearerToken(String)} sends an
 * OAuth 2.0 access token as {@code Authorization: Bearer} instead.
 *
 * <pre>{@code
 * AgentsClient client = AgentsClient.fromEnv(); // AGENTS_API_KEY
 * for (AgentEvent event : client.sessions().iterateEvents("agt_customer_support", "ase_customer_support_001")) {
 *   if (event instanceof AgentOutputEvent output) System.out.println(output.content());
 * }
 * }</pre>
 */
public final class AgentsClient {
  /** The environment variable {@link #fromEnv()} reads the API key from. */
  public static final String TOKEN_ENV = "AGENTS_API_KEY";
  /** The environment variable {@link #fromEnv()} reads an optional base URL from. */
  public static final String BASE_URL_ENV = "AGENTS_BASE_URL";
  /** The header an API key goes in, the default. */
  public static final String API_KEY_HEADER = "x-api-key";

  private final ClientOptions options;
  private final SessionsService sessions;

  private AgentsClient(ClientOptions options) {
    this.options = options;
    // Vectara documents no request-id response header; the id comes from the error body's request_id.
    Transport transport = Transport.create(options, new ServiceProfile("Agents API v2", List.of(), new AgentsErrors()));
    this.sessions = new SessionsService(transport, transport.service(EventsApi.class));
  }

  /** Returns a builder; a credential ({@link Builder#apiKey}, {@link Builder#bearerToken} or {@code token}) is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a client whose API key comes from {@value #TOKEN_ENV} (and base URL from {@value #BASE_URL_ENV}, if set). */
  public static AgentsClient fromEnv() {
    return builder().fromEnv().build();
  }

  /** Returns the session operations. */
  public SessionsService sessions() {
    return sessions;
  }

  /** Returns the options this client was built with (the credential redacted in {@code toString()}). */
  public ClientOptions options() {
    return options;
  }

  /** Returns a builder holding this client's settings, credential included, to build a variant. */
  public Builder toBuilder() {
    return new Builder().from(options);
  }

  @Override
  public String toString() {
    return "AgentsClient(" + options.baseUrl() + ")";
  }

  /**
   * Builds an {@link AgentsClient}: credential and how it is sent, base URL, timeouts, retries, a
   * shared OkHttp client, logging.
   *
   * <p>The credential goes in {@value AgentsClient#API_KEY_HEADER} unless {@link #bearerToken} or
   * {@link #authHeader} says otherwise; the last of these calls wins.
   */
  public static final class Builder extends ClientBuilder<Builder, AgentsClient> {
    private Builder() {
      super(EventsApi.BASE_URL, API_KEY_HEADER, "", TOKEN_ENV, BASE_URL_ENV);
    }

    /** Sets a Vectara API key, sent as {@code x-api-key: <key>} (the default). Never logged or echoed. */
    public Builder apiKey(String apiKey) {
      return token(apiKey).authHeader(API_KEY_HEADER, "");
    }

    /**
     * Sets an OAuth 2.0 access token (a JWT from Vectara's client credentials flow), sent as
     * {@code Authorization: Bearer <token>} instead of an API key. Never logged or echoed.
     */
    public Builder bearerToken(String accessToken) {
      return token(accessToken).authHeader("Authorization", "Bearer");
    }

    /**
     * Sends the credential in {@code header} after {@code scheme} (empty for none), for a gateway that
     * expects another header; {@link #apiKey} and {@link #bearerToken} cover Vectara's two documented ways.
     */
    @Override
    public Builder authHeader(String header, String scheme) {
      return super.authHeader(header, scheme);
    }

    /** Builds the client; fails if no credential was given. */
    @Override
    public AgentsClient build() {
      return new AgentsClient(options());
    }
  }
}
