package dev.sessionkit.core.internal.http;

import dev.sessionkit.core.ClientOptions;
import dev.sessionkit.core.LogLevel;
import dev.sessionkit.core.OAuthClientCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.logging.HttpLoggingInterceptor;

/**
 * Assembles the OkHttp client one sessionkit client sends through: the shared (or the user's)
 * connection pool and dispatcher, the client's timeouts, the auth interceptor, opt-in logging with
 * credentials redacted, no redirects and no silent retries of OkHttp's own.
 */
final class HttpStack {
  /** The client every sessionkit client shares by default: one connection pool, one dispatcher. */
  private static final OkHttpClient SHARED = new OkHttpClient();
  /** {@code sessionkit-java/<version>}, the version from the build. */
  static final String USER_AGENT = "sessionkit-java/" + version();

  private HttpStack() {}

  /** Returns the OkHttp client for a client with {@code options} speaking to {@code serviceName}. */
  static OkHttpClient okHttp(ClientOptions options, String serviceName) {
    OkHttpClient base = options.httpClient() != null ? options.httpClient() : SHARED;
    OkHttpClient.Builder builder = base.newBuilder()
        .connectTimeout(options.connectTimeout())
        .readTimeout(options.readTimeout())
        .callTimeout(options.callTimeout())
        // Every retry is the engine's, counted and within the budget.
        .retryOnConnectionFailure(false)
        // A redirect would carry the credential to wherever the Location points (OkHttp keeps
        // headers such as x-api-key across hosts); none of these APIs documents one, so a 3xx
        // is reported as an UnexpectedStatusException with its Location header instead.
        .followRedirects(false)
        .followSslRedirects(false)
        .addInterceptor(auth(base, options, USER_AGENT + " (" + serviceName + ")"))
        // OkHttp itself repeats a request at once, uncounted, when a 503 says "Retry-After: 0";
        // the same delay written as "0.0" keeps every retry the engine's.
        .addNetworkInterceptor(chain -> {
          Response response = chain.proceed(chain.request());
          return response.code() == 503 && "0".equals(response.header("Retry-After"))
              ? response.newBuilder().header("Retry-After", "0.0").build()
              : response;
        });
    if (options.logLevel() != LogLevel.NONE) {
      HttpLoggingInterceptor logging = new HttpLoggingInterceptor(options.logger()::log);
      // Never OkHttp's BODY level: it buffers a whole body (a page can be tens of MiB) before
      // logging it. At DEBUG, BodyLogger logs the start of each body instead.
      logging.setLevel(options.logLevel() == LogLevel.DEBUG
          ? HttpLoggingInterceptor.Level.HEADERS : HttpLoggingInterceptor.Level.BASIC);
      logging.redactHeader(options.authHeader());
      logging.redactHeader("Authorization");
      logging.redactHeader("Proxy-Authorization");
      logging.redactHeader("Cookie");
      logging.redactHeader("Set-Cookie");
      builder.addInterceptor(logging);
      if (options.logLevel() == LogLevel.DEBUG) builder.addInterceptor(new BodyLogger(options.logger()));
    }
    return builder.build();
  }

  /**
   * The interceptor that signs requests: the static credential, or OAuth2 access tokens fetched with
   * an OkHttp client of the same pool, timeouts and no redirects, but without this client's logging
   * (the token response is a secret too).
   */
  private static okhttp3.Interceptor auth(OkHttpClient base, ClientOptions options, String userAgent) {
    OAuthClientCredentials oauth = options.oauthClientCredentials();
    if (oauth == null) {
      return new AuthInterceptor(userAgent, options.authHeader(), options.authScheme(), options.credential());
    }
    OkHttpClient tokenClient = base.newBuilder()
        .connectTimeout(options.connectTimeout())
        .readTimeout(options.readTimeout())
        .callTimeout(options.callTimeout())
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .build();
    return new OAuthInterceptor(userAgent, new OAuthTokens(oauth, tokenClient, options.clock(), userAgent,
        new Logs(options.logLevel(), options.logger())));
  }

  private static String version() {
    try (InputStream in = HttpStack.class.getResourceAsStream("version.properties")) {
      if (in == null) return "unknown";
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
