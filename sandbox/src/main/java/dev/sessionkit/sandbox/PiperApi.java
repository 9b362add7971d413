package dev.sessionkit.sandbox;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The fake Piper API: {@code GET /v1/orgs/{org_id}/responses/sessions/{session_id}/events} and
 * {@code GET /v1/orgs/{org_id}/scenarios/runs/by-session/{session_id}}, Bearer platform token,
 * FastAPI error bodies ({@code {"detail": "..."}}, and the 422 validation list for a path
 * parameter that is not a UUID). Not paginated: a generated session is written whole. Internal.
 */
final class PiperApi {
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  /** Events per run in a generated session. */
  static final int EVENTS_PER_RUN = 4;
  static final String[] STATUSES = {"pending", "running", "passed", "failed", "error"};
  private static final Instant START = Instant.parse("2023-11-07T05:31:56Z");

  private final long seed;
  private final String token;
  private final byte[] documentedEvents = Resources.read("piper/session-events-example.json");
  private final byte[] documentedScenario = Resources.read("piper/scenario-run-by-session-example.json");

  public PiperApi(long seed, String token) {
    this.seed = seed;
    this.token = token;
  }

  /** Answers a request whose path starts after {@code /v1/}. */
  public Reply handle(Exchange ex) {
    List<String> p = ex.path();
    boolean events = p.size() == 6 && p.get(0).equals("orgs") && p.get(2).equals("responses")
        && p.get(3).equals("sessions") && p.get(5).equals("events");
    boolean scenario = p.size() == 6 && p.get(0).equals("orgs") && p.get(2).equals("scenarios")
        && p.get(3).equals("runs") && p.get(4).equals("by-session");
    if (!ex.method().equals("GET") || !(events || scenario)) return detail(404, "Not Found");
    if (!ex.hasBearer(token)) return detail(401, "Invalid or expired token");
    String org = p.get(1);
    String session = events ? p.get(4) : p.get(5);
    if (!UUID.matcher(org).matches()) return invalidUuid("org_id", org);
    if (!UUID.matcher(session).matches()) return invalidUuid("session_id", session);
    String missing = events ? "Session not found" : "Scenario run not found for this session";
    if (!org.equalsIgnoreCase(SessionIds.PIPER_ORG)) return detail(404, missing);
    if (session.equalsIgnoreCase(SessionIds.PIPER_DOCUMENTED_SESSION)) {
      return Reply.raw(200, events ? documentedEvents : documentedScenario);
    }
    OptionalInt size = SessionIds.piperSize(session.toLowerCase());
    if (size.isEmpty()) return detail(404, missing);
    int count = size.getAsInt();
    if (events) return Reply.json(200, json -> sessionEvents(json, session, count));
    if (count == 0) return detail(404, missing);
    return Reply.json(200, json -> scenarioRun(json, session, count));
  }

