package dev.sessionkit.sandbox;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * The fake Pipecat Cloud API: {@code GET /v1/agents/{agentName}/sessions/{sessionId}}, Bearer
 * private key, and Pipecat's {@code {"error": "...", "code": "..."}} body. A generated session's
 * metrics hold as many samples as its id says (none: {@code resourceMetrics} is null and the
 * session has not ended). Internal.
 */
final class PipecatApi {
  static final String[] COMPLETION = {"HTTP_COMPLETED", "HTTP_ERROR", "WS_CONNECTION_CLOSED"};
  private static final String NOT_FOUND = "API endpoint not found / agent deployment not found / Organization not found";
  private static final Instant START = Instant.parse("2025-10-22T08:39:20Z");

  private final long seed;
  private final String key;
  private final byte[] documented = Resources.read("pipecat/get-session-example.json");

  public PipecatApi(long seed, String key) {
    this.seed = seed;
    this.key = key;
  }

  /** Answers a request whose path starts after {@code /v1/}. */
  public Reply handle(Exchange ex) {
    List<String> p = ex.path();
    if (!ex.method().equals("GET") || p.size() != 4 || !p.get(0).equals("agents") || !p.get(2).equals("sessions")) {
      return error(404, "Service not found", "404");
    }
    if (!ex.hasBearer(key)) return error(401, "Unauthorized / token expired", "401");
    String agent = p.get(1);
    String session = p.get(3);
    if (agent.equals(SessionIds.PIPECAT_DOCUMENTED_AGENT) && session.equals(SessionIds.PIPECAT_DOCUMENTED_SESSION)) {
      return Reply.raw(200, documented);
    }
    OptionalInt size = SessionIds.pipecatSize(session);
    if (!agent.equals(SessionIds.PIPECAT_AGENT) || size.isEmpty()) return error(404, NOT_FOUND, "404");
    return Reply.json(200, json -> session(json, session, size.getAsInt()));
  }

  private void session(JsonWriter json, String session, int samples) throws IOException {
    long hash = Rng.hash(session);
    Rng r = new Rng(seed, hash, -1);
    boolean ended = samples > 0;
    Instant end = START.plusSeconds(5L * samples + 6);
    json.beginObject();
    json.name("sessionId").value(session);
    json.name("serviceId").value(r.uuid());
    json.name("organizationId").value(r.uuid());
    json.name("deploymentId").value(r.uuid());
    json.name("endedAt").value(ended ? end.toString() : null);
    json.name("botStartSeconds").value(r.between(1, 12));
    json.name("coldStart").value(r.nextInt(2) == 0);
    json.name("completionStatus").value(ended ? COMPLETION[samples % COMPLETION.length] : null);
    json.name("createdAt").value(START.toString());
    json.name("updatedAt").value((ended ? end : START).toString());
    if (samples == 0) {
      json.name("resourceMetrics").nullValue();
    } else {
      long[] cpu = new long[samples];
      long[] memory = new long[samples];
      for (int i = 0; i < samples; i++) {
        Rng s = new Rng(seed, hash, i);
        cpu[i] = s.between(80, 500);
        memory[i] = s.between(96, 320) * 1024 * 1024;
      }
      json.name("resourceMetrics").beginObject();
      json.name("id").value(r.uuid());
      json.name("sessionId").value(session);
      json.name("sampleCount").value(samples);
      long[] sortedCpu = cpu.clone();
      long[] sortedMemory = memory.clone();
      Arrays.sort(sortedCpu);
      Arrays.sort(sortedMemory);
      for (int pct : new int[] {50, 90, 95, 99}) json.name("cpuMillicoresP" + pct).value(percentile(sortedCpu, pct));
      for (int pct : new int[] {50, 90, 95, 99}) json.name("memoryBytesP" + pct).value(percentile(sortedMemory, pct));
      json.name("timeseries").beginArray();
      long t0 = START.getEpochSecond();
      for (int i = 0; i < samples; i++) {
        json.beginObject().name("t").value(t0 + 5L * i).name("c").value(cpu[i]).name("m").value(memory[i]).endObject();
      }
      json.endArray();
      json.name("eventTs").value(end.minusSeconds(1).toString());
      json.name("createdAt").value(end.minusSeconds(1).toString());
      json.endObject();
    }
    json.name("meetingIds").beginArray();
    json.beginObject().name("participantId").value(r.uuid()).name("meetingId").value(r.uuid()).endObject();
    json.endArray();
    json.endObject();
  }

  /** The nearest-rank percentile of sorted values. */
  private static long percentile(long[] sorted, int pct) {
    int rank = (int) Math.ceil(pct / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** Pipecat's error body. */
  public static Reply error(int status, String message, String code) {
    return Reply.json(status, json -> json.beginObject().name("error").value(message).name("code").value(code).endObject());
  }
}
