package dev.sessionkit.contract.hardening;

import dev.sessionkit.agents.AgentsClient;
import dev.sessionkit.agents.model.InputMessageEvent;
import dev.sessionkit.agents.model.ListAgentEventsResponse;
import dev.sessionkit.core.ClientBuilder;
import dev.sessionkit.core.RetryBudget;
import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.pipecat.PipecatClient;
import dev.sessionkit.pipecat.model.SessionDetails;
import dev.sessionkit.piper.PiperClient;
import dev.sessionkit.piper.model.ScenarioRunDetail;
import dev.sessionkit.piper.model.SessionEventsResponse;
import dev.sessionkit.qoder.EventListParams;
import dev.sessionkit.qoder.QoderClient;
import dev.sessionkit.qoder.model.SessionEventList;
import dev.sessionkit.qoder.model.UserMessageEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Every operation of the four SDKs, as the hardening suites call it: how to build its client against
 * a server, how to call it (blocking, with the raw response, and without blocking), the path it must
 * request, its documented example body (the sandbox's copy of the vendor page), and the vendor's own
 * bodies and fields the fault cases need.
 *
 * <p>The bodies of the cases that change one field (a wrong type, a missing required field) are made
 * from the documented example by replacing one exact piece of text; {@link #edit} fails if that text is
 * gone, so a changed example cannot make a case pass for the wrong reason.
 */
final class Operation {
  static final Operation QODER_EVENTS = new Operation(
      "qoder events",
      "/META-INF/sessionkit/qoder/sandbox/list-events-example.json",
      "/sessions/" + "sess_019e392c0d1e74e095d21ea4c6b41def" + "/events",
      "qoder",
      // Qoder's "Errors" page: the envelope and its 401 row (authentication_error, PAT invalid or expired).
      "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"PAT invalid or expired\"}}",
      "authentication_error", "PAT invalid or expired",
      "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"}}",
      new Edit("\"has_more\": true", "\"has_more\": \"yes\""),
      new Edit("\"content\": \"Hello, this is a test message.\"", "\"content\": 42"),
      new Edit("\"session_id\": \"sess_019e392c0d1e74e095d21ea4c6b41def\",", ""),
      "session_id", "$.data[0].session_id",
      body -> ((UserMessageEvent) ((SessionEventList) body).data().get(0)).sessionId(),
      settings -> {
        QoderClient client = settings.apply(QoderClient.builder()).build();
        String id = "sess_019e392c0d1e74e095d21ea4c6b41def";
        return new Caller(
            () -> client.sessions().withRawResponse().events(id, EventListParams.NONE),
            () -> client.sessions().eventsAsync(id, EventListParams.NONE));
      });

  static final Operation PIPER_EVENTS = new Operation(
      "piper events",
      "/META-INF/sessionkit/piper/sandbox/session-events-example.json",
      "/v1/orgs/" + "3c90c3cc-0d44-4b50-8888-8dd25736052a" + "/responses/sessions/" + "3c90c3cc-0d44-4b50-8888-8dd25736052a" + "/events",
      "piper",
      // FastAPI's HTTPException body: {"detail": "..."}; Piper documents no error code.
      "{\"detail\":\"Invalid or expired token\"}",
      null, "Invalid or expired token",
      "{\"detail\":\"Internal Server Error\"}",
      new Edit("\"is_test\": false", "\"is_test\": \"no\""),
      new Edit("\"channel_external_session_id\": \"<string>\"", "\"channel_external_session_id\": 42"),
      new Edit("\"session_id\": \"3c90c3cc-0d44-4b50-8888-8dd25736052a\",", ""),
      "session_id", "$.session.session_id",
      body -> ((SessionEventsResponse) body).session().sessionId(),
      settings -> {
        PiperClient client = settings.apply(PiperClient.builder()).build();
        return new Caller(
            () -> client.sessions().withRawResponse().events("3c90c3cc-0d44-4b50-8888-8dd25736052a", "3c90c3cc-0d44-4b50-8888-8dd25736052a"),
            () -> client.sessions().eventsAsync("3c90c3cc-0d44-4b50-8888-8dd25736052a", "3c90c3cc-0d44-4b50-8888-8dd25736052a"));
      });

  static final Operation PIPER_SCENARIO = new Operation(
      "piper scenario",
      "/META-INF/sessionkit/piper/sandbox/scenario-run-by-session-example.json",
      "/v1/orgs/" + "3c90c3cc-0d44-4b50-8888-8dd25736052a" + "/scenarios/runs/by-session/" + "3c90c3cc-0d44-4b50-8888-8dd25736052a",
      "piper",
      "{\"detail\":\"Invalid or expired token\"}",
      null, "Invalid or expired token",
      "{\"detail\":\"Internal Server Error\"}",
      new Edit("\"turn_index\": 123", "\"turn_index\": \"first\""),
      new Edit("\"scenario_name\": \"<string>\"", "\"scenario_name\": 42"),
      new Edit("\"scenario_id\": \"3c90c3cc-0d44-4b50-8888-8dd25736052a\",", ""),
      "scenario_id", "$.scenario_id",
      body -> ((ScenarioRunDetail) body).scenarioId(),
      settings -> {
        PiperClient client = settings.apply(PiperClient.builder()).build();
        return new Caller(
            () -> client.scenarioRuns().withRawResponse().bySession("3c90c3cc-0d44-4b50-8888-8dd25736052a", "3c90c3cc-0d44-4b50-8888-8dd25736052a"),
            () -> client.scenarioRuns().bySessionAsync("3c90c3cc-0d44-4b50-8888-8dd25736052a", "3c90c3cc-0d44-4b50-8888-8dd25736052a"));
      });

  static final Operation PIPECAT_GET = new Operation(
      "pipecat get",
      "/META-INF/sessionkit/pipecat/sandbox/get-session-example.json",
      "/agents/" + "my-agent" + "/sessions/" + "800d444a-e67e-4686-afb3-b0de509cccb3",
      "pipecat",
      // The reference's Unauthorized response example (ErrorResponse: error, code).
      "{\"error\":\"Unauthorized / token expired\",\"code\":\"401\"}",
      "401", "Unauthorized / token expired",
      "{\"error\":\"Internal server error. Please check logs for more information or contact support.\",\"code\":\"503\"}",
      new Edit("\"sampleCount\": 12", "\"sampleCount\": \"twelve\""),
      new Edit("\"serviceId\": \"b900ae4a-f710-4ef1-95d8-c5f5b2789da9\"", "\"serviceId\": 42"),
      new Edit("\"serviceId\": \"b900ae4a-f710-4ef1-95d8-c5f5b2789da9\",", ""),
      "serviceId", "$.serviceId",
      body -> ((SessionDetails) body).serviceId(),
      settings -> {
        PipecatClient client = settings.apply(PipecatClient.builder()).build();
        String agent = "my-agent";
        String session = "800d444a-e67e-4686-afb3-b0de509cccb3";
        return new Caller(
            () -> client.sessions().withRawResponse().get(agent, session),
            () -> client.sessions().getAsync(agent, session));
      });

  static final Operation AGENTS_EVENTS = new Operation(
      "agents events",
      "/META-INF/sessionkit/agents-v2/sandbox/list-events-example.json",
      "/v2/agents/" + "agt_customer_support" + "/sessions/" + "ase_customer_support_001" + "/events",
      "agents-v2",
      // The general error body {"messages": [...], "request_id": ...}; the page's 401 row names the code "unauthorized".
      "{\"messages\":[\"Invalid or missing API key\"],\"request_id\":\"req_401\"}",
      "unauthorized", "Invalid or missing API key",
      "{\"messages\":[\"Internal server error\"],\"request_id\":\"req_503\"}",
      new Edit("\"total_count\": 45", "\"total_count\": \"many\""),
      new Edit("\"content\": \"I'm having trouble with my widget installation.\"", "\"content\": 42"),
      new Edit("\"session_key\": \"ase_customer_support_001\",", ""),
      "session_key", "$.events[0].session_key",
      body -> ((InputMessageEvent) ((ListAgentEventsResponse) body).events().get(0)).sessionKey(),
      settings -> {
        AgentsClient client = settings.apply(AgentsClient.builder()).build();
        String agent = "agt_customer_support";
        String session = "ase_customer_support_001";
        return new Caller(
            () -> client.sessions().withRawResponse().events(agent, session, dev.sessionkit.agents.EventListParams.NONE),
            () -> client.sessions().eventsAsync(agent, session, dev.sessionkit.agents.EventListParams.NONE));
      });

  /** Every operation of every SDK. */
  static final List<Operation> ALL = List.of(QODER_EVENTS, PIPER_EVENTS, PIPER_SCENARIO, PIPECAT_GET, AGENTS_EVENTS);

  final String name;
  private final String seedResource;
  /** The request target the client must send, relative to a base URL of {@code /}. */
  final String target;
  /** The vendor, as the sandbox names it. */
  final String vendor;
  /** The vendor's 401 body, and the error code and message the SDK must read from it. */
  final String unauthorizedBody;
  final @Nullable String unauthorizedCode;
  final String unauthorizedMessage;
  /** The vendor's 5xx body. */
  final String serverErrorBody;
  /** One field of the example given a value of another JSON type (never a number for a string). */
  final Edit wrongType;
  /** One string field of the example given a JSON number instead. */
  final Edit numberForString;
  /** One required field removed from the example. */
  final Edit missingRequired;
  final String missingField;
  final String missingPath;
  /** Reads the removed required component from the decoded body. */
  final Function<Object, Object> readMissing;
  private final Function<Settings, Caller> connect;
  private volatile byte @Nullable [] seed;

  private Operation(String name, String seedResource, String target, String vendor, String unauthorizedBody,
      @Nullable String unauthorizedCode, String unauthorizedMessage, String serverErrorBody, Edit wrongType,
      Edit numberForString, Edit missingRequired, String missingField, String missingPath,
      Function<Object, Object> readMissing, Function<Settings, Caller> connect) {
    this.name = name;
    this.seedResource = seedResource;
    this.target = target;
    this.vendor = vendor;
    this.unauthorizedBody = unauthorizedBody;
    this.unauthorizedCode = unauthorizedCode;
    this.unauthorizedMessage = unauthorizedMessage;
    this.serverErrorBody = serverErrorBody;
    this.wrongType = wrongType;
    this.numberForString = numberForString;
    this.missingRequired = missingRequired;
    this.missingField = missingField;
    this.missingPath = missingPath;
    this.readMissing = readMissing;
    this.connect = connect;
  }

  /** Returns a client of this operation's SDK built with {@code settings}, ready to call it. */
  Caller connect(Settings settings) {
    return connect.apply(settings);
  }

  /** Returns the documented example response, byte for byte as the vendor page shows it. */
  byte[] seedBytes() {
    byte[] bytes = seed;
    if (bytes == null) {
      try (InputStream in = Operation.class.getResourceAsStream(seedResource)) {
        Objects.requireNonNull(in, () -> "missing resource " + seedResource);
        bytes = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      seed = bytes;
    }
    return bytes.clone();
  }

  /** Returns the documented example as text. */
  String seed() {
    return new String(seedBytes(), StandardCharsets.UTF_8);
  }

  /** Returns the example with {@code edit} applied once; fails if the text it replaces is not there. */
  String edit(Edit edit) {
    String seed = seed();
    int at = seed.indexOf(edit.from());
    if (at < 0) throw new IllegalStateException(name + ": the example no longer contains " + edit.from());
    return seed.substring(0, at) + edit.to() + seed.substring(at + edit.from().length());
  }

  @Override
  public String toString() {
    return name;
  }

  /** Replaces the first occurrence of {@code from} with {@code to}. */
  record Edit(String from, String to) {}

  /** Calls one operation: blocking with the raw response (status, attempts), or without blocking. */
  record Caller(Sync sync, Async async) {
    RawResponse<?> call() {
      return sync.call();
    }

    CompletableFuture<?> callAsync() {
      return async.call();
    }
  }

  /** A blocking call. */
  @FunctionalInterface
  interface Sync {
    RawResponse<?> call();
  }

  /** A call without blocking. */
  @FunctionalInterface
  interface Async {
    CompletableFuture<?> call();
  }

  /**
   * The client settings a suite varies: where the server is, the credential, the read timeout, strict
   * decoding, the OkHttp client to share (null for sessionkit's shared one), the retries, the response
   * size limit (0 for the builders' default) and the retry budget (null for the default).
   */
  record Settings(String baseUrl, String token, Duration readTimeout, boolean strict,
      @Nullable OkHttpClient httpClient, int maxRetries, long maxResponseBytes, @Nullable RetryBudget retryBudget) {
    /** Default settings (10 s read timeout, lenient, default retries, size limit and budget) for a server at {@code baseUrl}. */
    static Settings of(String baseUrl, String token) {
      return new Settings(baseUrl, token, Duration.ofSeconds(10), false, null, ClientBuilder.DEFAULT_MAX_RETRIES, 0,
          null);
    }

    Settings readTimeout(Duration timeout) {
      return new Settings(baseUrl, token, timeout, strict, httpClient, maxRetries, maxResponseBytes, retryBudget);
    }

    Settings strict(boolean strict) {
      return new Settings(baseUrl, token, readTimeout, strict, httpClient, maxRetries, maxResponseBytes, retryBudget);
    }

    Settings httpClient(OkHttpClient client) {
      return new Settings(baseUrl, token, readTimeout, strict, client, maxRetries, maxResponseBytes, retryBudget);
    }

    Settings maxRetries(int retries) {
      return new Settings(baseUrl, token, readTimeout, strict, httpClient, retries, maxResponseBytes, retryBudget);
    }

    Settings maxResponseBytes(long limit) {
      return new Settings(baseUrl, token, readTimeout, strict, httpClient, maxRetries, limit, retryBudget);
    }

    Settings retryBudget(RetryBudget budget) {
      return new Settings(baseUrl, token, readTimeout, strict, httpClient, maxRetries, maxResponseBytes, budget);
    }

    /** Applies these settings to any SDK's builder. */
    <B extends ClientBuilder<B, ?>> B apply(B builder) {
      builder.token(token).baseUrl(baseUrl).readTimeout(readTimeout).strictDecoding(strict).maxRetries(maxRetries);
      if (httpClient != null) builder.httpClient(httpClient);
      if (maxResponseBytes > 0) builder.maxResponseBytes(maxResponseBytes);
      if (retryBudget != null) builder.retryBudget(retryBudget);
      return builder;
    }
  }
}
