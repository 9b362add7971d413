package dev.sessionkit.core.internal;

import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What {@code dev.sessionkit.core.EventStream} reads: a live stream on the calling thread,
 * implemented by the stream runtime. It lives here, in a package that depends on no other
 * sessionkit package, so that neither {@code dev.sessionkit.core} nor the runtime depends on the
 * other.
 *
 * @param <T> what each event decodes to
 */
public interface LiveEvents<T> {
  /**
   * Returns the next event, blocking until it arrives, or null when the stream ended or was closed.
   *
   * @throws dev.sessionkit.errors.SessionkitException a subclass that says why the stream failed
   */
  @Nullable T next();

  /** Returns where to resume the stream, or null when no event id (or cursor) arrived. */
  @Nullable String lastEventId();

  /** Closes the stream from any thread; a blocked {@link #next()} returns null. */
  void close();

  /**
   * Returns {@code events} as an {@code EventStream}, whose constructor is private so that it is no
   * API: the class hands over the means to make one when it is initialized ({@link Factory#install}),
   * the JDK's "shared secrets" pattern.
   */
  static Object eventStream(LiveEvents<?> events) {
    return Factory.get().apply(events);
  }

  /** Where {@code EventStream} leaves its constructor. */
  final class Factory {
    private static final String EVENT_STREAM = "dev.sessionkit.core.EventStream";
    private static volatile @Nullable Function<LiveEvents<?>, Object> factory;

    private Factory() {}

    /** Called once, by {@code EventStream}'s static initializer. */
    public static void install(Function<LiveEvents<?>, Object> eventStreams) {
      factory = Objects.requireNonNull(eventStreams, "eventStreams == null");
    }

    static Function<LiveEvents<?>, Object> get() {
      Function<LiveEvents<?>, Object> installed = factory;
      if (installed != null) return installed;
      try {
        Class.forName(EVENT_STREAM, true, LiveEvents.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(EVENT_STREAM + " is missing", e);
      }
      return Objects.requireNonNull(factory, "EventStream did not install its factory");
    }
  }
}
