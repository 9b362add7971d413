package dev.sessionkit.core.http;

import dev.sessionkit.core.Credential;
import dev.sessionkit.errors.InsecureTransportException;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Puts the user agent, {@code Accept: application/json} and the credential on each request (one
 * copy of the request for all three), and refuses to send it over plain http to a host that is
 * not loopback. The builder checks the base URL already; this is the last line, on the wire.
 * Redirects are not followed at all (see {@link Transport}), so the credential never travels on.
 */
final class AuthInterceptor implements Interceptor {
  private final String userAgent;
  private final String header;
  private final String scheme;
  private final Credential credential;

  AuthInterceptor(String userAgent, String header, String scheme, Credential credential) {
    this.userAgent = userAgent;
    this.header = header;
    this.scheme = scheme;
    this.credential = credential;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!request.isHttps() && !Loopback.isLoopback(request.url().host())) {
      throw new InsecureTransportException(request.url().host());
    }
    String value = scheme.isEmpty() ? credential.reveal() : scheme + " " + credential.reveal();
    return chain.proceed(request.newBuilder()
        .header("User-Agent", userAgent)
        .header("Accept", "application/json")
        .header(header, value)
        .build());
  }

  @Override
  public String toString() {
    return "AuthInterceptor(" + header + ": redacted)";
  }
}
