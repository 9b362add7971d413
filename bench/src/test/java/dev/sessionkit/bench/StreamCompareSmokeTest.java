package dev.sessionkit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sessionkit.qoder.model.SessionEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the stream benchmarks' readers once, small, and checks what they read: EventStream and the
 * raw okhttp-sse loop decode the same events from memory and over loopback, and every latency
 * reader consumes every frame. Measures nothing.
 */
class StreamCompareSmokeTest {
  private static final int EVENTS = 2_000;

  @Test
  void eventStreamAndTheRawOkHttpSseLoopDecodeTheSameEvents() {
    StreamCompare bench = new StreamCompare(EVENTS);
    try {
      List<SessionEvent> ours = new ArrayList<>();
      List<SessionEvent> raw = new ArrayList<>();
      List<SessionEvent> oursOverLoopback = new ArrayList<>();
      List<SessionEvent> rawOverLoopback = new ArrayList<>();

      assertEquals(EVENTS, StreamCompare.eventStream(bench.memoryRuntime, ours));
      assertEquals(EVENTS, StreamCompare.okhttpSse(bench.memoryHttp, "http://localhost/v1/s", raw));
      assertEquals(EVENTS, StreamCompare.eventStream(bench.loopbackRuntime, oursOverLoopback));
      assertEquals(EVENTS, StreamCompare.okhttpSse(bench.loopbackHttp, bench.loopback.url() + "v1/s",
          rawOverLoopback));

      assertFalse(ours.stream().anyMatch(e -> e instanceof SessionEvent.Unknown), "every type known");
      assertEquals(raw, ours);
      assertEquals(ours, oursOverLoopback);
      assertEquals(ours, rawOverLoopback);
    } finally {
      bench.close();
    }
  }

  @Test
  void everyLatencyReaderConsumesEveryFrame() throws Exception {
    StreamLatency.main(new String[] {"600"});
  }
}
