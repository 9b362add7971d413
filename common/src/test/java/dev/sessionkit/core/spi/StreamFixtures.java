package dev.sessionkit.core.spi;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import dev.sessionkit.core.EventStream;
import dev.sessionkit.core.RequestOptions;
import dev.sessionkit.core.json.JsonUnion;
import dev.sessionkit.core.json.JsonValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.SocketEffect;
import okhttp3.ResponseBody;
import okio.BufferedSink;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.Streaming;

/** What the live-stream tests share: the API, a small event union, bodies and the two ways to read a stream. */
public final class StreamFixtures {
  private StreamFixtures() {}

  /** Streaming operations shaped like the vendors': a Qoder-like GET and a Vectara-like POST. */
  interface Api {
    @Streaming
    @GET("sessions/{id}/events/stream")
    Call<ResponseBody> events(@Path("id") String sessionId);

    @Streaming
    @GET("sessions/{id}/events/stream")
    Call<ResponseBody> eventsSince(@Path("id") String sessionId, @Query("since") String since);

    @Streaming
    @POST("sessions/{id}/inputs")
    Call<ResponseBody> input(@Path("id") String sessionId, @Body Map<String, Object> body);
  }

  /** A small event union told apart by {@code type}, shaped as the sealedUnion template generates them. */
  @JsonUnion(discriminator = "type", labels = {"message", "end"}, variants = {Msg.class, End.class},
      unknown = Ev.Unknown.class)
  public sealed interface Ev permits Msg, End, Ev.Unknown {
    @Nullable String type();

    /** A variant this spec does not know, kept raw. */
    record Unknown(@Nullable String type, JsonValue raw) implements Ev {}

    /** The union's adapter, as generated: a look-ahead for {@code type}, then the variant's own adapter. */
    final class MoshiAdapter extends JsonAdapter<Ev> {
      private final JsonAdapter<Msg> message;
      private final JsonAdapter<End> end;

      /** Asks {@code moshi} for the variants' adapters. */
      public MoshiAdapter(Moshi moshi) {
        this.message = moshi.adapter(Msg.class);
        this.end = moshi.adapter(End.class);
      }

      @Override
      public @Nullable Ev fromJson(JsonReader reader) throws IOException {
        String label = null;
        if (reader.peek() == JsonReader.Token.BEGIN_OBJECT) {
          JsonReader peek = reader.peekJson();
          peek.beginObject();
          while (peek.hasNext()) {
            if (peek.nextName().equals("type") && peek.peek() == JsonReader.Token.STRING) {
              label = peek.nextString();
              break;
            }
            peek.skipValue();
          }
        }
        if ("message".equals(label)) return message.fromJson(reader);
        if ("end".equals(label)) return end.fromJson(reader);
        ModelSupport.unknownVariant(reader, Ev.class, "type", label);
        try (BufferedSource source = reader.nextSource()) {
          return new Unknown(label, new JsonValue(source.readUtf8()));
        }
      }

      @Override
      public void toJson(JsonWriter writer, @Nullable Ev value) {
        throw new UnsupportedOperationException("events are only read");
      }
    }
  }

  /** An event carrying its number. */
  public record Msg(@Json(name = "type") String type, @Json(name = "n") int n) implements Ev {}

  /** The end of a stream. */
  public record End(@Json(name = "type") String type) implements Ev {}

  /** A Qoder-like frame: {@code id}, {@code event} and flat JSON data. */
  static String frame(int n) {
    return "id: " + n + "\nevent: message\ndata: {\"type\":\"message\",\"n\":" + n + "}\n\n";
  }

  /** Frames {@code from} to {@code to}, inclusive. */
  static String frames(int from, int to) {
    StringBuilder body = new StringBuilder();
    for (int n = from; n <= to; n++) body.append(frame(n));
    return body.toString();
  }

  /** A complete {@code text/event-stream} response of {@code body}; ending it is a clean end of the body. */
  static MockResponse sse(String body) {
    return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(body).build();
  }

  /** A response that sends {@code body} and then drops the connection, promising more than it sent. */
  static MockResponse cut(String body) {
    return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(body)
        .removeHeader("Content-Length").addHeader("Content-Length", body.length() + 4096)
        .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build();
  }

  /**
   * A response that sends {@code body}, then a comment every 20 ms until the client goes away;
   * {@link #gone} opens then.
   */
  static final class Endless implements MockResponseBody {
    final CountDownLatch gone = new CountDownLatch(1);
    private final String body;

    Endless(String body) {
      this.body = body;
    }

    MockResponse response() {
      return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(this).build();
    }

    @Override
    public long getContentLength() {
      return Long.MAX_VALUE / 2;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      try {
        sink.writeUtf8(body).flush();
        for (int i = 0; i < 3_000; i++) {
          Thread.sleep(20);
          sink.writeUtf8(": keep-alive\n").flush();
        }
      } catch (IOException closedByClient) {
        gone.countDown();
        throw closedByClient;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** What reading a stream gave: the events, then the failure that ended it, if any. */
  record Outcome(List<Ev> events, @Nullable Throwable failure) {
    List<Integer> numbers() {
      List<Integer> numbers = new ArrayList<>();
      for (Ev event : events) if (event instanceof Msg msg) numbers.add(msg.n());
      return numbers;
    }
  }

  /** The two ways to read a stream. */
  enum Reading {
    /** {@link EventStream}, iterated on the test's thread. */
    SYNC {
      @Override
      Outcome read(ClientRuntime runtime, Supplier<Call<?>> call, StreamSpec<Ev> spec, RequestOptions options) {
        List<Ev> events = new ArrayList<>();
        try (EventStream<Ev> stream = runtime.stream(call.get(), spec, options)) {
          for (Ev event : stream) events.add(event);
          return new Outcome(events, null);
        } catch (RuntimeException e) {
          return new Outcome(events, e);
        }
      }
    },
    /** The publisher, one event requested at a time. */
    ASYNC {
      @Override
      Outcome read(ClientRuntime runtime, Supplier<Call<?>> call, StreamSpec<Ev> spec, RequestOptions options)
          throws Exception {
        List<Ev> events = new ArrayList<>();
        CompletableFuture<@Nullable Throwable> done = new CompletableFuture<>();
        runtime.streamAsync(call, spec, options).subscribe(new Flow.Subscriber<>() {
          private Flow.Subscription subscription;

          @Override
          public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
          }

          @Override
          public void onNext(Ev item) {
            events.add(item);
            subscription.request(1);
          }

          @Override
          public void onError(Throwable throwable) {
            done.complete(throwable);
          }

          @Override
          public void onComplete() {
            done.complete(null);
          }
        });
        Throwable failure = done.get(10, TimeUnit.SECONDS);
        return new Outcome(List.copyOf(events), failure);
      }
    };

    abstract Outcome read(ClientRuntime runtime, Supplier<Call<?>> call, StreamSpec<Ev> spec, RequestOptions options)
        throws Exception;
  }
}
