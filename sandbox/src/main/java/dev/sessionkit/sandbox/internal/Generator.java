package dev.sessionkit.sandbox.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The generated items of a vendor: an item of any size its scenario declares, its id, and its
 * history's events, turns and event ids, all computed from the seed on demand.
 */
final class Generator {
  private final VendorServer v;

  Generator(VendorServer v) {
    this.v = v;
  }

  @Nullable Item generatedItem(Scenario.Resource resource, Map<String, String> key) {
    Map<String, Object> generated = resource.generated();
    if (generated == null) return null;
    Map<String, Object> fixed = Json.object(generated.get("parameters"));
    if (fixed != null) for (Map.Entry<String, Object> e : fixed.entrySet()) {
      if (!String.valueOf(e.getValue()).equals(key.get(e.getKey()))) return null;
    }
    String idPattern = Json.string(generated, "id");
    if (idPattern == null) return null;
    Long size = sizeOf(idPattern, Json.string(generated, "copy"), key.get(resource.idParam()));
    if (size == null) return null;
    long max = generated.get("max") instanceof Number n ? n.longValue() : 100_000_000L;
    long min = generated.get("min") instanceof Number n ? n.longValue() : 0;
    if (size < min || size > max) return null;
    String itemId = key.get(resource.idParam());
    long hash = Rng.hash(resource.name() + "/" + String.join("/", resource.keys().stream().map(key::get).toList()));
    Template.Ctx ctx = v.contexts.ctx(new Rng(v.seed, hash, -1), v.start).with("n", Json.Num.of(size)).with("id", itemId)
        .with("key", new LinkedHashMap<String, Object>(key)).with("param", new LinkedHashMap<String, Object>(key));
    Map<String, Object> json = generated.get("item") == null ? new LinkedHashMap<>()
        : Json.object(Template.eval(generated.get("item"), ctx));
    if (json == null) json = new LinkedHashMap<>();
    Json.put(json, resource.idField(), itemId);
    Scenario.TurnScript script = v.script;
    boolean events = !Boolean.FALSE.equals(generated.get("events")) && !v.historySteps.isEmpty();
    int count = events ? (int) (long) size : 0;
    int perTurn = events ? v.historySteps.size() : 1;
    Holder holder = new Holder();
    History history = new History(count, i -> generatedEvent(holder.item, i), i -> eventId(holder.item, i),
        eventIdText -> generatedIndex(holder.item, eventIdText, count), events ? (count + perTurn - 1) / perTurn : 0);
    Item item = new Item(resource, key, json, history, size, Map.of(), 0);
    holder.item = item;
    return item;
  }

  private static final class Holder {
    Item item;
  }

