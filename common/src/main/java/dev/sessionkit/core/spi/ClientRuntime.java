package dev.sessionkit.core.spi;

import com.squareup.moshi.JsonAdapter;
import dev.sessionkit.core.ClientOptions;
import dev.sessionkit.core.EventStream;
import dev.sessionkit.core.RequestOptions;
import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.core.internal.LiveEvents;
import dev.sessionkit.core.internal.http.Engine;
import dev.sessionkit.core.internal.sse.Streams;
import dev.sessionkit.core.json.SessionkitMoshi;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.Invocation;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * What a generated vendor client runs on: the generated Retrofit interfaces turned into requests,
 * and each request sent through the one engine (auth, retries within the budget, typed errors,
 * bounded decoding with the generated Moshi adapters), live event streams included. Generated
 * services call it; applications use the vendor clients instead.
 *
 * <p>Part of the contract between {@code common} and generated code: public so that a vendor module
 * generated from any spec can reach it, and kept compatible like the rest of the public API.
 */
public final class ClientRuntime {
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");

  private final ClientOptions options;
  private final ServiceProfile profile;
  private final Engine engine;
  private final Retrofit retrofit;
  /** The body adapter of each generated interface method, looked up once. */
  private final ConcurrentHashMap<Method, JsonAdapter<?>> adapters = new ConcurrentHashMap<>();

  private ClientRuntime(ClientOptions options, ServiceProfile profile) {
    this.options = options;
    this.profile = profile;
    this.engine = Engine.create(options, new Engine.Service(profile.serviceName(), profile.requestIdHeaders(),
        profile.errorParser()::parse, profile.idempotencyHeader()));
    this.retrofit = new Retrofit.Builder()
        .baseUrl(options.baseUrl())
        .client(engine.okHttp())
        .addConverterFactory(QueryTimes.FACTORY)
        .addConverterFactory(MoshiConverterFactory.create(SessionkitMoshi.moshi()))
        .validateEagerly(true)
        .build();
  }

  /** Creates the runtime of one client. */
  public static ClientRuntime create(ClientOptions options, ServiceProfile profile) {
    Objects.requireNonNull(options, "options == null");
    Objects.requireNonNull(profile, "profile == null");
    return new ClientRuntime(options, profile);
  }

  /** Returns the client's options. */
  public ClientOptions options() {
    return options;
  }

  /** Returns an implementation of a generated Retrofit interface; its calls are only ever built, never run. */
  public <S> S service(Class<S> api) {
    return retrofit.create(api);
  }

  /** Like {@link #execute(Call, RequestOptions)} with no overrides. */
  public <T> RawResponse<T> execute(Call<T> call) {
    return execute(call, RequestOptions.NONE);
  }

  /**
   * Sends the request {@code call} describes, retrying as the options allow, and decodes the body.
   *
   * @throws dev.sessionkit.errors.SessionkitException a subclass that says what happened
   */
  public <T> RawResponse<T> execute(Call<T> call, RequestOptions requestOptions) {
    Request request = prepare(call.request(), requestOptions);
    return engine.execute(request, requestOptions.maxRetries(), requestOptions.timeout(), handlerFor(request));
  }

  /**
   * Sends the request {@code call} describes, retrying as the options allow, and answers with the
   * binary body as a stream of at most the client's {@code maxResponseBytes}: reading past that
   * throws a {@link dev.sessionkit.errors.ResponseTooLargeException}. The caller reads the stream and
   * closes it (closing it closes the response).
   *
   * @throws dev.sessionkit.errors.SessionkitException a subclass that says what happened
   */
  public RawResponse<InputStream> download(Call<ResponseBody> call, RequestOptions requestOptions) {
    Request request = prepare(call.request(), requestOptions);
    return engine.execute(request, requestOptions.maxRetries(), requestOptions.timeout(), engine.binary());
  }

  /**
   * Like {@link #download}, without blocking, answering with the body stream: builds the call (where
   * arguments are checked) and sends it. The future fails with the same exceptions and never throws;
   * cancelling it cancels the call (and closes a stream that arrives after all).
   */
  public CompletableFuture<InputStream> downloadAsync(Supplier<Call<ResponseBody>> call, RequestOptions requestOptions) {
    Request request;
    try {
      request = prepare(call.get().request(), requestOptions);
    } catch (Throwable invalid) {
      return engine.onCallbackExecutor(CompletableFuture.failedFuture(invalid));
    }
    CompletableFuture<RawResponse<InputStream>> raw = engine.executeAsync(request, requestOptions.maxRetries(),
        requestOptions.timeout(), engine.binary());
    CompletableFuture<InputStream> body = raw.thenApply(RawResponse::body);
    body.whenComplete((value, error) -> {
      if (body.isCancelled()) {
        raw.cancel(false);
        raw.thenAccept(late -> closeQuietly(late.body()));
      }
    });
    return body;
  }