  private void sessionEvents(JsonWriter json, String session, int count) throws IOException {
    long hash = Rng.hash(session);
    Rng s = new Rng(seed, hash, -1);
    json.beginObject();
    json.name("session").beginObject();
    json.name("session_id").value(session);
    json.name("agent_id").value(s.uuid());
    json.name("organization_id").value(SessionIds.PIPER_ORG);
    json.name("channel_id").value(s.uuid());
    json.name("channel_external_session_id").value("ext-session-" + s.hex(8));
    json.name("channel_external_user_id").value("ext-user-" + s.hex(8));
    json.name("is_test").value(true);
    json.name("created_at").value(START.toString());
    json.name("updated_at").value(START.plusSeconds(5L * count + 5).toString());
    json.endObject();
    json.name("runs").beginArray();
    for (int run = 0; run * EVENTS_PER_RUN < count; run++) {
      Rng r = new Rng(seed, hash, run, 11);
      String runId = r.uuid();
      int first = run * EVENTS_PER_RUN;
      int last = Math.min(count, first + EVENTS_PER_RUN);
      json.beginObject();
      json.name("id").value(runId);
      json.name("session_id").value(session);
      json.name("created_at").value(START.plusSeconds(5L * first).toString());
      json.name("updated_at").value(START.plusSeconds(5L * last).toString());
      json.name("events").beginArray();
      for (int i = first; i < last; i++) {
        Rng e = new Rng(seed, hash, i);
        json.beginObject();
        json.name("id").value(e.uuid());
        json.name("run_id").value(runId);
        json.name("event_type").value("user_message");
        json.name("created_at").value(START.plusSeconds(5L * i).toString());
        json.name("role").value("user");
        json.name("content").value(e.pick(Texts.USER));
        json.name("latency_ms").value(e.between(20, 900));
        json.endObject();
      }
      json.endArray();
      long in = r.between(200, 8000);
      long out = r.between(20, 2000);
      json.name("model_name").value(r.pick(Texts.MODEL));
      json.name("total_input_tokens").value(in);
      json.name("total_output_tokens").value(out);
      json.name("total_cost_usd").value(BigDecimal.valueOf(in * 3 + out * 15, 6));
      json.name("total_requests").value(r.between(1, 4));
      json.endObject();
    }
    json.endArray();
    json.endObject();
  }

  private void scenarioRun(JsonWriter json, String session, int count) throws IOException {
    long hash = Rng.hash(session);
    Rng r = new Rng(seed, hash, -2);
    String status = STATUSES[count % STATUSES.length];
    int turns = Math.max(1, Math.min(5, (count + 1) / 2));
    json.beginObject();
    json.name("id").value(r.uuid());
    json.name("scenario_id").value(r.uuid());
    json.name("scenario_name").value(r.pick(Texts.SCENARIO));
    json.name("status").value(status);
    json.name("started_at").value(status.equals("pending") ? null : START.toString());
    boolean done = !status.equals("pending") && !status.equals("running");
    json.name("completed_at").value(done ? START.plusSeconds(30L * turns).toString() : null);
    json.name("turn_results").beginArray();
    int shown = status.equals("pending") ? 0 : turns;
    for (int t = 0; t < shown; t++) {
      boolean lastTurn = t == shown - 1;
      boolean passed = !(lastTurn && (status.equals("failed") || status.equals("error")));
      json.beginObject();
      json.name("id").value(r.uuid());
      json.name("turn_index").value(t);
      json.name("stopped_early").value(!passed && turns < 5);
      json.name("passed").value(passed);
      json.name("response_content").value(status.equals("error") && lastTurn ? null : r.pick(Texts.AGENT));
      json.name("criteria_results").beginArray();
      for (int c = 0; c < 2; c++) {
        json.beginObject();
        json.name("id").value(r.uuid());
        json.name("criteria_id").value(r.uuid());
        json.name("verdict").value("PASS");
        json.name("criteria_question").value(Texts.QUESTION[(t + c) % Texts.QUESTION.length]);
        json.name("criteria_type").value("llm_evaluated");
        json.name("critique").value("The response meets the criterion.");
        json.name("evidence").value("Turn " + t + " of the transcript.");
        json.name("input_tokens").value(r.between(100, 900));
        json.name("output_tokens").value(r.between(10, 120));
        json.endObject();
      }
      json.endArray();
      json.endObject();
    }
    json.endArray();
    json.endObject();
  }

  /** FastAPI's HTTPException body. */
  public static Reply detail(int status, String detail) {
    return Reply.json(status, json -> json.beginObject().name("detail").value(detail).endObject());
  }

  private static Reply invalidUuid(String param, String input) {
    return Reply.json(422, json -> {
      json.beginObject().name("detail").beginArray().beginObject();
      json.name("type").value("uuid_parsing");
      json.name("loc").beginArray().value("path").value(param).endArray();
      json.name("msg").value("Input should be a valid UUID");
      json.name("input").value(input);
      json.name("ctx").beginObject().name("error").value("invalid UUID").endObject();
      json.endObject().endArray().endObject();
    });
  }
}
