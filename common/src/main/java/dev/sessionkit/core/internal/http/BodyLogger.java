package dev.sessionkit.core.internal.http;

import dev.sessionkit.core.HttpLogger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * At {@code LogLevel.DEBUG}, logs the start of each request and response body, at most
 * {@link #LIMIT} bytes: the response's by peeking, so it is still read whole by the decoder and
 * memory stays bounded whatever the body's size. Live event streams are not peeked.
 */
final class BodyLogger implements Interceptor {
  static final int LIMIT = 16 * 1024;

  private final HttpLogger logger;

  BodyLogger(HttpLogger logger) {
    this.logger = logger;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    RequestBody body = request.body();
    if (body != null && !body.isOneShot() && !body.isDuplex() && isText(body.contentType())) {
      Buffer buffer = new Buffer();
      body.writeTo(buffer);
      logger.log("--> body " + start(buffer, buffer.size()));
    }
    Response response = chain.proceed(request);
    MediaType type = response.body().contentType();
    if (isText(type) && (type == null || !"event-stream".equals(type.subtype()))) {
      Buffer peeked = new Buffer();
      peeked.writeAll(response.peekBody(LIMIT + 1L).source());
      logger.log("<-- body " + start(peeked, peeked.size()));
    }
    return response;
  }

  /** JSON or text, or no type at all (a JSON API that names none); never a binary type. */
  private static boolean isText(MediaType type) {
    return type == null || "text".equals(type.type()) || type.subtype().contains("json");
  }

  private static String start(Buffer buffer, long size) throws IOException {
    if (size <= LIMIT) return buffer.readString(StandardCharsets.UTF_8);
    return buffer.readString(LIMIT, StandardCharsets.UTF_8) + "… (" + size + "+ bytes, the first " + LIMIT + " shown)";
  }
}
