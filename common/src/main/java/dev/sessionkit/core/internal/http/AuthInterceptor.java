package dev.sessionkit.core.internal.http;

import dev.sessionkit.core.Credential;
import dev.sessionkit.core.internal.Loopback;
import dev.sessionkit.errors.InsecureTransportException;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Puts the user agent, {@code Accept: application/json} (unless the request asks for another type)
 * and the credential on each request (one copy of the request for all three), and refuses to send
 * it over plain http to a host that is not loopback. The builder checks the base URL already; this is
 * the last line, on the wire. Redirects are not followed at all (see {@link HttpStack}), so the
 * credential never travels on. Throws only {@link IOException}s, as OkHttp's contract asks.
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
      throw new InterceptedFailure(new InsecureTransportException(request.url().host()));
    }
    String value = scheme.isEmpty() ? credential.reveal() : scheme + " " + credential.reveal();
    Request.Builder signed = request.newBuilder()
        .header("User-Agent", userAgent)
        .header(header, value);
    if (request.header("Accept") == null) signed.header("Accept", "application/json");
    return chain.proceed(signed.build());
  }

  @Override
  public String toString() {
    return "AuthInterceptor(" + header + ": redacted)";
  }
}
