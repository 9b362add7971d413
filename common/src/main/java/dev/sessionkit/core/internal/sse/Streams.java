package dev.sessionkit.core.internal.sse;

import com.squareup.moshi.JsonAdapter;
import dev.sessionkit.core.internal.LiveEvents;
import dev.sessionkit.core.internal.http.Engine;
import dev.sessionkit.core.internal.http.Resumption;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * Opens live streams for {@code ClientRuntime}: blocking, read on the calling thread, or as a cold
 * {@link Flow.Publisher} whose every subscription opens its own stream.
 */
public final class Streams {
  private Streams() {}

  /**
   * What one stream is read with.
   *
   * @param engine the client's engine
   * @param rules how the stream's events are told apart and how it resumes
   * @param adapter the adapter each event's data decodes with
   * @param request the first request, prepared (options applied, {@code Accept: text/event-stream})
   * @param resumeRequest the prepared request that resumes after a cursor (request-field resume), or null
   *     when the request sent cannot carry one
   * @param maxEventBytes the largest event read
   * @param maxRetries the request options' retry limit, or null for the client's
   * @param timeout the request options' timeout (until the response headers), or null for the client's
   */
  public record Setup<T>(Engine engine, StreamRules rules, JsonAdapter<T> adapter, Request request,
      Function<String, @Nullable Request> resumeRequest, long maxEventBytes, @Nullable Integer maxRetries,
      @Nullable Duration timeout) {
    StreamSession<T> session() {
      return new StreamSession<>(engine, new Resumption(engine, maxRetries, timeout), rules, adapter, request,
          resumeRequest, maxEventBytes);
    }
  }

  /**
   * Opens the stream, blocking until its response headers arrive (retried like a call).
   *
   * @throws dev.sessionkit.errors.SessionkitException a subclass that says why it could not be opened
   */
  public static <T> LiveEvents<T> open(Setup<T> setup) {
    StreamSession<T> session = setup.session();
    session.open();
    return new BlockingEvents<>(session);
  }

  /** Returns a cold publisher: each subscription builds its setup (which may fail) and opens its own stream. */
  public static <T> Flow.Publisher<T> publisher(Engine engine, Supplier<Setup<T>> setups) {
    return subscriber -> {
      Objects.requireNonNull(subscriber, "subscriber == null");
      StreamSubscription<T> subscription = new StreamSubscription<>(subscriber, engine.callbackExecutor(),
          engine.serviceName());
      subscriber.onSubscribe(subscription);
      subscription.start(() -> setups.get().session());
    };
  }
}
