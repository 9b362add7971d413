package dev.sessionkit.bench;

import com.squareup.moshi.JsonAdapter;
import dev.sessionkit.core.json.SessionkitMoshi;
import dev.sessionkit.qoder.EventListParams;
import dev.sessionkit.qoder.QoderClient;
import dev.sessionkit.qoder.model.SessionEvent;
import dev.sessionkit.qoder.model.SessionEventList;
import dev.sessionkit.sandbox.Sandbox;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Every event of a generated Qoder session (1,000,000 by default) through the SDK's
 * {@code iterateEvents}, against a raw OkHttp + Moshi loop that follows {@code last_id} itself;
 * each with {@code limit=100} and without a limit (the server's default page size). Run it with
 * {@code -jvmArgsAppend -Xmx16m} and {@code -Xmx1g} to compare paging rates under a small heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(1)
public class PagingBenchmark {
  /** Events in the session paged through. */
  @Param("1000000")
  public int events;

  Sandbox sandbox;
  QoderClient client;
  OkHttpClient http;
  HttpUrl eventsUrl;
  String authorization;
  String session;
  JsonAdapter<SessionEventList> adapter;
  Thread drain;
  volatile boolean stopped;

  /** Starts the sandbox, the client and the raw OkHttp peer. */
  @Setup
  public void setUp() {
    sandbox = Sandbox.builder().seed(Fixtures.SEED).start();
    // The sandbox's MockWebServer keeps every request it served until taken: drain them, or
    // 10,000 pages fill a 16 MiB heap with the harness's records, not the client's.
    drain = new Thread(() -> {
      while (!stopped) sandbox.takeRequest(100, TimeUnit.MILLISECONDS);
    }, "sandbox-request-drain");
    drain.setDaemon(true);
    drain.start();
    client = QoderClient.builder().fromEnv(sandbox.environment()).build();
    http = new OkHttpClient();
    session = sandbox.session("qoder", events).id();
    eventsUrl = HttpUrl.get(sandbox.baseUrl("qoder") + "sessions/" + session + "/events");
    authorization = "Bearer " + sandbox.credential("qoder");
    adapter = SessionkitMoshi.adapter(SessionEventList.class, false);
  }

  /** Stops the sandbox and the peer's OkHttp threads. */
  @TearDown
  public void tearDown() throws InterruptedException {
    stopped = true;
    drain.join();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    sandbox.close();
  }

  /** {@code iterateEvents(session, limit 100)}. */
  @Benchmark
  public long paging1SdkLimit100() {
    return count(client.sessions().iterateEvents(session, EventListParams.builder().limit(100).build()));
  }

  /** The raw OkHttp + Moshi loop with {@code limit=100}. */
  @Benchmark
  public long paging2RawLimit100() throws IOException {
    return rawLoop(100);
  }

  /** {@code iterateEvents(session)}: no explicit limit, so the SDK asks for the spec's maximum (100). */
  @Benchmark
  public long paging3SdkNoLimit() {
    return count(client.sessions().iterateEvents(session));
  }

  /** The raw loop without a limit (the server's default page size). */
  @Benchmark
  public long paging4RawNoLimit() throws IOException {
    return rawLoop(null);
  }

  private long count(Iterable<SessionEvent> all) {
    long n = 0;
    for (SessionEvent event : all) {
      if (event.type() != null) n++;
    }
    return checked(n);
  }

  private long rawLoop(@Nullable Integer limit) throws IOException {
    long n = 0;
    String after = null;
    while (true) {
      HttpUrl.Builder url = eventsUrl.newBuilder();
      if (limit != null) url.addQueryParameter("limit", limit.toString());
      if (after != null) url.addQueryParameter("after_id", after);
      Request request = new Request.Builder().url(url.build()).header("Authorization", authorization).build();
      SessionEventList page;
      try (Response response = http.newCall(request).execute()) {
        if (response.code() != 200) throw new IOException("HTTP " + response.code());
        page = adapter.fromJson(response.body().source());
      }
      for (SessionEvent event : page.data()) {
        if (event.type() != null) n++;
      }
      if (!Boolean.TRUE.equals(page.hasMore())) return checked(n);
      after = page.lastId();
    }
  }

  private long checked(long n) {
    if (n != events) throw new IllegalStateException("paged " + n + " events of " + events);
    return n;
  }
}