  private static void closeQuietly(InputStream stream) {
    try {
      stream.close();
    } catch (java.io.IOException ignored) {
      // Nobody reads it: the call was cancelled.
    }
  }

  /** Like {@link #executeAsync(Supplier, RequestOptions)} with no overrides. */
  public <T> CompletableFuture<T> executeAsync(Supplier<Call<T>> call) {
    return executeAsync(call, RequestOptions.NONE);
  }

  /**
   * Like {@link #execute}, without blocking, answering with the body: builds the call (where
   * arguments are checked) and sends it. The future fails with the same exceptions, the argument
   * checks' included, and never throws; cancelling it cancels the call. It completes on the
   * client's callback executor, if it has one.
   */
  public <T> CompletableFuture<T> executeAsync(Supplier<Call<T>> call, RequestOptions requestOptions) {
    CompletableFuture<RawResponse<T>> raw = executeRawAsync(call, requestOptions);
    CompletableFuture<T> body = raw.thenApply(RawResponse::body);
    body.whenComplete((value, error) -> {
      if (body.isCancelled()) raw.cancel(false);
    });
    return body;
  }

  /** Like {@link #executeAsync(Supplier, RequestOptions)}, answering with the status, headers and request id too. */
  public <T> CompletableFuture<RawResponse<T>> executeRawAsync(Supplier<Call<T>> call, RequestOptions requestOptions) {
    Request request;
    Engine.SuccessHandler<RawResponse<T>> handler;
    try {
      request = prepare(call.get().request(), requestOptions);
      handler = handlerFor(request);
    } catch (Throwable invalid) {
      return engine.onCallbackExecutor(CompletableFuture.failedFuture(invalid));
    }
    return engine.executeAsync(request, requestOptions.maxRetries(), requestOptions.timeout(), handler);
  }

  /**
   * Opens the live event stream {@code call} describes ({@code text/event-stream}) and returns it,
   * blocking until its response headers arrive; events are then read as the caller iterates. The
   * request goes through the engine like any call (auth, logging, retries within the budget, the
   * request options; their timeout bounds the wait for the headers, not the stream), and it is
   * retried like a call until the stream opens. {@code spec} says how events are named, decoded,
   * skipped, ended, reported as errors and resumed after a drop.
   *
   * <p>The Retrofit method behind {@code call} returns {@code Call<ResponseBody>} (annotated
   * {@code @Streaming}); only its request is used.
   *
   * @throws dev.sessionkit.errors.SessionkitException a subclass that says why it could not be opened
   */
  @SuppressWarnings("unchecked")
  public <T> EventStream<T> stream(Call<?> call, StreamSpec<T> spec, RequestOptions requestOptions) {
    return (EventStream<T>) LiveEvents.eventStream(Streams.open(setup(call, spec, requestOptions)));
  }

  /**
   * Like {@link #stream}, as a cold {@link Flow.Publisher}: each subscription builds the call (where
   * arguments are checked; a failure reaches {@code onError}) and opens its own stream without
   * blocking a thread. It reads an event only while the subscriber has demand, so it never delivers
   * more than requested, and the socket slows the server down meanwhile. Events are delivered on the
   * client's callback executor, if it has one, else on a daemon thread of the subscription's own
   * ({@code sessionkit-stream-<service>-N}) that ends with it. Cancelling closes the stream.
   */
  public <T> Flow.Publisher<T> streamAsync(Supplier<Call<?>> call, StreamSpec<T> spec, RequestOptions requestOptions) {
    Objects.requireNonNull(call, "call == null");
    Objects.requireNonNull(spec, "spec == null");
    Objects.requireNonNull(requestOptions, "requestOptions == null");
    return Streams.publisher(engine, () -> setup(call.get(), spec, requestOptions));
  }

