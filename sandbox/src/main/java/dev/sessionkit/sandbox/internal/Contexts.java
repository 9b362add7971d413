package dev.sessionkit.sandbox.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The template contexts of a vendor's answers (its phrases, the spec's examples, its fixtures, a
 * call's parameters and item, the item's turns and events), and the replies a binding shapes from them.
 */
final class Contexts {
  private final VendorServer v;

  Contexts(VendorServer v) {
    this.v = v;
  }
  private final Map<String, Template.Fixture> fixtures = new ConcurrentHashMap<>();

  Template.Ctx callCtx(Call call, @Nullable Item item) {
    Template.Ctx ctx = ctx(new Rng(v.seed, Rng.hash(v.id), call.request().number(), 3), v.now())
        .with("param", new LinkedHashMap<String, Object>(call.params()))
        .with("query", new LinkedHashMap<String, Object>(call.query()))
        .with("request", call.body());
    if (item != null) ctx = itemCtx(ctx, item);
    return ctx;
  }

  Template.Ctx itemCtx(Template.Ctx ctx, Item item) {
    Template.Ctx out = ctx.with("item", item.view()).with("id", item.id())
        .with("eventCount", Json.Num.of(item.history().size()));
    if (item.size() != null) out = out.with("n", Json.Num.of(item.size()));
    Map<String, Object> key = new LinkedHashMap<>(item.key());
    return out.with("key", key);
  }

  Reply respond(Call call, int defaultStatus, @Nullable Object defaultBody, Template.Ctx ctx) {
    int status = defaultStatus;
    Object statusTemplate = call.binding().get("status");
    if (statusTemplate != null) {
      Object evaluated = Template.eval(statusTemplate, ctx);
      if (evaluated instanceof Number n) status = n.intValue();
    }
    Object bodyTemplate = call.binding().get("body");
    Object value = bodyTemplate != null ? Template.eval(bodyTemplate, ctx) : defaultBody;
    if (value instanceof Template.Fixture fixture) return Reply.bytes(status, "application/json", fixture.bytes());
    if (call.op().emptyResponse(status) || value == Template.OMIT) return Reply.empty(status);
    return Reply.json(status, value);
  }

  void apply(Map<String, Object> json, @Nullable Object set, Template.Ctx ctx) {
    Map<String, Object> changes = Json.object(set);
    if (changes == null) return;
    for (Map.Entry<String, Object> e : changes.entrySet()) {
      Object value = Template.eval(e.getValue(), ctx.with("item", Json.copy(json)));
      if (value == Template.OMIT) Json.remove(json, e.getKey());
      else Json.put(json, e.getKey(), value);
    }
  }

  Template.Ctx withTurns(Template.Ctx ctx, Item item) {
    return ctx.with("turns", new LazyTurns(v, item)).with("events", new LazyEvents(item.history()));
  }

  /** The turns of an item, computed when a template reads them. */
  private static final class LazyTurns extends java.util.AbstractList<Object> {
    private final VendorServer server;
    private final Item item;
    private @Nullable List<Object> turns;

    LazyTurns(VendorServer server, Item item) {
      this.server = server;
      this.item = item;
    }

    private List<Object> turns() {
      if (turns == null) turns = server.agent.turnsOf(item);
      return turns;
    }

    @Override
    public Object get(int index) {
      return turns().get(index);
    }

    @Override
    public int size() {
      return turns().size();
    }
  }

  /** The history events of an item, computed when a template reads them. */
  private static final class LazyEvents extends java.util.AbstractList<Object> {
    private final History history;

    LazyEvents(History history) {
      this.history = history;
    }

    @Override
    public Object get(int index) {
      return history.event(index);
    }

    @Override
    public int size() {
      return history.size();
    }
  }

  Template.Ctx ctx(Rng rng, Instant clock) {
    return new Template.Ctx(rng, clock, this::phrases, this::exampleOf, this::fixture);
  }

  List<String> phrases(String name) {
    List<String> list = v.phrases.get(name);
    if (list == null || list.isEmpty()) throw new IllegalArgumentException(v.id + ": no phrases named " + name);
    return list;
  }

  @Nullable Object exampleOf(String reference) {
    String operationId = reference;
    String status = null;
    int colon = reference.indexOf(':');
    if (colon > 0) {
      operationId = reference.substring(0, colon);
      status = reference.substring(colon + 1);
    }
    Spec.Op op = v.spec.operation(operationId);
    if (op == null) return null;
    if ("request".equals(status)) return op.requestExample();
    return op.example(status == null ? op.successStatus() : Integer.parseInt(status));
  }

  Template.Fixture fixture(String name) {
    return fixtures.computeIfAbsent(name, n -> {
      try (InputStream in = v.descriptor.openResource("sandbox/" + n)
          .orElseThrow(() -> new IllegalArgumentException(v.id + ": no fixture sandbox/" + n))) {
        return new Template.Fixture(n, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
