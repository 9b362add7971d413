package dev.sessionkit.sandbox.internal;

import dev.sessionkit.core.vendor.EnvironmentVariable;
import dev.sessionkit.core.vendor.VendorDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One vendor as the sandbox plays it, from its spec and scenario: routes a request to its
 * operation, checks the credential and the parameters, and answers from the stored resources, the
 * scripted agent, the documented fixtures or the spec's examples. Thread-safe.
 */
public final class VendorServer {
  private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final long TURN_WAIT_MILLIS = 60_000;

  private final VendorDescriptor descriptor;
  private final String id;
  private final Spec spec;
  private final Scenario scenario;
  private final Errors errors;
  private final String credential;
  private final long seed;
  private final double pace;
  private final long heartbeatMillis;
  private final ScheduledExecutorService scheduler;
  private final List<Spec.Op> routes;
  private final Map<String, Scenario.Binding> bindings = new HashMap<>();
  private final Map<String, Map<List<String>, Item>> store = new ConcurrentHashMap<>();
  private final Set<String> removed = ConcurrentHashMap.newKeySet();
  /** The answers to requests with an idempotency key, the latest {@value #KEPT_KEYS} kept (a real API keeps them a day). */
  private final Map<String, Cached> idempotent = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
    private static final long serialVersionUID = 1;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
      return size() > KEPT_KEYS;
    }
  });
  private static final int KEPT_KEYS = 10_000;
  private final Map<String, List<String>> phrases = new HashMap<>();
  private final Map<String, Template.Fixture> fixtures = new ConcurrentHashMap<>();
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();
  private final AtomicLong ticks = new AtomicLong();
  private final Instant start;
  private final long stepMillis;
  private final @Nullable String idempotencyHeader;
  private final Scenario.@Nullable TurnScript script;
  /** The turn's steps that write the history, in order: what a generated history repeats. */
  private final List<Map<String, Object>> historySteps;
  private volatile boolean closed;

  private record Cached(String fingerprint, Reply reply) {}

  /**
   * Reads {@code descriptor}'s spec ({@code openapi.json}) and scenario ({@code sandbox/scenario.json},
   * optional) and prepares its documented resources.
   *
   * @param credential the credential to accept, or null for the scenario's (or a default)
   * @param pace how agent steps are timed: 0 at once, 1 as the scenario says
   * @param heartbeatMillis the heartbeat interval of live streams, or 0 for the scenario's
   */
  public VendorServer(VendorDescriptor descriptor, long seed, @Nullable String credential, double pace, long heartbeatMillis,
      ScheduledExecutorService scheduler, Map<String, List<String>> defaultPhrases) {
    this.descriptor = descriptor;
    this.id = descriptor.id();
    this.spec = new Spec(Json.object(Json.parse(descriptor.spec())));
    String scenarioText = descriptor.readResource("sandbox/scenario.json").orElse(null);
    this.scenario = scenarioText == null ? Scenario.NONE
        : new Scenario(Json.object(Json.parse(scenarioText)), "META-INF/sessionkit/" + id + "/sandbox/scenario.json");
    this.errors = new Errors(spec, scenario);
    this.seed = seed;
    this.pace = pace;
    this.heartbeatMillis = heartbeatMillis;
    this.scheduler = scheduler;
    this.credential = credential != null ? credential : scenario.credential() != null ? scenario.credential()
        : "sandbox-" + id + "-credential";
    this.start = scenario.clockStart();
    this.stepMillis = scenario.clockStepMillis();
    this.phrases.putAll(defaultPhrases);
    this.phrases.putAll(scenario.phrases());
    Map<String, Object> client = spec.extension("x-sessionkit-client");
    this.idempotencyHeader = Json.string(client, "idempotency-header");
    List<Spec.Op> ops = new ArrayList<>(spec.operations());
    ops.sort(Comparator.comparingInt((Spec.Op op) -> -op.template().literals()));
    this.routes = List.copyOf(ops);
    for (Map.Entry<String, Scenario.Binding> e : scenario.bindings().entrySet()) {
      if (spec.operation(e.getKey()) != null) bindings.put(e.getKey(), e.getValue());
    }
    for (Spec.Op op : spec.operations()) {
      if (!bindings.containsKey(op.id())) {
        Scenario.Binding inferred = infer(op);
        if (inferred != null) bindings.put(op.id(), inferred);
      }
    }
    this.script = scenario.turn() == null ? null : scenario.turn().only(this::applies);
    this.historySteps = script == null ? List.of()
        : script.steps().stream().filter(step -> step.containsKey("event") || step.containsKey("history")).toList();
    for (Scenario.Resource resource : scenario.resources().values()) store.put(resource.name(), new LinkedHashMap<>());
    for (Scenario.Resource resource : scenario.resources().values()) loadDocumented(resource);
  }

  private static final Pattern SPEC_HAS = Pattern.compile("\\{spec-has:([^}]+)}");

  /**
   * Returns whether a turn step applies to this spec: a step whose {@code when} is
   * {@code {spec-has:<name>}} runs only when the spec names that event type (a discriminator value
   * or a schema), so one scenario serves a spec before and after it documents the event.
   */
  private boolean applies(Map<String, Object> step) {
    Object when = step.get("when");
    if (when == null) return true;
    Matcher m = SPEC_HAS.matcher(String.valueOf(when));
    if (!m.matches()) throw new IllegalArgumentException(scenario.source() + ": a step's when must be {spec-has:<name>} (got " + when + ")");
    String name = m.group(1);
    Map<String, Object> schemas = Json.object(Json.at(spec.root(), "components.schemas"));
    if (schemas == null) return false;
    if (schemas.containsKey(name)) return true;
    for (Object schema : schemas.values()) {
      Map<String, Object> mapping = Json.object(Json.at(schema, "discriminator.mapping"));
      if (mapping != null && mapping.containsKey(name)) return true;
    }
    return false;
  }

  /** Returns the vendor's id. */
  public String id() {
    return id;
  }

  /** Returns the path the vendor's base URL has on the sandbox: {@code /<id>} and the spec's server path, with a final {@code /}. */
  public String basePath() {
    return "/" + id + spec.serverPath() + "/";
  }

  /** Returns the credential this vendor accepts. */
  public String credential() {
    return credential;
  }

  /** Returns the descriptor. */
  public VendorDescriptor descriptor() {
    return descriptor;
  }

  /** Returns the variables that point the vendor's client here. */
  public Map<String, String> environment(String baseUrl) {
    Map<String, String> env = new LinkedHashMap<>();
    Map<String, String> values = scenario.environment();
    for (EnvironmentVariable variable : descriptor.environment()) {
      switch (variable.role()) {
        case CREDENTIAL -> env.put(variable.name(), credential);
        case BASE_URL -> env.put(variable.name(), baseUrl);
        case DEFAULT_PARAMETER -> {
          String value = values.get(variable.name());
          if (value != null) env.put(variable.name(), value);
        }
      }
    }
    for (Map.Entry<String, String> e : values.entrySet()) env.putIfAbsent(e.getKey(), e.getValue());
    return env;
  }

  /** Stops live streams and agents. */
  public void close() {
    closed = true;
    for (Map<List<String>, Item> items : store.values()) {
      synchronized (items) {
        for (Item item : items.values()) item.history().close();
      }
    }
  }

  // ---------------------------------------------------------------- sessions for callers

  /** A session the sandbox serves: its parameters by name and its size (null when not generated). */
  public record SessionKey(Map<String, String> parameters, String id, @Nullable Long size) {}

  /** The largest copy number of a generated item ({@code generated.copy}). */
  public static final int MAX_COPY = 999_999_999;

  /** Returns the generated session of {@code size}, from the resource named {@code session}. */
  public SessionKey generatedSession(long size) {
    return generatedSession(size, -1);
  }

  /**
   * Returns copy number {@code copy} of the generated session of {@code size} (its id the generated
   * id and the scenario's {@code generated.copy} suffix), or the session itself when {@code copy} is
   * negative.
   */
  public SessionKey generatedSession(long size, int copy) {
    Scenario.Resource resource = sessionResource();
    Map<String, Object> generated = resource.generated();
    if (generated == null) throw new IllegalArgumentException(id + " generates no sessions (its scenario declares none)");
    String copySuffix = Json.string(generated, "copy");
    if (copy >= 0 && copySuffix == null) {
      throw new IllegalArgumentException(id + " makes no copies of its generated sessions (its scenario's generated sessions have no copy)");
    }
    if (copy > MAX_COPY) throw new IllegalArgumentException("copy must be between 0 and " + MAX_COPY + " (got " + copy + ")");
    long max = generated.get("max") instanceof Number n ? n.longValue() : 100_000_000L;
    long min = generated.get("min") instanceof Number n ? n.longValue() : 0;
    if (size < min || size > max) {
      throw new IllegalArgumentException("size must be between " + min + " and " + max + " (got " + size + ")");
    }
    Map<String, String> params = new LinkedHashMap<>();
    Map<String, Object> fixed = Json.object(generated.get("parameters"));
    if (fixed != null) fixed.forEach((k, v) -> params.put(k, String.valueOf(v)));
    Template.Ctx ctx = ctx(new Rng(seed), start).with("n", Json.Num.of(size));
    String sessionId = String.valueOf(Template.eval(generated.get("id"), ctx));
    if (copy >= 0) sessionId += String.valueOf(Template.eval(copySuffix, ctx.with("copy", Json.Num.of(copy))));
    params.put(resource.idParam(), sessionId);
    return new SessionKey(order(resource, params), sessionId, size);
  }

  /** Returns the documented sessions (the resource named {@code session}). */
  public List<SessionKey> documentedSessions() {
    Scenario.Resource resource = sessionResource();
    List<SessionKey> out = new ArrayList<>();
    for (Map<String, Object> documented : resource.documented()) {
      Item item = documentedItem(resource, documented);
      if (item != null) out.add(new SessionKey(order(resource, item.key()), item.id(), null));
    }
    return out;
  }

  private Scenario.Resource sessionResource() {
    Scenario.Resource resource = scenario.resources().get("session");
    if (resource == null) throw new IllegalArgumentException(id + " has no sessions in its scenario (no resource named session)");
    return resource;
  }

  private static Map<String, String> order(Scenario.Resource resource, Map<String, String> params) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String k : resource.keys()) if (params.containsKey(k)) out.put(k, params.get(k));
    return out;
  }

  // ---------------------------------------------------------------- requests

  /** Returns whether {@code request} would start an agent turn (a send), without answering it. */
  public boolean isSend(Request request) {
    for (Spec.Op candidate : routes) {
      if (!candidate.method().equals(request.method()) || candidate.template().match(request.path()) == null) continue;
      Scenario.Binding binding = bindings.get(candidate.id());
      return binding != null && binding.verb().equals("send");
    }
    return false;
  }

  /** The vendor's error of {@code status} that a fault answers with. */
  public Reply fault(int status, long number) {
    return errors.error(null, status, null, null, null, number);
  }

  /** Answers {@code request}, whose path starts after the vendor's prefix. */
  public Reply handle(Request request) {
    List<String> path = request.path();
    Spec.Op op = null;
    Map<String, String> params = null;
    boolean pathKnown = false;
    for (Spec.Op candidate : routes) {
      Map<String, String> match = candidate.template().match(path);
      if (match == null) continue;
      pathKnown = true;
      if (!candidate.method().equals(request.method())) continue;
      op = candidate;
      params = match;
      break;
    }
    if (op == null) return errors.route(pathKnown, request.number());
    if (!authorized(op, request)) return errors.error(op, 401, null, null, null, request.number());
    Map<String, String> query = query(request);
    Reply refused = validate(op, params, query, request);
    if (refused != null) return refused;
    Object body = null;
    if (request.body().length > 0 && op.hasBody()) {
      try {
        body = Json.parse(request.body());
      } catch (IllegalArgumentException e) {
        return errors.invalid(op, invalidStatus(), "body", "body", "json", null, Map.of(), request.number());
      }
    } else if (op.bodyRequired()) {
      return errors.invalid(op, invalidStatus(), "body", "body", "required", null, Map.of(), request.number());
    }
    Reply missing = requiredBodyMembers(op, body, request.number());
    if (missing != null) return missing;
    String key = idempotencyKey(op, request);
    if (key != null) {
      String fingerprint = op.id() + " " + String.join("/", path) + " " + Arrays.hashCode(request.body());
      Cached cached = idempotent.get(key);
      if (cached != null) {
        if (cached.fingerprint().equals(fingerprint)) return cached.reply();
        return errors.error(op, 409, null, null, null, request.number());
      }
      Reply reply = dispatch(op, params, query, body, request);
      if (reply.status() < 300 && reply.stream() == null) idempotent.put(key, new Cached(fingerprint, reply));
      return reply;
    }
    return dispatch(op, params, query, body, request);
  }

  private @Nullable String idempotencyKey(Spec.Op op, Request request) {
    String header = idempotencyHeader;
    if (header == null) {
      for (Spec.Param p : op.params()) {
        if (p.in().equals("header") && p.name().equalsIgnoreCase("Idempotency-Key")) header = p.name();
      }
    }
    if (header == null || request.method().equals("GET")) return null;
    String value = request.headers().get(header);
    return value == null || value.isBlank() ? null : value;
  }

  private static Map<String, String> query(Request request) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String name : request.url().queryParameterNames()) {
      String value = request.url().queryParameter(name);
      query.put(name, value == null ? "" : value);
    }
    return query;
  }

  private boolean authorized(Spec.Op op, Request request) {
    List<Map<String, Object>> requirements = op.security();
    if (requirements.isEmpty()) return true;
    for (Map<String, Object> requirement : requirements) {
      boolean all = true;
      for (String scheme : requirement.keySet()) all &= schemePasses(scheme, request);
      if (all) return true;
    }
    return false;
  }

  private boolean schemePasses(String name, Request request) {
    Map<String, Object> scheme = spec.securityScheme(name);
    if (scheme == null) return false;
    String type = String.valueOf(scheme.get("type")).toLowerCase(Locale.ROOT);
    String bearer = "Bearer " + credential;
    return switch (type) {
      case "apikey" -> {
        String in = Json.string(scheme, "in");
        String paramName = Json.string(scheme, "name");
        if (paramName == null) yield false;
        String value = "query".equals(in) ? request.query(paramName) : request.headers().get(paramName);
        yield credential.equals(value);
      }
      case "http" -> {
        String s = String.valueOf(scheme.get("scheme")).toLowerCase(Locale.ROOT);
        String authorization = request.headers().get("Authorization");
        yield s.equals("basic") ? authorization != null && authorization.startsWith("Basic ") : bearer.equals(authorization);
      }
      default -> bearer.equals(request.headers().get("Authorization"));
    };
  }

  private int invalidStatus() {
    Object status = scenario.errors().get("invalid-parameter");
    return status instanceof Number n ? n.intValue() : 400;
  }

  private int invalidPathStatus() {
    Object status = scenario.errors().get("invalid-path-parameter");
    if (status instanceof Number n) return n.intValue();
    status = scenario.errors().get("invalid-parameter");
    return status instanceof Number n ? n.intValue() : 404;
  }

  private @Nullable Reply validate(Spec.Op op, Map<String, String> path, Map<String, String> query, Request request) {
    for (Spec.Param p : op.params()) {
      String value = switch (p.in()) {
        case "path" -> path.get(p.name());
        case "query" -> request.url().queryParameter(p.name());
        case "header" -> request.headers().get(p.name());
        default -> null;
      };
      boolean inPath = p.in().equals("path");
      int status = inPath ? invalidPathStatus() : invalidStatus();
      if (value == null) {
        if (p.required() && !p.in().equals("header")) {
          return errors.invalid(op, status, p.in(), p.name(), "required", null, Map.of(), request.number());
        }
        continue;
      }
      Map<String, Object> schema = Json.object(spec.resolve(p.schema()));
      if (schema == null) continue;
      String type = Json.string(schema, "type");
      Map<String, String> details = new LinkedHashMap<>();
      String kind = null;
      if ("integer".equals(type) || "number".equals(type)) {
        double number;
        try {
          number = "integer".equals(type) ? Long.parseLong(value.strip()) : Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
          number = Double.NaN;
          kind = "integer";
        }
        if (kind == null) {
          Object min = schema.get("minimum");
          Object max = schema.get("maximum");
          if (min != null) details.put("minimum", min.toString());
          if (max != null) details.put("maximum", max.toString());
          if (min instanceof Number n && number < n.doubleValue()) {
            kind = "minimum";
            details.put("limit", min.toString());
          } else if (max instanceof Number n && number > n.doubleValue() && !scenario.capsAboveMaximum(p.name())) {
            kind = "maximum";
            details.put("limit", max.toString());
          }
        }
      } else if ("boolean".equals(type)) {
        if (!value.equals("true") && !value.equals("false")) kind = "boolean";
      } else if ("string".equals(type)) {
        String format = Json.string(schema, "format");
        String pattern = Json.string(schema, "pattern");
        if ("uuid".equals(format) && !UUID.matcher(value).matches()) {
          kind = "uuid";
        } else if (pattern != null && !patterns.computeIfAbsent(pattern, Pattern::compile).matcher(value).find()) {
          kind = "pattern";
          details.put("limit", pattern);
        } else if (schema.get("minLength") instanceof Number n && value.length() < n.intValue()) {
          kind = "minimum";
          details.put("limit", n.toString());
        } else if (schema.get("maxLength") instanceof Number n && value.length() > n.intValue()) {
          kind = "maximum";
          details.put("limit", n.toString());
        }
      }
      if (kind == null) continue;
      if (status == 404) return notFound(op, value, request.number());
      return errors.invalid(op, status, p.in(), p.name(), kind, value, details, request.number());
    }
    return null;
  }

  private @Nullable Reply requiredBodyMembers(Spec.Op op, @Nullable Object body, long number) {
    Map<String, Object> schema = Json.object(spec.resolve(op.bodySchema()));
    Map<String, Object> value = Json.object(body);
    if (schema == null || value == null) return null;
    List<Object> required = Json.array(schema.get("required"));
    if (required == null) return null;
    for (Object name : required) {
      if (!value.containsKey(String.valueOf(name))) {
        return errors.invalid(op, invalidStatus(), "body", String.valueOf(name), "required", null, Map.of(), number);
      }
    }
    return null;
  }

  private Reply notFound(Spec.Op op, @Nullable String missingId, long number) {
    Scenario.Binding binding = bindings.get(op.id());
    String what = binding == null || binding.verb().equals("example") ? "Resource" : binding.target();
    if (binding != null && binding.verb().startsWith("event-")) what = "event";
    return errors.error(op, 404, null, null, missingId, Character.toUpperCase(what.charAt(0)) + what.substring(1), number);
  }

  // ---------------------------------------------------------------- behaviours

  private Scenario.@Nullable Binding infer(Spec.Op op) {
    for (Scenario.Resource resource : scenario.resources().values()) {
      String item = resource.itemPath();
      String collection = item.substring(0, item.lastIndexOf('/'));
      String verb = null;
      if (op.path().equals(item)) {
        verb = switch (op.method()) {
          case "GET" -> "get";
          case "DELETE" -> "delete";
          case "POST", "PUT", "PATCH" -> "update";
          default -> null;
        };
      } else if (op.path().equals(collection)) {
        verb = switch (op.method()) {
          case "GET" -> "list";
          case "POST" -> "create";
          default -> null;
        };
      }
      if (verb != null) return new Scenario.Binding(op.id(), verb, resource.name(), Map.of(verb, resource.name()));
    }
    return null;
  }

  private Reply dispatch(Spec.Op op, Map<String, String> params, Map<String, String> query, @Nullable Object body,
      Request request) {
    Scenario.Binding binding = bindings.get(op.id());
    if (binding == null || binding.verb().equals("example")) return example(op, binding, params, query, body, request);
    Scenario.Resource resource = scenario.resources().get(binding.target());
    Map<String, String> renamed = new LinkedHashMap<>();
    for (String k : resource.keys()) {
      String v = params.get(binding.param(k));
      if (v != null) renamed.put(k, v);
    }
    Call call = new Call(op, binding, resource, renamed, params, query, body, request);
    Reply orphan = parentMissing(call);
    if (orphan != null) return orphan;
    return switch (binding.verb()) {
      case "create" -> create(call);
      case "list" -> list(call);
      case "get", "view" -> view(call);
      case "update" -> update(call);
      case "delete" -> delete(call);
      case "action" -> action(call);
      case "history" -> history(call);
      case "send" -> send(call);
      case "stream" -> stream(call);
      case "event-get", "event-delete", "event-action" -> event(call);
      default -> throw new IllegalStateException(binding.verb());
    };
  }

  private @Nullable Reply parentMissing(Call call) {
    String parentName = call.resource().parent();
    if (parentName == null) return null;
    Scenario.Resource parent = scenario.resources().get(parentName);
    Map<String, String> key = new LinkedHashMap<>();
    for (String k : parent.keys()) {
      String v = call.key().get(k);
      if (v == null) return null;
      key.put(k, v);
    }
    if (find(parent, key) != null) return null;
    String what = Character.toUpperCase(parentName.charAt(0)) + parentName.substring(1);
    return errors.error(call.op(), 404, null, null, key.get(parent.idParam()), what, call.request().number());
  }

  private record Call(Spec.Op op, Scenario.Binding binding, Scenario.Resource resource, Map<String, String> key,
      Map<String, String> params, Map<String, String> query, @Nullable Object body, Request request) {}

  private Template.Ctx callCtx(Call call, @Nullable Item item) {
    Template.Ctx ctx = ctx(new Rng(seed, Rng.hash(id), call.request().number(), 3), now())
        .with("param", new LinkedHashMap<String, Object>(call.params()))
        .with("query", new LinkedHashMap<String, Object>(call.query()))
        .with("request", call.body());
    if (item != null) ctx = itemCtx(ctx, item);
    return ctx;
  }

  private Template.Ctx itemCtx(Template.Ctx ctx, Item item) {
    Template.Ctx out = ctx.with("item", item.view()).with("id", item.id())
        .with("eventCount", Json.Num.of(item.history().size()));
    if (item.size() != null) out = out.with("n", Json.Num.of(item.size()));
    Map<String, Object> key = new LinkedHashMap<>(item.key());
    return out.with("key", key);
  }

  private Instant now() {
    return start.plusMillis(stepMillis * ticks.get());
  }

  private Instant tick() {
    return start.plusMillis(stepMillis * ticks.incrementAndGet());
  }

  private Reply respond(Call call, int defaultStatus, @Nullable Object defaultBody, Template.Ctx ctx) {
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

  private Reply create(Call call) {
    Template.Ctx ctx = callCtx(call, null);
    String newId = null;
    String idFrom = call.resource().idFrom();
    if (idFrom != null) {
      Object given = Template.eval(idFrom, ctx);
      if (given != null && !given.toString().isEmpty()) newId = given.toString();
    }
    Instant created = tick();
    ctx = ctx.clock(created).rng(new Rng(seed, Rng.hash(id + "/" + call.resource().name()), ticks.get()));
    if (newId == null) {
      String format = call.resource().idFormat();
      if (format == null) format = "{uuid}";
      newId = String.valueOf(Template.eval(format, ctx));
    }
    Map<String, String> key = new LinkedHashMap<>(call.key());
    key.put(call.resource().idParam(), newId);
    if (find(call.resource(), key) != null) return errors.error(call.op(), 409, null, null, null, call.request().number());
    ctx = ctx.with("id", newId).with("key", new LinkedHashMap<String, Object>(key));
    Map<String, Object> json = newItemJson(call.resource(), ctx, call.body(), newId);
    Item item = new Item(call.resource(), key, json, History.empty(), null, Map.of(), ticks.get());
    put(item);
    return respond(call, call.op().successStatus(), item.json(), itemCtx(ctx, item));
  }

  private Map<String, Object> newItemJson(Scenario.Resource resource, Template.Ctx ctx, @Nullable Object body, String newId) {
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

  private Reply list(Call call) {
    Map<String, Object> rules = rules(call);
    List<Item> items = new ArrayList<>();
    Map<List<String>, Item> all = store.get(call.resource().name());
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
    return page(call, seq, rules, callCtx(call, null));
  }

  private boolean hidden(Call call, Map<String, Object> json) {
    Map<String, Object> hide = Json.object(call.binding().get("hide"));
    if (hide == null) return false;
    String field = Json.string(hide, "field");
    String unless = Json.string(hide, "unless");
    if (unless != null && "true".equals(call.query().get(unless))) return false;
    return field != null && Json.at(json, field) != null;
  }

  private Map<String, Object> rules(Call call) {
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

  private Reply page(Call call, Pages.Seq seq, Map<String, Object> rules, Template.Ctx ctx) {
    Pages pages = new Pages(rules);
    int limit = Integer.MAX_VALUE;
    String sizeParam = pages.pageSizeParameter();
    if (!pages.style().equals("all")) {
      limit = 20;
      Spec.Param param = sizeParam == null ? null : call.op().param(sizeParam, "query");
      if (param != null) {
        Map<String, Object> schema = Json.object(spec.resolve(param.schema()));
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
      return errors.invalid(call.op(), invalidStatus(), "query", refused.parameter, refused.kind, call.query().get(refused.parameter),
          refused.details, call.request().number());
    } catch (NumberFormatException e) {
      return errors.invalid(call.op(), invalidStatus(), "query", sizeParam == null ? "offset" : sizeParam, "integer", null,
          Map.of(), call.request().number());
    }
    Map<String, Object> example = Json.object(call.op().example(call.op().successStatus()));
    Map<String, Object> envelope = example == null ? new LinkedHashMap<>() : example;
    Json.put(envelope, pages.itemsPath(), page.items());
    for (Map.Entry<String, @Nullable Object> member : page.members().entrySet()) Json.put(envelope, member.getKey(), member.getValue());
    for (String path : page.removed()) Json.remove(envelope, path);
    String count = call.binding().string("count");
    if (count != null) Json.put(envelope, count, Json.Num.of(seq.size()));
    return respond(call, call.op().successStatus(), envelope, ctx.with("page", envelope));
  }

  private static List<Object> allItems(Pages.Seq seq) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < seq.size(); i++) out.add(seq.item(i));
    return out;
  }

  private Reply view(Call call) {
    Item item = find(call.resource(), call.key());
    if (item == null) return notFound(call.op(), call.key().get(call.resource().idParam()), call.request().number());
    Template.Ctx ctx = withTurns(callCtx(call, item), item).rng(new Rng(seed, item.hash(), 13));
    Object documented = item.view(call.op().id());
    if (documented != null) {
      Object value = Template.eval(documented, ctx);
      if (value instanceof Template.Fixture fixture) return Reply.bytes(call.op().successStatus(), "application/json", fixture.bytes());
      return Reply.json(call.op().successStatus(), value);
    }
    Object exists = call.binding().get("exists");
    if (exists != null && !Json.truthy(Template.eval(exists, ctx))) {
      return notFound(call.op(), item.id(), call.request().number());
    }
    return respond(call, call.op().successStatus(), item.json(), ctx);
  }

  private Reply update(Call call) {
    Item item = find(call.resource(), call.key());
    if (item == null) return notFound(call.op(), call.key().get(call.resource().idParam()), call.request().number());
    item = materialize(item);
    Template.Ctx ctx = callCtx(call, item).clock(tick());
    synchronized (item) {
      Map<String, Object> json = item.json();
      Map<String, Object> request = Json.object(call.body());
      Set<String> merged = new LinkedHashSet<>();
      List<Object> merge = Json.array(call.binding().get("merge"));
      if (merge != null) for (Object m : merge) merged.add(String.valueOf(m));
      Set<String> known = spec.properties(call.op().responseSchema(call.op().successStatus())).keySet();
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
      apply(json, call.binding().get("set"), itemCtx(ctx, item));
      item.json(json);
    }
    return respond(call, call.op().successStatus(), item.json(), itemCtx(ctx, item));
  }

  private void apply(Map<String, Object> json, @Nullable Object set, Template.Ctx ctx) {
    Map<String, Object> changes = Json.object(set);
    if (changes == null) return;
    for (Map.Entry<String, Object> e : changes.entrySet()) {
      Object value = Template.eval(e.getValue(), ctx.with("item", Json.copy(json)));
      if (value == Template.OMIT) Json.remove(json, e.getKey());
      else Json.put(json, e.getKey(), value);
    }
  }

  private Reply delete(Call call) {
    Item item = find(call.resource(), call.key());
    if (item == null) return notFound(call.op(), call.key().get(call.resource().idParam()), call.request().number());
    Template.Ctx ctx = withTurns(callCtx(call, item), item);
    Map<List<String>, Item> all = store.get(call.resource().name());
    synchronized (all) {
      all.remove(item.ordered());
      removed.add(call.resource().name() + "/" + String.join("/", item.ordered()));
    }
    item.history().close();
    Object body = null;
    Object example = call.op().example(call.op().successStatus());
    Map<String, Object> confirmation = Json.object(example);
    if (confirmation != null) {
      if (confirmation.containsKey(call.resource().idField())) confirmation.put(call.resource().idField(), item.id());
      body = confirmation;
    }
    return respond(call, call.op().successStatus(), body, ctx);
  }

  private Reply action(Call call) {
    Item item = find(call.resource(), call.key());
    if (item == null) return notFound(call.op(), call.key().get(call.resource().idParam()), call.request().number());
    item = materialize(item);
    Template.Ctx ctx = withTurns(callCtx(call, item), item).clock(tick());
    ctx = ctx.with("running", item.history().running() != null);
    synchronized (item) {
      Map<String, Object> json = item.json();
      apply(json, call.binding().get("set"), ctx);
      item.json(json);
    }
    Object cancel = call.binding().get("cancel");
    History.TurnRecord running = item.history().running();
    if (cancel != null && Json.truthy(Template.eval(cancel, ctx)) && running != null) cancel(item, running);
    return respond(call, call.op().successStatus(), item.json(), itemCtx(ctx, item));
  }

  private Reply history(Call call) {
    Item item = find(call.resource(), call.key());
    if (item == null) return notFound(call.op(), call.key().get(call.resource().idParam()), call.request().number());
    Template.Ctx ctx = callCtx(call, item);
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
      return respond(call, call.op().successStatus(), null, withTurns(ctx, item).rng(new Rng(seed, item.hash(), 13)));
    }
    Pages.Seq seq = events(call, history);
    return page(call, seq, rules(call), ctx);
  }

  private Pages.Seq events(Call call, History history) {
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
      if (hidden(call, history.event(i))) continue;
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

  private Reply event(Call call) {
    Item item = find(call.resource(), call.key());
    if (item == null) return notFound(call.op(), call.key().get(call.resource().idParam()), call.request().number());
    List<String> names = call.op().template().names();
    String eventParam = call.binding().string("event") != null ? call.binding().string("event") : names.get(names.size() - 1);
    String eventId = call.params().get(eventParam);
    History history = item.history();
    int index = eventId == null ? -1 : history.indexOf(eventId);
    if (index < 0 || history.deleted(index)) return notFound(call.op(), eventId, call.request().number());
    if (!call.binding().verb().equals("event-get")) {
      item = materialize(item);
      history = item.history();
    }
    Template.Ctx ctx = callCtx(call, item);
    Map<String, Object> event = history.event(index);
    switch (call.binding().verb()) {
      case "event-delete" -> {
        history.delete(index);
        return respond(call, call.op().successStatus(), null, ctx.with("event", event));
      }
      case "event-action" -> {
        apply(event, call.binding().get("set"), ctx.clock(tick()));
        history.replace(index, event);
        return respond(call, call.op().successStatus(), event, ctx.with("event", event));
      }
      default -> {
        return respond(call, call.op().successStatus(), event, ctx.with("event", event));
      }
    }
  }

  private Reply example(Spec.Op op, Scenario.@Nullable Binding binding, Map<String, String> params, Map<String, String> query,
      @Nullable Object body, Request request) {
    int status = op.successStatus();
    Object value = op.example(status);
    // a stream the scenario does not bind is a stream of no frames, as a stream: a text/plain body
    // is not a stream to a client that asked for one
    if (value == null && op.streams() && !op.answersJson()) return Reply.bytes(status, "text/event-stream", new byte[0]);
    if (binding != null && binding.get("body") != null) {
      Call call = new Call(op, binding, null, params, params, query, body, request);
      return respond(call, status, value, callCtx(call, null));
    }
    if (op.emptyResponse(status)) return Reply.empty(status);
    if (value == null) value = Samples.of(spec, op.responseSchema(status));
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
        return page(call, seq, new LinkedHashMap<>(rules), callCtx(call, null));
      }
    }
    return Reply.json(status, value);
  }

  // ---------------------------------------------------------------- the agent

  private Reply send(Call call) {
    Template.Ctx ctx = callCtx(call, null);
    Item item;
    String from = call.binding().string("item-from");
    if (from != null) {
      Object given = Template.eval(from, ctx);
      Map<String, String> key = new LinkedHashMap<>(call.key());
      if (given == null || given.toString().isEmpty()) {
        if (call.binding().get("creates") == null) {
          return errors.invalid(call.op(), invalidStatus(), "body", from, "required", null, Map.of(), call.request().number());
        }
        item = null;
      } else {
        key.put(call.resource().idParam(), given.toString());
        item = find(call.resource(), key);
      }
      if (item == null) {
        if (call.binding().get("creates") == null) return notFound(call.op(), String.valueOf(given), call.request().number());
        Instant created = tick();
        Template.Ctx c = ctx.clock(created).rng(new Rng(seed, Rng.hash(id + "/" + call.resource().name()), ticks.get()));
        String newId = given != null && !given.toString().isEmpty() ? given.toString()
            : String.valueOf(Template.eval(call.resource().idFormat() == null ? "{uuid}" : call.resource().idFormat(), c));
        key.put(call.resource().idParam(), newId);
        c = c.with("id", newId).with("key", new LinkedHashMap<String, Object>(key));
        item = new Item(call.resource(), key, newItemJson(call.resource(), c, null, newId), History.empty(), null, Map.of(),
            ticks.get());
        put(item);
      }
    } else {
      item = find(call.resource(), call.key());
      if (item == null) return notFound(call.op(), call.key().get(call.resource().idParam()), call.request().number());
    }
    item = materialize(item);
    ctx = callCtx(call, item);
    Object cancel = call.binding().get("cancel");
    History.TurnRecord running = item.history().running();
    if (cancel != null && Json.truthy(Template.eval(cancel, ctx))) {
      if (running != null) cancel(item, running);
      return respond(call, call.op().successStatus(), null, ctx.with("turn", Map.of("input", List.of(), "events", List.of())))
          .asSend();
    }
    boolean streamed = streamed(call);
    Object sinceValue = call.binding().get("since") == null ? null : Template.eval(call.binding().get("since"), ctx);
    String since = sinceValue instanceof String text && !text.isEmpty() ? text : null;
    Object busy = call.binding().get("busy");
    if (running != null && busy instanceof Number status && since == null) {
      return errors.error(call.op(), status.intValue(), null, null, null, call.request().number()).asSend();
    }
    int replayFrom = -1;
    if (since != null) {
      replayFrom = since.equals("start") ? 0 : item.history().indexOf(since) + 1;
      if (replayFrom == 0 && !since.equals("start")) {
        return errors.invalid(call.op(), invalidStatus(), "body", "since", "cursor", since, Map.of(), call.request().number())
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
      Frames frames = new Frames.Turn(item.history(), framing(call.op(), call.binding()), () -> closed, followed,
          Math.max(0, replayFrom), replayTo, liveFrom, () -> endFrame(call.op(), call.binding(), sending, followed));
      return Reply.stream(call.op().successStatus(), frames).asSend();
    }
    if (Boolean.TRUE.equals(call.binding().get("wait"))) {
      try {
        item.history().awaitTurn(turn, TURN_WAIT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Template.Ctx done = itemCtx(ctx, item).with("turn", turnView(item, turn));
    return respond(call, call.op().successStatus(), null, done).asSend();
  }

  private boolean streamed(Call call) {
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

  private Reply stream(Call call) {
    Item item = find(call.resource(), call.key());
    if (item == null) return notFound(call.op(), call.key().get(call.resource().idParam()), call.request().number());
    item = materialize(item);
    String lastEventId = call.request().headers().get("Last-Event-ID");
    if (lastEventId != null && item.history().indexOf(lastEventId) < 0) {
      return errors.invalid(call.op(), invalidStatus(), "header", "Last-Event-ID", "cursor", lastEventId, Map.of(),
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
    Frames frames = new Frames.Session(item.history(), framing(call.op(), call.binding()), () -> closed, lastEventId, names);
    return Reply.stream(call.op().successStatus(), frames);
  }

  private Frames.Framing framing(Spec.Op op, Scenario.Binding binding) {
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
    long every = heartbeatMillis > 0 ? heartbeatMillis : f.get("heartbeat-every") instanceof Number n ? n.longValue() : 15_000;
    return new Frames.Framing(idLines, idField, eventLines, nameField, heartbeat, every);
  }

  /** The frame that ends a turn's stream: the turn script's {@code end}, else the spec's first end event, else none. */
  private @Nullable Map<String, Object> endFrame(Spec.Op op, Scenario.Binding binding, Item item, History.TurnRecord turn) {
    Scenario.TurnScript script = this.script;
    if (script != null && script.end() != null) {
      Template.Ctx ctx = itemCtx(ctx(new Rng(seed, item.hash(), turn.index(), 11), now()), item).with("turn", turnView(item, turn));
      return Json.object(Template.eval(script.end(), ctx));
    }
    Map<String, Object> rules = op.extension("x-sessionkit-stream");
    List<Object> ends = rules == null ? null : Json.array(rules.get("ends"));
    if (ends == null || ends.isEmpty()) return null;
    Map<String, Object> end = new LinkedHashMap<>();
    end.put(framing(op, binding).nameField(), ends.get(0));
    return end;
  }

  private History.TurnRecord startTurn(Item item, @Nullable Object request, Template.Ctx ctx) {
    Scenario.TurnScript script = this.script;
    if (script == null) throw new IllegalStateException(id + "'s scenario has no turn for a send");
    History history = item.history();
    History.TurnRecord previous = history.running();
    int number = history.prefixTurns() + history.turns().size();
    Template.Ctx turnCtx = ctx.rng(new Rng(seed, item.hash(), number, 5)).clock(now()).with("request", request);
    Map<String, Object> values = turnValues(script, turnCtx);
    History.TurnRecord turn = history.startTurn(values);
    Runnable run = () -> runSteps(item, turn, true, 0, false, request);
    if (previous != null) {
      // Queued behind the running turn without holding one of the agents' threads while it waits:
      // a thread blocked per queued turn would soon hold them all, and no running turn could go on.
      history.whenDone(previous, () -> {
        try {
          scheduler.execute(run);
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

  private Map<String, Object> turnValues(Scenario.TurnScript script, Template.Ctx ctx) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("id", Template.eval(script.idFormat(), ctx));
    values.put("created_at", ctx.clock().toString());
    Template.Ctx withTurn = ctx.with("turn", values);
    for (Map.Entry<String, Object> v : script.vars().entrySet()) {
      values.put(v.getKey(), Template.eval(v.getValue(), withTurn.with("turn", new LinkedHashMap<>(values))));
    }
    return values;
  }

  private void runSteps(Item item, History.TurnRecord turn, boolean main, int from, boolean waited, @Nullable Object request) {
    Scenario.TurnScript script = this.script;
    List<Map<String, Object>> steps = main ? script.steps() : script.cancelled();
    for (int k = from; k < steps.size(); k++) {
      if (closed || item.history().closed()) break;
      Map<String, Object> step = steps.get(k);
      long delay = pace > 0 && step.get("after") instanceof Number n ? Math.round(n.doubleValue() * pace) : 0;
      if (delay > 0 && !(waited && k == from)) {
        int next = k;
        scheduler.schedule(() -> runSteps(item, turn, main, next, true, request), delay, TimeUnit.MILLISECONDS);
        return;
      }
      synchronized (turn) {
        // A cancel runs the cancelled steps at once; the main steps still scheduled then stop here.
        if (turn.done() || main && turn.cancelled) return;
        runStep(item, turn, step, request);
      }
    }
    synchronized (turn) {
      if (!turn.done() && !(main && turn.cancelled)) item.history().finish(turn);
    }
  }

  /** Cancels {@code turn}: its remaining steps are dropped and the scenario's cancelled steps run now. */
  private void cancel(Item item, History.TurnRecord turn) {
    synchronized (turn) {
      if (turn.done() || turn.cancelled) return;
      turn.cancelled = true;
    }
    runSteps(item, turn, false, 0, false, null);
  }

  private void runStep(Item item, History.TurnRecord turn, Map<String, Object> step, @Nullable Object request) {
    History history = item.history();
    Instant at = tick();
    Template.Ctx ctx = itemCtx(ctx(new Rng(seed, item.hash(), ticks.get(), 9), at), item)
        .with("request", request).with("turn", turnView(item, turn));
    Object both = step.get("event");
    Object historyOnly = step.get("history");
    Object streamOnly = step.get("stream");
    String eventId = null;
    if (both != null || historyOnly != null) {
      int index = history.size();
      eventId = eventId(item, index);
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
        apply(json, step.get("set"), itemCtx(ctx, item).with("turn", turnView(item, turn)));
        item.json(json);
      }
    }
  }

  private static void flatten(@Nullable Object value, List<Object> out) {
    if (value instanceof List<?> list) {
      for (Object item : list) flatten(item, out);
    } else if (value != null && value != Template.OMIT) {
      out.add(value);
    }
  }

  private History.Frame frame(Map<String, Object> data, @Nullable String eventId, boolean inHistory, boolean inStream,
      History.TurnRecord turn) {
    Object name = data.get("type");
    String nameField = "type";
    String id = eventId;
    if (id == null && data.get("id") instanceof String s) id = s;
    return new History.Frame(name == null ? "message" : String.valueOf(Json.at(data, nameField)), id, data, inHistory, inStream,
        turn.index());
  }

  private Map<String, Object> turnView(Item item, History.TurnRecord turn) {
    Map<String, Object> view = new LinkedHashMap<>(turn.values());
    view.put("index", Json.Num.of(turn.index()));
    view.put("input", Json.copy(new ArrayList<>(turn.input())));
    view.put("events", new ArrayList<Object>(item.history().events(turn)));
    view.put("updated_at", now().toString());
    return view;
  }

  private Template.Ctx withTurns(Template.Ctx ctx, Item item) {
    return ctx.with("turns", new LazyTurns(this, item)).with("events", new LazyEvents(item.history()));
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
      if (turns == null) turns = server.turnsOf(item);
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

  private List<Object> turnsOf(Item item) {
    List<Object> out = new ArrayList<>();
    History history = item.history();
    Scenario.TurnScript script = this.script;
    int perTurn = historySteps.size();
    if (item.generated() && perTurn > 0) {
      for (int t = 0; t < history.prefixTurns(); t++) {
        Map<String, Object> values = new LinkedHashMap<>(generatedTurn(item, t));
        List<Object> events = new ArrayList<>();
        int first = t * perTurn;
        int last = Math.min(history.prefix(), first + perTurn);
        for (int i = first; i < last; i++) if (!history.deleted(i)) events.add(history.event(i));
        values.put("index", Json.Num.of(t));
        values.put("events", events);
        values.put("updated_at", start.plusMillis(stepMillis * Math.max(first, last - 1)).toString());
        out.add(values);
      }
    }
    for (History.TurnRecord turn : history.turns()) out.add(turnView(item, turn));
    return out;
  }

  // ---------------------------------------------------------------- stored, documented, generated

  private void put(Item item) {
    Map<List<String>, Item> all = store.get(item.resource().name());
    synchronized (all) {
      all.put(item.ordered(), item);
      removed.remove(item.resource().name() + "/" + String.join("/", item.ordered()));
    }
  }

  private @Nullable Item find(Scenario.Resource resource, Map<String, String> key) {
    for (String k : resource.keys()) if (key.get(k) == null) return null;
    List<String> ordered = resource.keys().stream().map(key::get).toList();
    Map<List<String>, Item> all = store.get(resource.name());
    synchronized (all) {
      Item stored = all.get(ordered);
      if (stored != null) return stored;
      if (removed.contains(resource.name() + "/" + String.join("/", ordered))) return null;
    }
    return generatedItem(resource, key);
  }

  /** A generated item that gets a turn (or an edit) is stored from then on. */
  private Item materialize(Item item) {
    if (!item.generated()) return item;
    Map<List<String>, Item> all = store.get(item.resource().name());
    synchronized (all) {
      Item stored = all.get(item.ordered());
      if (stored != null) return stored;
      all.put(item.ordered(), item);
      return item;
    }
  }

  private @Nullable Item generatedItem(Scenario.Resource resource, Map<String, String> key) {
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
    Template.Ctx ctx = ctx(new Rng(seed, hash, -1), start).with("n", Json.Num.of(size)).with("id", itemId)
        .with("key", new LinkedHashMap<String, Object>(key)).with("param", new LinkedHashMap<String, Object>(key));
    Map<String, Object> json = generated.get("item") == null ? new LinkedHashMap<>()
        : Json.object(Template.eval(generated.get("item"), ctx));
    if (json == null) json = new LinkedHashMap<>();
    Json.put(json, resource.idField(), itemId);
    Scenario.TurnScript script = this.script;
    boolean events = !Boolean.FALSE.equals(generated.get("events")) && !historySteps.isEmpty();
    int count = events ? (int) (long) size : 0;
    int perTurn = events ? historySteps.size() : 1;
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
  private static @Nullable Long sizeOf(String idPattern, @Nullable String copySuffix, @Nullable String actual) {
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

  private Map<String, Object> generatedTurn(Item item, int t) {
    Map<String, Object> cached = item.cachedTurn(t);
    if (cached != null) return new LinkedHashMap<>(cached);
    Scenario.TurnScript script = this.script;
    int perTurn = historySteps.size();
    Template.Ctx ctx = itemCtx(ctx(new Rng(seed, item.hash(), t, 5), start.plusMillis(stepMillis * (long) t * perTurn)), item)
        .with("request", null);
    Map<String, Object> values = turnValues(script, ctx);
    item.cacheTurn(t, values);
    return new LinkedHashMap<>(values);
  }

  private Map<String, Object> generatedEvent(Item item, int i) {
    int perTurn = historySteps.size();
    int t = i / perTurn;
    Map<String, Object> step = historySteps.get(i % perTurn);
    Map<String, Object> turn = generatedTurn(item, t);
    turn.put("index", Json.Num.of(t));
    turn.put("input", List.of());
    turn.put("events", List.of());
    Template.Ctx ctx = itemCtx(ctx(new Rng(seed, item.hash(), i), start.plusMillis(stepMillis * i)), item)
        .with("request", null).with("turn", turn).with("eventId", eventId(item, i)).with("index", Json.Num.of(i));
    Object template = step.containsKey("event") ? step.get("event") : step.get("history");
    Map<String, Object> event = Json.object(Template.eval(template, ctx));
    return event == null ? new LinkedHashMap<>() : event;
  }

  private String eventFormat(Scenario.Resource resource) {
    String format = Json.string(resource.events(), "id.format");
    return format == null ? "evt_{index:016x}{hex:16}" : format;
  }

  private String eventId(Item item, int index) {
    Template.Ctx ctx = ctx(new Rng(seed, item.hash(), index, 7), start).with("index", Json.Num.of(index));
    return String.valueOf(Template.eval(eventFormat(item.resource()), ctx));
  }

  private int generatedIndex(Item item, String eventIdText, int count) {
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

  private void loadDocumented(Scenario.Resource resource) {
    for (Map<String, Object> documented : resource.documented()) {
      Item item = documentedItem(resource, documented);
      if (item != null) put(item);
    }
  }

  /** Returns the documented item, or null when the spec lacks the example it is made from. */
  private @Nullable Item documentedItem(Scenario.Resource resource, Map<String, Object> documented) {
    Map<String, String> key = new LinkedHashMap<>();
    Map<String, Object> params = Json.object(documented.get("parameters"));
    if (params != null) params.forEach((k, v) -> key.put(k, String.valueOf(v)));
    Template.Ctx ctx = ctx(new Rng(seed, Rng.hash(id + "/documented/" + resource.name())), start)
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

  private History documentedHistory(Scenario.Resource resource, Map<String, Object> views) {
    for (Map.Entry<String, Object> view : views.entrySet()) {
      Scenario.Binding binding = bindings.get(view.getKey());
      Spec.Op op = spec.operation(view.getKey());
      if (binding == null || op == null || !binding.verb().equals("history")) continue;
      Object value = Template.eval(view.getValue(), ctx(new Rng(seed), start));
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

  private IllegalArgumentException scenarioError(String at, String problem) {
    return new IllegalArgumentException(scenario.source() + ": " + at + " " + problem);
  }

  // ---------------------------------------------------------------- templates

  private Template.Ctx ctx(Rng rng, Instant clock) {
    return new Template.Ctx(rng, clock, this::phrases, this::exampleOf, this::fixture);
  }

  private List<String> phrases(String name) {
    List<String> list = phrases.get(name);
    if (list == null || list.isEmpty()) throw new IllegalArgumentException(id + ": no phrases named " + name);
    return list;
  }

  private @Nullable Object exampleOf(String reference) {
    String operationId = reference;
    String status = null;
    int colon = reference.indexOf(':');
    if (colon > 0) {
      operationId = reference.substring(0, colon);
      status = reference.substring(colon + 1);
    }
    Spec.Op op = spec.operation(operationId);
    if (op == null) return null;
    if ("request".equals(status)) return op.requestExample();
    return op.example(status == null ? op.successStatus() : Integer.parseInt(status));
  }

  private Template.Fixture fixture(String name) {
    return fixtures.computeIfAbsent(name, n -> {
      try (InputStream in = descriptor.openResource("sandbox/" + n)
          .orElseThrow(() -> new IllegalArgumentException(id + ": no fixture sandbox/" + n))) {
        return new Template.Fixture(n, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Override
  public String toString() {
    return "VendorServer(" + id + " at " + basePath() + ")";
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
