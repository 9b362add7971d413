package dev.sessionkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Prism ({@code @stoplight/prism-cli}, pinned in specs/package.json) serving one spec on loopback
 * with request validation on and {@code --errors}: a request the spec rejects gets a 4xx, a
 * response whose example breaks its own schema a 500. Records every request the clients send,
 * so a suite can prove it called every operation with every parameter.
 */
final class PrismMock implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(90);

  /** One request as it went over the wire, with Prism's verdict on it (its sl-violations header and body). */
  record Exchange(String method, String path, Set<String> query, int status, String violations, String body) {}

  private final Path spec;
  private final Process process;
  private final int port;
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private final OkHttpClient client;

  private PrismMock(Path spec, Process process, int port) {
    this.spec = spec;
    this.process = process;
    this.port = port;
    this.client = new OkHttpClient.Builder()
        .addNetworkInterceptor(chain -> {
          Request request = chain.request();
          Response response = chain.proceed(request);
          String violations = response.header("sl-violations");
          exchanges.add(new Exchange(request.method(), request.url().encodedPath(),
              new TreeSet<>(request.url().queryParameterNames()), response.code(), violations == null ? "" : violations,
              response.peekBody(65_536).string()));
          return response;
        })
        .build();
  }

  /** Starts Prism on a free loopback port for {@code spec} and waits until it listens. */
  static PrismMock start(Path spec) throws IOException, InterruptedException {
    Path prism = Locations.npmTool("prism");
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Process process = new ProcessBuilder(prism.toString(), "mock", "-h", "127.0.0.1", "-p", String.valueOf(port),
        "--errors", spec.toString())
        .redirectErrorStream(true)
        .start();
    PrismMock mock = new PrismMock(spec, process, port);
    CountDownLatch listening = new CountDownLatch(1);
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = lines.readLine()) != null; ) {
          mock.log.add(line);
          if (line.contains("Prism is listening")) listening.countDown();
        }
      } catch (IOException closed) {
        // the process ended; its log so far is kept
      }
    }, "prism-log-" + port);
    reader.setDaemon(true);
    reader.start();
    if (!listening.await(STARTUP.toSeconds(), TimeUnit.SECONDS)) {
      mock.close();
      fail("Prism did not start within " + STARTUP + " for " + spec + ":\n" + String.join("\n", mock.log));
    }
    return mock;
  }

  /** Returns the base URL the clients are pointed at ({@code http://127.0.0.1:<port>/}). */
  String baseUrl() {
    return "http://127.0.0.1:" + port + "/";
  }

  /** Returns an OkHttp client that records every exchange; give it to the SDK builders. */
  OkHttpClient client() {
    return client;
  }

  /** Returns the exchanges so far. */
  List<Exchange> exchanges() {
    return Collections.unmodifiableList(new ArrayList<>(exchanges));
  }

  /** Returns the latest exchange. */
  Exchange lastExchange() {
    return exchanges.get(exchanges.size() - 1);
  }

  /**
   * Ends a suite that shared {@code prism} (null if it never started): checks the coverage with
   * {@link #assertEveryOperationCalledWithEveryParameter()}, then stops Prism whatever the check said.
   */
  static void finishSuite(PrismMock prism) {
    if (prism == null) return;
    try {
      prism.assertEveryOperationCalledWithEveryParameter();
    } finally {
      prism.close();
    }
  }

  /** Sends a raw GET (no SDK in between) and returns the status and Prism's sl-violations header. */
  Exchange rawGet(String pathAndQuery, Map<String, String> headers) throws IOException {
    Request.Builder request = new Request.Builder().url(baseUrl() + pathAndQuery.replaceFirst("^/", ""));
    headers.forEach(request::header);
    client.newCall(request.build()).execute().close(); // the interceptor keeps status, violations and body
    return lastExchange();
  }

  /** Sends a raw request (no SDK in between) with a JSON body or none; returns the exchange. */
  Exchange send(String method, String pathAndQuery, Map<String, String> headers, String jsonBody) throws IOException {
    Request.Builder request = new Request.Builder().url(baseUrl() + pathAndQuery.replaceFirst("^/", ""));
    headers.forEach(request::header);
    okhttp3.RequestBody body = jsonBody == null
        ? (List.of("POST", "PUT", "PATCH").contains(method) ? okhttp3.RequestBody.create(new byte[0]) : null)
        : okhttp3.RequestBody.create(jsonBody, okhttp3.MediaType.get("application/json"));
    client.newCall(request.method(method, body).build()).execute().close();
    return lastExchange();
  }

  /**
   * Fails unless every operation of the spec was called with a 2xx answer, and every query
   * parameter it declares was sent at least once; and unless no 2xx exchange carried a violation.
   * An operation Prism cannot mock ({@link ExampleRequests#notMockable}: a live stream) is not
   * expected.
   */
  void assertEveryOperationCalledWithEveryParameter() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    OpenAPI api = new OpenAPIParser().readLocation(spec.toString(), null, options).getOpenAPI();
    Map<String, Set<String>> missing = new TreeMap<>();
    for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
      Pattern template = Pattern.compile(path.getKey().replaceAll("\\{[^}]+}", "[^/]+"));
      for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().readOperationsMap().entrySet()) {
        if (ExampleRequests.notMockable(api, operation.getValue()) != null) continue;
        List<Exchange> calls = exchanges.stream()
            .filter(e -> e.method().equals(operation.getKey().name()) && template.matcher(e.path()).matches())
            .filter(e -> e.status() >= 200 && e.status() < 300)
            .toList();
        Set<String> unsent = new TreeSet<>();
        List<Parameter> parameters = new ArrayList<>();
        if (path.getValue().getParameters() != null) parameters.addAll(path.getValue().getParameters());
        if (operation.getValue().getParameters() != null) parameters.addAll(operation.getValue().getParameters());
        for (Parameter parameter : parameters) {
          if ("query".equals(parameter.getIn()) && calls.stream().noneMatch(e -> e.query().contains(parameter.getName()))) {
            unsent.add(parameter.getName());
          }
        }
        if (calls.isEmpty()) unsent.add("(never called)");
        if (!unsent.isEmpty()) missing.put(operation.getValue().getOperationId(), unsent);
      }
    }
    assertEquals(Map.of(), missing, spec.getFileName() + ": operations not called, or parameters never sent");
    List<Exchange> flagged = exchanges.stream()
        .filter(e -> e.status() >= 200 && e.status() < 300 && !e.violations().isEmpty())
        .toList();
    assertEquals(List.of(), flagged, "2xx exchanges Prism flagged");
  }

  /** Returns what Prism printed, for failure messages. */
  String log() {
    return String.join("\n", log);
  }

  /** Stops Prism and the processes it started. */
  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
