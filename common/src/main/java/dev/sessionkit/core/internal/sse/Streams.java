package dev.sessionkit.core.internal.sse;

import com.squareup.moshi.JsonAdapter;
import dev.sessionkit.core.EventStream;
import dev.sessionkit.core.internal.http.Engine;
import dev.sessionkit.core.internal.http.Resumption;
import dev.sessionkit.core.spi.ErrorBodyParser;
import dev.sessionkit.core.spi.StreamSpec;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * Opens live streams for {@code ClientRuntime}: blocking as an {@link EventStream}, or as a cold
 * {@link Flow.Publisher} whose every subscription opens its own stream.
 *
 * <p>{@link EventStream} keeps its constructor private so that it is no API; it hands this class
 * the means to make one when it is initialized (the JDK's "shared secrets" pattern).
 */
public final class Streams {
  private static volatile @Nullable Function<BlockingEvents<?>, EventStream<?>> eventStreams;

  private Streams() {}

  /**
   * What one stream is read with.
   *
   * @param engine the client's engine
   * @param spec how the stream reads and resumes
   * @param adapter the adapter of {@code spec.eventType()}
   * @param errors the reader of error events' data
   * @param request the first request, prepared (options applied, {@code Accept: text/event-stream})
   * @param resumeRequest the prepared request that resumes after a cursor (request-field resume)
   * @param maxEventBytes the largest event read
   * @param maxRetries the request options' retry limit, or null for the client's
   * @param timeout the request options' timeout (until the response headers), or null for the client's
   */
  public record Setup<T>(Engine engine, StreamSpec<T> spec, JsonAdapter<T> adapter, ErrorBodyParser errors,
      Request request, Function<String, Request> resumeRequest, long maxEventBytes, @Nullable Integer maxRetries,
      @Nullable Duration timeout) {
    StreamSession<T> session() {
      return new StreamSession<>(engine, new Resumption(engine, maxRetries, timeout), spec, adapter, errors, request,
          resumeRequest, maxEventBytes);
    }
  }

  /** Called once, by {@link EventStream}'s static initializer. */
  public static void install(Function<BlockingEvents<?>, EventStream<?>> factory) {
    eventStreams = Objects.requireNonNull(factory, "factory == null");
  }

  /**
   * Opens the stream, blocking until its response headers arrive (retried like a call).
   *
   * @throws dev.sessionkit.errors.SessionkitException a subclass that says why it could not be opened
   */
  @SuppressWarnings("unchecked")
  public static <T> EventStream<T> open(Setup<T> setup) {
    StreamSession<T> session = setup.session();
    session.open();
    return (EventStream<T>) factory().apply(new BlockingEvents<>(session));
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

  private static Function<BlockingEvents<?>, EventStream<?>> factory() {
    Function<BlockingEvents<?>, EventStream<?>> factory = eventStreams;
    if (factory != null) return factory;
    try {
      Class.forName(EventStream.class.getName(), true, EventStream.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    return Objects.requireNonNull(eventStreams, "EventStream did not install its factory");
  }
}
