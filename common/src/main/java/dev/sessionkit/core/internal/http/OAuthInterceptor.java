package dev.sessionkit.core.internal.http;

import dev.sessionkit.core.internal.Loopback;
import dev.sessionkit.errors.InsecureTransportException;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Like {@link AuthInterceptor}, for a client with OAuth2 client credentials: puts the user agent,
 * {@code Accept} and {@code Authorization: Bearer <access token>} on each request, and when the
 * server answers 401 to a token it forgets the token, fetches a new one and sends the request once
 * more. Throws only {@link IOException}s, as OkHttp's contract asks.
 */
final class OAuthInterceptor implements Interceptor {
  private final String userAgent;
  private final OAuthTokens tokens;

  OAuthInterceptor(String userAgent, OAuthTokens tokens) {
    this.userAgent = userAgent;
    this.tokens = tokens;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!request.isHttps() && !Loopback.isLoopback(request.url().host())) {
      throw new InterceptedFailure(new InsecureTransportException(request.url().host()));
    }
    String token = tokens.token();
    Response response = chain.proceed(sign(request, token));
    if (response.code() != 401 || request.body() != null && request.body().isOneShot()) return response;
    response.close();
    tokens.refused(token);
    return chain.proceed(sign(request, tokens.token()));
  }

  private Request sign(Request request, String token) {
    Request.Builder signed = request.newBuilder()
        .header("User-Agent", userAgent)
        .header("Authorization", "Bearer " + token);
    if (request.header("Accept") == null) signed.header("Accept", "application/json");
    return signed.build();
  }

  @Override
  public String toString() {
    return "OAuthInterceptor(" + tokens + ")";
  }
}
