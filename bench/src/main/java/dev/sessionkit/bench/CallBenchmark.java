package dev.sessionkit.bench;

import com.squareup.moshi.JsonAdapter;
import dev.sessionkit.core.json.SessionkitMoshi;
import dev.sessionkit.qoder.EventListParams;
import dev.sessionkit.qoder.QoderClient;
import dev.sessionkit.qoder.model.SessionEventList;
import dev.sessionkit.sandbox.Sandbox;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@code events(...)} call for a 100-event Qoder page through the real client, against raw
 * OkHttp plus the same SDK adapter, both on loopback to one seed-42 sandbox in this JVM (its
 * server threads' work is the same for both and included in the wall time).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CallBenchmark {
  static final EventListParams LIMIT_100 = EventListParams.builder().limit(Fixtures.PAGE_EVENTS).build();

  Sandbox sandbox;
  String session;
  QoderClient client;
  OkHttpClient http;
  Request request;
  JsonAdapter<SessionEventList> adapter;

  /** Starts the sandbox, the client and the raw OkHttp peer. */
  @Setup
  public void setUp() {
    sandbox = Sandbox.builder().seed(Fixtures.SEED).start();
    session = sandbox.session("qoder", 1000).id();
    client = QoderClient.builder().fromEnv(sandbox.environment()).build();
    http = new OkHttpClient();
    request = new Request.Builder()
        .url(sandbox.baseUrl("qoder") + "sessions/" + session + "/events?limit=" + Fixtures.PAGE_EVENTS)
        .header("Authorization", "Bearer " + sandbox.credential("qoder"))
        .build();
    adapter = SessionkitMoshi.adapter(SessionEventList.class, false);
  }

  /** Stops the sandbox and the peer's OkHttp threads. */
  @TearDown
  public void tearDown() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    sandbox.close();
  }

  /** {@code client.sessions().events(session, limit 100)}. */
  @Benchmark
  public SessionEventList call1Client() {
    return client.sessions().events(session, LIMIT_100);
  }

  /** Raw OkHttp plus {@code SessionkitMoshi.adapter(SessionEventList.class, false)} on the body's source. */
  @Benchmark
  public SessionEventList call2RawOkHttpAndAdapter() throws IOException {
    try (Response response = http.newCall(request).execute()) {
      if (response.code() != 200) throw new IOException("HTTP " + response.code());
      return adapter.fromJson(response.body().source());
    }
  }
}
