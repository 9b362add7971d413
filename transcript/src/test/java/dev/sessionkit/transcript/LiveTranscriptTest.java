package dev.sessionkit.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.ClientOptions;
import dev.sessionkit.core.Credential;
import dev.sessionkit.core.EventStream;
import dev.sessionkit.core.RequestOptions;
import dev.sessionkit.core.spi.ClientRuntime;
import dev.sessionkit.core.spi.ServiceProfile;
import dev.sessionkit.core.spi.StreamSpec;
import dev.sessionkit.qoder.model.SessionEvent;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;

/**
 * A transcript of a live stream: entries as the events arrive, and from the OTLP export one span per
 * turn, sent when the vendor's event that ends the turn arrives, while the stream is still open.
 * The stream is Qoder's event union over server-sent events, decoded by the same runtime the SDKs'
 * live streams use; the server sends one turn, then waits.
 */
class LiveTranscriptTest {
  /** The Retrofit call of a session's live events (Qoder's {@code GET /sessions/{id}/events/stream}). */
  interface LiveApi {
    @retrofit2.http.GET("sessions/{session_id}/events/stream")
    @retrofit2.http.Streaming
    retrofit2.Call<okhttp3.ResponseBody> stream(@retrofit2.http.Path("session_id") String sessionId);
  }

  private static String frame(String json) {
    String id = json.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    String type = json.replaceAll(".*\"type\":\"([^\"]+)\".*", "$1");
    return "id: " + id + "\nevent: " + type + "\ndata: " + json + "\n\n";
  }

  private static String event(String id, String type, String turn, String at, String more) {
    return frame("{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"session_id\":\"sess_live\",\"turn_id\":\"" + turn
        + "\",\"created_at\":\"2026-05-18T03:40:" + at + "Z\"" + more + "}");
  }

  static final String TURN_ONE = event("evt_1", "user.message", "turn_1", "00", ",\"content\":\"hello\"")
      + "event: heartbeat\ndata: {}\n\n"
      + event("evt_2", "span.model_request_start", "turn_1", "01", "")
      + event("evt_3", "span.model_request_end", "turn_1", "03", "")
      + event("evt_4", "agent.message", "turn_1", "04", ",\"content\":[{\"type\":\"text\",\"text\":\"hi there\"}]")
      + event("evt_5", "session.status_idle", "turn_1", "05",
          ",\"status\":\"idle\",\"stop_reason\":{\"type\":\"end_turn\"},\"usage\":{\"input_tokens\":10,\"output_tokens\":4}");
  static final String TURN_TWO = event("evt_6", "user.message", "turn_2", "10", ",\"content\":\"again\"")
      + event("evt_7", "session.status_idle", "turn_2", "12", ",\"usage\":{\"input_tokens\":3,\"output_tokens\":1}");

  /** Sends turn one, waits for {@link #next}, sends turn two, then keeps the stream open until the client leaves. */
  static final class Paced implements MockResponseBody {
    final CountDownLatch next = new CountDownLatch(1);
    final CountDownLatch gone = new CountDownLatch(1);

    @Override
    public long getContentLength() {
      return -1;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      try {
        sink.writeUtf8(TURN_ONE).flush();
        if (!next.await(20, TimeUnit.SECONDS)) return;
        sink.writeUtf8(TURN_TWO).flush();
        for (int i = 0; i < 1_000; i++) {
          Thread.sleep(20);
          sink.writeUtf8(": still here\n\n").flush();
        }
      } catch (InterruptedException e) {
        throw new InterruptedIOException();
      } catch (IOException e) {
        gone.countDown();
      }
    }
  }

  private static EventStream<SessionEvent> stream(MockWebServer server) {
    ClientRuntime runtime = ClientRuntime.create(ClientOptions.builder().baseUrl(server.url("/").toString())
        .credential(Credential.of("t")).maxRetries(0).build(), ServiceProfile.builder("Live").build());
    StreamSpec<SessionEvent> spec = StreamSpec.builder(SessionEvent.class).heartbeats("heartbeat").resumeWithLastEventId().build();
    return runtime.stream(runtime.service(LiveApi.class).stream("sess_live"), spec, RequestOptions.NONE);
  }

