package dev.sessionkit.pipecat;

import dev.sessionkit.core.ClientBuilder;
import dev.sessionkit.core.ClientOptions;
import dev.sessionkit.core.http.ServiceProfile;
import dev.sessionkit.core.http.Transport;
import dev.sessionkit.pipecat.internal.PipecatErrors;
import dev.sessionkit.pipecat.internal.SessionsApi;
import java.util.List;

/**
 * A client for the Pipecat Cloud private REST API's session details. Thread-safe; build one and share it.
 *
 * <pre>{@code
 * PipecatClient client = PipecatClient.fromEnv(); // PIPECAT_API_KEY, a Private API key
 * SessionDetails session = client.sessions().get("my-agent", "800d444a-e67e-4686-afb3-b0de509cccb3");
 * for (ResourceSample sample : ResourceSamples.of(session)) {
 *   System.out.println(sample.time() + ": " + sample.cpuMillicores() + " millicores");
 * }
 * }</pre>
 */
public final class PipecatClient {
  /** The environment variable {@link #fromEnv()} reads the Private API key from. */
  public static final String TOKEN_ENV = "PIPECAT_API_KEY";
  /** The environment variable {@link #fromEnv()} reads an optional base URL from. */
  public static final String BASE_URL_ENV = "PIPECAT_BASE_URL";

  private final ClientOptions options;
  private final SessionsService sessions;

  private PipecatClient(ClientOptions options) {
    this.options = options;
    Transport transport = Transport.create(options,
        new ServiceProfile("Pipecat Cloud", List.of("x-request-id", "request-id"), new PipecatErrors()));
    this.sessions = new SessionsService(transport, transport.service(SessionsApi.class));
  }

  /** Returns a builder; {@link Builder#token} (a Pipecat Cloud Private API key) is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a client whose Private API key comes from {@value #TOKEN_ENV} (and base URL from {@value #BASE_URL_ENV}, if set). */
  public static PipecatClient fromEnv() {
    return builder().fromEnv().build();
  }

  /** Returns the session operations. */
  public SessionsService sessions() {
    return sessions;
  }

  /** Returns the options this client was built with (the key redacted in {@code toString()}). */
  public ClientOptions options() {
    return options;
  }

  /** Returns a builder holding this client's settings, credential included, to build a variant. */
  public Builder toBuilder() {
    return new Builder().from(options);
  }

  @Override
  public String toString() {
    return "PipecatClient(" + options.baseUrl() + ")";
  }

  /** Builds a {@link PipecatClient}: Private API key, base URL, timeouts, retries, a shared OkHttp client, logging. */
  public static final class Builder extends ClientBuilder<Builder, PipecatClient> {
    private Builder() {
      super(SessionsApi.BASE_URL, "Authorization", "Bearer", TOKEN_ENV, BASE_URL_ENV);
    }

    /** Builds the client; fails if no Private API key was given. */
    @Override
    public PipecatClient build() {
      return new PipecatClient(options());
    }
  }
}
