package dev.sessionkit.sandbox.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The operations on a vendor's stored resources: create, list, view, update, delete and action.
 */
final class Resources {
  private final VendorServer v;

  Resources(VendorServer v) {
    this.v = v;
  }

  Reply create(Call call) {
    Template.Ctx ctx = v.contexts.callCtx(call, null);
    String newId = null;
    String idFrom = call.resource().idFrom();
    if (idFrom != null) {
      Object given = Template.eval(idFrom, ctx);
      if (given != null && !given.toString().isEmpty()) newId = given.toString();
    }
    Instant created = v.tick();
    ctx = ctx.clock(created).rng(new Rng(v.seed, Rng.hash(v.id + "/" + call.resource().name()), v.ticks.get()));
    if (newId == null) {
      String format = call.resource().idFormat();
      if (format == null) format = "{uuid}";
      newId = String.valueOf(Template.eval(format, ctx));
    }
    Map<String, String> key = new LinkedHashMap<>(call.key());
    key.put(call.resource().idParam(), newId);
    if (v.items.find(call.resource(), key) != null) return v.errors.error(call.op(), 409, null, null, null, call.request().number());
    ctx = ctx.with("id", newId).with("key", new LinkedHashMap<String, Object>(key));
    Map<String, Object> json = newItemJson(call.resource(), ctx, call.body(), newId);
    Item item = new Item(call.resource(), key, json, History.empty(), null, Map.of(), v.ticks.get());
    v.items.put(item);
    return v.contexts.respond(call, call.op().successStatus(), item.json(), v.contexts.itemCtx(ctx, item));
  }

  Map<String, Object> newItemJson(Scenario.Resource resource, Template.Ctx ctx, @Nullable Object body, String newId) {
    Object template = resource.newItem();
    Map<String, Object> json;
    if (template != null) {
      json = Json.object(Template.eval(template, ctx));
    } else {
      json = new LinkedHashMap<>();
      Map<String, Object> request = Json.object(body);
      if (request != null) json.putAll(request);
    }
    if (json == null) json = new LinkedHashMap<>();
    Json.put(json, resource.idField(), newId);
    return json;
  }

  Reply list(Call call) {
    Map<String, Object> rules = v.listings.rules(call);
    List<Item> items = new ArrayList<>();
    Map<List<String>, Item> all = v.store.get(call.resource().name());
    synchronized (all) {
      for (Item item : all.values()) if (item.inScope(call.key())) items.add(item);
    }
    if (call.resource().newestFirst()) java.util.Collections.reverse(items);
    items.removeIf(item -> hidden(call, item.json()));
    Pages.Seq seq = new Pages.Seq() {
      @Override
      public int size() {
        return items.size();
      }

      @Override
      public Map<String, Object> item(int i) {
        return items.get(i).json();
      }

      @Override
      public String id(int i) {
        return items.get(i).id();
      }

      @Override
      public int indexOf(String itemId) {
        for (int i = 0; i < items.size(); i++) if (items.get(i).id().equals(itemId)) return i;
        return -1;
      }
    };
    return v.listings.page(call, seq, rules, v.contexts.callCtx(call, null));
  }

  boolean hidden(Call call, Map<String, Object> json) {
    Map<String, Object> hide = Json.object(call.binding().get("hide"));
    if (hide == null) return false;
    String field = Json.string(hide, "field");
    String unless = Json.string(hide, "unless");
    if (unless != null && "true".equals(call.query().get(unless))) return false;
    return field != null && Json.at(json, field) != null;
  }

  Reply view(Call call) {
    Item item = v.items.find(call.resource(), call.key());
    if (item == null) return v.checks.notFound(call.op(), call.key().get(call.resource().idParam()), call.request().number());
    Template.Ctx ctx = v.contexts.withTurns(v.contexts.callCtx(call, item), item).rng(new Rng(v.seed, item.hash(), 13));
    Object documented = item.view(call.op().id());
    if (documented != null) {
      Object value = Template.eval(documented, ctx);
      if (value instanceof Template.Fixture fixture) return Reply.bytes(call.op().successStatus(), "application/json", fixture.bytes());
      return Reply.json(call.op().successStatus(), value);
    }
    Object exists = call.binding().get("exists");
    if (exists != null && !Json.truthy(Template.eval(exists, ctx))) {
      return v.checks.notFound(call.op(), item.id(), call.request().number());
    }
    return v.contexts.respond(call, call.op().successStatus(), item.json(), ctx);
  }

