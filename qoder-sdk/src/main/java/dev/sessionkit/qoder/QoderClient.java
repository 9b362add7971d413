package dev.sessionkit.qoder;

import dev.sessionkit.core.ClientBuilder;
import dev.sessionkit.core.ClientOptions;
import dev.sessionkit.core.http.ServiceProfile;
import dev.sessionkit.core.http.Transport;
import dev.sessionkit.qoder.internal.EventsApi;
import dev.sessionkit.qoder.internal.QoderErrors;
import java.util.List;

/**
 * A client for the Qoder Cloud Agents session API. Thread-safe; build one and share it.
 *
 * <pre>{@code
 * QoderClient client = QoderClient.fromEnv(); // QODER_PAT
 * for (SessionEvent event : client.sessions().iterateEvents("sess_019e392c0d1e74e095d21ea4c6b41def")) {
 *   if (event instanceof UserMessageEvent message) System.out.println(message.content());
 * }
 * }</pre>
 */
public final class QoderClient {
  /** The environment variable {@link #fromEnv()} reads the personal access token from. */
  public static final String TOKEN_ENV = "QODER_PAT";
  /** The environment variable {@link #fromEnv()} reads an optional base URL from. */
  public static final String BASE_URL_ENV = "QODER_BASE_URL";

  private final ClientOptions options;
  private final SessionsService sessions;

  private QoderClient(ClientOptions options) {
    this.options = options;
    Transport transport = Transport.create(options,
        new ServiceProfile("Qoder", List.of("x-request-id", "request-id"), new QoderErrors()));
    this.sessions = new SessionsService(transport, transport.service(EventsApi.class));
  }

  /** Returns a builder; {@link Builder#token} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a client whose token comes from {@value #TOKEN_ENV} (and base URL from {@value #BASE_URL_ENV}, if set). */
  public static QoderClient fromEnv() {
    return builder().fromEnv().build();
  }

  /** Returns the session operations. */
  public SessionsService sessions() {
    return sessions;
  }

  /** Returns the options this client was built with (the token redacted in {@code toString()}). */
  public ClientOptions options() {
    return options;
  }

  /** Returns a builder holding this client's settings, credential included, to build a variant. */
  public Builder toBuilder() {
    return new Builder().from(options);
  }

  @Override
  public String toString() {
    return "QoderClient(" + options.baseUrl() + ")";
  }

  /** Builds a {@link QoderClient}: token, base URL, timeouts, retries, a shared OkHttp client, logging. */
  public static final class Builder extends ClientBuilder<Builder, QoderClient> {
    private Builder() {
      super(EventsApi.BASE_URL, "Authorization", "Bearer", TOKEN_ENV, BASE_URL_ENV);
    }

    /** Builds the client; fails if no token was given. */
    @Override
    public QoderClient build() {
      return new QoderClient(options());
    }
  }
}
