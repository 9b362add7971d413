package dev.sessionkit.bench;

import com.squareup.moshi.JsonAdapter;
import dev.sessionkit.agents.model.ListAgentEventsResponse;
import dev.sessionkit.core.json.SessionkitMoshi;
import dev.sessionkit.piper.model.SessionEventsResponse;
import dev.sessionkit.qoder.model.SessionEventList;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding one response body, SDK against its peers, each reading a fresh OkHttp
 * {@code ResponseBody} over the same bytes: a 100-event Qoder page, a 100-event Agents API v2
 * page and a 2,000-event Piper session (seed 42). Names sort the peers of one input side by side.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecodeBenchmark {
  Fixtures fixtures;
  JsonAdapter<SessionEventList> qoder;
  JsonAdapter<ListAgentEventsResponse> agents;
  JsonAdapter<SessionEventsResponse> piper;

  /** Fetches the bodies from a seed-42 sandbox and looks up the SDK's adapters. */
  @Setup
  public void setUp() {
    fixtures = Fixtures.load();
    qoder = SessionkitMoshi.adapter(SessionEventList.class, false);
    agents = SessionkitMoshi.adapter(ListAgentEventsResponse.class, false);
    piper = SessionkitMoshi.adapter(SessionEventsResponse.class, false);
  }

  /** The SDK: {@code SessionkitMoshi.adapter(SessionEventList.class, false)}. */
  @Benchmark
  public SessionEventList qoder1Sdk() throws IOException {
    return qoder.fromJson(Fixtures.body(fixtures.qoderPage));
  }

  /** A hand-written Moshi {@code JsonReader} decoder into the same records. */
  @Benchmark
  public SessionEventList qoder2HandWrittenMoshi() throws IOException {
    return HandWritten.qoderPage(Fixtures.body(fixtures.qoderPage));
  }

  /** Jackson databind into records of the same shape. */
  @Benchmark
  public JacksonModels.QoderPage qoder3Jackson() throws IOException {
    return JacksonModels.QODER.readValue(Fixtures.body(fixtures.qoderPage).inputStream());
  }

  /** The SDK on an Agents API v2 page. */
  @Benchmark
  public ListAgentEventsResponse agents1Sdk() throws IOException {
    return agents.fromJson(Fixtures.body(fixtures.agentsPage));
  }

  /** Hand-written Moshi on an Agents API v2 page. */
  @Benchmark
  public ListAgentEventsResponse agents2HandWrittenMoshi() throws IOException {
    return HandWritten.agentsPage(Fixtures.body(fixtures.agentsPage));
  }

  /** Jackson on an Agents API v2 page. */
  @Benchmark
  public JacksonModels.AgentsPage agents3Jackson() throws IOException {
    return JacksonModels.AGENTS.readValue(Fixtures.body(fixtures.agentsPage).inputStream());
  }

  /** The SDK on the large Piper session. */
  @Benchmark
  public SessionEventsResponse piper1Sdk() throws IOException {
    return piper.fromJson(Fixtures.body(fixtures.piperSession));
  }

  /** Hand-written Moshi on the large Piper session. */
  @Benchmark
  public SessionEventsResponse piper2HandWrittenMoshi() throws IOException {
    return HandWritten.piperSession(Fixtures.body(fixtures.piperSession));
  }

  /** Jackson on the large Piper session. */
  @Benchmark
  public JacksonModels.PiperSession piper3Jackson() throws IOException {
    return JacksonModels.PIPER.readValue(Fixtures.body(fixtures.piperSession).inputStream());
  }
}
