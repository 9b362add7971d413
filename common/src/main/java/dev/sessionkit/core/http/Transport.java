package dev.sessionkit.core.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import dev.sessionkit.core.ClientOptions;
import dev.sessionkit.core.json.SessionkitMoshi;
import dev.sessionkit.errors.ApiConnectionException;
import dev.sessionkit.errors.ApiException;
import dev.sessionkit.errors.ApiTimeoutException;
import dev.sessionkit.errors.AuthenticationException;
import dev.sessionkit.errors.BadRequestException;
import dev.sessionkit.errors.ConflictException;
import dev.sessionkit.errors.DecodingException;
import dev.sessionkit.errors.ErrorDetails;
import dev.sessionkit.errors.NotFoundException;
import dev.sessionkit.errors.PermissionDeniedException;
import dev.sessionkit.errors.RateLimitException;
import dev.sessionkit.errors.ResponseTooLargeException;
import dev.sessionkit.errors.ServerException;
import dev.sessionkit.errors.SessionkitException;
import dev.sessionkit.errors.UnexpectedStatusException;
import dev.sessionkit.errors.UnprocessableEntityException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.logging.HttpLoggingInterceptor;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;
import org.jspecify.annotations.Nullable;
import retrofit2.Invocation;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The HTTP stack one client runs on: OkHttp with auth, logging and timeouts; Retrofit to turn the
 * generated interfaces into requests; and the execution of those requests with retries, typed
 * errors and Moshi decoding.
 *
 * <p>Retrofit builds each request from the generated interface; this class sends it, so that every
 * failure can say what happened: the status, the vendor's error, the request id, the attempt count.
 * Internal to sessionkit's modules: no compatibility promise.
 */
