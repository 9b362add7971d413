package dev.sessionkit.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openapitools.codegen.CodegenDiscriminator;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenProperty;

/**
 * Reads and checks the spec's {@code x-sessionkit-transcript}: how the vendor's sessions become
 * transcripts. Every operation, parameter, schema, variant and path it names is checked against the
 * spec and the generated types, and refused with its pointer when it does not fit.
 *
 * <pre>{@code
 * x-sessionkit-transcript:
 *   history: listSessionEvents          # the operation that gives a session's events: paged, or all in one response
 *   live: streamSessionEvents           # optional: the operation that follows them (x-sessionkit-stream)
 *   parameters: {session: session_id, agent: agent_key}   # which parameters name the session and the agent
 *   read:                               # per schema, how one of its values reads
 *     SessionEvent:                     # a union: by variant (its discriminator's labels)
 *       id: id                          # defaults of every entry below: paths of property names
 *       time: created_at
 *       turn: turn_id
 *       variants:
 *         user.message: {entry: user_message, text: content}
 *         agent.message: {entry: agent_message, text: 'content[text].text'}   # a list's text elements, joined
 *         session.status_idle:
 *           entry: status
 *           status: [status, {value: idle}]                                    # the first present wins
 *           reason: stop_reason.type
 *           usage: {input: usage.input_tokens, output: usage.output_tokens}
 *           ends-turn: true
 *     RunResponse:                      # a record: its nested events, then its entries
 *       events: events
 *       entries:
 *         - {entry: model_request, model: model_name, cost: total_cost_usd, when: model_name}
 *     SessionDetails:
 *       session: {id: sessionId, started: createdAt, ended: endedAt}
 *       samples: {items: resourceMetrics.timeseries, time: t, cpu-millicores: c, memory-bytes: m}
 * }</pre>
 *
 * <p>A record may also be read by the value of one of its properties ({@code by: event_type}, with
 * {@code variants}). A variant it does not name becomes an unknown entry that keeps its JSON. Entry
 * kinds: {@code user_message}, {@code agent_message}, {@code thinking} (text), {@code tool_call} (name,
 * call-id, arguments), {@code tool_result} (call-id, name, output, failed), {@code error} (type,
 * message), {@code status} (status, reason, usage), {@code model_request_start}, {@code model_request}
 * (model, provider, usage, cost, started, latency-ms), and {@code ignore}; each also takes id, time,
 * turn, opens-turn, ends-turn and when.
 */
final class TranscriptReader {
  static final String KEY = "x-sessionkit-transcript";
  private final Spec spec;
  private final Map<String, CodegenModel> models;
  private final String modelPackage;
  private final String internalPackage;
  private final Set<String> used = new TreeSet<>();
  private final TranscriptPaths paths;
  private final Map<String, Extension> declared = new LinkedHashMap<>();

  TranscriptReader(Spec spec, Map<String, CodegenModel> models, String modelPackage, String internalPackage) {
    this.spec = spec;
    this.models = models;
    this.modelPackage = modelPackage;
    this.internalPackage = internalPackage;
    this.paths = new TranscriptPaths(models, used);
  }

