package dev.sessionkit.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;

/**
 * Routes each request to its vendor's fake by path (the four APIs' real paths do not overlap),
 * then applies the run's {@link FaultPlan}. Internal: no compatibility promise.
 */
final class SandboxDispatcher extends Dispatcher {
  private final QoderApi qoder;
  private final PiperApi piper;
  private final PipecatApi pipecat;
  private final AgentsApi agents;
  private final FaultPlan faults;
  private final AtomicLong requests = new AtomicLong();

  public SandboxDispatcher(long seed, Map<Vendor, String> credentials, FaultPlan faults) {
    this.qoder = new QoderApi(seed, credentials.get(Vendor.QODER));
    this.piper = new PiperApi(seed, credentials.get(Vendor.PIPER));
    this.pipecat = new PipecatApi(seed, credentials.get(Vendor.PIPECAT));
    this.agents = new AgentsApi(seed, credentials.get(Vendor.AGENTS_V2));
    this.faults = faults;
  }

  /** Returns how many requests have been dispatched. */
  public long requestCount() {
    return requests.get();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    long n = requests.getAndIncrement();
    HttpUrl url = request.getUrl();
    List<String> path = url.pathSegments();
    Vendor vendor = vendorOf(path);
    Fault fault = vendor == null ? Fault.NONE : faults.faultFor(n);
    MockResponse.Builder response = switch (fault) {
      case RATE_LIMITED -> reply(rateLimited(vendor, n))
          .setHeader("Retry-After", seconds(faults.retryAfter()));
      case SERVER_ERROR -> reply(serverError(vendor, faults.serverErrorStatus(), n));
      case DROPPED_CONNECTION -> new MockResponse.Builder()
          .onResponseStart(new SocketEffect.CloseSocket(true, false, false));
      case TRUNCATED_BODY -> reply(answer(vendor, request, path, n))
          .onResponseBody(new SocketEffect.CloseSocket(true, false, false));
      case NONE -> reply(answer(vendor, request, path, n));
    };
    Duration delay = vendor == null ? Duration.ZERO : faults.latencyFor(n);
    if (!delay.isZero()) response.headersDelay(delay.toNanos(), TimeUnit.NANOSECONDS);
    return response.build();
  }

  private Reply answer(Vendor vendor, RecordedRequest request, List<String> path, long n) {
    if (vendor == null) return Reply.text(404, "404 page not found");
    int skip = switch (vendor) {
      case QODER -> 3;
      case PIPER, PIPECAT, AGENTS_V2 -> 1;
    };
    Exchange ex = new Exchange(request.getMethod(), path.subList(skip, path.size()), request.getUrl(),
        request.getHeaders(), n);
    return switch (vendor) {
      case QODER -> qoder.handle(ex);
      case PIPER -> piper.handle(ex);
      case PIPECAT -> pipecat.handle(ex);
      case AGENTS_V2 -> agents.handle(ex);
    };
  }

  private static Vendor vendorOf(List<String> path) {
    if (path.size() >= 3 && path.get(0).equals("api") && path.get(1).equals("v1") && path.get(2).equals("cloud")) {
      return Vendor.QODER;
    }
    if (path.size() >= 2 && path.get(0).equals("v1") && path.get(1).equals("orgs")) return Vendor.PIPER;
    if (path.size() >= 2 && path.get(0).equals("v1") && path.get(1).equals("agents")) return Vendor.PIPECAT;
    if (path.size() >= 2 && path.get(0).equals("v2")) return Vendor.AGENTS_V2;
    return null;
  }

  private static Reply rateLimited(Vendor vendor, long n) {
    return switch (vendor) {
      case QODER -> QoderApi.error(429, "rate_limit_error", "Too many requests", null);
      case PIPER -> PiperApi.detail(429, "Too Many Requests");
      case PIPECAT -> PipecatApi.error(429, "Too many requests", "429");
      case AGENTS_V2 -> AgentsApi.error(429, "Request rate limit exceeded", "req_sandbox_" + n);
    };
  }

  private static Reply serverError(Vendor vendor, int status, long n) {
    return switch (vendor) {
      case QODER -> QoderApi.error(status, "api_error", "Internal server error", null);
      case PIPER -> PiperApi.detail(status, "Internal Server Error");
      case PIPECAT -> PipecatApi.error(status,
          "Internal server error. Please check logs for more information or contact support.", String.valueOf(status));
      case AGENTS_V2 -> AgentsApi.error(status, "Internal server error", "req_sandbox_" + n);
    };
  }

  private static MockResponse.Builder reply(Reply reply) {
    return new MockResponse.Builder()
        .code(reply.status())
        .setHeader("Content-Type", reply.contentType())
        .body(reply.body());
  }

  private static String seconds(Duration wait) {
    long millis = wait.toMillis();
    return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
  }
}
