package dev.sessionkit.sandbox.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The items of a vendor: stored (created or documented), found by key (else generated), made
 * stored when they change, and the sessions the sandbox hands its callers.
 */
final class Items {
  private final VendorServer v;

  Items(VendorServer v) {
    this.v = v;
  }

  /** See {@link VendorServer#generatedSession(long, int)}. */
  VendorServer.SessionKey generatedSession(long size, int copy) {
    Scenario.Resource resource = sessionResource();
    Map<String, Object> generated = resource.generated();
    if (generated == null) throw new IllegalArgumentException(v.id + " generates no sessions (its scenario declares none)");
    String copySuffix = Json.string(generated, "copy");
    if (copy >= 0 && copySuffix == null) {
      throw new IllegalArgumentException(v.id
          + " makes no copies of its generated sessions (its scenario's generated sessions have no copy)");
    }
    if (copy > VendorServer.MAX_COPY) {
      throw new IllegalArgumentException("copy must be between 0 and " + VendorServer.MAX_COPY + " (got " + copy + ")");
    }
    long max = generated.get("max") instanceof Number n ? n.longValue() : 100_000_000L;
    long min = generated.get("min") instanceof Number n ? n.longValue() : 0;
    if (size < min || size > max) {
      throw new IllegalArgumentException("size must be between " + min + " and " + max + " (got " + size + ")");
    }
    Map<String, String> params = new LinkedHashMap<>();
    Map<String, Object> fixed = Json.object(generated.get("parameters"));
    if (fixed != null) fixed.forEach((k, v) -> params.put(k, String.valueOf(v)));
    Template.Ctx ctx = v.contexts.ctx(new Rng(v.seed), v.start).with("n", Json.Num.of(size));
    String sessionId = String.valueOf(Template.eval(generated.get("id"), ctx));
    if (copy >= 0) sessionId += String.valueOf(Template.eval(copySuffix, ctx.with("copy", Json.Num.of(copy))));
    params.put(resource.idParam(), sessionId);
    return new VendorServer.SessionKey(order(resource, params), sessionId, size);
  }

  /** Returns the documented sessions (the resource named {@code session}). */
  List<VendorServer.SessionKey> documentedSessions() {
    Scenario.Resource resource = sessionResource();
    List<VendorServer.SessionKey> out = new ArrayList<>();
    for (Map<String, Object> documented : resource.documented()) {
      Item item = documentedItem(resource, documented);
      if (item != null) out.add(new VendorServer.SessionKey(order(resource, item.key()), item.id(), null));
    }
    return out;
  }

  Scenario.Resource sessionResource() {
    Scenario.Resource resource = v.scenario.resources().get("session");
    if (resource == null) throw new IllegalArgumentException(v.id + " has no sessions in its scenario (no resource named session)");
    return resource;
  }

  static Map<String, String> order(Scenario.Resource resource, Map<String, String> params) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String k : resource.keys()) if (params.containsKey(k)) out.put(k, params.get(k));
    return out;
  }

  void put(Item item) {
    Map<List<String>, Item> all = v.store.get(item.resource().name());
    synchronized (all) {
      all.put(item.ordered(), item);
      v.removed.remove(item.resource().name() + "/" + String.join("/", item.ordered()));
    }
  }

  @Nullable Item find(Scenario.Resource resource, Map<String, String> key) {
    for (String k : resource.keys()) if (key.get(k) == null) return null;
    List<String> ordered = resource.keys().stream().map(key::get).toList();
    Map<List<String>, Item> all = v.store.get(resource.name());
    synchronized (all) {
      Item stored = all.get(ordered);
      if (stored != null) return stored;
      if (v.removed.contains(resource.name() + "/" + String.join("/", ordered))) return null;
    }
    return v.generator.generatedItem(resource, key);
  }

  /** A generated item that gets a turn (or an edit) is stored from then on. */
  Item materialize(Item item) {
    if (!item.generated()) return item;
    Map<List<String>, Item> all = v.store.get(item.resource().name());
    synchronized (all) {
      Item stored = all.get(item.ordered());
      if (stored != null) return stored;
      all.put(item.ordered(), item);
      return item;
    }
  }

  void loadDocumented(Scenario.Resource resource) {
    for (Map<String, Object> documented : resource.documented()) {
      Item item = documentedItem(resource, documented);
      if (item != null) put(item);
    }
  }

  /** Returns the documented item, or null when the spec lacks the example it is made from. */
  @Nullable Item documentedItem(Scenario.Resource resource, Map<String, Object> documented) {
    Map<String, String> key = new LinkedHashMap<>();
    Map<String, Object> params = Json.object(documented.get("parameters"));
    if (params != null) params.forEach((k, v) -> key.put(k, String.valueOf(v)));
    Template.Ctx ctx = v.contexts.ctx(new Rng(v.seed, Rng.hash(v.id + "/documented/" + resource.name())), v.start)
        .with("param", new LinkedHashMap<String, Object>(key)).with("key", new LinkedHashMap<String, Object>(key));
    Map<String, Object> json = documented.get("item") == null ? null : Json.object(Template.eval(documented.get("item"), ctx));
    if (json == null && resource.newItem() != null) {
      String itemId = key.get(resource.idParam());
      json = Json.object(Template.eval(resource.newItem(), ctx.with("id", itemId).with("request", null)));
    }
    if (json == null) json = new LinkedHashMap<>();
    if (!key.containsKey(resource.idParam())) {
      Object itemId = Json.at(json, resource.idField());
      if (itemId == null) return null;
      key.put(resource.idParam(), String.valueOf(itemId));
    } else {
      Json.put(json, resource.idField(), key.get(resource.idParam()));
    }
    Map<String, Object> views = Json.object(documented.get("views"));
    if (views == null) views = Map.of();
    History history = documentedHistory(resource, views);
    return new Item(resource, key, json, history, null, views, 0);
  }

  History documentedHistory(Scenario.Resource resource, Map<String, Object> views) {
    for (Map.Entry<String, Object> view : views.entrySet()) {
      Scenario.Binding binding = v.bindings.get(view.getKey());
      Spec.Op op = v.spec.operation(view.getKey());
      if (binding == null || op == null || !binding.verb().equals("history")) continue;
      Object value = Template.eval(view.getValue(), v.contexts.ctx(new Rng(v.seed), v.start));
      Object parsed = value instanceof Template.Fixture fixture ? Json.parse(fixture.bytes()) : value;
      Map<String, Object> rules = op.extension("x-sessionkit-pagination");
      String itemsPath = rules == null ? null : Json.string(rules, "items");
      List<Object> events = itemsPath == null ? null : Json.array(Json.at(parsed, itemsPath));
      if (events == null) continue;
      String idField = Json.string(resource.events(), "id.field");
      String field = idField == null ? "id" : idField;
      List<Object> fixed = List.copyOf(events);
      Map<String, Integer> ids = new HashMap<>();
      for (int i = 0; i < fixed.size(); i++) ids.put(String.valueOf(Json.at(fixed.get(i), field)), i);
      return new History(fixed.size(), i -> Json.object(Json.copy(fixed.get(i))), i -> String.valueOf(Json.at(fixed.get(i), field)),
          eventId -> ids.getOrDefault(eventId, -1), 0);
    }
    return History.empty();
  }
}