  /** Reads the spec's mapping for the vendor {@code vendor}; null when the spec declares none. */
  TranscriptModel read(VendorModel vendor, String name) {
    Extension root = Extension.of(spec, Pointer.ROOT, spec.openApi().getExtensions(), KEY);
    if (root == null) return null;
    root.object("history", "live", "parameters", "read");
    OperationModel history = operation(vendor, root.require("history"));
    if (history.response() == null || history.response().type() == null || history.response().binary()) {
      throw root.require("history").error(history.operationId() + " answers no JSON to read a session's events from");
    }
    OperationModel live = null;
    if (root.get("live") != null) {
      live = operation(vendor, root.require("live"));
      if (live.stream() == null) throw root.require("live").error(live.operationId() + " is not a live stream (no x-sessionkit-stream)");
    }
    Extension parameters = root.require("parameters").object("session", "agent");
    String session = parameter(parameters.require("session"), history, live);
    String agent = parameters.get("agent") == null ? null : parameter(parameters.require("agent"), history, live);

    Extension read = root.require("read");
    for (String schema : read.keys()) {
      CodegenModel model = models.get(schema);
      if (model == null || model.isEnum) {
        throw read.require(schema).error(schema + " is not an object or union schema of the spec");
      }
      declared.put(schema, read.require(schema));
    }
    List<TranscriptModel.Reading> readings = new ArrayList<>();
    for (Map.Entry<String, Extension> each : declared.entrySet()) readings.add(reading(each.getKey(), each.getValue()));

    if (history.paging() != null) {
      String item = history.paging().itemType();
      if (!declared.containsKey(item)) {
        throw read.error("the history " + history.operationId() + " pages through " + item + ": declare how it reads");
      }
      if (!declared.containsKey(history.paging().page())) readings.add(page(history.paging()));
    } else if (!declared.containsKey(history.response().type())) {
      throw read.error("the history " + history.operationId() + " answers " + history.response().type()
          + ": declare how it reads");
    }
    if (live != null && !declared.containsKey(live.stream().eventType())) {
      throw read.error("the live stream " + live.operationId() + " sends " + live.stream().eventType()
          + ": declare how it reads");
    }
    readings.sort((a, b) -> Boolean.compare(paths.isUnion(a.type()), paths.isUnion(b.type())));
    List<String> imports = new ArrayList<>();
    for (String type : used) if (models.containsKey(type)) imports.add(modelPackage + "." + type);
    return new TranscriptModel(internalPackage, name + "Transcript", history.operationId(), live == null ? null : live.operationId(),
        session, agent, readings, imports);
  }

  private OperationModel operation(VendorModel vendor, Extension at) {
    String operationId = at.string();
    for (ServiceModel service : vendor.services()) {
      for (OperationModel operation : service.operations()) if (operation.operationId().equals(operationId)) return operation;
    }
    throw at.error("no operation has the operationId " + operationId);
  }

  private static String parameter(Extension at, OperationModel history, OperationModel live) {
    String name = at.string();
    for (OperationModel operation : live == null ? List.of(history) : List.of(history, live)) {
      if (operation.parameters().stream().noneMatch(p -> p.wireName().equals(name))) {
        throw at.error(name + " is not a parameter of " + operation.operationId());
      }
    }
    return name;
  }

  /** The reading of a history's page that the spec leaves out: each of its items, in order. */
  private TranscriptModel.Reading page(PaginationModel paging) {
    CodegenModel page = models.get(paging.page());
    String type = paging.page();
    List<TranscriptModel.Step> steps = new ArrayList<>();
    String first = null;
    for (String getter : paging.items().getters()) {
      CodegenProperty property = null;
      for (CodegenProperty candidate : page == null ? List.<CodegenProperty>of() : page.vars) {
        if (candidate.name.equals(getter)) property = candidate;
      }
      if (property == null) throw spec.error(Pointer.ROOT.then(KEY, "history"), "cannot read the page " + paging.page());
      if (first == null) first = getter;
      else steps.add(new TranscriptModel.Step(type, getter));
      type = paths.typeOf(property);
      page = models.get(type);
    }
    used.add(paging.page());
    used.add(paging.itemType());
    return new TranscriptModel.Reading(paging.page(), paths.method(paging.page()), null,
        List.of(new TranscriptModel.Nested(new TranscriptModel.Path("value", first, steps, null), paging.itemType(),
            paths.method(paging.itemType()))), List.of(), List.of(), null, null);
  }

