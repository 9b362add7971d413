package dev.sessionkit.core.internal.http;

import com.squareup.moshi.JsonReader;
import dev.sessionkit.core.OAuthClientCredentials;
import dev.sessionkit.errors.AuthenticationException;
import dev.sessionkit.errors.ErrorDetails;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * The access token of a client with OAuth2 client credentials: fetched from the token URL when
 * first needed, kept, and fetched again shortly before it expires or after the server refused it.
 * One fetch at a time (single flight): threads that need a token while one is being fetched wait
 * for it instead of fetching their own. The secret goes only in the token request's
 * {@code Authorization: Basic} header; no message, log line or {@code toString} shows it.
 */
final class OAuthTokens {
  /** The longest a token is refreshed before it expires. */
  static final Duration MAX_MARGIN = Duration.ofMinutes(2);
  /** How much of a token endpoint's answer is read. */
  private static final int MAX_BODY_BYTES = 64 * 1024;

  /** A token and when to fetch the next one (null: when the server refuses it). */
  private record Token(String value, @Nullable Instant refreshAt) {}

  private final OAuthClientCredentials credentials;
  private final OkHttpClient http;
  private final Clock clock;
  private final String userAgent;
  private final Logs logs;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile @Nullable Token current;

  OAuthTokens(OAuthClientCredentials credentials, OkHttpClient http, Clock clock, String userAgent, Logs logs) {
    this.credentials = credentials;
    this.http = http;
    this.clock = clock;
    this.userAgent = userAgent;
    this.logs = logs;
  }

  /**
   * Returns a token that has not reached its refresh time, fetching one if needed.
   *
   * @throws InterceptedFailure carrying an {@link AuthenticationException} when the token endpoint
   *     refuses the credentials (not retried)
   * @throws IOException when the token endpoint cannot be reached or fails (5xx, 408, 429): the
   *     request is then retried, or not, like any connection failure
   */
  String token() throws IOException {
    Token token = current;
    if (fresh(token)) return token.value();
    try {
      lock.lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for an OAuth2 access token");
    }
    try {
      token = current;
      if (fresh(token)) return token.value();
      token = fetch();
      current = token;
      return token.value();
    } finally {
      lock.unlock();
    }
  }

  /** Forgets {@code refused}, which the server answered 401 to, unless another thread already replaced it. */
  void refused(String refused) {
    lock.lock();
    try {
      Token token = current;
      if (token != null && token.value().equals(refused)) current = null;
    } finally {
      lock.unlock();
    }
  }

  private boolean fresh(@Nullable Token token) {
    return token != null && (token.refreshAt() == null || clock.instant().isBefore(token.refreshAt()));
  }

  private Token fetch() throws IOException {
    FormBody.Builder form = new FormBody.Builder().add("grant_type", "client_credentials");
    if (!credentials.scopes().isEmpty()) form.add("scope", String.join(" ", credentials.scopes()));
    // RFC 6749 §2.3.1: the id and the secret are form-encoded, then joined and Base64-encoded.
    String basic = Base64.getEncoder().encodeToString((formEncode(credentials.clientId()) + ":"
        + formEncode(credentials.clientSecret().reveal())).getBytes(StandardCharsets.UTF_8));
    Request request = new Request.Builder().url(credentials.tokenUrl()).post(form.build())
        .header("Authorization", "Basic " + basic)
        .header("Accept", "application/json")
        .header("User-Agent", userAgent)
        .build();
    Instant asked = clock.instant();
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) throw refusal(response);
      Token token = read(response.body(), asked);
      logs.debug(() -> "fetched an OAuth2 access token from " + credentials.tokenUrl() + (token.refreshAt() == null
          ? " (no expiry given)" : " (refreshed after " + token.refreshAt() + ")"));
      return token;
    }
  }

  private Token read(ResponseBody body, Instant asked) throws IOException {
    String value = null;
    Long expiresIn = null;
    try (JsonReader reader = JsonReader.of(okio.Okio.buffer(new BoundedSource(body.source(), MAX_BODY_BYTES)))) {
      reader.beginObject();
      while (reader.hasNext()) {
        String name = reader.nextName();
        JsonReader.Token kind = reader.peek();
        if (name.equals("access_token") && kind == JsonReader.Token.STRING) {
          value = reader.nextString();
        } else if (name.equals("expires_in") && (kind == JsonReader.Token.NUMBER || kind == JsonReader.Token.STRING)) {
          expiresIn = (long) Double.parseDouble(reader.nextString());
        } else {
          reader.skipValue();
        }
      }
      reader.endObject();
    } catch (com.squareup.moshi.JsonDataException | com.squareup.moshi.JsonEncodingException | NumberFormatException
        | BoundedSource.TooLarge e) {
      throw new InterceptedFailure(failure(200, "the OAuth2 token endpoint " + credentials.tokenUrl()
          + " answered with a body that is not a token response", null));
    }
    if (value == null || value.isBlank()) {
      throw new InterceptedFailure(failure(200, "the OAuth2 token endpoint " + credentials.tokenUrl()
          + " answered without an access_token", null));
    }
    if (expiresIn == null || expiresIn <= 0) return new Token(value, null);
    Duration lifetime = Duration.ofSeconds(expiresIn);
    Duration margin = lifetime.dividedBy(2).compareTo(MAX_MARGIN) < 0 ? lifetime.dividedBy(2) : MAX_MARGIN;
    return new Token(value, asked.plus(lifetime).minus(margin));
  }

  /** The failure for an error answer: retried as a connection failure when the server may recover. */
  private IOException refusal(Response response) throws IOException {
    int status = response.code();
    if (status == 408 || status == 429 || status >= 500) {
      return new IOException("the OAuth2 token endpoint " + credentials.tokenUrl() + " answered " + status);
    }
    String body = response.peekBody(MAX_BODY_BYTES).string();
    String error = null;
    String description = null;
    try (JsonReader reader = JsonReader.of(new okio.Buffer().writeUtf8(body))) {
      reader.beginObject();
      while (reader.hasNext()) {
        String name = reader.nextName();
        if (name.equals("error") && reader.peek() == JsonReader.Token.STRING) error = reader.nextString();
        else if (name.equals("error_description") && reader.peek() == JsonReader.Token.STRING) description = reader.nextString();
        else reader.skipValue();
      }
    } catch (IOException | RuntimeException notJson) {
      // Not an RFC 6749 error response: the status says enough.
    }
    String message = "the OAuth2 token endpoint " + credentials.tokenUrl() + " refused the client credentials of "
        + credentials.clientId() + (error == null ? "" : ": " + error) + (description == null ? "" : " (" + description + ")");
    return new InterceptedFailure(failure(status, message, error));
  }

  private static AuthenticationException failure(int status, String message, @Nullable String code) {
    return new AuthenticationException(status, new ErrorDetails(code, message, null), null, okhttp3.Headers.of(), null,
        1, null);
  }

  private static String formEncode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "OAuthTokens(" + credentials.tokenUrl() + ", " + credentials.clientId() + ")";
  }
}
