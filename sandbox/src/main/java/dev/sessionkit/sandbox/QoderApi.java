package dev.sessionkit.sandbox;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The fake Qoder Cloud Agents API: {@code GET /api/v1/cloud/sessions/{session_id}/events} with
 * {@code limit} (default 20; 0 or less is a 400, more than 100 is capped, as Qoder's "Pagination"
 * page says), {@code after_id} / {@code before_id} (mutually exclusive), Bearer PAT, and Qoder's
 * {@code {"type":"error","error":{...}}} envelope. Internal.
 */
final class QoderApi {
  /** The event types of Qoder's page, in the order a generated turn uses them. */
  static final String[] TURN = {
    "user.message", "session.status_rescheduled", "span.model_request_start", "agent.thinking",
    "span.model_request_end", "agent.message", "session.status_idle",
  };
  private static final String DOCUMENTED_FIRST = "evt_019e392c0d787cfaa21bda98e06cd913";
  private static final String DOCUMENTED_LAST = "evt_771c1195bcbd4a07834d4ed4dd6450ca";
  private static final Instant START = Instant.parse("2026-05-18T03:40:48Z");

  private final long seed;
  private final String pat;
  private final byte[] documented = Resources.read("qoder/list-events-example.json");

  public QoderApi(long seed, String pat) {
    this.seed = seed;
    this.pat = pat;
  }

  /** Answers a request whose path starts after {@code /api/v1/cloud/}. */
  public Reply handle(Exchange ex) {
    List<String> p = ex.path();
    if (!ex.method().equals("GET") || p.size() != 3 || !p.get(0).equals("sessions") || !p.get(2).equals("events")) {
      return Reply.text(404, "404 page not found");
    }
    if (!ex.hasBearer(pat)) return error(401, "authentication_error", "PAT invalid or expired", null);
    String sessionId = p.get(1);
    if (!sessionId.startsWith("sess_")) return error(404, "not_found_error", "Session does not exist", null);
    int limit = 20;
    String limitText = ex.query("limit");
    if (limitText != null) {
      try {
        limit = Integer.parseInt(limitText.strip());
      } catch (NumberFormatException e) {
        return error(400, "invalid_request_error", "limit must be an integer", "limit");
      }
      if (limit <= 0) return error(400, "invalid_request_error", "limit must be between 1 and 100", "limit");
      limit = Math.min(limit, 100);
    }
    String after = ex.query("after_id");
    String before = ex.query("before_id");
    if (after != null && before != null) {
      return error(400, "invalid_request_error", "before_id and after_id are mutually exclusive", "before_id");
    }
    if (sessionId.equals(SessionIds.QODER_DOCUMENTED_SESSION)) {
      if (after == null && before == null) return Reply.raw(200, documented);
      String cursor = after != null ? after : before;
      if (cursor.equals(DOCUMENTED_FIRST) || cursor.equals(DOCUMENTED_LAST)) return page(sessionId, 0, 0, false);
      return unknownCursor(after != null ? "after_id" : "before_id");
    }
    OptionalInt size = SessionIds.qoderSize(sessionId);
    if (size.isEmpty()) return error(404, "not_found_error", "Session does not exist", null);
    int count = size.getAsInt();
    long session = Rng.hash(sessionId);
    if (after != null) {
      long index = indexOf(session, after, count);
      if (index < 0) return unknownCursor("after_id");
      int from = (int) index + 1;
      int to = Math.min(count, from + limit);
      return page(sessionId, from, to, to < count);
    }
    if (before != null) {
      long index = indexOf(session, before, count);
      if (index < 0) return unknownCursor("before_id");
      int to = (int) index;
      int from = Math.max(0, to - limit);
      return page(sessionId, from, to, from > 0);
    }
    int to = Math.min(count, limit);
    return page(sessionId, 0, to, to < count);
  }

