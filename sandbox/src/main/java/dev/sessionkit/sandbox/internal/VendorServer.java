package dev.sessionkit.sandbox.internal;

import dev.sessionkit.core.vendor.EnvironmentVariable;
import dev.sessionkit.core.vendor.VendorDescriptor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One vendor as the sandbox plays it, from its spec and scenario: routes a request to its
 * operation, checks the credential and the parameters, and answers from the stored resources, the
 * scripted agent, the documented fixtures or the spec's examples. Thread-safe.
 */
public final class VendorServer {

  final VendorDescriptor descriptor;
  final String id;
  final Spec spec;
  final Scenario scenario;
  final Errors errors;
  final String credential;
  final long seed;
  final double pace;
  final long heartbeatMillis;
  final ScheduledExecutorService scheduler;
  final List<Spec.Op> routes;
  final Map<String, Scenario.Binding> bindings = new HashMap<>();
  final Map<String, Map<List<String>, Item>> store = new ConcurrentHashMap<>();
  final Set<String> removed = ConcurrentHashMap.newKeySet();
  /** The answers to requests with an idempotency key, the latest {@value #KEPT_KEYS} kept (a real API keeps them a day). */
  final Map<String, Cached> idempotent = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
    private static final long serialVersionUID = 1;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
      return size() > KEPT_KEYS;
    }
  });
  private static final int KEPT_KEYS = 10_000;
  final Map<String, List<String>> phrases = new HashMap<>();
  final AtomicLong ticks = new AtomicLong();
  final Instant start;
  final long stepMillis;
  final @Nullable String idempotencyHeader;
  final Scenario.@Nullable TurnScript script;
  /** The turn's steps that write the history, in order: what a generated history repeats. */
  final List<Map<String, Object>> historySteps;
  volatile boolean closed;

  private record Cached(String fingerprint, Reply reply) {}

  final Checks checks = new Checks(this);
  final Contexts contexts = new Contexts(this);
  final Resources resources = new Resources(this);
  final Listings listings = new Listings(this);
  final Agent agent = new Agent(this);
  final Streams streams = new Streams(this);
  final Items items = new Items(this);
  final Generator generator = new Generator(this);

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
        Scenario.Binding inferred = Bindings.infer(scenario, op);
        if (inferred != null) bindings.put(op.id(), inferred);
      }
    }
    this.script = scenario.turn() == null ? null : scenario.turn().only(step -> Bindings.applies(spec, scenario, step));
    this.historySteps = script == null ? List.of()
        : script.steps().stream().filter(step -> step.containsKey("event") || step.containsKey("history")).toList();
    for (Scenario.Resource resource : scenario.resources().values()) store.put(resource.name(), new LinkedHashMap<>());
    for (Scenario.Resource resource : scenario.resources().values()) items.loadDocumented(resource);
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
    return items.generatedSession(size, copy);
  }

  /** Returns the documented sessions (the resource named {@code session}). */
  public List<SessionKey> documentedSessions() {
    return items.documentedSessions();
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
    if (!checks.authorized(op, request)) return errors.error(op, 401, null, null, null, request.number());
    Map<String, String> query = Checks.query(request);
    Reply refused = checks.validate(op, params, query, request);
    if (refused != null) return refused;
    Object body = null;
    if (request.body().length > 0 && op.hasBody()) {
      try {
        body = Json.parse(request.body());
      } catch (IllegalArgumentException e) {
        return errors.invalid(op, checks.invalidStatus(), "body", "body", "json", null, Map.of(), request.number());
      }
    } else if (op.bodyRequired()) {
      return errors.invalid(op, checks.invalidStatus(), "body", "body", "required", null, Map.of(), request.number());
    }
    Reply missing = checks.requiredBodyMembers(op, body, request.number());
    if (missing != null) return missing;
    String key = checks.idempotencyKey(op, request);
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

  // ---------------------------------------------------------------- behaviours

  private Reply dispatch(Spec.Op op, Map<String, String> params, Map<String, String> query, @Nullable Object body,
      Request request) {
    Scenario.Binding binding = bindings.get(op.id());
    if (binding == null || binding.verb().equals("example")) return listings.example(op, binding, params, query, body, request);
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
      case "create" -> resources.create(call);
      case "list" -> resources.list(call);
      case "get", "view" -> resources.view(call);
      case "update" -> resources.update(call);
      case "delete" -> resources.delete(call);
      case "action" -> resources.action(call);
      case "history" -> listings.history(call);
      case "send" -> agent.send(call);
      case "stream" -> streams.stream(call);
      case "event-get", "event-delete", "event-action" -> listings.event(call);
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
    if (items.find(parent, key) != null) return null;
    String what = Character.toUpperCase(parentName.charAt(0)) + parentName.substring(1);
    return errors.error(call.op(), 404, null, null, key.get(parent.idParam()), what, call.request().number());
  }

  Instant now() {
    return start.plusMillis(stepMillis * ticks.get());
  }

  Instant tick() {
    return start.plusMillis(stepMillis * ticks.incrementAndGet());
  }

  private IllegalArgumentException scenarioError(String at, String problem) {
    return new IllegalArgumentException(scenario.source() + ": " + at + " " + problem);
  }

  @Override
  public String toString() {
    return "VendorServer(" + id + " at " + basePath() + ")";
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
