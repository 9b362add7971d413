package dev.sessionkit.sandbox.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The listings of a vendor: an item's history, its events one by one, the paging of any list, and
 * the answers from the spec's examples (paged when the spec pages them).
 */
final class Listings {
  private final VendorServer v;

  Listings(VendorServer v) {
    this.v = v;
  }

  Map<String, Object> rules(Call call) {
    Map<String, Object> rules = new LinkedHashMap<>();
    Map<String, Object> declared = call.op().extension("x-sessionkit-pagination");
    if (declared != null) rules.putAll(declared);
    Map<String, Object> paging = Json.object(call.binding().get("paging"));
    if (paging != null) rules.putAll(paging);
    if (!rules.containsKey("items")) {
      Map<String, Object> example = Json.object(call.op().example(call.op().successStatus()));
      if (example != null) for (Map.Entry<String, Object> e : example.entrySet()) {
        if (e.getValue() instanceof List<?>) {
          rules.put("items", e.getKey());
          break;
        }
      }
    }
    if (!rules.containsKey("style")) rules.put("style", declared == null && paging == null ? "all" : "cursor");
    return rules;
  }

  Reply page(Call call, Pages.Seq seq, Map<String, Object> rules, Template.Ctx ctx) {
    Pages pages = new Pages(rules);
    int limit = Integer.MAX_VALUE;
    String sizeParam = pages.pageSizeParameter();
    if (!pages.style().equals("all")) {
      limit = 20;
      Spec.Param param = sizeParam == null ? null : call.op().param(sizeParam, "query");
      if (param != null) {
        Map<String, Object> schema = Json.object(v.spec.resolve(param.schema()));
        if (schema != null && schema.get("default") instanceof Number n) limit = n.intValue();
        String given = call.query().get(sizeParam);
        if (given != null) {
          limit = (int) Math.max(0, Math.min(Integer.MAX_VALUE, Long.parseLong(given.strip())));
          if (schema != null && schema.get("maximum") instanceof Number max) limit = Math.min(limit, max.intValue());
        }
      }
    }
    Pages.Page page;
    try {
      page = pages.style().equals("all") ? new Pages.Page(allItems(seq), Map.of(), List.of()) : pages.page(seq, call.query(), limit);
    } catch (Pages.Refused refused) {
      return v.errors.invalid(call.op(), v.checks.invalidStatus(), "query", refused.parameter, refused.kind,
          call.query().get(refused.parameter), refused.details, call.request().number());
    } catch (NumberFormatException e) {
      return v.errors.invalid(call.op(), v.checks.invalidStatus(), "query", sizeParam == null ? "offset" : sizeParam, "integer", null,
          Map.of(), call.request().number());
    }
    Map<String, Object> example = Json.object(call.op().example(call.op().successStatus()));
    Map<String, Object> envelope = example == null ? new LinkedHashMap<>() : example;
    Json.put(envelope, pages.itemsPath(), page.items());
    for (Map.Entry<String, @Nullable Object> member : page.members().entrySet()) Json.put(envelope, member.getKey(), member.getValue());
    for (String path : page.removed()) Json.remove(envelope, path);
    String count = call.binding().string("count");
    if (count != null) Json.put(envelope, count, Json.Num.of(seq.size()));
    return v.contexts.respond(call, call.op().successStatus(), envelope, ctx.with("page", envelope));
  }