  private TranscriptModel.Reading reading(String schema, Extension at) {
    used.add(schema);
    boolean union = paths.isUnion(schema);
    if (union) {
      at.object("id", "time", "turn", "variants");
      return unionReading(schema, at);
    }
    at.object("id", "time", "turn", "by", "variants", "entries", "events", "session", "samples");
    TranscriptModel.Session session = null;
    Extension sessionAt = at.get("session");
    if (sessionAt != null) {
      sessionAt.object("id", "agent", "started", "ended");
      session = new TranscriptModel.Session(optional(sessionAt, "id", "value", schema, TranscriptPaths.Target.TEXT),
          optional(sessionAt, "agent", "value", schema, TranscriptPaths.Target.TEXT),
          optional(sessionAt, "started", "value", schema, TranscriptPaths.Target.TIME),
          optional(sessionAt, "ended", "value", schema, TranscriptPaths.Target.TIME));
    }
    List<TranscriptModel.Nested> nested = new ArrayList<>();
    Extension events = at.get("events");
    if (events != null) {
      TranscriptPaths.ListPath list = paths.list(events, "value", schema);
      if (!declared.containsKey(list.elementType())) {
        throw events.error("its elements are " + list.elementType() + ", which x-sessionkit-transcript.read does not declare");
      }
      nested.add(new TranscriptModel.Nested(list.path(), list.elementType(), paths.method(list.elementType())));
    }
    TranscriptModel.Samples samples = null;
    Extension samplesAt = at.get("samples");
    if (samplesAt != null) {
      samplesAt.object("items", "time", "cpu-millicores", "memory-bytes");
      TranscriptPaths.ListPath list = paths.list(samplesAt.require("items"), "value", schema);
      if (!paths.isRecord(list.elementType())) throw samplesAt.require("items").error("its elements must be objects");
      samples = new TranscriptModel.Samples(list.path(), list.elementType(),
          value(samplesAt.require("time"), "each", list.elementType(), TranscriptPaths.Target.TIME),
          optional(samplesAt, "cpu-millicores", "each", list.elementType(), TranscriptPaths.Target.INT),
          optional(samplesAt, "memory-bytes", "each", list.elementType(), TranscriptPaths.Target.WHOLE));
    }
    Extension by = at.get("by");
    Extension variants = at.get("variants");
    Extension entries = at.get("entries");
    if ((by == null) != (variants == null)) {
      throw (by == null ? variants : by).error("by and variants go together: variants are told apart by the value of by");
    }
    if (variants != null && entries != null) throw entries.error("a record is read by variant or by entries, not both");
    if (variants == null) {
      List<TranscriptModel.Entry> list = new ArrayList<>();
      if (entries != null) {
        for (Extension entry : entries.list()) {
          TranscriptModel.Entry read = entry(entry, "value", schema, at);
          if (read != null) list.add(read);
        }
      }
      if (list.isEmpty() && nested.isEmpty() && session == null && samples == null) {
        throw at.error("reads as nothing: give it entries, variants, events, session or samples");
      }
      return new TranscriptModel.Reading(schema, paths.method(schema), session, nested, list, List.of(), null, samples);
    }
    TranscriptModel.Value selector = value(by, "value", schema, TranscriptPaths.Target.TEXT);
    List<TranscriptModel.Variant> list = new ArrayList<>();
    for (String label : variants.keys()) {
      list.add(new TranscriptModel.Variant(null, Text.javaString(label), entries(variants.require(label), "value", schema, at)));
    }
    TranscriptModel.Unknown unknown = new TranscriptModel.Unknown(selector, false, List.of(), List.of(), List.of(),
        optional(at, "id", "value", schema, TranscriptPaths.Target.TEXT), optional(at, "time", "value", schema, TranscriptPaths.Target.TIME),
        optional(at, "turn", "value", schema, TranscriptPaths.Target.TEXT));
    return new TranscriptModel.Reading(schema, paths.method(schema), session, nested, List.of(), list, unknown, samples);
  }

  private TranscriptModel.Reading unionReading(String schema, Extension at) {
    CodegenDiscriminator discriminator = models.get(schema).discriminator;
    Map<String, String> labels = new LinkedHashMap<>();
    if (discriminator != null && discriminator.getMappedModels() != null) {
      for (CodegenDiscriminator.MappedModel mapped : discriminator.getMappedModels()) {
        labels.put(mapped.getMappingName(), mapped.getModelName());
      }
    }
    if (labels.isEmpty()) throw at.error(schema + " is a union without a discriminator's mapping: its variants have no labels");
    Extension variants = at.require("variants");
    List<TranscriptModel.Variant> list = new ArrayList<>();
    for (String label : variants.keys()) {
      String variant = labels.get(label);
      if (variant == null) {
        throw variants.require(label).error("is not a variant of " + schema + " (its labels: "
            + String.join(", ", labels.keySet()) + ")");
      }
      used.add(variant);
      list.add(new TranscriptModel.Variant(variant, null, entries(variants.require(label), "v", variant, at)));
    }
    TranscriptModel.Path selector = new TranscriptModel.Path("value", discriminator.getPropertyName(), List.of(), null);
    TranscriptModel.Value type = new TranscriptModel.Value(List.of(new TranscriptModel.Alternative(null, selector, null, null, null)));
    return new TranscriptModel.Reading(schema, paths.method(schema), null, List.of(), List.of(), list,
        new TranscriptModel.Unknown(type, true, TranscriptKinds.names(at.get("id")), TranscriptKinds.names(at.get("time")),
            TranscriptKinds.names(at.get("turn")), null, null, null), null);
  }

