package dev.sessionkit.sandbox.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The live streams of a vendor: a session's stream (resumed after a Last-Event-ID, filtered by
 * type) and a send's streamed turn, framed as the spec and the scenario say, with heartbeats.
 */
final class Streams {
  private final VendorServer v;

  Streams(VendorServer v) {
    this.v = v;
  }

  boolean streamed(Call call) {
    if (!call.op().streams()) return false;
    if (!call.op().answersJson()) return true;
    Map<String, Object> rules = call.op().extension("x-sessionkit-stream");
    String condition = rules == null ? null : Json.string(rules, "condition");
    if (condition == null) {
      Map<String, Object> framing = Json.object(call.binding().get("framing"));
      condition = framing == null ? null : Json.string(framing, "condition");
    }
    return condition != null && Boolean.TRUE.equals(Json.at(call.body(), condition));
  }

  Reply stream(Call call) {
    Item item = v.items.find(call.resource(), call.key());
    if (item == null) return v.checks.notFound(call.op(), call.key().get(call.resource().idParam()), call.request().number());
    item = v.items.materialize(item);
    String lastEventId = call.request().headers().get("Last-Event-ID");
    if (lastEventId != null && item.history().indexOf(lastEventId) < 0) {
      return v.errors.invalid(call.op(), v.checks.invalidStatus(), "header", "Last-Event-ID", "cursor", lastEventId, Map.of(),
          call.request().number());
    }
    Set<String> names = null;
    List<String> types = new ArrayList<>();
    for (String name : call.request().url().queryParameterNames()) {
      if (!name.equals("type") && !name.equals("types[]")) continue;
      for (String value : call.request().url().queryParameterValues(name)) {
        if (value != null) for (String t : value.split(",")) if (!t.isBlank()) types.add(t.strip());
      }
    }
    if (!types.isEmpty()) names = Set.copyOf(types);
    Frames frames = new Frames.Session(item.history(), framing(call.op(), call.binding()), () -> v.closed, lastEventId, names);
    return Reply.stream(call.op().successStatus(), frames);
  }

  Frames.Framing framing(Spec.Op op, Scenario.Binding binding) {
    Map<String, Object> rules = op.extension("x-sessionkit-stream");
    Map<String, Object> own = Json.object(binding.get("framing"));
    Map<String, Object> f = new LinkedHashMap<>();
    if (rules != null) {
      String eventName = Json.string(rules, "event-name");
      boolean eventLines = eventName == null || eventName.equals("event");
      f.put("event-lines", eventLines);
      if (!eventLines) f.put("name-field", eventName.substring("data.".length()));
      Object resume = rules.get("resume");
      f.put("id-lines", "last-event-id".equals(resume));
      List<Object> heartbeats = Json.array(rules.get("heartbeats"));
      if (heartbeats != null && !heartbeats.isEmpty()) f.put("heartbeat", heartbeats.get(0));
      List<Object> ends = Json.array(rules.get("ends"));
      if (ends != null && !ends.isEmpty()) f.put("end-name", ends.get(0));
    }
    if (own != null) f.putAll(own);
    boolean eventLines = Boolean.TRUE.equals(f.get("event-lines"));
    String nameField = f.get("name-field") instanceof String s ? s : "type";
    boolean idLines = Boolean.TRUE.equals(f.get("id-lines"));
    String idField = f.get("id-field") instanceof String s ? s : "id";
    String heartbeat = f.get("heartbeat") instanceof String s ? s : null;
    long every = v.heartbeatMillis > 0 ? v.heartbeatMillis : f.get("heartbeat-every") instanceof Number n ? n.longValue() : 15_000;
    return new Frames.Framing(idLines, idField, eventLines, nameField, heartbeat, every);
  }

  /** The frame that ends a turn's stream: the turn script's {@code end}, else the spec's first end event, else none. */
  @Nullable Map<String, Object> endFrame(Spec.Op op, Scenario.Binding binding, Item item, History.TurnRecord turn) {
    Scenario.TurnScript script = v.script;
    if (script != null && script.end() != null) {
      Template.Ctx ctx = v.contexts.itemCtx(v.contexts.ctx(new Rng(v.seed, item.hash(), turn.index(), 11), v.now()), item)
          .with("turn", v.agent.turnView(item, turn));
      return Json.object(Template.eval(script.end(), ctx));
    }
    Map<String, Object> rules = op.extension("x-sessionkit-stream");
    List<Object> ends = rules == null ? null : Json.array(rules.get("ends"));
    if (ends == null || ends.isEmpty()) return null;
    Map<String, Object> end = new LinkedHashMap<>();
    end.put(framing(op, binding).nameField(), ends.get(0));
    return end;
  }
}