public final class Transport {
  /** The client every sessionkit client shares by default: one connection pool, one dispatcher. */
  private static final OkHttpClient SHARED = new OkHttpClient();
  private static final ScheduledExecutorService RETRY_SCHEDULER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "sessionkit-retry");
    thread.setDaemon(true);
    return thread;
  });
  private static final int MAX_ERROR_BODY_BYTES = 64 * 1024;
  private static final String USER_AGENT = "sessionkit-java/0.1.0";

  private final ServiceProfile profile;
  private final OkHttpClient okHttp;
  private final Retrofit retrofit;
  private final Moshi moshi;
  private final boolean strict;
  private final RetryPolicy retries;
  private final TokenBucket retryBudget;
  private final long maxResponseBytes;
  /** The body adapter of each generated interface method, looked up once. */
  private final ConcurrentHashMap<Method, JsonAdapter<?>> adapters = new ConcurrentHashMap<>();

  private Transport(ClientOptions options, ServiceProfile profile) {
    this.profile = profile;
    this.moshi = SessionkitMoshi.moshi();
    this.strict = options.strictDecoding();
    this.retries = new RetryPolicy(options.maxRetries(), Clock.systemUTC());
    this.retryBudget = new TokenBucket(options.retryBudget());
    this.maxResponseBytes = options.maxResponseBytes();
    OkHttpClient base = options.httpClient() != null ? options.httpClient() : SHARED;
    OkHttpClient.Builder builder = base.newBuilder()
        .connectTimeout(options.connectTimeout())
        .readTimeout(options.readTimeout())
        .callTimeout(options.callTimeout())
        .retryOnConnectionFailure(false)
        // A redirect would carry the credential to wherever the Location points (OkHttp keeps
        // headers such as x-api-key across hosts); none of these APIs documents one, so a 3xx
        // is reported as an UnexpectedStatusException with its Location header instead.
        .followRedirects(false)
        .followSslRedirects(false)
        .addInterceptor(new AuthInterceptor(USER_AGENT + " (" + profile.serviceName() + ")",
            options.authHeader(), options.authScheme(), options.credential()))
        // OkHttp itself repeats a request at once, uncounted, when a 503 says "Retry-After: 0";
        // the same delay written as "0.0" keeps every retry here, counted and within the budget.
        .addNetworkInterceptor(chain -> {
          Response response = chain.proceed(chain.request());
          return response.code() == 503 && "0".equals(response.header("Retry-After"))
              ? response.newBuilder().header("Retry-After", "0.0").build()
              : response;
        });
    if (options.logLevel() != HttpLoggingInterceptor.Level.NONE) {
      HttpLoggingInterceptor logging = options.logger() != null
          ? new HttpLoggingInterceptor(options.logger())
          : new HttpLoggingInterceptor();
      logging.setLevel(options.logLevel());
      logging.redactHeader(options.authHeader());
      logging.redactHeader("Authorization");
      logging.redactHeader("Proxy-Authorization");
      logging.redactHeader("Cookie");
      logging.redactHeader("Set-Cookie");
      builder.addInterceptor(logging);
    }
    this.okHttp = builder.build();
    this.retrofit = new Retrofit.Builder()
        .baseUrl(options.baseUrl())
        .client(okHttp)
        .addConverterFactory(MoshiConverterFactory.create(moshi))
        .validateEagerly(true)
        .build();
  }

  /** Creates the stack for one client. */
  public static Transport create(ClientOptions options, ServiceProfile profile) {
    return new Transport(options, profile);
  }

  /** Returns an implementation of a generated Retrofit interface. */
  public <S> S service(Class<S> api) {
    return retrofit.create(api);
  }

  /** Returns the OkHttp client requests go through. */
  public OkHttpClient okHttp() {
    return okHttp;
  }

  /**
   * Sends the request {@code call} describes, retrying as the options allow, and decodes the body.
   *
   * @throws SessionkitException a subclass that says what happened
   */
  public <T> RawResponse<T> execute(retrofit2.Call<T> call) {
    Request request = call.request();
    JsonAdapter<T> adapter = adapterFor(request);
    int attempts = 0;
    int tokens = 0;
    while (true) {
      attempts++;
      Duration wait;
      try (Response response = okHttp.newCall(request).execute()) {
        if (response.isSuccessful()) {
          RawResponse<T> decoded = decode(response, adapter, attempts);
          retryBudget.onSuccess(tokens);
          return decoded;
        }
        wait = retries.afterStatus(request, response.code(), response.headers(), attempts);
        int taken = wait == null ? -1 : retryBudget.tryAcquireRetry();
        if (taken < 0) throw errorFor(response, attempts);
        tokens += taken;
      } catch (IOException e) {
        wait = retries.afterFailure(request, e, attempts);
        int taken = wait == null ? -1 : retryBudget.tryAcquireRetry();
        if (taken < 0) throw connectionFailure(request, e, attempts);
        tokens += taken;
      }
      sleep(request, wait, attempts);
    }
  }

  /**
   * Like {@link #execute}, without blocking: builds the call (where arguments are checked) and sends
   * it. The future fails with the same exceptions, the argument checks' included, and never throws;
   * cancelling it cancels the call.
   */
  public <T> CompletableFuture<T> executeAsync(Supplier<retrofit2.Call<T>> call) {
    CompletableFuture<RawResponse<T>> future = new CompletableFuture<>();
    try {
      Request request = call.get().request();
      attemptAsync(request, adapterFor(request), 1, 0, future);
    } catch (Throwable invalid) {
      future.completeExceptionally(invalid);
    }
    CompletableFuture<T> body = future.thenApply(RawResponse::body);
    body.whenComplete((value, error) -> {
      if (body.isCancelled()) future.cancel(false);
    });
    return body;
  }

  /**
   * Sends one attempt. Whatever happens, {@code future} completes: with the decoded body, a typed
   * exception, or, should an {@link Error} such as an {@code OutOfMemoryError} be thrown on the
   * way, with that error.
   */
  private <T> void attemptAsync(Request request, JsonAdapter<T> adapter, int attempt, int tokens,
      CompletableFuture<RawResponse<T>> future) {
    if (future.isDone()) return;
    try {
      Call httpCall = okHttp.newCall(request);
      future.whenComplete((value, error) -> {
        if (future.isCancelled()) httpCall.cancel();
      });
      httpCall.enqueue(new AsyncAttempt<>(request, adapter, attempt, tokens, future));
    } catch (Throwable e) {
      future.completeExceptionally(e);
    }
  }

  private final class AsyncAttempt<T> implements Callback {
    private final Request request;
    private final JsonAdapter<T> adapter;
    private final int attempt;
    private final int tokens;
    private final CompletableFuture<RawResponse<T>> future;

    AsyncAttempt(Request request, JsonAdapter<T> adapter, int attempt, int tokens,
        CompletableFuture<RawResponse<T>> future) {
      this.request = request;
      this.adapter = adapter;
      this.attempt = attempt;
      this.tokens = tokens;
      this.future = future;
    }

    @Override
    public void onResponse(Call c, Response response) {
      try (response) {
        if (response.isSuccessful()) {
          RawResponse<T> decoded = decode(response, adapter, attempt);
          retryBudget.onSuccess(tokens);
          future.complete(decoded);
          return;
        }
        Duration wait = retries.afterStatus(request, response.code(), response.headers(), attempt);
        int taken = wait == null || future.isDone() ? -1 : retryBudget.tryAcquireRetry();
        if (taken < 0) {
          future.completeExceptionally(errorFor(response, attempt));
        } else {
          retryLater(wait, () -> attemptAsync(request, adapter, attempt + 1, tokens + taken, future), future);
        }
      } catch (IOException e) {
        onFailure(c, e);
      } catch (Throwable e) {
        future.completeExceptionally(e);
      }
    }

    @Override
    public void onFailure(Call c, IOException e) {
      try {
        Duration wait = retries.afterFailure(request, e, attempt);
        int taken = wait == null || future.isDone() ? -1 : retryBudget.tryAcquireRetry();
        if (taken < 0) {
          future.completeExceptionally(connectionFailure(request, e, attempt));
        } else {
          retryLater(wait, () -> attemptAsync(request, adapter, attempt + 1, tokens + taken, future), future);
        }
      } catch (Throwable t) {
        future.completeExceptionally(t);
      }
    }
  }

  private static void retryLater(Duration wait, Runnable attempt, CompletableFuture<?> future) {
    RETRY_SCHEDULER.schedule(() -> {
      try {
        attempt.run();
      } catch (Throwable e) {
        future.completeExceptionally(e);
      }
    }, wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  @SuppressWarnings("unchecked")
  private <T> JsonAdapter<T> adapterFor(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    if (invocation == null) throw new IllegalArgumentException("not a Retrofit request: " + request);
    return (JsonAdapter<T>) adapters.computeIfAbsent(invocation.method(), method -> {
      Type returnType = method.getGenericReturnType();
      if (!(returnType instanceof ParameterizedType)) {
        throw new IllegalArgumentException(method + " must return Call<T>");
      }
      // The guarded adapter: whatever an adapter throws comes out as a JsonDataException with its path.
      return SessionkitMoshi.adapter(((ParameterizedType) returnType).getActualTypeArguments()[0], strict);
    });
  }

  /**
   * Decodes the body as it streams in: nothing is copied first, so a value that lenient decoding
   * skips costs no more than the read buffer, and at most {@code maxResponseBytes} are read.
   *
   * @throws IOException when the connection fails while the body is read (retried as such)
   * @throws DecodingException when a complete body is not what the spec describes
   */
  private <T> RawResponse<T> decode(Response response, JsonAdapter<T> adapter, int attempts) throws IOException {
    ResponseBody body = response.body();
    String requestId = requestId(response.headers());
    long declared = body.contentLength();
    if (declared > maxResponseBytes) throw tooLarge(response, requestId, "", attempts);
    BoundedSource bounded = new BoundedSource(body.source(), maxResponseBytes);
    JsonReader reader = JsonReader.of(Okio.buffer(bounded));
    T value;
    try {
      value = adapter.fromJson(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new JsonDataException("JSON document was not fully consumed at " + reader.getPath());
      }
    } catch (BodyTooLargeException e) {
      throw tooLarge(response, requestId, bounded.start(), attempts);
    } catch (JsonEncodingException | EOFException | JsonDataException e) {
      // Malformed JSON, a body that ended before its JSON did, or JSON of the wrong shape.
      throw decodingFailure(response, requestId, bounded, reader, e, attempts);
    }
    // Any other IOException is the connection failing mid-body: not the body's fault, retried as such.
    if (value == null) {
      throw new DecodingException("the " + profile.serviceName() + " response to " + describe(response.request())
          + " was JSON null", new JsonDataException("null at $"), response.code(), requestId, bounded.start(),
          attempts);
    }
    return new RawResponse<>(response.code(), response.headers(), requestId, attempts, value);
  }

  private DecodingException decodingFailure(Response response, @Nullable String requestId, BoundedSource bounded,
      JsonReader reader, Exception e, int attempts) {
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (!why.contains("$")) why += " at " + reader.getPath();
    return new DecodingException("could not decode the " + profile.serviceName() + " response to "
        + describe(response.request()) + ": " + why, e, response.code(), requestId, bounded.start(), attempts);
  }

  private ResponseTooLargeException tooLarge(Response response, @Nullable String requestId, String start,
      int attempts) {
    return new ResponseTooLargeException("the " + profile.serviceName() + " response to "
        + describe(response.request()) + " is larger than maxResponseBytes (" + maxResponseBytes + " bytes)",
        response.code(), requestId, maxResponseBytes, start, attempts);
  }

  /** Thrown inside the reader when the body passes the limit; never leaves this class. */
  private static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException() {
      super("response body larger than maxResponseBytes", null);
    }
  }

  /**
   * The response body, counted: reading past {@code limit} bytes fails, and the first bytes are
   * kept so that a decoding failure can show how the body started.
   */
  private static final class BoundedSource extends ForwardingSource {
    private final long limit;
    /** The first bytes, at most {@link ApiException#MAX_BODY_CHARS}. */
    private final ByteArrayOutputStream start = new ByteArrayOutputStream(256);
    private long read;

    BoundedSource(Source body, long limit) {
      super(body);
      this.limit = limit;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      long n = super.read(sink, byteCount);
      if (n <= 0) return n;
      if (start.size() < ApiException.MAX_BODY_CHARS) {
        long keep = Math.min(n, ApiException.MAX_BODY_CHARS - start.size());
        sink.copyTo(start, sink.size() - n, keep);
      }
      read += n;
      if (read > limit) throw new BodyTooLargeException();
      return n;
    }

    /** The first bytes of the body, as text. */
    String start() {
      return start.toString(StandardCharsets.UTF_8);
    }
  }

  private ApiException errorFor(Response response, int attempts) throws IOException {
    String body = response.peekBody(MAX_ERROR_BODY_BYTES).string();
    ErrorDetails details;
    try {
      details = profile.errorParser().parse(response.code(), body);
    } catch (RuntimeException e) {
      details = ErrorDetails.NONE;
    }
    int status = response.code();
    Headers headers = response.headers();
    String id = requestId(headers);
    switch (status) {
      case 400: return new BadRequestException(status, details, id, headers, body, attempts);
      case 401: return new AuthenticationException(status, details, id, headers, body, attempts);
      case 403: return new PermissionDeniedException(status, details, id, headers, body, attempts);
      case 404: return new NotFoundException(status, details, id, headers, body, attempts);
      case 409: return new ConflictException(status, details, id, headers, body, attempts);
      case 422: return new UnprocessableEntityException(status, details, id, headers, body, attempts);
      case 429: return new RateLimitException(status, details, id, headers, body, attempts);
      default:
        return status >= 500
            ? new ServerException(status, details, id, headers, body, attempts)
            : new UnexpectedStatusException(status, details, id, headers, body, attempts);
    }
  }

  private @Nullable String requestId(Headers headers) {
    for (String name : profile.requestIdHeaders()) {
      String value = headers.get(name);
      if (value != null && !value.isBlank()) return value;
    }
    return null;
  }

  private static ApiConnectionException connectionFailure(Request request, IOException e, int attempts) {
    boolean timeout = e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()));
    return timeout
        ? new ApiTimeoutException(describe(request), e, attempts)
        : new ApiConnectionException(describe(request), e, attempts);
  }

  private static void sleep(Request request, Duration wait, int attempts) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiConnectionException(describe(request),
          new InterruptedIOException("interrupted while waiting to retry"), attempts);
    }
  }

  private static String describe(Request request) {
    return request.method() + " " + request.url();
  }

  @Override
  public String toString() {
    return "Transport(" + profile.serviceName() + ")";
  }
}
