package dev.sessionkit.sandbox.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One stored or generated thing of a resource (a session, an agent...): the path parameters that
 * name it, its JSON, its history, and the documented views served for it verbatim.
 */
public final class Item {
  private final Scenario.Resource resource;
  private final Map<String, String> key;
  private Map<String, Object> json;
  private final History history;
  private final @Nullable Long size;
  private final Map<String, Object> views;
  private final long hash;
  private final long created;

  Item(Scenario.Resource resource, Map<String, String> key, Map<String, Object> json, History history, @Nullable Long size,
      Map<String, Object> views, long created) {
    this.resource = resource;
    this.key = Map.copyOf(new LinkedHashMap<>(key));
    this.json = json;
    this.history = history;
    this.size = size;
    this.views = views;
    this.hash = Rng.hash(resource.name() + "/" + String.join("/", ordered()));
    this.created = created;
  }

  /** Returns the resource it belongs to. */
  public Scenario.Resource resource() {
    return resource;
  }

  /** Returns its path parameters (scope and id). */
  public Map<String, String> key() {
    return key;
  }

  /** Returns its key's values in the resource's parameter order. */
  public List<String> ordered() {
    return resource.keys().stream().map(k -> key.getOrDefault(k, "")).toList();
  }

  /** Returns its id. */
  public String id() {
    return key.get(resource.idParam());
  }

  /** Returns a copy of its JSON. */
  @SuppressWarnings("unchecked")
  public synchronized Map<String, Object> json() {
    return (Map<String, Object>) Json.copy(json);
  }

  /**
   * Returns its JSON for reading only (templates never change what they read): no copy. Changes
   * replace the whole tree ({@link #json(Map)}), so a reader never sees one half done.
   */
  public synchronized Map<String, Object> view() {
    return json;
  }

  private volatile @Nullable Object[] lastTurn;

  /** Returns the values of generated turn {@code t} if they were the last computed, else null. */
  @Nullable Map<String, Object> cachedTurn(int t) {
    Object[] last = lastTurn;
    @SuppressWarnings("unchecked")
    Map<String, Object> values = last != null && (Integer) last[0] == t ? (Map<String, Object>) last[1] : null;
    return values;
  }

  /** Keeps the values of generated turn {@code t} (consecutive events mostly share their turn). */
  void cacheTurn(int t, Map<String, Object> values) {
    lastTurn = new Object[] {t, values};
  }

  /** Replaces its JSON. */
  public synchronized void json(Map<String, Object> value) {
    this.json = value;
  }

  /** Returns its history. */
  public History history() {
    return history;
  }

  /** Returns the size of a generated item (its events or samples), or null for another. */
  public @Nullable Long size() {
    return size;
  }

  /** Returns whether it is a generated item. */
  public boolean generated() {
    return size != null;
  }

  /** Returns the template of a documented view of the operation {@code operationId}, or null. */
  public @Nullable Object view(String operationId) {
    return views.get(operationId);
  }

  /** Returns the number its randomness is drawn with. */
  public long hash() {
    return hash;
  }

  /** Returns when it was created, in clock ticks (documented items: 0). */
  public long created() {
    return created;
  }

  /** Returns whether {@code params} (an operation's, renamed to the resource's) name this item's scope. */
  public boolean inScope(Map<String, String> params) {
    for (String k : resource.keys()) {
      if (k.equals(resource.idParam())) continue;
      String v = params.get(k);
      if (v != null && !v.equals(key.get(k))) return false;
    }
    return true;
  }
}