  /** A union's id, time or turn as property names, to read from the JSON of a variant the mapping does not name. */
  /** A variant's entries: one entry, or a list of them. */
  private List<TranscriptModel.Entry> entries(Extension at, String root, String type, Extension defaults) {
    List<TranscriptModel.Entry> entries = new ArrayList<>();
    for (Extension entry : at.isList() ? at.list() : List.of(at)) {
      TranscriptModel.Entry read = entry(entry, root, type, defaults);
      if (read != null) entries.add(read);
    }
    return entries;
  }

  /** One entry; null for {@code ignore}. */
  private TranscriptModel.Entry entry(Extension at, String root, String type, Extension defaults) {
    at.keys();
    String kind = at.string("entry");
    List<String> fields = TranscriptKinds.KINDS.get(kind);
    if (fields == null) throw at.require("entry").error("must be one of " + String.join(", ", TranscriptKinds.KINDS.keySet()) + " (got " + kind + ")");
    List<String> allowed = new ArrayList<>(TranscriptKinds.COMMON);
    allowed.addAll(fields);
    at.object(allowed.toArray(String[]::new));
    if (kind.equals("ignore")) {
      if (at.keys().size() > 1) throw at.error("an ignored variant takes nothing but entry: ignore");
      return null;
    }
    List<TranscriptModel.Field> list = new ArrayList<>();
    common(list, at, defaults, "id", "id", root, type, TranscriptPaths.Target.TEXT);
    common(list, at, defaults, "time", "time", root, type, TranscriptPaths.Target.TIME);
    common(list, at, defaults, "turn", "turnId", root, type, TranscriptPaths.Target.TEXT);
    field(list, at, "text", "text", root, type, TranscriptPaths.Target.TEXT);
    field(list, at, "message", "text", root, type, TranscriptPaths.Target.TEXT);
    field(list, at, "name", "name", root, type, TranscriptPaths.Target.TEXT);
    field(list, at, "call-id", "callId", root, type, TranscriptPaths.Target.TEXT);
    field(list, at, "arguments", "arguments", root, type, TranscriptPaths.Target.JSON);
    field(list, at, "output", "output", root, type, TranscriptPaths.Target.JSON);
    field(list, at, "failed", "failed", root, type, TranscriptPaths.Target.FLAG);
    field(list, at, "type", "type", root, type, TranscriptPaths.Target.TEXT);
    field(list, at, "status", "status", root, type, TranscriptPaths.Target.TEXT);
    field(list, at, "reason", "reason", root, type, TranscriptPaths.Target.TEXT);
    field(list, at, "model", "model", root, type, TranscriptPaths.Target.TEXT);
    field(list, at, "provider", "provider", root, type, TranscriptPaths.Target.TEXT);
    field(list, at, "cost", "costUsd", root, type, TranscriptPaths.Target.DECIMAL);
    field(list, at, "started", "startedAt", root, type, TranscriptPaths.Target.TIME);
    field(list, at, "latency-ms", "latency", root, type, TranscriptPaths.Target.DURATION);
    TranscriptModel.Usage usage = null;
    Extension usageAt = at.get("usage");
    if (usageAt != null) {
      usageAt.object("input", "output", "cache-read", "cache-write");
      usage = new TranscriptModel.Usage(optional(usageAt, "input", root, type, TranscriptPaths.Target.WHOLE),
          optional(usageAt, "output", root, type, TranscriptPaths.Target.WHOLE), optional(usageAt, "cache-read", root, type, TranscriptPaths.Target.WHOLE),
          optional(usageAt, "cache-write", root, type, TranscriptPaths.Target.WHOLE));
      if (usageAt.keys().isEmpty()) throw usageAt.error("name at least one of input, output, cache-read, cache-write");
    }
    List<TranscriptModel.Path> when = new ArrayList<>();
    Extension whenAt = at.get("when");
    if (whenAt != null) {
      for (Extension each : whenAt.isList() ? whenAt.list() : List.of(whenAt)) when.add(condition(each, root, type));
    }
    return new TranscriptModel.Entry(kind.toUpperCase(Locale.ROOT), root, when, list, usage, TranscriptKinds.flag(at, "opens-turn"),
        TranscriptKinds.flag(at, "ends-turn"));
  }