  private <T> Streams.Setup<T> setup(Call<?> call, StreamSpec<T> spec, RequestOptions requestOptions) {
    Objects.requireNonNull(call, "call == null");
    Objects.requireNonNull(spec, "spec == null");
    Request request = eventStream(prepare(call.request(), requestOptions, requestOptions.idempotencyKey()));
    Function<String, Call<?>> resume = spec.resumeRequest();
    // A resume request is a request of its own (its body differs): it gets its own idempotency key.
    // It is null when the request sent cannot carry the cursor: then the stream is not resumed.
    Function<String, @Nullable Request> resumeRequest = cursor -> {
      Call<?> next = Objects.requireNonNull(resume, "resumeRequest").apply(cursor);
      return next == null ? null : eventStream(prepare(next.request(), requestOptions, null));
    };
    JsonAdapter<T> adapter = SessionkitMoshi.adapter(spec.eventType(), options.strictDecoding());
    return new Streams.Setup<>(engine, spec.rules(profile.errorParser()), adapter, request, resumeRequest,
        options.maxEventBytes(), requestOptions.maxRetries(), requestOptions.timeout());
  }

  private static Request eventStream(Request request) {
    return request.header("Accept") != null ? request
        : request.newBuilder().header("Accept", "text/event-stream").build();
  }

  /**
   * Applies {@code requestOptions} to {@code request}: extra query parameters and headers, and the
   * idempotency key of a POST or PATCH, in the header the vendor documents: {@code key}, or a new
   * one per call (so every retry of the call sends the same).
   */
  private Request prepare(Request request, RequestOptions requestOptions) {
    return prepare(request, requestOptions, requestOptions.idempotencyKey());
  }

  private Request prepare(Request request, RequestOptions requestOptions, @Nullable String key) {
    Request.Builder builder = request.newBuilder();
    if (!requestOptions.queryParameters().isEmpty()) {
      HttpUrl.Builder url = request.url().newBuilder();
      requestOptions.queryParameters().forEach(url::addQueryParameter);
      builder.url(url.build());
    }
    for (Map.Entry<String, String> header : requestOptions.headers().entrySet()) {
      builder.header(header.getKey(), header.getValue());
    }
    String header = profile.idempotencyHeader();
    if (requestOptions.idempotencyKey() != null && header == null) {
      throw new IllegalArgumentException("idempotencyKey: " + profile.serviceName()
          + " documents no idempotency header, so the key cannot be sent");
    }
    if (header != null && !IDEMPOTENT.contains(request.method()) && request.header(header) == null) {
      builder.header(header, key != null ? key : UUID.randomUUID().toString());
    }
    return builder.build();
  }

  /**
   * The handler of {@code request}'s successful response, from its Retrofit method: {@code Call<Void>}
   * (an operation the spec documents without a body) discards the body, any other type decodes it.
   */
  @SuppressWarnings("unchecked")
  private <T> Engine.SuccessHandler<RawResponse<T>> handlerFor(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    if (invocation == null) throw new IllegalArgumentException("not a Retrofit request: " + request);
    Type type = bodyType(invocation.method());
    if (type == Void.class) return (Engine.SuccessHandler<RawResponse<T>>) (Object) engine.empty();
    JsonAdapter<T> adapter = (JsonAdapter<T>) adapters.computeIfAbsent(invocation.method(),
        // The guarded adapter: whatever an adapter throws comes out as a JsonDataException with its path.
        method -> SessionkitMoshi.adapter(type, options.strictDecoding()));
    return engine.json(adapter);
  }

  private static Type bodyType(Method method) {
    Type returnType = method.getGenericReturnType();
    if (!(returnType instanceof ParameterizedType)) {
      throw new IllegalArgumentException(method + " must return Call<T>");
    }
    return ((ParameterizedType) returnType).getActualTypeArguments()[0];
  }

  @Override
  public String toString() {
    return "ClientRuntime(" + profile.serviceName() + ")";
  }

  /**
   * Writes an {@code OffsetDateTime} query or header parameter as RFC 3339 always requires it, with
   * its seconds ({@code 2026-05-18T00:00:00Z}); {@code OffsetDateTime.toString()}, which Retrofit
   * would use, leaves zero seconds out ({@code 2026-05-18T00:00Z}), which a server checking RFC 3339
   * refuses.
   */
  private static final class QueryTimes extends retrofit2.Converter.Factory {
    static final QueryTimes FACTORY = new QueryTimes();

    @Override
    public retrofit2.@Nullable Converter<?, String> stringConverter(java.lang.reflect.Type type,
        java.lang.annotation.Annotation[] annotations, Retrofit retrofit) {
      if (type != java.time.OffsetDateTime.class) return null;
      return (retrofit2.Converter<java.time.OffsetDateTime, String>)
          java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME::format;
    }
  }
}
