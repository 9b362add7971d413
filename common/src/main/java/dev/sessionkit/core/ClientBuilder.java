package dev.sessionkit.core;

import dev.sessionkit.core.http.Loopback;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;
import org.jspecify.annotations.Nullable;

/**
 * The settings every vendor client builder shares: credential, base URL, timeouts, retries, a shared
 * OkHttp client, logging and strict decoding. Each vendor's {@code Client.Builder} extends this and
 * adds {@code build()}.
 *
 * <p>Setters validate eagerly and name the parameter, the rule and the value; the credential is
 * never echoed.
 *
 * @param <B> the concrete builder, returned by every setter
 * @param <C> the client it builds
 */
public abstract class ClientBuilder<B extends ClientBuilder<B, C>, C> {
  /** The default maximum number of retries of a failed idempotent request. */
  public static final int DEFAULT_MAX_RETRIES = 2;
  /** The default largest response body a client reads: 32 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 32L * 1024 * 1024;

  private final String credentialEnv;
  private final String baseUrlEnv;
  private HttpUrl baseUrl;
  private @Nullable Credential credential;
  private String authHeader;
  private String authScheme;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration readTimeout = Duration.ofSeconds(60);
  private Duration callTimeout = Duration.ZERO;
  private int maxRetries = DEFAULT_MAX_RETRIES;
  private @Nullable OkHttpClient httpClient;
  private HttpLoggingInterceptor.Level logLevel = HttpLoggingInterceptor.Level.NONE;
  private HttpLoggingInterceptor.@Nullable Logger logger;
  private boolean strictDecoding;
  private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
  private RetryBudget retryBudget = RetryBudget.DEFAULT;

  /**
   * Creates a builder for a service at {@code defaultBaseUrl} whose credential goes in
   * {@code authHeader} after {@code authScheme}, read by {@link #fromEnv()} from {@code credentialEnv}
   * (and the base URL from {@code baseUrlEnv}).
   */
  protected ClientBuilder(String defaultBaseUrl, String authHeader, String authScheme, String credentialEnv,
      String baseUrlEnv) {
    this.baseUrl = parseBaseUrl(defaultBaseUrl);
    this.authHeader = authHeader;
    this.authScheme = authScheme;
    this.credentialEnv = credentialEnv;
    this.baseUrlEnv = baseUrlEnv;
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /** Sets the token (or API key) sent with every request. Never logged or echoed. */
  public B token(String token) {
    this.credential = Credential.of(token);
    return self();
  }

  /** Sets the base URL; https, or plain http only to a loopback host. */
  public B baseUrl(String baseUrl) {
    this.baseUrl = parseBaseUrl(baseUrl);
    return self();
  }

  /** Reads the credential (and base URL, if set) from the process environment. */
  public B fromEnv() {
    return fromEnv(System.getenv());
  }

  /**
   * Reads the credential and the optional base URL from {@code env}: the variables this vendor
   * documents. Variables that are unset or empty leave the builder as it was.
   */
  public B fromEnv(Map<String, String> env) {
    String token = env.get(credentialEnv);
    if (token != null && !token.isBlank()) token(token.strip());
    String url = env.get(baseUrlEnv);
    if (url != null && !url.isBlank()) baseUrl(url.strip());
    return self();
  }

  /** Returns the environment variable {@link #fromEnv()} reads the credential from. */
  public String credentialEnv() {
    return credentialEnv;
  }

  /** Sets how long to wait for a connection (default 10 s). */
  public B connectTimeout(Duration timeout) {
    this.connectTimeout = positive("connectTimeout", timeout);
    return self();
  }

  /** Sets how long to wait between bytes of a response (default 60 s). */
  public B readTimeout(Duration timeout) {
    this.readTimeout = positive("readTimeout", timeout);
    return self();
  }

  /** Sets how long one call may take from start to end; zero (the default) for no limit. */
  public B callTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "callTimeout == null");
    if (timeout.isNegative()) throw new IllegalArgumentException("callTimeout must not be negative (got " + timeout + ")");
    this.callTimeout = timeout;
    return self();
  }

  /**
   * Sets how many times a failed idempotent request (connection failure, 408, 429, 5xx) is retried
   * (default {@value #DEFAULT_MAX_RETRIES}); 0 turns retries off.
   */
  public B maxRetries(int maxRetries) {
    if (maxRetries < 0 || maxRetries > 10) {
      throw new IllegalArgumentException("maxRetries must be between 0 and 10 (got " + maxRetries + ")");
    }
    this.maxRetries = maxRetries;
    return self();
  }

  /** Turns retries off; the same as {@code maxRetries(0)}. */
  public B noRetries() {
    return maxRetries(0);
  }

  /** Shares {@code client}'s connection pool and dispatcher; the client itself is not changed. */
  public B httpClient(OkHttpClient client) {
    this.httpClient = Objects.requireNonNull(client, "httpClient == null");
    return self();
  }

  /** Logs each exchange at {@code level} through OkHttp's logging interceptor; credentials are redacted. */
  public B logLevel(HttpLoggingInterceptor.Level level) {
    this.logLevel = Objects.requireNonNull(level, "logLevel == null");
    return self();
  }

  /** Sends logs to {@code logger} instead of OkHttp's default. */
  public B logger(HttpLoggingInterceptor.Logger logger) {
    this.logger = Objects.requireNonNull(logger, "logger == null");
    return self();
  }

  /**
   * Makes decoding strict: an unknown field, union variant or enum value fails with a
   * {@link dev.sessionkit.errors.DecodingException} naming its JSON path. For contract tests; off by default.
   */
  public B strictDecoding(boolean strict) {
    this.strictDecoding = strict;
    return self();
  }

  /**
   * Sets the largest response body this client reads, in bytes (default 32 MiB). A larger body
   * fails with a {@link dev.sessionkit.errors.ResponseTooLargeException} as soon as the limit is
   * passed (at once when its {@code Content-Length} says so), instead of an {@code OutOfMemoryError}.
   * Bodies are decoded as they stream in, so memory follows what is kept, not the body's size;
   * raise the limit for very large unpaged responses, such as a Piper session with many runs.
   */
  public B maxResponseBytes(long maxResponseBytes) {
    if (maxResponseBytes < 1) {
      throw new IllegalArgumentException("maxResponseBytes must be positive (got " + maxResponseBytes + ")");
    }
    this.maxResponseBytes = maxResponseBytes;
    return self();
  }

  /**
   * Sets how many retries this client may spend while its requests keep failing (default
   * {@link RetryBudget#DEFAULT}: 500 tokens, 5 a retry, given back on success);
   * {@link RetryBudget#UNLIMITED} turns the budget off. Once it is spent, a failed request is not
   * retried but fails at once with the typed exception of its attempt.
   */
  public B retryBudget(RetryBudget retryBudget) {
    this.retryBudget = Objects.requireNonNull(retryBudget, "retryBudget == null");
    return self();
  }

  /** Changes the header the credential goes in and the scheme before it (empty for none). */
  protected B authHeader(String header, String scheme) {
    Objects.requireNonNull(header, "authHeader == null");
    Objects.requireNonNull(scheme, "authScheme == null");
    if (header.isBlank()) throw new IllegalArgumentException("authHeader must not be blank");
    this.authHeader = header;
    this.authScheme = scheme;
    return self();
  }

  /**
   * Copies every setting of {@code options} (another client's {@code options()}), credential
   * included, into this builder; each client's {@code toBuilder()} starts here, to build a variant
   * (stricter, slower, another base URL).
   */
  public B from(ClientOptions options) {
    this.baseUrl = options.baseUrl();
    this.credential = options.credential();
    this.authHeader = options.authHeader();
    this.authScheme = options.authScheme();
    this.connectTimeout = options.connectTimeout();
    this.readTimeout = options.readTimeout();
    this.callTimeout = options.callTimeout();
    this.maxRetries = options.maxRetries();
    this.httpClient = options.httpClient();
    this.logLevel = options.logLevel();
    this.logger = options.logger();
    this.strictDecoding = options.strictDecoding();
    this.maxResponseBytes = options.maxResponseBytes();
    this.retryBudget = options.retryBudget();
    return self();
  }

  /** Returns the checked options; fails when no credential was given. */
  protected ClientOptions options() {
    if (credential == null) {
      throw new IllegalStateException("token == null: call token(...) or set the " + credentialEnv
          + " environment variable and call fromEnv()");
    }
    return new ClientOptions(baseUrl, credential, authHeader, authScheme, connectTimeout, readTimeout,
        callTimeout, maxRetries, httpClient, logLevel, logger, strictDecoding, maxResponseBytes, retryBudget);
  }

  /** Builds the client. */
  public abstract C build();

  private static Duration positive(String name, Duration value) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive (got " + value + ")");
    }
    return value;
  }

  private static HttpUrl parseBaseUrl(String value) {
    Objects.requireNonNull(value, "baseUrl == null");
    HttpUrl url = HttpUrl.parse(value);
    if (url == null) throw new IllegalArgumentException("baseUrl must be an http or https URL (got \"" + value + "\")");
    if (!url.isHttps() && !Loopback.isLoopback(url.host())) {
      throw new IllegalArgumentException("baseUrl must use https unless its host is loopback (got \"" + value
          + "\"): credentials are never sent over plain http to another host");
    }
    if (!url.encodedPath().endsWith("/")) url = url.newBuilder().addPathSegment("").build();
    return url;
  }
}
