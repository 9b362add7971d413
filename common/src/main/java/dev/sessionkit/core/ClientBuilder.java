package dev.sessionkit.core;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import okhttp3.OkHttpClient;

/**
 * The settings every vendor client builder shares: credential, base URL, timeouts, retries, a shared
 * OkHttp client, logging, strict decoding, the callback executor and, for tests, the clock and
 * sleeper. Each vendor's {@code Client.Builder} extends this, knows its vendor's environment
 * variables and defaults, and adds {@code build()}. The values end up in {@link ClientOptions}.
 *
 * <p>Setters validate eagerly and name the parameter, the rule and the value; the credential is
 * never echoed.
 *
 * @param <B> the concrete builder, returned by every setter
 * @param <C> the client it builds
 */
public abstract class ClientBuilder<B extends ClientBuilder<B, C>, C> {
  /** The default maximum number of retries of a failed request that is safe to repeat. */
  public static final int DEFAULT_MAX_RETRIES = ClientOptions.DEFAULT_MAX_RETRIES;
  /** The default largest response body a client reads: 32 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = ClientOptions.DEFAULT_MAX_RESPONSE_BYTES;

  private final String credentialEnv;
  private final String baseUrlEnv;
  private ClientOptions.Builder options = ClientOptions.builder();

  /**
   * Creates a builder for a service at {@code defaultBaseUrl} whose credential goes in
   * {@code authHeader} after {@code authScheme}, read by {@link #fromEnv()} from {@code credentialEnv}
   * (and the base URL from {@code baseUrlEnv}).
   */
  protected ClientBuilder(String defaultBaseUrl, String authHeader, String authScheme, String credentialEnv,
      String baseUrlEnv) {
    options.baseUrl(defaultBaseUrl).authHeader(authHeader, authScheme);
    this.credentialEnv = credentialEnv;
    this.baseUrlEnv = baseUrlEnv;
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /**
   * Sets the token (or API key) sent with every request, instead of any OAuth2 client credentials.
   * Never logged or echoed.
   */
  public B token(String token) {
    options.credential(Credential.of(token));
    return self();
  }

  /** Sets the base URL; https, or plain http only to a loopback host. */
  public B baseUrl(String baseUrl) {
    options.baseUrl(baseUrl);
    return self();
  }

  /** Reads the credential, the base URL and {@value LogLevel#ENV} from the process environment. */
  public B fromEnv() {
    return fromEnv(System.getenv());
  }

  /**
   * Reads from {@code env} the credential, the optional base URL (the variables this vendor documents)
   * and the optional log level, {@value LogLevel#ENV} ({@code info} or {@code debug}). Variables that
   * are unset or empty leave the builder as it was.
   *
   * @throws IllegalArgumentException if a variable is set to a value that is not allowed, naming it
   */
  public B fromEnv(Map<String, String> env) {
    String token = env.get(credentialEnv);
    if (token != null && !token.isBlank()) token(token.strip());
    String url = env.get(baseUrlEnv);
    if (url != null && !url.isBlank()) baseUrl(url.strip());
    String log = env.get(LogLevel.ENV);
    if (log != null && !log.isBlank()) logLevel(LogLevel.parse(log));
    return self();
  }

  /** Returns the environment variable {@link #fromEnv()} reads the credential from. */
  public String credentialEnv() {
    return credentialEnv;
  }

  /** Sets how long to wait for a connection (default 10 s). */
  public B connectTimeout(Duration timeout) {
    options.connectTimeout(timeout);
    return self();
  }

  /** Sets how long to wait between two bytes of a response (default 60 s). */
  public B readTimeout(Duration timeout) {
    options.readTimeout(timeout);
    return self();
  }

  /** Sets how long one attempt of a call may take from start to end; zero (the default) for no limit. */
  public B callTimeout(Duration timeout) {
    options.callTimeout(timeout);
    return self();
  }

  /**
   * Sets how many times a failed request that is safe to repeat (connection failure, 408, 429, 5xx)
   * is retried (default {@value #DEFAULT_MAX_RETRIES}); 0 turns retries off.
   */
  public B maxRetries(int maxRetries) {
    options.maxRetries(maxRetries);
    return self();
  }

  /** Turns retries off; the same as {@code maxRetries(0)}. */
  public B noRetries() {
    return maxRetries(0);
  }

  /** Shares {@code client}'s connection pool and dispatcher; the client itself is not changed. */
  public B httpClient(OkHttpClient client) {
    options.httpClient(client);
    return self();
  }

  /** Sets what is logged (default {@link LogLevel#NONE}, or {@value LogLevel#ENV} with {@code fromEnv}). */
  public B logLevel(LogLevel level) {
    options.logLevel(level);
    return self();
  }

  /** Sends log lines to {@code logger} instead of {@link HttpLogger#system()}. */
  public B logger(HttpLogger logger) {
    options.logger(logger);
    return self();
  }

  /**
   * Makes decoding strict: an unknown field, union variant or enum value fails with a
   * {@link dev.sessionkit.errors.DecodingException} naming its JSON path. For contract tests; off by default.
   */
  public B strictDecoding(boolean strict) {
    options.strictDecoding(strict);
    return self();
  }

  /**
   * Sets the largest response body this client reads, in bytes (default 32 MiB). A larger body
   * fails with a {@link dev.sessionkit.errors.ResponseTooLargeException} as soon as the limit is
   * passed (at once when its {@code Content-Length} says so), instead of an {@code OutOfMemoryError}.
   * Bodies are decoded as they stream in, so memory follows what is kept, not the body's size;
   * raise the limit for very large unpaged responses, such as a session with many runs.
   */
  public B maxResponseBytes(long maxResponseBytes) {
    options.maxResponseBytes(maxResponseBytes);
    return self();
  }

  /**
   * Sets the largest event of a live stream this client reads, in bytes (default 4 MiB). A larger
   * event fails the stream with a {@link dev.sessionkit.errors.ResponseTooLargeException} as soon
   * as the limit is passed; the stream's whole length is not limited, since it is read event by event.
   */
  public B maxEventBytes(long maxEventBytes) {
    options.maxEventBytes(maxEventBytes);
    return self();
  }

  /**
   * Sets how many retries this client may spend while its requests keep failing (default
   * {@link RetryBudget#DEFAULT}: 500 tokens, 5 a retry, given back on success);
   * {@link RetryBudget#UNLIMITED} turns the budget off. Once it is spent, a failed request is not
   * retried but fails at once with the typed exception of its attempt.
   */
  public B retryBudget(RetryBudget retryBudget) {
    options.retryBudget(retryBudget);
    return self();
  }

  /**
   * Hands asynchronous results to {@code executor}: futures complete there, and async pagers call
   * their consumer there, so that tracing and MDC context the executor carries reach your code. By
   * default they run on the thread that finished the I/O (OkHttp's dispatcher).
   */
  public B callbackExecutor(Executor executor) {
    options.callbackExecutor(executor);
    return self();
  }

  /** Sets the clock {@code Retry-After} dates are read with (default the system clock); for tests. */
  public B clock(Clock clock) {
    options.clock(clock);
    return self();
  }

  /** Sets how the client waits before a retry (default {@link Sleeper#system()}); for tests. */
  public B sleeper(Sleeper sleeper) {
    options.sleeper(sleeper);
    return self();
  }

  /**
   * Authenticates with OAuth2 client credentials exchanged at {@code tokenUrl} for access tokens,
   * instead of a static token; a vendor builder whose spec declares the flow offers it publicly.
   * The last of this and {@link #token} wins.
   */
  protected B clientCredentials(String tokenUrl, String clientId, String clientSecret, String... scopes) {
    options.oauthClientCredentials(OAuthClientCredentials.of(tokenUrl, clientId, clientSecret, List.of(scopes)));
    return self();
  }

  /** Changes the header the credential goes in and the scheme before it (empty for none). */
  protected B authHeader(String header, String scheme) {
    options.authHeader(header, scheme);
    return self();
  }

  /**
   * Copies every setting of {@code options} (another client's {@code options()}), credential
   * included, into this builder; each client's {@code toBuilder()} starts here, to build a variant
   * (stricter, slower, another base URL).
   */
  public B from(ClientOptions options) {
    this.options = options.toBuilder();
    return self();
  }

  /** Returns the checked options; fails when no credential was given. */
  protected ClientOptions options() {
    if (!options.hasCredential()) {
      throw new IllegalStateException("token == null: call token(...) or set the " + credentialEnv
          + " environment variable and call fromEnv()");
    }
    return options.build();
  }

  /** Builds the client. */
  public abstract C build();
}
