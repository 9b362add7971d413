package dev.sessionkit.sandbox;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake Agents API v2 (Vectara): {@code GET /v2/agents/{agent_key}/sessions/{session_key}/events}
 * with {@code limit} (1..100, default 20) and {@code page_key} (base64 of
 * {@code {"event_id":"..."}}, as in the documented example), the key in {@code x-api-key} (or as a
 * Bearer token), and Vectara's error bodies ({@code messages}, {@code request_id}, {@code id} on a
 * 404, {@code field_errors} on a 400). Internal.
 */
final class AgentsApi {
  /** The event types of the seed, in the order a generated exchange uses them. */
  static final String[] TYPES = {"input_message", "thinking", "tool_input", "tool_output", "agent_output"};
  private static final String DOCUMENTED_PAGE_KEY = "eyJldmVudF9pZCI6ImFldl9hZ2VudF9vdXRwdXRfMDAxIn0=";
  private static final Pattern PAGE_KEY = Pattern.compile("\\{\"event_id\":\"(aev_(\\d{10})_[0-9a-f]{8})\"}");
  private static final Instant START = Instant.parse("2024-01-15T10:35:00Z");

  private final long seed;
  private final String apiKey;
  private final byte[] documented = Resources.read("agents-v2/list-events-example.json");

  public AgentsApi(long seed, String apiKey) {
    this.seed = seed;
    this.apiKey = apiKey;
  }

  /** Answers a request whose path starts after {@code /v2/}. */
  public Reply handle(Exchange ex) {
    String requestId = "req_sandbox_" + ex.number();
    List<String> p = ex.path();
    if (!ex.method().equals("GET") || p.size() != 5 || !p.get(0).equals("agents") || !p.get(2).equals("sessions")
        || !p.get(4).equals("events")) {
      return error(404, "Not found: " + ex.url().encodedPath(), requestId);
    }
    String key = ex.headers().get("x-api-key");
    if (!apiKey.equals(key) && !ex.hasBearer(apiKey)) {
      return error(401, "Invalid or missing API key", requestId);
    }
    String agent = p.get(1);
    String session = p.get(3);
    int limit = 20;
    String limitText = ex.query("limit");
    if (limitText != null) {
      try {
        limit = Integer.parseInt(limitText.strip());
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > 100) return badRequest("limit", "must be an integer between 1 and 100", requestId);
    }
    String pageKey = ex.query("page_key");
    if (agent.equals(SessionIds.AGENTS_DOCUMENTED_AGENT)) {
      if (!session.equals(SessionIds.AGENTS_DOCUMENTED_SESSION)) return notFound(session, "Session", requestId);
      if (pageKey == null || pageKey.isEmpty()) return Reply.raw(200, documented);
      if (pageKey.equals(DOCUMENTED_PAGE_KEY)) return page(session, 0, 0, 45);
      return badRequest("page_key", "is not a page key of this session", requestId);
    }
    if (!agent.equals(SessionIds.AGENTS_AGENT)) return notFound(agent, "Agent", requestId);
    OptionalInt size = SessionIds.agentsSize(session);
    if (size.isEmpty()) return notFound(session, "Session", requestId);
    int count = size.getAsInt();
    int from = 0;
    if (pageKey != null && !pageKey.isEmpty()) {
      long last = indexOf(session, pageKey, count);
      if (last < 0) return badRequest("page_key", "is not a page key of this session", requestId);
      from = (int) last + 1;
    }
    int to = Math.min(count, from + limit);
    return page(session, from, to, count);
  }

  private Reply page(String session, int from, int to, long total) {
    long hash = Rng.hash(session);
    return Reply.json(200, json -> {
      json.beginObject();
      json.name("events").beginArray();
      for (int i = from; i < to; i++) event(json, session, hash, i);
      json.endArray();
      json.name("metadata").beginObject();
      if (to < total && to > from) json.name("page_key").value(pageKey(eventId(hash, to - 1)));
      json.name("total_count").value(total);
      json.endObject();
      json.endObject();
    });
  }

  private void event(JsonWriter json, String session, long hash, int i) throws IOException {
    Rng r = new Rng(seed, hash, i);
    String type = TYPES[i % TYPES.length];
    String call = "call_" + new Rng(seed, hash, i / TYPES.length, 3).hex(12);
    String query = new Rng(seed, hash, i / TYPES.length, 4).pick(Texts.TOOL_QUERY);
    json.beginObject();
    json.name("id").value(eventId(hash, i));
    json.name("session_key").value(session);
    json.name("type").value(type);
    switch (type) {
      case "input_message" -> {
        json.name("messages").beginArray();
        json.beginObject().name("type").value("text").name("content").value(r.pick(Texts.USER)).endObject();
        json.endArray();
      }
      case "thinking" -> json.name("content").value(r.pick(Texts.THINKING));
      case "tool_input" -> {
        tool(json, call);
        json.name("tool_input").beginObject()
            .name("query").value(query)
            .name("max_results").value(r.between(1, 10))
            .endObject();
      }
      case "tool_output" -> {
        tool(json, call);
        json.name("tool_output").beginObject().name("results").beginArray();
        long results = r.between(1, 3);
        for (int k = 0; k < results; k++) {
          json.beginObject().name("title").value("Result " + (k + 1) + " for " + query)
              .name("content").value(r.pick(Texts.AGENT)).endObject();
        }
        json.endArray().endObject();
      }
      default -> json.name("content").value(r.pick(Texts.AGENT));
    }
    json.name("created_at").value(START.plusSeconds(i).toString());
    json.endObject();
  }

  private static void tool(JsonWriter json, String call) throws IOException {
    json.name("tool_call_id").value(call);
    json.name("tool_configuration").value("knowledge_search");
    json.name("tool_name").value("knowledge_base_search");
  }

  private String eventId(long hash, long index) {
    return String.format("aev_%010d_", index) + new Rng(seed, hash, index, 7).hex(8);
  }

  private static String pageKey(String eventId) {
    String json = "{\"event_id\":\"" + eventId + "\"}";
    return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private long indexOf(String session, String pageKey, int count) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(pageKey), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return -1;
    }
    Matcher m = PAGE_KEY.matcher(decoded);
    if (!m.matches()) return -1;
    long index = Long.parseLong(m.group(2));
    if (index >= count || !m.group(1).equals(eventId(Rng.hash(session), index))) return -1;
    return index;
  }

  private static Reply notFound(String key, String what, String requestId) {
    return Reply.json(404, json -> {
      json.beginObject();
      json.name("id").value(key);
      json.name("messages").beginArray().value(what + " " + key + " does not exist").endArray();
      json.name("request_id").value(requestId);
      json.endObject();
    });
  }

  private static Reply badRequest(String field, String problem, String requestId) {
    return Reply.json(400, json -> {
      json.beginObject();
      json.name("field_errors").beginObject().name(field).value(problem).endObject();
      json.name("messages").beginArray().value(field + " " + problem).endArray();
      json.name("request_id").value(requestId);
      json.endObject();
    });
  }

  /** Vectara's general error body, {@code {"messages":[...],"request_id":"..."}}. */
  public static Reply error(int status, String message, String requestId) {
    return Reply.json(status, json -> {
      json.beginObject();
      json.name("messages").beginArray().value(message).endArray();
      json.name("request_id").value(requestId);
      json.endObject();
    });
  }
}