  /** Records each export: its spans' names, and whether turn two had been sent when it came. */
  static final class Exports implements SpanExporter {
    final List<List<String>> batches = new ArrayList<>();
    final List<Boolean> beforeTurnTwo = new ArrayList<>();
    Paced body;
    TranscriptStream transcript;

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      batches.add(spans.stream().map(SpanData::getName).sorted().toList());
      beforeTurnTwo.add(body.next.getCount() == 1);
      if (batches.size() == 1) body.next.countDown();
      if (spans.stream().anyMatch(span -> "turn_2".equals(span.getAttributes().get(Otlp.TURN_ID)))) transcript.close();
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  @Test
  void eachTurnsSpansAreExportedWhenTheEventThatEndsTheTurnArrivesWhileTheStreamIsStillOpen() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      Paced body = new Paced();
      server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(body).build());
      Exports exports = new Exports();
      exports.body = body;
      TranscriptStream transcript = Transcripts.of("qoder").session("sess_live").live(stream(server));
      exports.transcript = transcript;

      Totals totals = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> TranscriptWriters.otlp(transcript, exports));

      assertEquals(List.of(List.of("chat", "invoke_agent"), List.of("invoke_agent"), List.of("session qoder")), exports.batches);
      assertEquals(List.of(true, false, false), exports.beforeTurnTwo, "turn one left before turn two was even sent");
      assertEquals(6, totals.entries());
      assertEquals(13, totals.inputTokens());
      assertTrue(body.gone.await(10, TimeUnit.SECONDS), "closing the transcript closed the stream");
    }
  }

  @Test
  void aLiveTranscriptsEntriesAreTheEventsMappedAsTheHistorysAreAndItEndsWhenClosed() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      Paced body = new Paced();
      server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(body).build());
      List<String> seen = new ArrayList<>();
      try (TranscriptStream transcript = Transcripts.of("qoder").session("sess_live").live(stream(server))) {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
          for (Entry entry : transcript) {
            seen.add(entry.kind() + (transcript.lastEndsTurn() ? " (turn ends)" : ""));
            if (seen.size() == 4) body.next.countDown();
            if (seen.size() == 6) transcript.close();
          }
        });
        assertTrue(transcript.finished());
        assertEquals(6, transcript.totals().entries());
      }
      assertEquals(List.of("user_message", "model_request", "agent_message", "status_change (turn ends)", "user_message",
          "status_change (turn ends)"), seen);
      assertEquals("/sessions/sess_live/events/stream", server.takeRequest().getUrl().encodedPath());
    }
  }

  @Test
  void aLiveTranscriptWritesEachJsonLineAsItsEventArrives() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      Paced body = new Paced();
      server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(body).build());
      TranscriptStream transcript = Transcripts.of("qoder").session("sess_live").live(stream(server));
      List<String> lines = new ArrayList<>();
      StringBuilder out = new StringBuilder();
      java.io.Flushable flushed = () -> {
        lines.add(out.toString());
        if (lines.size() == 4) body.next.countDown();
        if (lines.size() == 6) transcript.close();
      };
      class Out implements Appendable, java.io.Flushable {
        @Override
        public Appendable append(CharSequence s) {
          out.append(s);
          return this;
        }

        @Override
        public Appendable append(CharSequence s, int start, int end) {
          out.append(s, start, end);
          return this;
        }

        @Override
        public Appendable append(char c) {
          out.append(c);
          return this;
        }

        @Override
        public void flush() throws IOException {
          flushed.flush();
        }
      }
      assertTimeoutPreemptively(Duration.ofSeconds(30), () -> TranscriptWriters.jsonl(transcript, new Out()));
      assertEquals(1, lines.get(0).lines().count(), "the first line was flushed alone, as its event arrived");
      assertTrue(lines.get(0).contains("\"kind\":\"user_message\""), lines.get(0));
      assertTrue(out.toString().lines().reduce((a, b) -> b).orElseThrow().contains("\"kind\":\"totals\""));
    }
  }
}