  private Reply page(String sessionId, int from, int to, boolean hasMore) {
    long session = Rng.hash(sessionId);
    int count = SessionIds.qoderSize(sessionId).orElse(0);
    return Reply.json(200, json -> {
      json.beginObject();
      json.name("data").beginArray();
      for (int i = from; i < to; i++) event(json, sessionId, session, i, count);
      json.endArray();
      json.name("first_id").value(from < to ? eventId(session, from) : null);
      json.name("last_id").value(from < to ? eventId(session, to - 1) : null);
      json.name("has_more").value(hasMore);
      json.endObject();
    });
  }

  /** The type of event {@code i} of a session of {@code count}: turns of seven events, every fourth turn failing, the last event {@code terminated}. */
  static String typeOf(int i, int count) {
    if (i == count - 1 && count > 1) return "terminated";
    int turn = i / TURN.length;
    int slot = i % TURN.length;
    if (slot == TURN.length - 1 && turn % 4 == 0) return "session.error";
    return TURN[slot];
  }

  private void event(JsonWriter json, String sessionId, long session, int i, int count) throws IOException {
    Rng r = new Rng(seed, session, i);
    String type = typeOf(i, count);
    int turn = i / TURN.length;
    Instant created = START.plusMillis(1250L * i).plusNanos(r.between(0, 999_999_999));
    Instant processed = created.plusNanos(r.between(1_000_000, 90_000_000));
    json.beginObject();
    json.name("id").value(eventId(session, i));
    json.name("type").value(type);
    json.name("session_id").value(sessionId);
    json.name("turn_id").value("turn_" + new Rng(seed, session, -1 - turn).hex(32));
    json.name("schema_version").value("1.0");
    json.name("created_at").value(created.toString());
    json.name("processed_at").value(processed.toString());
    switch (type) {
      case "user.message" -> json.name("content").value(r.pick(Texts.USER));
      case "agent.message" -> {
        json.name("content").beginArray();
        json.beginObject().name("type").value("text").name("text").value(r.pick(Texts.AGENT)).endObject();
        json.endArray();
      }
      case "session.status_idle" -> {
        json.name("status").value("idle");
        json.name("usage").beginObject()
            .name("input_tokens").value(r.between(50, 5000))
            .name("output_tokens").value(r.between(10, 2000))
            .name("cache_read_input_tokens").value(r.between(0, 4000))
            .name("cache_creation_input_tokens").value(r.between(0, 500))
            .endObject();
        json.name("stop_reason").beginObject().name("type").value("end_turn").endObject();
      }
      case "session.error" -> {
        json.name("error").beginObject()
            .name("message").value("The operation was aborted due to timeout")
            .name("type").value("unknown_error").endObject();
        json.name("details").beginObject()
            .name("message").value("The operation was aborted due to timeout")
            .name("name").value("TimeoutError").endObject();
        json.name("retry_status").beginObject().name("type").value("exhausted").endObject();
      }
      default -> { }
    }
    json.endObject();
  }

  /** {@code evt_} + the index in 16 hex digits (so ids sort in time order) + 16 hex digits of the seed. */
  private String eventId(long session, long index) {
    return String.format("evt_%016x", index) + new Rng(seed, session, index, 7).hex(16);
  }

  private long indexOf(long session, String eventId, int count) {
    if (!eventId.matches("evt_[0-9a-f]{32}")) return -1;
    long index = Long.parseUnsignedLong(eventId.substring(4, 20), 16);
    if (index < 0 || index >= count || !eventId.equals(eventId(session, index))) return -1;
    return index;
  }

  private static Reply unknownCursor(String param) {
    return error(400, "invalid_request_error", param + " is not an event of this session", param);
  }

  /** Qoder's error envelope (its "Errors" page). */
  public static Reply error(int status, String type, String message, @Nullable String param) {
    return Reply.json(status, json -> {
      json.beginObject();
      json.name("type").value("error");
      json.name("error").beginObject();
      json.name("type").value(type);
      json.name("message").value(message);
      if (param != null) json.name("param").value(param);
      json.endObject();
      json.endObject();
    });
  }
}
