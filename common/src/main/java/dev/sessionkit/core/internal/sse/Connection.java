package dev.sessionkit.core.internal.sse;

import dev.sessionkit.core.internal.http.Engine;
import dev.sessionkit.errors.ApiException;
import dev.sessionkit.errors.DecodingException;
import java.io.IOException;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.Response;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * One open response of a live stream and the call behind it. {@link #cancel()} may be called from
 * any thread and unblocks a read in progress; {@link #close()} releases the response and is called
 * only by the thread that reads it (or when nobody does).
 */
final class Connection implements AutoCloseable {
  final Call call;
  final Response response;
  final int attempts;
  final @Nullable String requestId;

  private Connection(Call call, Response response, int attempts, @Nullable String requestId) {
    this.call = call;
    this.response = response;
    this.attempts = attempts;
    this.requestId = requestId;
  }

  /**
   * The engine's success handler for a stream: keeps a {@code text/event-stream} response open, with
   * no call timeout left to end it (reads are still bounded by the read timeout), as okhttp-sse does.
   * A 204 is a stream that ends at once. Any other type fails typed, with the start of its body.
   */
  static Engine.SuccessHandler<Connection> opener(Engine engine) {
    return (call, response, attempts) -> {
      String requestId = engine.requestId(response.headers());
      MediaType type = response.body().contentType();
      boolean eventStream = type != null && "text".equals(type.type()) && "event-stream".equals(type.subtype());
      if (response.code() != 204 && !eventStream) {
        String start;
        try (response) {
          start = response.peekBody(ApiException.MAX_BODY_CHARS).string();
        }
        throw new DecodingException("the " + engine.serviceName() + " response to " + response.request().method()
            + " " + response.request().url() + " is " + (type == null ? "of no content type" : type)
            + ", not a text/event-stream", null, response.code(), requestId, start, attempts);
      }
      call.timeout().cancel();
      return new Connection(call, response, attempts, requestId);
    };
  }

  /** Returns whether the server said there is nothing to stream (204): the stream ends. */
  boolean noContent() {
    return response.code() == 204;
  }

  BufferedSource body() {
    return response.body().source();
  }

  /** Cancels the call: a read in progress on another thread fails at once. Thread-safe. */
  void cancel() {
    call.cancel();
  }

  @Override
  public void close() {
    response.close();
  }
}