  /** The entry's id, time or turn: its own, else the reading's default. */
  private void common(List<TranscriptModel.Field> list, Extension at, Extension defaults, String key, String setter,
      String root, String type, TranscriptPaths.Target target) {
    Extension value = at.get(key) != null ? at.get(key) : defaults.get(key);
    if (value != null) list.add(new TranscriptModel.Field(setter, value(value, root, type, target)));
  }

  private void field(List<TranscriptModel.Field> list, Extension at, String key, String setter, String root, String type,
      TranscriptPaths.Target target) {
    Extension value = at.get(key);
    if (value != null) list.add(new TranscriptModel.Field(setter, value(value, root, type, target)));
  }

  private TranscriptModel.Value optional(Extension at, String key, String root, String type, TranscriptPaths.Target target) {
    Extension value = at.get(key);
    return value == null ? null : value(value, root, type, target);
  }

  /** A value: a path, {@code {path|value|template, when}}, or a list of these of which the first present wins. */
  private TranscriptModel.Value value(Extension at, String root, String type, TranscriptPaths.Target target) {
    List<TranscriptModel.Alternative> alternatives = new ArrayList<>();
    for (Extension each : at.isList() ? at.list() : List.of(at)) alternatives.add(alternative(each, root, type, target));
    if (alternatives.isEmpty()) throw at.error("must name at least one value");
    return new TranscriptModel.Value(alternatives);
  }

  private TranscriptModel.Alternative alternative(Extension at, String root, String type, TranscriptPaths.Target target) {
    if (at.isString()) return paths.path(at, at.string(), root, type, target, null);
    at.object("path", "value", "template", "when");
    int given = (at.get("path") == null ? 0 : 1) + (at.get("value") == null ? 0 : 1) + (at.get("template") == null ? 0 : 1);
    if (given != 1) throw at.error("give exactly one of path, value and template");
    TranscriptModel.Path when = at.get("when") == null ? null : condition(at.require("when"), root, type);
    if (at.get("path") != null) return paths.path(at.require("path"), at.string("path"), root, type, target, when);
    if (target != TranscriptPaths.Target.TEXT) throw at.error("a constant or a template is text; this value is not");
    if (at.get("value") != null) {
      return new TranscriptModel.Alternative(when, null, null, Text.javaString(at.string("value")), null);
    }
    Extension template = at.require("template");
    String text = template.string();
    StringBuilder java = new StringBuilder();
    List<TranscriptModel.Path> values = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf('{', i);
      int close = text.indexOf('}', i);
      if (open < 0) {
        if (close >= 0) throw template.error("a } without its { in " + text);
        java.append(text, i, text.length());
        break;
      }
      if (close >= 0 && close < open) throw template.error("a } without its { in " + text);
      close = text.indexOf('}', open);
      if (close < 0) throw template.error("a { without its } in " + text);
      java.append(text, i, open).append("{}");
      TranscriptModel.Alternative value = paths.path(template, text.substring(open + 1, close), root, type, TranscriptPaths.Target.TEXT, null);
      if (value.path() == null) throw template.error("a template takes paths, not lists (got " + text.substring(open + 1, close) + ")");
      values.add(value.path());
      i = close + 1;
    }
    if (values.isEmpty()) throw template.error("a template without {path} is a value: write {value: ...}");
    return new TranscriptModel.Alternative(when, null, null, null, new TranscriptModel.Template(Text.javaString(java.toString()), values));
  }

  private TranscriptModel.Path condition(Extension at, String root, String type) {
    TranscriptModel.Alternative value = paths.path(at, at.string(), root, type, TranscriptPaths.Target.ANY, null);
    if (value.path() == null) throw at.error("a condition is a path to one value, not a list");
    return value.path();
  }
}