  /**
   * Returns the size an id of the generated pattern names, or null when it is not one; with a copy
   * suffix ({@code _{copy}}), a numbered copy's id names its size too. Numbers have no leading zeros
   * (unless the pattern pads the size), so each size and copy has one id.
   */
  static @Nullable Long sizeOf(String idPattern, @Nullable String copySuffix, @Nullable String actual) {
    if (actual == null) return null;
    if (copySuffix != null) {
      int at = copySuffix.indexOf("{copy}");
      Matcher copied = Pattern.compile("(.+)" + Pattern.quote(copySuffix.substring(0, at)) + "(0|[1-9]\\d{0,8})"
          + Pattern.quote(copySuffix.substring(at + "{copy}".length()))).matcher(actual);
      if (copied.matches()) {
        Long size = sizeOf(idPattern, null, copied.group(1));
        if (size != null) return size;
      }
    }
    Matcher m = Pattern.compile("\\{n(?::(0?)(\\d+)d)?}").matcher(idPattern);
    StringBuilder regex = new StringBuilder();
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(idPattern.substring(last, m.start())));
      regex.append(m.group(2) != null && !m.group(1).isEmpty() ? "(\\d{" + m.group(2) + "})" : "(\\d{1,12})");
      last = m.end();
    }
    regex.append(Pattern.quote(idPattern.substring(last)));
    Matcher actualMatch = Pattern.compile(regex.toString()).matcher(actual);
    if (!actualMatch.matches()) return null;
    String digits = actualMatch.group(1);
    if (digits.length() > 1 && digits.startsWith("0") && idPattern.contains("{n}")) return null;
    return Long.parseLong(digits);
  }

  Map<String, Object> generatedTurn(Item item, int t) {
    Map<String, Object> cached = item.cachedTurn(t);
    if (cached != null) return new LinkedHashMap<>(cached);
    Scenario.TurnScript script = v.script;
    int perTurn = v.historySteps.size();
    Instant clock = v.start.plusMillis(v.stepMillis * (long) t * perTurn);
    Template.Ctx ctx = v.contexts.itemCtx(v.contexts.ctx(new Rng(v.seed, item.hash(), t, 5), clock), item)
        .with("request", null);
    Map<String, Object> values = v.agent.turnValues(script, ctx);
    item.cacheTurn(t, values);
    return new LinkedHashMap<>(values);
  }

  Map<String, Object> generatedEvent(Item item, int i) {
    int perTurn = v.historySteps.size();
    int t = i / perTurn;
    Map<String, Object> step = v.historySteps.get(i % perTurn);
    Map<String, Object> turn = generatedTurn(item, t);
    turn.put("index", Json.Num.of(t));
    turn.put("input", List.of());
    turn.put("events", List.of());
    Template.Ctx ctx = v.contexts.itemCtx(v.contexts.ctx(new Rng(v.seed, item.hash(), i), v.start.plusMillis(v.stepMillis * i)), item)
        .with("request", null).with("turn", turn).with("eventId", eventId(item, i)).with("index", Json.Num.of(i));
    Object template = step.containsKey("event") ? step.get("event") : step.get("history");
    Map<String, Object> event = Json.object(Template.eval(template, ctx));
    return event == null ? new LinkedHashMap<>() : event;
  }

  String eventFormat(Scenario.Resource resource) {
    String format = Json.string(resource.events(), "id.format");
    return format == null ? "evt_{index:016x}{hex:16}" : format;
  }

  String eventId(Item item, int index) {
    Template.Ctx ctx = v.contexts.ctx(new Rng(v.seed, item.hash(), index, 7), v.start).with("index", Json.Num.of(index));
    return String.valueOf(Template.eval(eventFormat(item.resource()), ctx));
  }

  int generatedIndex(Item item, String eventIdText, int count) {
    String format = eventFormat(item.resource());
    Matcher m = Pattern.compile("\\{([^{}]+)}").matcher(format);
    StringBuilder regex = new StringBuilder();
    int last = 0;
    int group = 0;
    int indexGroup = -1;
    String radix = "d";
    while (m.find()) {
      regex.append(Pattern.quote(format.substring(last, m.start())));
      String expression = m.group(1);
      group++;
      if (expression.startsWith("index")) {
        indexGroup = group;
        Matcher f = Pattern.compile("index:0?(\\d+)([dxX])").matcher(expression);
        if (f.matches()) {
          radix = f.group(2);
          regex.append(radix.equals("d") ? "(\\d{" + f.group(1) + "})" : "([0-9a-fA-F]{" + f.group(1) + "})");
        } else {
          regex.append("(\\d+)");
        }
      } else if (expression.startsWith("hex:")) {
        regex.append("([0-9a-f]{").append(expression.substring(4)).append("})");
      } else {
        regex.append("(.+?)");
      }
      last = m.end();
    }
    regex.append(Pattern.quote(format.substring(last)));
    if (indexGroup < 0) return -1;
    Matcher actual = Pattern.compile(regex.toString()).matcher(eventIdText);
    if (!actual.matches()) return -1;
    long index;
    try {
      index = Long.parseLong(actual.group(indexGroup), radix.equals("d") ? 10 : 16);
    } catch (NumberFormatException e) {
      return -1;
    }
    if (index < 0 || index >= count) return -1;
    return eventId(item, (int) index).equals(eventIdText) ? (int) index : -1;
  }
}
