package dev.sessionkit.core.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
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
import dev.sessionkit.errors.ServerException;
import dev.sessionkit.errors.SessionkitException;
import dev.sessionkit.errors.UnexpectedStatusException;
import dev.sessionkit.errors.UnprocessableEntityException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
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

  private Transport(ClientOptions options, ServiceProfile profile) {
    this.profile = profile;
    this.moshi = SessionkitMoshi.moshi();
    this.strict = options.strictDecoding();
    this.retries = new RetryPolicy(options.maxRetries(), Clock.systemUTC());
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
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
            .header("User-Agent", USER_AGENT + " (" + profile.serviceName() + ")")
            .header("Accept", "application/json")
            .build()))
        .addInterceptor(new AuthInterceptor(options.authHeader(), options.authScheme(), options.credential()));
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
    while (true) {
      attempts++;
      Duration wait;
      try (Response response = okHttp.newCall(request).execute()) {
        if (response.isSuccessful()) return decode(response, adapter, attempts);
        wait = retries.afterStatus(request, response.code(), response.headers(), attempts);
        if (wait == null) throw errorFor(response, attempts);
      } catch (IOException e) {
        wait = retries.afterFailure(request, e, attempts);
        if (wait == null) throw connectionFailure(request, e, attempts);
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
      attemptAsync(request, adapterFor(request), 1, future);
    } catch (RuntimeException invalid) {
      future.completeExceptionally(invalid);
    }
    CompletableFuture<T> body = future.thenApply(RawResponse::body);
    body.whenComplete((value, error) -> {
      if (body.isCancelled()) future.cancel(false);
    });
    return body;
  }

  private <T> void attemptAsync(Request request, JsonAdapter<T> adapter, int attempt,
      CompletableFuture<RawResponse<T>> future) {
    if (future.isDone()) return;
    Call httpCall = okHttp.newCall(request);
    future.whenComplete((value, error) -> {
      if (future.isCancelled()) httpCall.cancel();
    });
    httpCall.enqueue(new Callback() {
      @Override
      public void onResponse(Call c, Response response) {
        try (response) {
          if (response.isSuccessful()) {
            future.complete(decode(response, adapter, attempt));
            return;
          }
          Duration wait = retries.afterStatus(request, response.code(), response.headers(), attempt);
          if (wait == null) {
            future.completeExceptionally(errorFor(response, attempt));
          } else {
            retryLater(wait, () -> attemptAsync(request, adapter, attempt + 1, future));
          }
        } catch (IOException e) {
          onFailure(c, e);
        } catch (RuntimeException e) {
          future.completeExceptionally(e);
        }
      }

      @Override
      public void onFailure(Call c, IOException e) {
        Duration wait = retries.afterFailure(request, e, attempt);
        if (wait == null || future.isCancelled()) {
          future.completeExceptionally(connectionFailure(request, e, attempt));
        } else {
          retryLater(wait, () -> attemptAsync(request, adapter, attempt + 1, future));
        }
      }
    });
  }

  private static void retryLater(Duration wait, Runnable attempt) {
    RETRY_SCHEDULER.schedule(attempt, wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  private <T> JsonAdapter<T> adapterFor(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    if (invocation == null) throw new IllegalArgumentException("not a Retrofit request: " + request);
    Type returnType = invocation.method().getGenericReturnType();
    if (!(returnType instanceof ParameterizedType)) {
      throw new IllegalArgumentException(invocation.method() + " must return Call<T>");
    }
    Type bodyType = ((ParameterizedType) returnType).getActualTypeArguments()[0];
    JsonAdapter<T> adapter = moshi.adapter(bodyType);
    return strict ? adapter.failOnUnknown() : adapter;
  }

  private <T> RawResponse<T> decode(Response response, JsonAdapter<T> adapter, int attempts) throws IOException {
    ResponseBody body = response.body();
    String text = body.string();
    String requestId = requestId(response.headers());
    T value;
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text));
    try {
      value = adapter.fromJson(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new JsonDataException("JSON document was not fully consumed.");
      }
    } catch (JsonDataException | IOException e) {
      // A complete body (the read above succeeded) that is not what the spec describes.
      String why = String.valueOf(e.getMessage());
      if (!why.contains("$")) why += " at " + reader.getPath();
      throw new DecodingException("could not decode the " + profile.serviceName() + " response to "
          + describe(response.request()) + ": " + why, e, response.code(), requestId, text, attempts);
    }
    if (value == null) {
      throw new DecodingException("the " + profile.serviceName() + " response to " + describe(response.request())
          + " was JSON null", new JsonDataException("null at $"), response.code(), requestId, text, attempts);
    }
    return new RawResponse<>(response.code(), response.headers(), requestId, attempts, value);
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
