package dev.sessionkit.core.internal.http;

import com.squareup.moshi.JsonAdapter;
import dev.sessionkit.core.ClientOptions;
import dev.sessionkit.core.Sleeper;
import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.errors.InterceptorException;
import dev.sessionkit.errors.ErrorDetails;
import dev.sessionkit.errors.SessionkitException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * The one engine every call of a client runs through, blocking or not (and, for live streams, to
 * open and resume them): it sends an attempt, and after a failure decides with the one retry policy
 * and the client's retry budget whether and when to send another, waiting with the client's
 * {@link Sleeper}. Every decision, and every refusal by the budget, is logged at debug level with
 * its reason. Whatever happens, a call ends in the handler's value or a typed
 * {@link SessionkitException}, and every future completes.
 *
 * <p>Internal to sessionkit: reached through {@code dev.sessionkit.core.spi.ClientRuntime}.
 */
public final class Engine {
  final OkHttpClient okHttp;
  final RetryPolicy policy;
  final TokenBucket budget;
  final Sleeper sleeper;
  final Logs logs;
  final ErrorMapper errors;
  private final ResponseDecoder decoder;
  final int maxRetries;
  final int retryCost;
  final @Nullable String idempotencyHeader;
  private final @Nullable Executor callbackExecutor;
  private final RequestIds requestIds;
  private final String serviceName;

  /**
   * What the engine needs to know of the service, from its spec.
   *
   * @param serviceName the service's name, in the user agent and in messages
   * @param requestIdHeaders the response headers that may carry a request id, first match wins
   * @param errorParser reads a vendor error body of a status into the error's details; never throws
   * @param idempotencyHeader the header the vendor documents for idempotency keys, or null
   */
  public record Service(String serviceName, List<String> requestIdHeaders,
      BiFunction<Integer, String, ErrorDetails> errorParser, @Nullable String idempotencyHeader) {}

  private Engine(ClientOptions options, Service profile) {
    this.okHttp = HttpStack.okHttp(options, profile.serviceName());
    this.policy = new RetryPolicy(options.clock(), () -> ThreadLocalRandom.current().nextDouble());
    this.budget = new TokenBucket(options.retryBudget());
    this.retryCost = options.retryBudget().retryCost();
    this.sleeper = options.sleeper();
    this.logs = new Logs(options.logLevel(), options.logger());
    this.requestIds = new RequestIds(profile.requestIdHeaders());
    this.serviceName = profile.serviceName();
    this.errors = new ErrorMapper(profile.errorParser(), requestIds, options.clock());
    this.decoder = new ResponseDecoder(profile.serviceName(), options.maxResponseBytes(), requestIds);
    this.maxRetries = options.maxRetries();
    this.idempotencyHeader = profile.idempotencyHeader();
    this.callbackExecutor = options.callbackExecutor();
  }

  /** Creates the engine of one client. */
  public static Engine create(ClientOptions options, Service profile) {
    return new Engine(options, profile);
  }

  /** Returns the OkHttp client attempts are sent with. */
  public OkHttpClient okHttp() {
    return okHttp;
  }

  /** Returns the name of the service, for messages. */
  public String serviceName() {
    return serviceName;
  }

  /** Returns the request id {@code headers} carry, in the headers the vendor's spec names, or null. */
  public @Nullable String requestId(Headers headers) {
    return requestIds.of(headers);
  }

  /** Returns the executor asynchronous results are handed to, or null for the thread that finished the I/O. */
  public @Nullable Executor callbackExecutor() {
    return callbackExecutor;
  }

  /**
   * What a call does with the first successful response. It owns the response: it closes it, or
   * keeps it open (a live stream, which also keeps {@code call} to cancel it) and closes it later.
   *
   * @param <R> what the call returns
   */
  @FunctionalInterface
  public interface SuccessHandler<R> {
    /**
     * Reads {@code response}, the answer {@code call} got on attempt number {@code attempts}.
     *
     * @throws IOException when the connection fails while the response is read: retried as such
     */
    R handle(Call call, Response response, int attempts) throws IOException;
  }

  /** Returns the handler that decodes a JSON body with {@code adapter}, within the size limit. */
  public <T> SuccessHandler<RawResponse<T>> json(JsonAdapter<T> adapter) {
    return (call, response, attempts) -> {
      try (response) {
        return decoder.decode(response, adapter, attempts);
      }
    };
  }

  /** Returns the handler of a response the spec documents without a body: any body is discarded. */
  public SuccessHandler<RawResponse<Void>> empty() {
    return (call, response, attempts) -> decoder.empty(response, attempts);
  }

  /**
   * Returns the handler that hands over a binary body as a stream of at most {@code maxResponseBytes},
   * which the caller reads and closes.
   */
  public SuccessHandler<RawResponse<InputStream>> binary() {
    return (call, response, attempts) -> decoder.binary(response, attempts);
  }

  /**
   * Sends {@code request} until it succeeds or may not be retried, blocking.
   *
   * @param maxRetries how many times it may be retried, or null for the client's setting
   * @param timeout how long each attempt may take, or null for the client's {@code callTimeout}
   * @throws SessionkitException a subclass that says what happened
   */
  public <R> R execute(Request request, @Nullable Integer maxRetries, @Nullable Duration timeout,
      SuccessHandler<R> handler) {
    Exchange exchange = new Exchange(this, request, maxRetries, timeout);
    while (true) {
      Call call = exchange.newCall();
      Duration wait;
      Response response;
      try {
        response = call.execute();
      } catch (IOException e) {
        wait = exchange.afterFailure(e);
        exchange.sleep(wait);
        continue;
      } catch (SessionkitException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new InterceptorException(exchange.describe(), e, exchange.attempts);
      }
      if (response.isSuccessful()) {
        R value;
        try {
          value = handler.handle(call, response, exchange.attempts);
        } catch (IOException e) {
          response.close();
          wait = exchange.afterFailure(e);
          exchange.sleep(wait);
          continue;
        }
        exchange.succeeded();
        return value;
      }
      try (response) {
        wait = exchange.afterStatus(response);
      } catch (IOException e) {
        wait = exchange.afterFailure(e);
      }
      exchange.sleep(wait);
    }
  }

  /**
   * Like {@link #execute}, without blocking. The future never throws and always completes: with the
   * handler's value, a typed exception, or an {@link Error} thrown on the way. Cancelling it cancels
   * the attempt in flight and sends no other. It completes on the client's callback executor, if it
   * has one.
   */
  public <R> CompletableFuture<R> executeAsync(Request request, @Nullable Integer maxRetries,
      @Nullable Duration timeout, SuccessHandler<R> handler) {
    AsyncExchange<R> exchange = new AsyncExchange<>(new Exchange(this, request, maxRetries, timeout), handler, sleeper);
    exchange.attempt();
    return onCallbackExecutor(exchange.result);
  }

  /** Returns {@code future} completing on the callback executor (if any); cancelling it cancels {@code future}. */
  public <T> CompletableFuture<T> onCallbackExecutor(CompletableFuture<T> future) {
    if (callbackExecutor == null) return future;
    CompletableFuture<T> handedOver = future.whenCompleteAsync((value, error) -> { }, callbackExecutor);
    handedOver.whenComplete((value, error) -> {
      if (handedOver.isCancelled()) future.cancel(false);
    });
    return handedOver;
  }
}
