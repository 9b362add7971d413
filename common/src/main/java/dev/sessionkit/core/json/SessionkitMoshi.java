package dev.sessionkit.core.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The one Moshi configuration every sessionkit client uses.
 *
 * <p>It adds RFC 3339 {@code OffsetDateTime}/{@code Instant} (0 to 9 fraction digits, any offset),
 * exact {@code BigDecimal}, raw {@link JsonValue}, {@link OpenEnum}s that keep unknown values and
 * {@link JsonUnion}s that keep unknown variants.
 *
 * <p><b>Strict decoding</b>, meant for contract tests, is Moshi's own
 * {@link JsonAdapter#failOnUnknown()}: an unknown field, union variant or enum value then fails
 * with a {@link com.squareup.moshi.JsonDataException} that names its JSON path. Strict decoding
 * also refuses a missing required field ({@code Required field "session_id" missing at $.data[3]})
 * and a number where the spec says string. Lenient decoding keeps a record that lacks a required
 * field; its accessor then throws {@link dev.sessionkit.errors.MissingFieldException} naming the
 * field's path, so a required value is never a silent {@code null}. A {@link DriftListener} hears
 * of everything lenient decoding tolerates ({@link #adapter(Type, DriftListener)}).
 *
 * <p>Generated models carry their own adapters (no reflection when decoding); this class finds
 * them by naming convention, so a custom {@link Moshi.Builder} from {@link #newBuilder()} uses them
 * too. They are the only way a {@link JsonUnion} or an {@link OpenEnum} is read: asking for the
 * adapter of one that has no generated adapter fails with an {@link IllegalArgumentException}
 * naming the type.
 *
 * <pre>{@code
 * JsonAdapter<SessionEventList> strict = SessionkitMoshi.adapter(SessionEventList.class, true);
 * strict.fromJson(recordedResponse); // throws on drift, naming $.data[3].foo
 * }</pre>
 */
public final class SessionkitMoshi {
  private static final Moshi MOSHI = newBuilder().build();

  private SessionkitMoshi() {}

  /** Returns the shared, immutable Moshi instance. */
  public static Moshi moshi() {
    return MOSHI;
  }

  /** Returns a builder preconfigured with sessionkit's adapters, to add your own to. */
  public static Moshi.Builder newBuilder() {
    return new Moshi.Builder()
        .add(new GeneratedAdapterFactory())
        .add(String.class, new TextAdapter())
        .add(new ScalarAdapters());
  }

  /** Returns an adapter for {@code type} that is strict (fails on any drift) or lenient. */
  public static <T> JsonAdapter<T> adapter(Class<T> type, boolean strict) {
    return adapter((Type) type, strict);
  }

  /**
   * Returns an adapter for the generic {@code type} that is strict (fails on any drift) or lenient.
   *
   * <p>Whatever goes wrong while it reads, it fails with Moshi's {@link JsonDataException} (or
   * {@link com.squareup.moshi.JsonEncodingException} for malformed JSON) naming the JSON path: an
   * error raised inside a value's conversion, such as a timestamp out of {@code java.time}'s range,
   * is wrapped, never thrown as it is.
   */
  public static <T> JsonAdapter<T> adapter(Type type, boolean strict) {
    JsonAdapter<T> adapter = MOSHI.adapter(type);
    return new Guarded<>(strict ? adapter.failOnUnknown() : adapter);
  }

  /**
   * Returns a lenient adapter for {@code type} that tells {@code listener} of every drift it
   * tolerates (unknown fields, variants and enum values, missing required fields, numbers sent for
   * strings), each with its JSON path. It fails as {@link #adapter(Type, boolean)} does.
   */
  public static <T> JsonAdapter<T> adapter(Class<T> type, DriftListener listener) {
    return adapter((Type) type, listener);
  }

  /** Like {@link #adapter(Class, DriftListener)}, for a generic {@code type}. */
  public static <T> JsonAdapter<T> adapter(Type type, DriftListener listener) {
    Objects.requireNonNull(listener, "listener == null");
    JsonAdapter<T> adapter = MOSHI.adapter(type);
    return new Guarded<>(new Reporting<>(adapter, listener));
  }

  /** Attaches the listener to the reader, where the generated adapters look for it. */
  private static final class Reporting<T> extends JsonAdapter<T> {
    private final JsonAdapter<T> delegate;
    private final DriftListener listener;

    Reporting(JsonAdapter<T> delegate, DriftListener listener) {
      this.delegate = delegate;
      this.listener = listener;
    }

    @Override
    public @Nullable T fromJson(JsonReader reader) throws IOException {
      reader.setTag(DriftListener.class, listener);
      return delegate.fromJson(reader);
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable T value) throws IOException {
      delegate.toJson(writer, value);
    }

    @Override
    public String toString() {
      return delegate + ".reporting(" + listener + ")";
    }
  }

  /** Turns any runtime failure inside the delegate into a JsonDataException that names the path. */
  private static final class Guarded<T> extends JsonAdapter<T> {
    private final JsonAdapter<T> delegate;

    Guarded(JsonAdapter<T> delegate) {
      this.delegate = delegate;
    }

    @Override
    public @Nullable T fromJson(JsonReader reader) throws IOException {
      try {
        return delegate.fromJson(reader);
      } catch (JsonDataException e) {
        throw e;
      } catch (RuntimeException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        throw new JsonDataException(why + " at " + reader.getPath(), e);
      }
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable T value) throws IOException {
      delegate.toJson(writer, value);
    }

    @Override
    public String toString() {
      return delegate + ".guarded()";
    }
  }
}