  Reply update(Call call) {
    Item item = v.items.find(call.resource(), call.key());
    if (item == null) return v.checks.notFound(call.op(), call.key().get(call.resource().idParam()), call.request().number());
    item = v.items.materialize(item);
    Template.Ctx ctx = v.contexts.callCtx(call, item).clock(v.tick());
    synchronized (item) {
      Map<String, Object> json = item.json();
      Map<String, Object> request = Json.object(call.body());
      Set<String> merged = new LinkedHashSet<>();
      List<Object> merge = Json.array(call.binding().get("merge"));
      if (merge != null) for (Object m : merge) merged.add(String.valueOf(m));
      Set<String> known = v.spec.properties(call.op().responseSchema(call.op().successStatus())).keySet();
      if (request != null) for (Map.Entry<String, Object> e : request.entrySet()) {
        if (!known.isEmpty() && !known.contains(e.getKey()) && !json.containsKey(e.getKey())) continue;
        Map<String, Object> old = Json.object(json.get(e.getKey()));
        Map<String, Object> patch = Json.object(e.getValue());
        if (merged.contains(e.getKey()) && old != null && patch != null) {
          Map<String, Object> combined = new LinkedHashMap<>(old);
          patch.forEach((k, v) -> {
            if (v == null) combined.remove(k);
            else combined.put(k, v);
          });
          json.put(e.getKey(), combined);
        } else {
          json.put(e.getKey(), Json.copy(e.getValue()));
        }
      }
      v.contexts.apply(json, call.binding().get("set"), v.contexts.itemCtx(ctx, item));
      item.json(json);
    }
    return v.contexts.respond(call, call.op().successStatus(), item.json(), v.contexts.itemCtx(ctx, item));
  }

  Reply delete(Call call) {
    Item item = v.items.find(call.resource(), call.key());
    if (item == null) return v.checks.notFound(call.op(), call.key().get(call.resource().idParam()), call.request().number());
    Template.Ctx ctx = v.contexts.withTurns(v.contexts.callCtx(call, item), item);
    Map<List<String>, Item> all = v.store.get(call.resource().name());
    synchronized (all) {
      all.remove(item.ordered());
      v.removed.add(call.resource().name() + "/" + String.join("/", item.ordered()));
    }
    item.history().close();
    Object body = null;
    Object example = call.op().example(call.op().successStatus());
    Map<String, Object> confirmation = Json.object(example);
    if (confirmation != null) {
      if (confirmation.containsKey(call.resource().idField())) confirmation.put(call.resource().idField(), item.id());
      body = confirmation;
    }
    return v.contexts.respond(call, call.op().successStatus(), body, ctx);
  }

  Reply action(Call call) {
    Item item = v.items.find(call.resource(), call.key());
    if (item == null) return v.checks.notFound(call.op(), call.key().get(call.resource().idParam()), call.request().number());
    item = v.items.materialize(item);
    Template.Ctx ctx = v.contexts.withTurns(v.contexts.callCtx(call, item), item).clock(v.tick());
    ctx = ctx.with("running", item.history().running() != null);
    synchronized (item) {
      Map<String, Object> json = item.json();
      v.contexts.apply(json, call.binding().get("set"), ctx);
      item.json(json);
    }
    Object cancel = call.binding().get("cancel");
    History.TurnRecord running = item.history().running();
    if (cancel != null && Json.truthy(Template.eval(cancel, ctx)) && running != null) v.agent.cancel(item, running);
    return v.contexts.respond(call, call.op().successStatus(), item.json(), v.contexts.itemCtx(ctx, item));
  }
}
