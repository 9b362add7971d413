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

  /** The values, copied from a builder at build() and never changed or handed out after. */
  private final OptionValues values;

  private ClientOptions(OptionValues values) {
    Objects.requireNonNull(values.baseUrl, "baseUrl == null");
    Objects.requireNonNull(values.credential, "token == null");
    this.values = values;
  }

  /** Returns a builder with the defaults and no base URL or credential yet (both are required). */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these settings, credential included. */
  public Builder toBuilder() {
    return new Builder(values.copy());
  }

  /** Returns the URL every path is resolved against; it ends with {@code /}. */
  public HttpUrl baseUrl() {
    return values.baseUrl;
  }

  /** Returns the token or API key (redacted in {@code toString()}). */
  public Credential credential() {
    return values.credential;
  }

  /**
   * Returns the OAuth2 client credentials the client fetches its access tokens with, or null when it
   * sends a static credential. With them, {@link #credential()} is the client secret, never sent as is.
   */
  public @Nullable OAuthClientCredentials oauthClientCredentials() {
    return values.oauthClientCredentials;
  }

  /** Returns the header the credential goes in, for example {@code Authorization}. */
  public String authHeader() {
    return values.authHeader;
  }

  /** Returns the scheme before the credential, for example {@code Bearer}; empty for none. */
  public String authScheme() {
    return values.authScheme;
  }

  /** Returns how long to wait for a connection. */
  public Duration connectTimeout() {
    return values.connectTimeout;
  }

  /** Returns how long to wait between two bytes of a response. */
  public Duration readTimeout() {
    return values.readTimeout;
  }

  /** Returns how long one attempt of a call may take from start to end; zero for no limit. */
  public Duration callTimeout() {
    return values.callTimeout;
  }

  /** Returns how many times a failed request that is safe to repeat is retried; 0 when retries are off. */
  public int maxRetries() {
    return values.maxRetries;
  }

  /** Returns the OkHttp client whose pool and dispatcher are shared, or null for sessionkit's own shared one. */
  public @Nullable OkHttpClient httpClient() {
    return values.httpClient;
  }

  /** Returns what is logged of each exchange. */
  public LogLevel logLevel() {
    return values.logLevel;
  }

  /** Returns where log lines go. */
  public HttpLogger logger() {
    return values.logger;
  }

  /** Returns whether an unknown field, variant or enum value fails decoding. */
  public boolean strictDecoding() {
    return values.strictDecoding;
  }

  /** Returns the largest response body read, in bytes. */
  public long maxResponseBytes() {
    return values.maxResponseBytes;
  }

  /**
   * Returns the largest event of a live stream read, in bytes (its lines and fields together); a
   * stream is read event by event, so its whole length is not limited.
   */
  public long maxEventBytes() {
    return values.maxEventBytes;
  }

  /** Returns how many retries the client may spend while its requests keep failing. */
  public RetryBudget retryBudget() {
    return values.retryBudget;
  }

  /**
   * Returns the executor asynchronous results are handed to (futures complete, async pagers call
   * their consumer, there), or null to complete them on the thread that finished the I/O: OkHttp's
   * dispatcher.
   */
  public @Nullable Executor callbackExecutor() {
    return values.callbackExecutor;
  }

  /** Returns the clock {@code Retry-After} dates are read with. */
  public Clock clock() {
    return values.clock;
  }

  /** Returns how the client waits before a retry. */
  public Sleeper sleeper() {
    return values.sleeper;
  }

  /** Returns the options with the credential redacted. */
  @Override
  public String toString() {
    return "ClientOptions[baseUrl=" + values.baseUrl + ", credential=" + values.credential
        + (values.oauthClientCredentials == null ? "" : ", oauthClientCredentials=" + values.oauthClientCredentials)
        + ", authHeader=" + values.authHeader
        + ", connectTimeout=" + values.connectTimeout + ", readTimeout=" + values.readTimeout + ", callTimeout=" + values.callTimeout
        + ", maxRetries=" + values.maxRetries + ", logLevel=" + values.logLevel + ", strictDecoding=" + values.strictDecoding
        + ", maxResponseBytes=" + values.maxResponseBytes + ", maxEventBytes=" + values.maxEventBytes + ", retryBudget=" + values.retryBudget
        + (values.callbackExecutor == null ? "" : ", callbackExecutor=" + values.callbackExecutor) + "]";
  }

  /** Builds {@link ClientOptions}. A base URL and a credential are required. */
  public static final class Builder {
    private final OptionValues values;

    private Builder() {
      this.values = new OptionValues();
    }

    private Builder(OptionValues values) {
      this.values = values;
    }

    /** Sets the base URL; https, or plain http only to a loopback host. */
    public Builder baseUrl(String baseUrl) {
      values.baseUrl = SettingChecks.baseUrl(baseUrl);
      return this;
    }

    /** Returns whether a credential was set. */
    boolean hasCredential() {
      return values.credential != null;
    }

    /**
     * Sets the token (or API key) sent with every request, instead of any OAuth2 client credentials.
     * Never logged or echoed.
     */
    public Builder credential(Credential credential) {
      values.credential = Objects.requireNonNull(credential, "credential == null");
      values.oauthClientCredentials = null;
      return this;
    }

    /**
     * Authenticates with OAuth2 client credentials instead of a static credential: every request
     * carries {@code Authorization: Bearer} and an access token fetched with them (see
     * {@link OAuthClientCredentials}). The header set with {@link #authHeader} is then not used.
     */
    public Builder oauthClientCredentials(OAuthClientCredentials credentials) {
      values.oauthClientCredentials = Objects.requireNonNull(credentials, "oauthClientCredentials == null");
      values.credential = credentials.clientSecret();
      return this;
    }

    /** Sets the header the credential goes in and the scheme before it (empty for none). */
    public Builder authHeader(String header, String scheme) {
      Objects.requireNonNull(header, "authHeader == null");
      Objects.requireNonNull(scheme, "authScheme == null");
      if (header.isBlank()) throw new IllegalArgumentException("authHeader must not be blank");
      values.authHeader = header;
      values.authScheme = scheme;
      return this;
    }

    /** Sets how long to wait for a connection (default 10 s). */
    public Builder connectTimeout(Duration timeout) {
      values.connectTimeout = SettingChecks.positive("connectTimeout", timeout);
      return this;
    }

    /** Sets how long to wait between two bytes of a response (default 60 s). */
    public Builder readTimeout(Duration timeout) {
      values.readTimeout = SettingChecks.positive("readTimeout", timeout);
      return this;
    }

    /** Sets how long one attempt of a call may take from start to end; zero (the default) for no limit. */
    public Builder callTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "callTimeout == null");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("callTimeout must not be negative (got " + timeout + ")");
      }
      values.callTimeout = timeout;
      return this;
    }

    /** Sets how many times a failed request that is safe to repeat is retried (0 to 10, default 2). */
    public Builder maxRetries(int maxRetries) {
      values.maxRetries = SettingChecks.maxRetries(maxRetries);
      return this;
    }

    /** Shares {@code client}'s connection pool and dispatcher; the client itself is not changed. */
    public Builder httpClient(OkHttpClient client) {
      values.httpClient = Objects.requireNonNull(client, "httpClient == null");
      return this;
    }

    /** Sets what is logged (default {@link LogLevel#NONE}); credentials are always redacted. */
    public Builder logLevel(LogLevel level) {
      values.logLevel = Objects.requireNonNull(level, "logLevel == null");
      return this;
    }

    /** Sends log lines to {@code logger} instead of {@link HttpLogger#system()}. */
    public Builder logger(HttpLogger logger) {
      values.logger = Objects.requireNonNull(logger, "logger == null");
      return this;
    }

    /** Makes decoding strict: an unknown field, union variant or enum value fails. Off by default. */
    public Builder strictDecoding(boolean strict) {
      values.strictDecoding = strict;
      return this;
    }

    /** Sets the largest response body read, in bytes (default 32 MiB). */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes < 1) {
        throw new IllegalArgumentException("maxResponseBytes must be positive (got " + maxResponseBytes + ")");
      }
      values.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /** Sets the largest event of a live stream read, in bytes (default 4 MiB). */
    public Builder maxEventBytes(long maxEventBytes) {
      if (maxEventBytes < 1) {
        throw new IllegalArgumentException("maxEventBytes must be positive (got " + maxEventBytes + ")");
      }
      values.maxEventBytes = maxEventBytes;
      return this;
    }

    /** Sets how many retries the client may spend while its requests keep failing. */
    public Builder retryBudget(RetryBudget retryBudget) {
      values.retryBudget = Objects.requireNonNull(retryBudget, "retryBudget == null");
      return this;
    }

    /**
     * Hands asynchronous results to {@code executor}: futures complete there, and async pagers call
     * their consumer there, so that tracing and MDC context set up by the executor reach your code.
     * By default they run on the thread that finished the I/O (OkHttp's dispatcher).
     */
    public Builder callbackExecutor(Executor executor) {
      values.callbackExecutor = Objects.requireNonNull(executor, "callbackExecutor == null");
      return this;
    }

    /** Sets the clock {@code Retry-After} dates are read with (default the system clock, UTC). */
    public Builder clock(Clock clock) {
      values.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Sets how the client waits before a retry (default {@link Sleeper#system()}). */
    public Builder sleeper(Sleeper sleeper) {
      values.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * Builds the options.
     *
     * @throws NullPointerException if no base URL or no credential was set
     */
    public ClientOptions build() {
      return new ClientOptions(values.copy());
    }
  }
}
