package dev.sessionkit.core;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The values of {@link ClientOptions}, with their defaults: written by a {@link ClientOptions.Builder},
 * then copied into the immutable options, which never change or hand out their copy.
 */
final class OptionValues {
  @Nullable HttpUrl baseUrl;
  @Nullable Credential credential;
  @Nullable OAuthClientCredentials oauthClientCredentials;
  String authHeader = "Authorization";
  String authScheme = "Bearer";
  Duration connectTimeout = ClientOptions.DEFAULT_CONNECT_TIMEOUT;
  Duration readTimeout = ClientOptions.DEFAULT_READ_TIMEOUT;
  Duration callTimeout = Duration.ZERO;
  int maxRetries = ClientOptions.DEFAULT_MAX_RETRIES;
  @Nullable OkHttpClient httpClient;
  LogLevel logLevel = LogLevel.NONE;
  HttpLogger logger = HttpLogger.system();
  boolean strictDecoding;
  long maxResponseBytes = ClientOptions.DEFAULT_MAX_RESPONSE_BYTES;
  long maxEventBytes = ClientOptions.DEFAULT_MAX_EVENT_BYTES;
  RetryBudget retryBudget = RetryBudget.DEFAULT;
  @Nullable Executor callbackExecutor;
  Clock clock = Clock.systemUTC();
  Sleeper sleeper = Sleeper.system();

  OptionValues copy() {
    OptionValues copy = new OptionValues();
    copy.baseUrl = baseUrl;
    copy.credential = credential;
    copy.oauthClientCredentials = oauthClientCredentials;
    copy.authHeader = authHeader;
    copy.authScheme = authScheme;
    copy.connectTimeout = connectTimeout;
    copy.readTimeout = readTimeout;
    copy.callTimeout = callTimeout;
    copy.maxRetries = maxRetries;
    copy.httpClient = httpClient;
    copy.logLevel = logLevel;
    copy.logger = logger;
    copy.strictDecoding = strictDecoding;
    copy.maxResponseBytes = maxResponseBytes;
    copy.maxEventBytes = maxEventBytes;
    copy.retryBudget = retryBudget;
    copy.callbackExecutor = callbackExecutor;
    copy.clock = clock;
    copy.sleeper = sleeper;
    return copy;
  }
}
