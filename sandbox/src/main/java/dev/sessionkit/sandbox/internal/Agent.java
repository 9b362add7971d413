package dev.sessionkit.sandbox.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The scripted agent of a vendor: a send starts a turn whose steps write the history (at once or
 * paced on the agents' threads), a cancel runs the cancelled steps, and the turns a template reads.
 */
final class Agent {
  private final VendorServer v;

  Agent(VendorServer v) {
    this.v = v;
  }
  private static final long TURN_WAIT_MILLIS = 60_000;

  Reply send(Call call) {
    Template.Ctx ctx = v.contexts.callCtx(call, null);
    Item item;
    String from = call.binding().string("item-from");
    if (from != null) {
      Object given = Template.eval(from, ctx);
      Map<String, String> key = new LinkedHashMap<>(call.key());
      if (given == null || given.toString().isEmpty()) {
        if (call.binding().get("creates") == null) {
          return v.errors.invalid(call.op(), v.checks.invalidStatus(), "body", from, "required", null, Map.of(), call.request().number());
        }
        item = null;
      } else {
        key.put(call.resource().idParam(), given.toString());
        item = v.items.find(call.resource(), key);
      }
      if (item == null) {
        if (call.binding().get("creates") == null) return v.checks.notFound(call.op(), String.valueOf(given), call.request().number());
        Instant created = v.tick();
        Template.Ctx c = ctx.clock(created).rng(new Rng(v.seed, Rng.hash(v.id + "/" + call.resource().name()), v.ticks.get()));
        String newId = given != null && !given.toString().isEmpty() ? given.toString()
            : String.valueOf(Template.eval(call.resource().idFormat() == null ? "{uuid}" : call.resource().idFormat(), c));
        key.put(call.resource().idParam(), newId);
        c = c.with("id", newId).with("key", new LinkedHashMap<String, Object>(key));
        item = new Item(call.resource(), key, v.resources.newItemJson(call.resource(), c, null, newId), History.empty(), null, Map.of(),
            v.ticks.get());
        v.items.put(item);
      }
    } else {
      item = v.items.find(call.resource(), call.key());
      if (item == null) return v.checks.notFound(call.op(), call.key().get(call.resource().idParam()), call.request().number());
    }
    item = v.items.materialize(item);
    ctx = v.contexts.callCtx(call, item);
    Object cancel = call.binding().get("cancel");
    History.TurnRecord running = item.history().running();
    if (cancel != null && Json.truthy(Template.eval(cancel, ctx))) {
      if (running != null) cancel(item, running);
      return v.contexts.respond(call, call.op().successStatus(), null, ctx.with("turn", Map.of("input", List.of(), "events", List.of())))
          .asSend();
    }
    boolean streamed = v.streams.streamed(call);
    Object sinceValue = call.binding().get("since") == null ? null : Template.eval(call.binding().get("since"), ctx);
    String since = sinceValue instanceof String text && !text.isEmpty() ? text : null;
    Object busy = call.binding().get("busy");
    if (running != null && busy instanceof Number status && since == null) {
      return v.errors.error(call.op(), status.intValue(), null, null, null, call.request().number()).asSend();
    }
    int replayFrom = -1;
    if (since != null) {
      replayFrom = since.equals("start") ? 0 : item.history().indexOf(since) + 1;
      if (replayFrom == 0 && !since.equals("start")) {
        return v.errors.invalid(call.op(), v.checks.invalidStatus(), "body", "since", "cursor", since, Map.of(), call.request().number())
            .asSend();
      }
    }
    // Following a running turn (an input with since while one runs): its events so far come from the
    // history, the rest live; the input itself is queued behind it.
    int[] now = item.history().snapshot();
    History.TurnRecord turn = startTurn(item, call.body(), ctx);
    boolean following = running != null && since != null;
    History.TurnRecord followed = following ? running : turn;
    if (streamed) {
      int replayTo = replayFrom < 0 ? 0 : following ? now[0] : item.history().eventsBefore(turn.firstFrame());
      int liveFrom = following ? now[1] : turn.firstFrame();
      Item sending = item;
      Frames frames = new Frames.Turn(item.history(), v.streams.framing(call.op(), call.binding()), () -> v.closed, followed,
          Math.max(0, replayFrom), replayTo, liveFrom, () -> v.streams.endFrame(call.op(), call.binding(), sending, followed));
      return Reply.stream(call.op().successStatus(), frames).asSend();
    }
    if (Boolean.TRUE.equals(call.binding().get("wait"))) {
      try {
        item.history().awaitTurn(turn, TURN_WAIT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Template.Ctx done = v.contexts.itemCtx(ctx, item).with("turn", turnView(item, turn));
    return v.contexts.respond(call, call.op().successStatus(), null, done).asSend();
  }

  History.TurnRecord startTurn(Item item, @Nullable Object request, Template.Ctx ctx) {
    Scenario.TurnScript script = v.script;
    if (script == null) throw new IllegalStateException(v.id + "'s scenario has no turn for a send");
    History history = item.history();
    History.TurnRecord previous = history.running();
    int number = history.prefixTurns() + history.turns().size();
    Template.Ctx turnCtx = ctx.rng(new Rng(v.seed, item.hash(), number, 5)).clock(v.now()).with("request", request);
    Map<String, Object> values = turnValues(script, turnCtx);
    History.TurnRecord turn = history.startTurn(values);
    Runnable run = () -> runSteps(item, turn, true, 0, false, request);
    if (previous != null) {
      // Queued behind the running turn without holding one of the agents' threads while it waits:
      // a thread blocked per queued turn would soon hold them all, and no running turn could go on.
      history.whenDone(previous, () -> {
        try {
          v.scheduler.execute(run);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
          // The sandbox is closing: the turn is not run.
        }
      });
    } else {
      // The steps before the first delay run now, so that the answer holds what the request created;
      // the rest run on the agents' threads when the pace asks for delays.
      run.run();
    }
    return turn;
  }

  Map<String, Object> turnValues(Scenario.TurnScript script, Template.Ctx ctx) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("id", Template.eval(script.idFormat(), ctx));
    values.put("created_at", ctx.clock().toString());
    Template.Ctx withTurn = ctx.with("turn", values);
    for (Map.Entry<String, Object> v : script.vars().entrySet()) {
      values.put(v.getKey(), Template.eval(v.getValue(), withTurn.with("turn", new LinkedHashMap<>(values))));
    }
    return values;
  }

  void runSteps(Item item, History.TurnRecord turn, boolean main, int from, boolean waited, @Nullable Object request) {
    Scenario.TurnScript script = v.script;
    List<Map<String, Object>> steps = main ? script.steps() : script.cancelled();
    for (int k = from; k < steps.size(); k++) {
      if (v.closed || item.history().closed()) break;
      Map<String, Object> step = steps.get(k);
      long delay = v.pace > 0 && step.get("after") instanceof Number n ? Math.round(n.doubleValue() * v.pace) : 0;
      if (delay > 0 && !(waited && k == from)) {
        int next = k;
        v.scheduler.schedule(() -> runSteps(item, turn, main, next, true, request), delay, TimeUnit.MILLISECONDS);
        return;
      }
      synchronized (turn) {
        // A cancel runs the cancelled steps at once; the main steps still scheduled then stop here.
        if (turn.done() || main && turn.cancelled) return;
        try {
          runStep(item, turn, step, request);
        } catch (RuntimeException e) {
          // A step that fails (a scenario's template, say) still ends its turn, so that no stream, waiting
          // answer or queued turn waits for it forever.
          item.history().finish(turn);
          throw e;
        }
      }
    }
    synchronized (turn) {
      if (!turn.done() && !(main && turn.cancelled)) item.history().finish(turn);
    }
  }

  /** Cancels {@code turn}: its remaining steps are dropped and the scenario's cancelled steps run now. */
  void cancel(Item item, History.TurnRecord turn) {
    synchronized (turn) {
      if (turn.done() || turn.cancelled) return;
      turn.cancelled = true;
    }
    runSteps(item, turn, false, 0, false, null);
  }

  void runStep(Item item, History.TurnRecord turn, Map<String, Object> step, @Nullable Object request) {
    History history = item.history();
    Instant at = v.tick();
    Template.Ctx ctx = v.contexts.itemCtx(v.contexts.ctx(new Rng(v.seed, item.hash(), v.ticks.get(), 9), at), item)
        .with("request", request).with("turn", turnView(item, turn));
    Object both = step.get("event");
    Object historyOnly = step.get("history");
    Object streamOnly = step.get("stream");
    String eventId = null;
    if (both != null || historyOnly != null) {
      int index = history.size();
      eventId = v.generator.eventId(item, index);
      ctx = ctx.with("eventId", eventId).with("index", Json.Num.of(index));
    }
    if (streamOnly != null) {
      List<Object> list = new ArrayList<>();
      flatten(Template.eval(streamOnly, ctx), list);
      for (Object f : list) {
        Map<String, Object> data = Json.object(f);
        if (data != null) history.append(frame(data, null, false, true, turn), turn);
      }
    }
    Object template = both != null ? both : historyOnly;
    if (template != null) {
      Map<String, Object> data = Json.object(Template.eval(template, ctx));
      if (data != null) {
        if (Boolean.TRUE.equals(step.get("input"))) turn.input.add(data);
        history.append(frame(data, eventId, true, both != null, turn), turn);
      }
    }
    if (step.get("set") != null) {
      synchronized (item) {
        Map<String, Object> json = item.json();
        v.contexts.apply(json, step.get("set"), v.contexts.itemCtx(ctx, item).with("turn", turnView(item, turn)));
        item.json(json);
      }
    }
  }

  static void flatten(@Nullable Object value, List<Object> out) {
    if (value instanceof List<?> list) {
      for (Object item : list) flatten(item, out);
    } else if (value != null && value != Template.OMIT) {
      out.add(value);
    }
  }

  History.Frame frame(Map<String, Object> data, @Nullable String eventId, boolean inHistory, boolean inStream,
      History.TurnRecord turn) {
    Object name = data.get("type");
    String nameField = "type";
    String id = eventId;
    if (id == null && data.get("id") instanceof String s) id = s;
    return new History.Frame(name == null ? "message" : String.valueOf(Json.at(data, nameField)), id, data, inHistory, inStream,
        turn.index());
  }

  Map<String, Object> turnView(Item item, History.TurnRecord turn) {
    Map<String, Object> view = new LinkedHashMap<>(turn.values());
    view.put("index", Json.Num.of(turn.index()));
    view.put("input", Json.copy(new ArrayList<>(turn.input())));
    view.put("events", new ArrayList<Object>(item.history().events(turn)));
    view.put("updated_at", v.now().toString());
    return view;
  }

  List<Object> turnsOf(Item item) {
    List<Object> out = new ArrayList<>();
    History history = item.history();
    Scenario.TurnScript script = v.script;
    int perTurn = v.historySteps.size();
    if (item.generated() && perTurn > 0) {
      for (int t = 0; t < history.prefixTurns(); t++) {
        Map<String, Object> values = new LinkedHashMap<>(v.generator.generatedTurn(item, t));
        List<Object> events = new ArrayList<>();
        int first = t * perTurn;
        int last = Math.min(history.prefix(), first + perTurn);
        for (int i = first; i < last; i++) if (!history.deleted(i)) events.add(history.event(i));
        values.put("index", Json.Num.of(t));
        values.put("events", events);
        values.put("updated_at", v.start.plusMillis(v.stepMillis * Math.max(first, last - 1)).toString());
        out.add(values);
      }
    }
    for (History.TurnRecord turn : history.turns()) out.add(turnView(item, turn));
    return out;
  }
}
