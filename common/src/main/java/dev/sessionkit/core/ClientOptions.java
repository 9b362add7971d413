package dev.sessionkit.core;

import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one client, fixed when it is built. Created by {@link ClientBuilder}.
 *
 * @param baseUrl the URL every path is resolved against (ends with {@code /})
 * @param credential the token or API key
 * @param authHeader the header the credential goes in, for example {@code Authorization}
 * @param authScheme the scheme before the credential, for example {@code Bearer}; empty for none
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait between bytes of a response
 * @param callTimeout how long a whole call may take, retries excluded; zero for no limit
 * @param maxRetries how many times a failed idempotent request is retried; 0 turns retries off
 * @param httpClient the OkHttp client whose pool and dispatcher are shared, or null for sessionkit's shared one
 * @param logLevel what is logged of each exchange; {@code NONE} by default
 * @param logger where logs go, or null for OkHttp's default logger
 * @param strictDecoding whether an unknown field, variant or enum value fails decoding
 * @param maxResponseBytes the largest response body read, in bytes; a larger one fails with a
 *     {@link dev.sessionkit.errors.ResponseTooLargeException}
 * @param retryBudget how many retries the client may spend while requests keep failing
 */
public record ClientOptions(
    HttpUrl baseUrl,
    Credential credential,
    String authHeader,
    String authScheme,
    Duration connectTimeout,
    Duration readTimeout,
    Duration callTimeout,
    int maxRetries,
    @Nullable OkHttpClient httpClient,
    HttpLoggingInterceptor.Level logLevel,
    HttpLoggingInterceptor.@Nullable Logger logger,
    boolean strictDecoding,
    long maxResponseBytes,
    RetryBudget retryBudget) {

  /** Checks the options; see {@link ClientBuilder} for the rules. */
  public ClientOptions {
    Objects.requireNonNull(baseUrl, "baseUrl == null");
    Objects.requireNonNull(retryBudget, "retryBudget == null");
    if (maxResponseBytes < 1) {
      throw new IllegalArgumentException("maxResponseBytes must be positive (got " + maxResponseBytes + ")");
    }
    Objects.requireNonNull(credential, "credential == null");
    Objects.requireNonNull(authHeader, "authHeader == null");
    Objects.requireNonNull(authScheme, "authScheme == null");
    Objects.requireNonNull(logLevel, "logLevel == null");
    if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must be >= 0 (got " + maxRetries + ")");
  }

  /**
   * Creates options with the default response size limit and retry budget.
   *
   * @deprecated use the canonical constructor, or better a client builder
   */
  @Deprecated
  public ClientOptions(HttpUrl baseUrl, Credential credential, String authHeader, String authScheme,
      Duration connectTimeout, Duration readTimeout, Duration callTimeout, int maxRetries,
      @Nullable OkHttpClient httpClient, HttpLoggingInterceptor.Level logLevel,
      HttpLoggingInterceptor.@Nullable Logger logger, boolean strictDecoding) {
    this(baseUrl, credential, authHeader, authScheme, connectTimeout, readTimeout, callTimeout, maxRetries,
        httpClient, logLevel, logger, strictDecoding, ClientBuilder.DEFAULT_MAX_RESPONSE_BYTES, RetryBudget.DEFAULT);
  }

  /** Returns the options with the credential redacted. */
  @Override
  public String toString() {
    return "ClientOptions[baseUrl=" + baseUrl + ", credential=" + credential + ", authHeader=" + authHeader
        + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", callTimeout=" + callTimeout
        + ", maxRetries=" + maxRetries + ", logLevel=" + logLevel + ", strictDecoding=" + strictDecoding + ", maxResponseBytes=" + maxResponseBytes
        + ", retryBudget=" + retryBudget + "]";
  }
}
