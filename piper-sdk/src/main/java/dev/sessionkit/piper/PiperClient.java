package dev.sessionkit.piper;

import dev.sessionkit.core.Checks;
import dev.sessionkit.core.ClientBuilder;
import dev.sessionkit.core.ClientOptions;
import dev.sessionkit.core.http.ServiceProfile;
import dev.sessionkit.core.http.Transport;
import dev.sessionkit.piper.internal.PiperErrors;
import dev.sessionkit.piper.internal.ScenariosApi;
import dev.sessionkit.piper.internal.SessionsApi;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A client for the Piper platform API: session runs and events, and scenario run results.
 * Thread-safe; build one and share it.
 *
 * <pre>{@code
 * PiperClient client = PiperClient.fromEnv(); // PIPER_API_TOKEN, optional PIPER_ORG_ID
 * SessionEventsResponse session = client.sessions().events(orgId, sessionId);
 * for (EventResponse event : RunEventsView.of(session)) {
 *   System.out.println(event.eventType() + ": " + event.content());
 * }
 * Optional<ScenarioRunDetail> run = client.scenarioRuns().findBySession(orgId, sessionId);
 * }</pre>
 */
public final class PiperClient {
  /** The environment variable {@link #fromEnv()} reads the platform token ({@code pat_...}) from. */
  public static final String TOKEN_ENV = "PIPER_API_TOKEN";
  /** The environment variable {@link #fromEnv()} reads an optional base URL from. */
  public static final String BASE_URL_ENV = "PIPER_BASE_URL";
  /** The environment variable {@link #fromEnv()} reads an optional default organization id from. */
  public static final String ORG_ID_ENV = "PIPER_ORG_ID";

  private final ClientOptions options;
  private final @Nullable String defaultOrgId;
  private final SessionsService sessions;
  private final ScenarioRunsService scenarioRuns;

  private PiperClient(ClientOptions options, @Nullable String defaultOrgId) {
    this.options = options;
    this.defaultOrgId = defaultOrgId;
    Transport transport = Transport.create(options,
        new ServiceProfile("Piper", List.of("x-request-id", "request-id"), new PiperErrors()));
    this.sessions = new SessionsService(transport, transport.service(SessionsApi.class), defaultOrgId);
    this.scenarioRuns = new ScenarioRunsService(transport, transport.service(ScenariosApi.class), defaultOrgId);
  }

  /** Returns a builder; {@link Builder#token} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a client whose token comes from {@value #TOKEN_ENV}, with the default organization id
   * from {@value #ORG_ID_ENV} and the base URL from {@value #BASE_URL_ENV}, if they are set.
   */
  public static PiperClient fromEnv() {
    return builder().fromEnv().build();
  }

  /** Returns the session operations: a session's runs and their events. */
  public SessionsService sessions() {
    return sessions;
  }

  /** Returns the scenario run operations: the scenario run of a session. */
  public ScenarioRunsService scenarioRuns() {
    return scenarioRuns;
  }

  /** Returns the organization id the one-argument methods use, if one was configured. */
  public Optional<String> defaultOrgId() {
    return Optional.ofNullable(defaultOrgId);
  }

  /** Returns the options this client was built with (the token redacted in {@code toString()}). */
  public ClientOptions options() {
    return options;
  }

  /** Returns a builder holding this client's settings, credential and default organization included. */
  public Builder toBuilder() {
    return new Builder().from(options()).defaultOrgId(defaultOrgId().orElse(null));
  }

  @Override
  public String toString() {
    return "PiperClient(" + options.baseUrl() + ")";
  }

  /**
   * Builds a {@link PiperClient}: token, optional default organization id, base URL, timeouts,
   * retries, a shared OkHttp client, logging.
   */
  public static final class Builder extends ClientBuilder<Builder, PiperClient> {
    private @Nullable String defaultOrgId;

    private Builder() {
      super(SessionsApi.BASE_URL, "Authorization", "Bearer", TOKEN_ENV, BASE_URL_ENV);
    }

    /**
     * Sets the organization id (a UUID) that {@code sessions().events(sessionId)} and the other
     * one-argument methods use; null clears it. Checked here, before any request.
     */
    public Builder defaultOrgId(@Nullable String orgId) {
      this.defaultOrgId = orgId == null ? null
          : Checks.requirePattern("defaultOrgId", orgId, SessionsApi.GET_SESSION_EVENTS_ORG_ID_PATTERN);
      return this;
    }

    /**
     * Reads the token from {@value PiperClient#TOKEN_ENV}, and the base URL from
     * {@value PiperClient#BASE_URL_ENV} and the default organization id from
     * {@value PiperClient#ORG_ID_ENV} when they are set. Unset or empty variables leave the builder
     * as it was.
     */
    @Override
    public Builder fromEnv(Map<String, String> env) {
      super.fromEnv(env);
      String orgId = env.get(ORG_ID_ENV);
      if (orgId != null && !orgId.isBlank()) defaultOrgId(orgId.strip());
      return this;
    }

    /** Builds the client; fails if no token was given. */
    @Override
    public PiperClient build() {
      return new PiperClient(options(), defaultOrgId);
    }
  }
}
