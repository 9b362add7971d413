package dev.sessionkit.core;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one client, fixed when it is built: immutable, and safe to share. A client's
 * {@code options()} returns them; {@link #toBuilder()} gives a builder to make a variant. Vendor
 * client builders ({@link ClientBuilder}) set the same values and add the vendor's defaults.
 *
 * <p>Every setter checks its value at once and names the setting, the rule and the value; the
 * credential is never echoed, and {@link #toString()} redacts it.
 */
public final class ClientOptions {
  /** The default maximum number of retries of a failed request that is safe to repeat. */
  public static final int DEFAULT_MAX_RETRIES = 2;
  /** The default largest response body a client reads: 32 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 32L * 1024 * 1024;
  /** The default largest event of a live stream a client reads: 4 MiB. */
  public static final long DEFAULT_MAX_EVENT_BYTES = 4L * 1024 * 1024;
  /** The default time to wait for a connection. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** The default time to wait between two bytes of a response. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

  private final HttpUrl baseUrl;
  private final Credential credential;
  private final @Nullable OAuthClientCredentials oauthClientCredentials;
  private final String authHeader;
  private final String authScheme;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration callTimeout;
  private final int maxRetries;
  private final @Nullable OkHttpClient httpClient;
  private final LogLevel logLevel;
  private final HttpLogger logger;
  private final boolean strictDecoding;
  private final long maxResponseBytes;
  private final long maxEventBytes;
  private final RetryBudget retryBudget;
  private final @Nullable Executor callbackExecutor;
  private final Clock clock;
  private final Sleeper sleeper;

  private ClientOptions(Builder builder) {
    this.baseUrl = Objects.requireNonNull(builder.baseUrl, "baseUrl == null");
    this.credential = Objects.requireNonNull(builder.credential, "token == null");
    this.oauthClientCredentials = builder.oauthClientCredentials;
    this.authHeader = builder.authHeader;
    this.authScheme = builder.authScheme;
    this.connectTimeout = builder.connectTimeout;
    this.readTimeout = builder.readTimeout;
    this.callTimeout = builder.callTimeout;
    this.maxRetries = builder.maxRetries;
    this.httpClient = builder.httpClient;
    this.logLevel = builder.logLevel;
    this.logger = builder.logger;
    this.strictDecoding = builder.strictDecoding;
    this.maxResponseBytes = builder.maxResponseBytes;
    this.maxEventBytes = builder.maxEventBytes;
    this.retryBudget = builder.retryBudget;
    this.callbackExecutor = builder.callbackExecutor;
    this.clock = builder.clock;
    this.sleeper = builder.sleeper;
  }

  /** Returns a builder with the defaults and no base URL or credential yet (both are required). */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these settings, credential included. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the URL every path is resolved against; it ends with {@code /}. */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  /** Returns the token or API key (redacted in {@code toString()}). */
  public Credential credential() {
    return credential;
  }

  /**
   * Returns the OAuth2 client credentials the client fetches its access tokens with, or null when it
   * sends a static credential. With them, {@link #credential()} is the client secret, never sent as is.
   */
  public @Nullable OAuthClientCredentials oauthClientCredentials() {
    return oauthClientCredentials;
  }

  /** Returns the header the credential goes in, for example {@code Authorization}. */
  public String authHeader() {
    return authHeader;
  }

  /** Returns the scheme before the credential, for example {@code Bearer}; empty for none. */
  public String authScheme() {
    return authScheme;
  }

  /** Returns how long to wait for a connection. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Returns how long to wait between two bytes of a response. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** Returns how long one attempt of a call may take from start to end; zero for no limit. */
  public Duration callTimeout() {
    return callTimeout;
  }

  /** Returns how many times a failed request that is safe to repeat is retried; 0 when retries are off. */
  public int maxRetries() {
    return maxRetries;
  }

  /** Returns the OkHttp client whose pool and dispatcher are shared, or null for sessionkit's own shared one. */
  public @Nullable OkHttpClient httpClient() {
    return httpClient;
  }

  /** Returns what is logged of each exchange. */
  public LogLevel logLevel() {
    return logLevel;
  }

  /** Returns where log lines go. */
  public HttpLogger logger() {
    return logger;
  }

  /** Returns whether an unknown field, variant or enum value fails decoding. */
  public boolean strictDecoding() {
    return strictDecoding;
  }

  /** Returns the largest response body read, in bytes. */
  public long maxResponseBytes() {
    return maxResponseBytes;
  }

  /**
   * Returns the largest event of a live stream read, in bytes (its lines and fields together); a
   * stream is read event by event, so its whole length is not limited.
   */
  public long maxEventBytes() {
    return maxEventBytes;
  }

  /** Returns how many retries the client may spend while its requests keep failing. */
  public RetryBudget retryBudget() {
    return retryBudget;
  }

  /**
   * Returns the executor asynchronous results are handed to (futures complete, async pagers call
   * their consumer, there), or null to complete them on the thread that finished the I/O: OkHttp's
   * dispatcher.
   */
  public @Nullable Executor callbackExecutor() {
    return callbackExecutor;
  }

  /** Returns the clock {@code Retry-After} dates are read with. */
  public Clock clock() {
    return clock;
  }

  /** Returns how the client waits before a retry. */
  public Sleeper sleeper() {
    return sleeper;
  }

  /** Returns the options with the credential redacted. */
  @Override
  public String toString() {
    return "ClientOptions[baseUrl=" + baseUrl + ", credential=" + credential
        + (oauthClientCredentials == null ? "" : ", oauthClientCredentials=" + oauthClientCredentials)
        + ", authHeader=" + authHeader
        + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", callTimeout=" + callTimeout
        + ", maxRetries=" + maxRetries + ", logLevel=" + logLevel + ", strictDecoding=" + strictDecoding
        + ", maxResponseBytes=" + maxResponseBytes + ", maxEventBytes=" + maxEventBytes + ", retryBudget=" + retryBudget
        + (callbackExecutor == null ? "" : ", callbackExecutor=" + callbackExecutor) + "]";
  }

  /** Builds {@link ClientOptions}. A base URL and a credential are required. */
  public static final class Builder {
    private @Nullable HttpUrl baseUrl;
    private @Nullable Credential credential;
    private @Nullable OAuthClientCredentials oauthClientCredentials;
    private String authHeader = "Authorization";
    private String authScheme = "Bearer";
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private Duration callTimeout = Duration.ZERO;
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private @Nullable OkHttpClient httpClient;
    private LogLevel logLevel = LogLevel.NONE;
    private HttpLogger logger = HttpLogger.system();
    private boolean strictDecoding;
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private long maxEventBytes = DEFAULT_MAX_EVENT_BYTES;
    private RetryBudget retryBudget = RetryBudget.DEFAULT;
    private @Nullable Executor callbackExecutor;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();

    private Builder() {}

    private Builder(ClientOptions options) {
      this.baseUrl = options.baseUrl;
      this.credential = options.credential;
      this.oauthClientCredentials = options.oauthClientCredentials;
      this.authHeader = options.authHeader;
      this.authScheme = options.authScheme;
      this.connectTimeout = options.connectTimeout;
      this.readTimeout = options.readTimeout;
      this.callTimeout = options.callTimeout;
      this.maxRetries = options.maxRetries;
      this.httpClient = options.httpClient;
      this.logLevel = options.logLevel;
      this.logger = options.logger;
      this.strictDecoding = options.strictDecoding;
      this.maxResponseBytes = options.maxResponseBytes;
      this.maxEventBytes = options.maxEventBytes;
      this.retryBudget = options.retryBudget;
      this.callbackExecutor = options.callbackExecutor;
      this.clock = options.clock;
      this.sleeper = options.sleeper;
    }

    /** Sets the base URL; https, or plain http only to a loopback host. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = SettingChecks.baseUrl(baseUrl);
      return this;
    }

    /** Returns whether a credential was set. */
    boolean hasCredential() {
      return credential != null;
    }

    /**
     * Sets the token (or API key) sent with every request, instead of any OAuth2 client credentials.
     * Never logged or echoed.
     */
    public Builder credential(Credential credential) {
      this.credential = Objects.requireNonNull(credential, "credential == null");
      this.oauthClientCredentials = null;
      return this;
    }

    /**
     * Authenticates with OAuth2 client credentials instead of a static credential: every request
     * carries {@code Authorization: Bearer} and an access token fetched with them (see
     * {@link OAuthClientCredentials}). The header set with {@link #authHeader} is then not used.
     */
    public Builder oauthClientCredentials(OAuthClientCredentials credentials) {
      this.oauthClientCredentials = Objects.requireNonNull(credentials, "oauthClientCredentials == null");
      this.credential = credentials.clientSecret();
      return this;
    }

    /** Sets the header the credential goes in and the scheme before it (empty for none). */
    public Builder authHeader(String header, String scheme) {
      Objects.requireNonNull(header, "authHeader == null");
      Objects.requireNonNull(scheme, "authScheme == null");
      if (header.isBlank()) throw new IllegalArgumentException("authHeader must not be blank");
      this.authHeader = header;
      this.authScheme = scheme;
      return this;
    }

    /** Sets how long to wait for a connection (default 10 s). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = SettingChecks.positive("connectTimeout", timeout);
      return this;
    }

    /** Sets how long to wait between two bytes of a response (default 60 s). */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = SettingChecks.positive("readTimeout", timeout);
      return this;
    }

    /** Sets how long one attempt of a call may take from start to end; zero (the default) for no limit. */
    public Builder callTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "callTimeout == null");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("callTimeout must not be negative (got " + timeout + ")");
      }
      this.callTimeout = timeout;
      return this;
    }

    /** Sets how many times a failed request that is safe to repeat is retried (0 to 10, default 2). */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = SettingChecks.maxRetries(maxRetries);
      return this;
    }

    /** Shares {@code client}'s connection pool and dispatcher; the client itself is not changed. */
    public Builder httpClient(OkHttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "httpClient == null");
      return this;
    }

    /** Sets what is logged (default {@link LogLevel#NONE}); credentials are always redacted. */
    public Builder logLevel(LogLevel level) {
      this.logLevel = Objects.requireNonNull(level, "logLevel == null");
      return this;
    }

    /** Sends log lines to {@code logger} instead of {@link HttpLogger#system()}. */
    public Builder logger(HttpLogger logger) {
      this.logger = Objects.requireNonNull(logger, "logger == null");
      return this;
    }

    /** Makes decoding strict: an unknown field, union variant or enum value fails. Off by default. */
    public Builder strictDecoding(boolean strict) {
      this.strictDecoding = strict;
      return this;
    }

    /** Sets the largest response body read, in bytes (default 32 MiB). */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes < 1) {
        throw new IllegalArgumentException("maxResponseBytes must be positive (got " + maxResponseBytes + ")");
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /** Sets the largest event of a live stream read, in bytes (default 4 MiB). */
    public Builder maxEventBytes(long maxEventBytes) {
      if (maxEventBytes < 1) {
        throw new IllegalArgumentException("maxEventBytes must be positive (got " + maxEventBytes + ")");
      }
      this.maxEventBytes = maxEventBytes;
      return this;
    }

    /** Sets how many retries the client may spend while its requests keep failing. */
    public Builder retryBudget(RetryBudget retryBudget) {
      this.retryBudget = Objects.requireNonNull(retryBudget, "retryBudget == null");
      return this;
    }

    /**
     * Hands asynchronous results to {@code executor}: futures complete there, and async pagers call
     * their consumer there, so that tracing and MDC context set up by the executor reach your code.
     * By default they run on the thread that finished the I/O (OkHttp's dispatcher).
     */
    public Builder callbackExecutor(Executor executor) {
      this.callbackExecutor = Objects.requireNonNull(executor, "callbackExecutor == null");
      return this;
    }

    /** Sets the clock {@code Retry-After} dates are read with (default the system clock, UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Sets how the client waits before a retry (default {@link Sleeper#system()}). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * Builds the options.
     *
     * @throws NullPointerException if no base URL or no credential was set
     */
    public ClientOptions build() {
      return new ClientOptions(this);
    }
  }
}