  static List<Object> allItems(Pages.Seq seq) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < seq.size(); i++) out.add(seq.item(i));
    return out;
  }

  Reply history(Call call) {
    Item item = v.items.find(call.resource(), call.key());
    if (item == null) return v.checks.notFound(call.op(), call.key().get(call.resource().idParam()), call.request().number());
    Template.Ctx ctx = v.contexts.callCtx(call, item);
    History history = item.history();
    Object documented = item.view(call.op().id());
    Pages pages = new Pages(rules(call));
    boolean atStart = pages.cursorParameters().stream().noneMatch(call.query()::containsKey);
    if (documented != null && atStart && history.frameCount() == 0 && !history.edited()) {
      Object value = Template.eval(documented, ctx);
      if (value instanceof Template.Fixture fixture) return Reply.bytes(call.op().successStatus(), "application/json", fixture.bytes());
    }
    if (call.binding().get("body") != null && call.op().extension("x-sessionkit-pagination") == null
        && call.binding().get("paging") == null) {
      Template.Ctx turns = v.contexts.withTurns(ctx, item).rng(new Rng(v.seed, item.hash(), 13));
      return v.contexts.respond(call, call.op().successStatus(), null, turns);
    }
    Pages.Seq seq = events(call, history);
    return page(call, seq, rules(call), ctx);
  }

  Pages.Seq events(Call call, History history) {
    boolean filtered = history.edited() || call.binding().get("hide") != null && history.size() < 1_000_000;
    if (!filtered) {
      return new Pages.Seq() {
        @Override
        public int size() {
          return history.size();
        }

        @Override
        public Map<String, Object> item(int i) {
          return history.event(i);
        }

        @Override
        public String id(int i) {
          return history.id(i);
        }

        @Override
        public int indexOf(String eventId) {
          return history.indexOf(eventId);
        }
      };
    }
    List<Integer> visible = new ArrayList<>();
    for (int i = 0; i < history.size(); i++) {
      if (history.deleted(i)) continue;
      if (v.resources.hidden(call, history.event(i))) continue;
      visible.add(i);
    }
    return new Pages.Seq() {
      @Override
      public int size() {
        return visible.size();
      }

      @Override
      public Map<String, Object> item(int i) {
        return history.event(visible.get(i));
      }

      @Override
      public String id(int i) {
        return history.id(visible.get(i));
      }

      @Override
      public int indexOf(String eventId) {
        return visible.indexOf(history.indexOf(eventId));
      }
    };
  }

  Reply event(Call call) {
    Item item = v.items.find(call.resource(), call.key());
    if (item == null) return v.checks.notFound(call.op(), call.key().get(call.resource().idParam()), call.request().number());
    List<String> names = call.op().template().names();
    String eventParam = call.binding().string("event") != null ? call.binding().string("event") : names.get(names.size() - 1);
    String eventId = call.params().get(eventParam);
    History history = item.history();
    int index = eventId == null ? -1 : history.indexOf(eventId);
    if (index < 0 || history.deleted(index)) return v.checks.notFound(call.op(), eventId, call.request().number());
    if (!call.binding().verb().equals("event-get")) {
      item = v.items.materialize(item);
      history = item.history();
    }
    Template.Ctx ctx = v.contexts.callCtx(call, item);
    Map<String, Object> event = history.event(index);
    switch (call.binding().verb()) {
      case "event-delete" -> {
        history.delete(index);
        return v.contexts.respond(call, call.op().successStatus(), null, ctx.with("event", event));
      }
      case "event-action" -> {
        v.contexts.apply(event, call.binding().get("set"), ctx.clock(v.tick()));
        history.replace(index, event);
        return v.contexts.respond(call, call.op().successStatus(), event, ctx.with("event", event));
      }
      default -> {
        return v.contexts.respond(call, call.op().successStatus(), event, ctx.with("event", event));
      }
    }
  }

  Reply example(Spec.Op op, Scenario.@Nullable Binding binding, Map<String, String> params, Map<String, String> query,
      @Nullable Object body, Request request) {
    int status = op.successStatus();
    Object value = op.example(status);
    // a stream the scenario does not bind is a stream of no frames, as a stream: a text/plain body
    // is not a stream to a client that asked for one
    if (value == null && op.streams() && !op.answersJson()) return Reply.bytes(status, "text/event-stream", new byte[0]);
    if (binding != null && binding.get("body") != null) {
      Call call = new Call(op, binding, null, params, params, query, body, request);
      return v.contexts.respond(call, status, value, v.contexts.callCtx(call, null));
    }
    if (op.emptyResponse(status)) return Reply.empty(status);
    if (value == null) value = Samples.of(v.spec, op.responseSchema(status));
    Map<String, Object> rules = op.extension("x-sessionkit-pagination");
    if (rules != null && value != null) {
      // A page after the documented one: the documented items are the whole list, so that a caller
      // paging through it (an auto-pager) gets to its end.
      Pages pages = new Pages(rules);
      String tokenPath = Json.string(rules, "token");
      String tokenParameter = Json.string(rules, "parameter");
      Object documentedToken = tokenPath == null ? null : Json.at(value, tokenPath);
      if (documentedToken != null && tokenParameter != null && documentedToken.equals(query.get(tokenParameter))
          && value instanceof Map<?, ?>) {
        // The documented page's own next token: the page after it, and the documented items are the
        // whole list, so it is empty and the last.
        @SuppressWarnings("unchecked")
        Map<String, Object> after = (Map<String, Object>) Json.copy(value);
        Json.put(after, pages.itemsPath(), new ArrayList<>());
        Json.remove(after, tokenPath);
        return Reply.json(status, after);
      }
      if (pages.cursorParameters().stream().anyMatch(query::containsKey)) {
        List<Object> items = Json.array(Json.at(value, pages.itemsPath()));
        List<Object> documented = items == null ? List.of() : items;
        Pages.Seq seq = new Pages.Seq() {
          @Override
          public int size() {
            return documented.size();
          }

          @Override
          @SuppressWarnings("unchecked")
          public Map<String, Object> item(int i) {
            return (Map<String, Object>) Json.copy(documented.get(i));
          }

          @Override
          public String id(int i) {
            return String.valueOf(Json.at(documented.get(i), "id"));
          }

          @Override
          public int indexOf(String id) {
            for (int i = 0; i < documented.size(); i++) if (id.equals(id(i))) return i;
            return -1;
          }
        };
        Scenario.Binding none = new Scenario.Binding(op.id(), "example", "", Map.of());
        Call call = new Call(op, none, null, params, params, query, body, request);
        return page(call, seq, new LinkedHashMap<>(rules), v.contexts.callCtx(call, null));
      }
    }
    return Reply.json(status, value);
  }
}
