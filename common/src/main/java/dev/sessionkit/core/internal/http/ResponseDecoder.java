package dev.sessionkit.core.internal.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.errors.DecodingException;
import dev.sessionkit.errors.ResponseTooLargeException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Okio;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a successful JSON response as it streams in: nothing is copied first, so a value that
 * lenient decoding skips costs no more than the read buffer, and at most {@code maxResponseBytes}
 * are read.
 */
final class ResponseDecoder {
  private final String serviceName;
  private final long maxResponseBytes;
  private final RequestIds requestIds;

  ResponseDecoder(String serviceName, long maxResponseBytes, RequestIds requestIds) {
    this.serviceName = serviceName;
    this.maxResponseBytes = maxResponseBytes;
    this.requestIds = requestIds;
  }

  /**
   * Decodes {@code response}'s body with {@code adapter}.
   *
   * @throws IOException when the connection fails while the body is read (retried as such)
   * @throws DecodingException when a complete body is not what the spec describes
   */
  <T> RawResponse<T> decode(Response response, JsonAdapter<T> adapter, int attempts) throws IOException {
    ResponseBody body = response.body();
    String requestId = requestIds.of(response.headers());
    if (body.contentLength() > maxResponseBytes) throw tooLarge(response, requestId, "", attempts);
    BoundedSource bounded = new BoundedSource(body.source(), maxResponseBytes);
    JsonReader reader = JsonReader.of(Okio.buffer(bounded));
    T value;
    try {
      value = adapter.fromJson(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new JsonDataException("JSON document was not fully consumed at " + reader.getPath());
      }
    } catch (BoundedSource.TooLarge e) {
      throw tooLarge(response, requestId, bounded.start(), attempts);
    } catch (JsonEncodingException | EOFException | JsonDataException e) {
      // Malformed JSON, a body that ended before its JSON did, or JSON of the wrong shape.
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (!why.contains("$")) why += " at " + reader.getPath();
      throw new DecodingException("could not decode the " + serviceName + " response to "
          + describe(response.request()) + ": " + why, e, response.code(), requestId, bounded.start(), attempts);
    }
    // Any other IOException is the connection failing mid-body: not the body's fault, retried as such.
    if (value == null) {
      throw new DecodingException("the " + serviceName + " response to " + describe(response.request())
          + " was JSON null", new JsonDataException("null at $"), response.code(), requestId, bounded.start(),
          attempts);
    }
    return new RawResponse<>(response.code(), response.headers(), requestId, attempts, value);
  }

  /** Answers a response the spec documents without a body; whatever body came is discarded. */
  RawResponse<Void> empty(Response response, int attempts) {
    try (response) {
      return new RawResponse<>(response.code(), response.headers(), requestIds.of(response.headers()), attempts, null);
    }
  }

  /**
   * Answers a binary response with its body as a stream of at most {@code maxResponseBytes}, which
   * the caller reads and closes; a {@code Content-Length} over the limit fails at once.
   */
  RawResponse<InputStream> binary(Response response, int attempts) {
    ResponseBody body = response.body();
    String requestId = requestIds.of(response.headers());
    if (body.contentLength() > maxResponseBytes) {
      response.close();
      throw tooLarge(response, requestId, "", attempts);
    }
    BoundedSource bounded = new BoundedSource(body.source(), maxResponseBytes);
    InputStream stream = new BodyStream(Okio.buffer(bounded).inputStream(), response,
        () -> tooLarge(response, requestId, "", attempts));
    return new RawResponse<>(response.code(), response.headers(), requestId, attempts, stream);
  }

  private ResponseTooLargeException tooLarge(Response response, @Nullable String requestId, String start,
      int attempts) {
    return new ResponseTooLargeException("the " + serviceName + " response to " + describe(response.request())
        + " is larger than maxResponseBytes (" + maxResponseBytes + " bytes)", response.code(), requestId,
        maxResponseBytes, start, attempts);
  }

  static String describe(Request request) {
    return request.method() + " " + request.url();
  }
}
