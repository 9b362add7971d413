package dev.sessionkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import dev.sessionkit.core.EventStream;
import dev.sessionkit.core.vendor.Arguments;
import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.core.vendor.ParameterDescriptor;
import dev.sessionkit.core.vendor.VendorDescriptor;
import dev.sessionkit.errors.ApiException;
import dev.sessionkit.errors.AuthenticationException;
import dev.sessionkit.errors.NotFoundException;
import dev.sessionkit.sandbox.Fault;
import dev.sessionkit.sandbox.FaultPlan;
import dev.sessionkit.sandbox.Sandbox;
import dev.sessionkit.sandbox.SandboxSession;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every vendor on the class path, served by the sandbox from its spec and scenario and called through
 * its own SDK (the generated descriptor's typed invocation): each operation of its spec answers a
 * documented status with a body the SDK's model reads; a paged operation pages to its end; a wrong
 * credential and an unknown session are the typed errors; faults are retried; the same seed gives
 * the same answers. A vendor whose spec gains operations is covered with no change here. Decoding is
 * lenient: a scenario may show values a spec keeps open (Piper documents one event type of a run).
 */
class SandboxEndToEndTest {
  private static final Moshi MOSHI = new Moshi.Builder().build();
  static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static List<VendorDescriptor> vendors() {
    List<VendorDescriptor> vendors = VendorDescriptor.installed();
    assertFalse(vendors.isEmpty(), "no vendor on the class path");
    return vendors;
  }

  private static Object client(VendorDescriptor vendor, Sandbox on) {
    return vendor.newClient(on.environment(), builder -> builder.maxRetries(2));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(VendorDescriptor vendor) {
    try {
      return (Map<String, Object>) MOSHI.adapter(Object.class).fromJson(vendor.spec());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Returns the operation's node in the spec. */
  @SuppressWarnings("unchecked")
  private static @Nullable Map<String, Object> operationNode(Map<String, Object> spec, OperationDescriptor op) {
    Map<String, Object> paths = (Map<String, Object>) spec.get("paths");
    for (Object item : paths.values()) {
      for (Object node : ((Map<String, Object>) item).values()) {
        if (node instanceof Map<?, ?> map && op.operationId().equals(map.get("operationId"))) return (Map<String, Object>) map;
      }
    }
    return null;
  }

  /** Returns the JSON of the operation's documented request example, or null. */
  @SuppressWarnings("unchecked")
  private static @Nullable String requestExample(Map<String, Object> spec, OperationDescriptor op) {
    Map<String, Object> node = operationNode(spec, op);
    Object body = node == null ? null : node.get("requestBody");
    if (body instanceof Map<?, ?> map && map.get("$ref") instanceof String ref) body = resolve(spec, ref);
    if (!(body instanceof Map<?, ?> requestBody) || !(requestBody.get("content") instanceof Map<?, ?> content)) return null;
    Object media = content.get("application/json");
    if (!(media instanceof Map<?, ?> json)) return null;
    Object example = json.get("example");
    if (example == null && json.get("examples") instanceof Map<?, ?> examples && !examples.isEmpty()) {
      Object first = examples.values().iterator().next();
      if (first instanceof Map<?, ?> m && m.get("$ref") instanceof String ref) first = resolve(spec, ref);
      example = first instanceof Map<?, ?> m ? m.get("value") : null;
    }
    return example == null ? null : MOSHI.adapter(Object.class).toJson(example);
  }

  @SuppressWarnings("unchecked")
  private static @Nullable Object resolve(Map<String, Object> spec, String ref) {
    Object node = spec;
    for (String step : ref.substring(2).split("/")) node = node instanceof Map<?, ?> m ? ((Map<String, Object>) m).get(step) : null;
    return node;
  }

  /**
   * The arguments of a call: path parameters from the session given (by name), else from the
   * parameter's example; required query parameters from their examples; the documented body.
   */
  private static Arguments arguments(Map<String, Object> spec, OperationDescriptor op, Map<String, String> known) {
    Arguments.Builder arguments = Arguments.builder();
    for (ParameterDescriptor p : op.parameters()) {
      String value = known.get(p.name());
      if (value == null && (p.location() == ParameterDescriptor.Location.PATH || p.required())) value = p.example();
      if (value != null && (p.location() == ParameterDescriptor.Location.PATH || p.required())) arguments.put(p.name(), value);
    }
    String body = requestExample(spec, op);
    if (body != null) arguments.body(body);
    return arguments.build();
  }

  private static Map<String, String> documentedParameters(String vendor) {
    Map<String, String> known = new HashMap<>();
    try {
      known.putAll(sandbox.documentedSession(vendor).parameters());
    } catch (IllegalArgumentException none) {
      // A vendor without a documented session: examples only.
    }
    return known;
  }

  @TestFactory
  Stream<DynamicTest> everyOperationOfEveryVendorAnswersThroughItsSdk() {
    List<DynamicTest> tests = new ArrayList<>();
    for (VendorDescriptor vendor : vendors()) {
      Map<String, Object> spec = spec(vendor);
      for (OperationDescriptor op : vendor.operations()) {
        tests.add(DynamicTest.dynamicTest(vendor.id() + " " + op.operationId(), () -> {
          // A read against the shared sandbox; an operation that changes state (a delete of the documented
          // session, say) against a sandbox of its own, so that no test sees another's changes.
          boolean reads = op.httpMethod().equals("GET") || op.httpMethod().equals("HEAD") || op.httpMethod().equals("OPTIONS");
          try (Sandbox own = reads ? null : Sandbox.start()) {
            Sandbox on = reads ? sandbox : own;
            Object client = client(vendor, on);
            Arguments arguments = arguments(spec, op, documentedParameters(vendor.id()));
            if (op.eventType().isPresent() && op.responseType().isEmpty()) {
              try (EventStream<?> stream = op.stream(client, arguments)) {
                Iterator<?> events = stream.iterator();
                if (events.hasNext()) assertNotNull(events.next());
              }
              return;
            }
            try {
              op.invoke(client, arguments);
            } catch (ApiException documented) {
              // An operation whose documented example names something the scenario does not hold may
              // answer one of its documented errors, in the vendor's envelope: still typed.
              assertTrue(documented.status() >= 400 && documented.status() < 500, documented.toString());
            }
          }
        }));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> aGeneratedSessionPagesToItsEndThroughEachPagedOperation() {
    List<DynamicTest> tests = new ArrayList<>();
    for (VendorDescriptor vendor : vendors()) {
      Map<String, Object> spec = spec(vendor);
      for (OperationDescriptor op : vendor.operations()) {
        // The vendor's history: the operation its transcript mapping reads a session's events with.
        if (op.itemType().isEmpty() || vendor.transcript().map(m -> !m.history().equals(op.operationId())).orElse(true)) {
          continue;
        }
        tests.add(DynamicTest.dynamicTest(vendor.id() + " " + op.operationId(), () -> {
          SandboxSession session;
          try {
            session = sandbox.session(vendor.id(), 130);
          } catch (IllegalArgumentException none) {
            return;
          }
          boolean sessionScoped = op.parameters().stream().anyMatch(p -> p.location() == ParameterDescriptor.Location.PATH
              && p.name().equals(session.parameters().keySet().stream().reduce((a, b) -> b).orElseThrow()));
          if (!sessionScoped) return;
          Object client = client(vendor, sandbox);
          int count = 0;
          for (Object item : op.iterate(client, arguments(spec, op, session.parameters()))) {
            assertNotNull(item);
            count++;
          }
          assertEquals(130, count, "every event of the generated session, page after page");
        }));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> aWrongCredentialAndAnUnknownSessionAreTypedErrorsInEachVendorsEnvelope() {
    List<DynamicTest> tests = new ArrayList<>();
    for (VendorDescriptor vendor : vendors()) {
      tests.add(DynamicTest.dynamicTest(vendor.id(), () -> {
        SandboxSession session;
        try {
          session = sandbox.session(vendor.id(), 3);
        } catch (IllegalArgumentException none) {
          return;
        }
        Map<String, Object> spec = spec(vendor);
        OperationDescriptor read = readOf(vendor, session);
        Map<String, String> env = new HashMap<>(sandbox.environment());
        env.put(vendor.credentialVariable().name(), "not-the-sandbox-credential");
        Object stranger = vendor.newClient(env, builder -> builder.maxRetries(0));
        assertInstanceOf(AuthenticationException.class,
            assertThrows(ApiException.class, () -> read.invoke(stranger, arguments(spec, read, session.parameters()))));
        Map<String, String> missing = new HashMap<>(session.parameters());
        String idName = new ArrayList<>(session.parameters().keySet()).get(session.parameters().size() - 1);
        missing.put(idName, session.id().matches("[0-9a-f]{8}-.*") ? "f" + session.id().substring(1) : session.id() + "_gone");
        NotFoundException notFound = assertThrows(NotFoundException.class,
            () -> read.invoke(client(vendor, sandbox), arguments(spec, read, missing)));
        assertEquals(404, notFound.status());
      }));
    }
    return tests.stream();
  }

  /** Returns an operation that reads the session: a GET whose path parameters are exactly the session's. */
  private static OperationDescriptor readOf(VendorDescriptor vendor, SandboxSession session) {
    for (OperationDescriptor op : vendor.operations()) {
      List<String> path = op.parameters().stream().filter(p -> p.location() == ParameterDescriptor.Location.PATH)
          .map(ParameterDescriptor::name).toList();
      if (op.httpMethod().equals("GET") && path.equals(new ArrayList<>(session.parameters().keySet()))) return op;
    }
    throw new AssertionError(vendor.id() + " has no operation that reads a session by " + session.parameters().keySet());
  }

  @TestFactory
  Stream<DynamicTest> faultsAreRetriedAndTheSameSeedGivesTheSameAnswers() {
    List<DynamicTest> tests = new ArrayList<>();
    for (VendorDescriptor vendor : vendors()) {
      tests.add(DynamicTest.dynamicTest(vendor.id(), () -> {
        SandboxSession session;
        try {
          session = sandbox.session(vendor.id(), 12);
        } catch (IllegalArgumentException none) {
          return;
        }
        Map<String, Object> spec = spec(vendor);
        OperationDescriptor read = readOf(vendor, session);
        FaultPlan plan = FaultPlan.builder().script(Fault.RATE_LIMITED, Fault.SERVER_ERROR, Fault.TRUNCATED_BODY)
            .rateLimited(0, Duration.ZERO).build();
        Object first;
        try (Sandbox faulty = Sandbox.builder().seed(9).faults(plan).start()) {
          first = read.invoke(vendor.newClient(faulty.environment(), b -> b.maxRetries(3)),
              arguments(spec, read, session.parameters()));
          assertEquals(4, faulty.requestCount(), "a 429, a 503 and a cut body, each retried");
        }
        try (Sandbox again = Sandbox.builder().seed(9).start()) {
          Object second = read.invoke(client(vendor, again), arguments(spec, read, session.parameters()));
          assertEquals(first, second, "the same seed, the same session");
        }
      }));
    }
    return tests.stream();
  }
}
