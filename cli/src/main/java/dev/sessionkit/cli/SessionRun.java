package dev.sessionkit.cli;

import dev.sessionkit.core.EventStream;
import dev.sessionkit.core.vendor.Arguments;
import dev.sessionkit.core.vendor.Lifecycle;
import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.core.vendor.TokenUsage;
import dev.sessionkit.core.vendor.TranscriptItem;
import dev.sessionkit.core.vendor.TranscriptMapping;
import dev.sessionkit.core.vendor.VendorDescriptor;
import dev.sessionkit.transcript.Totals;
import dev.sessionkit.transcript.TranscriptStream;
import dev.sessionkit.transcript.Transcripts;
import java.io.PrintStream;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One live session of a vendor, run the way its spec's {@code x-sessionkit-lifecycle} says: create
 * (or start) it, send the message, follow the agent's reply as it arrives (each event one line, read
 * through the vendor's transcript mapping, or one JSON line), read its history as a transcript, end
 * it. Every other input is the spec's example, overridable. What {@code sessionkit run} and the demo
 * run; nothing here knows a vendor.
 */
final class SessionRun {
  /** Longest event line in the readable form. */
  private static final int WIDTH = 120;

  private final VendorDescriptor vendor;
  private final Object client;
  private final Lifecycle lifecycle;
  private final SpecExamples spec;
  private final Map<String, String> with;
  private final PrintStream out;
  private final PrintStream info;
  private final boolean jsonl;
  private final Spinner spinner;
  private final boolean end;
  /** The values of the parameters the session's first steps took, for its later steps. */
  private final Map<String, String> used = new java.util.HashMap<>();

  /**
   * Prepares a run of {@code vendor} with {@code client}.
   *
   * @param with overrides: a parameter's name, or a JSON pointer into the request bodies, to its value
   * @param out where the events go
   * @param info where the steps, summary and usage go ({@code out}, or standard error with JSON lines)
   * @param jsonl each event as one JSON line on {@code out}, nothing else there
   * @param spinner shown while the agent works (or {@link Spinner#NONE})
   * @param end whether to end the session after the turn
   */
  SessionRun(VendorDescriptor vendor, Object client, Map<String, String> with, PrintStream out, PrintStream info,
      boolean jsonl, Spinner spinner, boolean end) {
    this.vendor = vendor;
    this.client = client;
    this.lifecycle = lifecycle(vendor);
    this.spec = SpecExamples.of(vendor);
    this.with = with;
    this.out = out;
    this.info = info;
    this.jsonl = jsonl;
    this.spinner = spinner;
    this.end = end;
  }

  /** Returns the vendor's lifecycle, or fails as bad usage when its spec declares none. */
  static Lifecycle lifecycle(VendorDescriptor vendor) {
    return vendor.lifecycle().orElseThrow(() -> new CliFailure(ExitCode.USAGE, vendor.label()
        + "'s spec declares no session lifecycle (x-sessionkit-lifecycle): run its operations one by one, "
        + "sessionkit " + vendor.id() + " --help"));
  }

  /** Whether the vendor's spec declares an operation that sends a session a message. */
  static boolean sends(VendorDescriptor vendor) {
    return vendor.lifecycle().flatMap(Lifecycle::send).isPresent();
  }

  /** Fails as bad usage, with what the vendor's API can do instead, when its spec declares no way to send a message. */
  static void requireSend(VendorDescriptor vendor) {
    Lifecycle lifecycle = lifecycle(vendor);
    if (lifecycle.send().isPresent()) return;
    List<String> can = new ArrayList<>();
    lifecycle.create().ifPresent(step -> can.add(command(vendor, step.operationId())));
    lifecycle.end().ifPresent(step -> can.add(command(vendor, step.operationId())));
    throw new CliFailure(ExitCode.USAGE, vendor.label() + "'s spec declares no operation that sends a session a message"
        + " (its x-sessionkit-lifecycle has no send), so there is no reply to follow"
        + (can.isEmpty() ? "" : "; its sessions are run with " + String.join(" and ", can)));
  }

  private static String command(VendorDescriptor vendor, String operationId) {
    OperationDescriptor operation = vendor.operation(operationId).orElseThrow();
    return "sessionkit " + vendor.id() + " " + Names.kebab(operation.service()) + " " + Names.kebab(operation.name());
  }

  /** What a run did. */
  record Result(String sessionId, int events, Totals totals, Long inputTokens, Long outputTokens) {}

  /**
   * Runs the session: {@code message} is sent when the lifecycle has a send (null: the example's
   * message); without one the session is created, read and ended.
   */
  Result run(String message) {
    String sessionId = null;
    Optional<Lifecycle.Step> create = lifecycle.create();
    if (create.isPresent()) {
      OperationDescriptor operation = operation(create.get());
      Object answer = operation.invoke(client, arguments(create.get(), null, null));
      Object tree = answer == null ? null : Json.tree(operation.responseType().orElseThrow(), answer);
      sessionId = find(tree, create.get().id());
      if (sessionId == null) {
        throw new CliFailure(ExitCode.DECODING, operation.operationId() + " answered no session id at " + create.get().id());
      }
      step("session " + sessionId + " created (" + operation.operationId() + ")");
    }

    int events = 0;
    Long input = null;
    Long output = null;
    Optional<Lifecycle.Step> send = lifecycle.send();
    if (send.isPresent()) {
      OperationDescriptor sendOperation = operation(send.get());
      Arguments sendArguments = arguments(send.get(), sessionId, message);
      String text = message != null ? message : exampleMessage(vendor).orElse("");
      EventStream<?> stream;
      OperationDescriptor streamed;
      if (lifecycle.follow().isPresent()) {
        sendOperation.invoke(client, sendArguments);
        step("sent: " + text.replaceAll("\\s+", " ").strip() + " (" + sendOperation.operationId() + ")");
        streamed = operation(lifecycle.follow().get());
        stream = streamed.stream(client, arguments(lifecycle.follow().get(), sessionId, null));
      } else {
        step("sending: " + text.replaceAll("\\s+", " ").strip() + " (" + sendOperation.operationId() + ", streamed)");
        streamed = sendOperation;
        stream = sendOperation.stream(client, sendArguments);
      }
      Type eventType = streamed.eventType().orElseThrow();
      TranscriptMapping mapping = vendor.transcript().orElse(null);
      long start = System.nanoTime();
      spinner.start();
      try (EventStream<?> events0 = stream) {
        boolean ended = false;
        for (Object event : events0) {
          events++;
          Object tree = Json.tree(eventType, event);
          if (sessionId == null && send.get().id() != null) sessionId = find(tree, send.get().id());
          List<TranscriptItem> items = mapping != null && mapping.reads(event) ? mapping.items(event) : null;
          if (items != null) {
            for (TranscriptItem item : items) {
              if (item.usage() != null) {
                if (item.usage().inputTokens() != null) input = sum(input, item.usage().inputTokens());
                if (item.usage().outputTokens() != null) output = sum(output, item.usage().outputTokens());
              }
              if (item.endsTurn()) ended = true;
            }
          }
          if (jsonl) {
            spinner.around(() -> {
              out.println(Json.write(tree));
              out.flush();
            });
          } else {
            double seconds = (System.nanoTime() - start) / 1e9;
            if (items == null) print(seconds, generic(tree));
            else for (TranscriptItem item : items) print(seconds, line(item));
          }
          if (ended) break;
        }
      } finally {
        spinner.stop();
      }
      step("the turn ended: " + events + (events == 1 ? " event" : " events") + " in "
          + String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - start) / 1e9));
    }

    if (sessionId == null) throw new CliFailure(ExitCode.DECODING, "the stream named no session id at " + send.orElseThrow().id());
    Totals totals = history(sessionId);
    if (input == null && output == null && totals != null && (totals.inputTokens() > 0 || totals.outputTokens() > 0)) {
      input = totals.inputTokens();
      output = totals.outputTokens();
    }
    if (send.isPresent()) {
      info.println(input == null && output == null ? "usage: the vendor reports no token usage for the turn"
          : "usage: " + (input == null ? "?" : input) + " input tokens, " + (output == null ? "?" : output) + " output tokens");
    }
    if (end && lifecycle.end().isPresent()) {
      OperationDescriptor operation = operation(lifecycle.end().get());
      operation.invoke(client, arguments(lifecycle.end().get(), sessionId, null));
      step("session " + sessionId + " ended (" + operation.operationId() + ")");
    }
    info.flush();
    return new Result(sessionId, events, totals, input, output);
  }

  /** Reads the session's history as a transcript and writes its summary; null when the vendor has no transcript. */
  private Totals history(String sessionId) {
    TranscriptMapping mapping = vendor.transcript().orElse(null);
    if (mapping == null) return null;
    OperationDescriptor history = vendor.operation(mapping.history()).orElseThrow();
    Arguments arguments = arguments(Lifecycle.Step.of(history.operationId()), null, null, mapping.sessionParameter(), sessionId);
    info.println("history (" + history.operationId() + "), as a transcript:");
    try (TranscriptStream transcript = Transcripts.of(vendor).read(client, arguments)) {
      TranscriptCommand.summary(info, transcript, Integer.MAX_VALUE);
      return transcript.totals();
    }
  }

  private void step(String text) {
    spinner.around(() -> {
      info.println("* " + text);
      info.flush();
    });
  }

  private void print(double seconds, String line) {
    String text = String.format(Locale.ROOT, "%5.1fs  %s", seconds, line);
    spinner.around(() -> {
      out.println(text.length() > WIDTH ? text.substring(0, WIDTH - 3) + "..." : text);
      out.flush();
    });
  }

  private OperationDescriptor operation(Lifecycle.Step step) {
    return vendor.operation(step.operationId()).orElseThrow();
  }

  private Arguments arguments(Lifecycle.Step step, String sessionId, String message) {
    return arguments(step, sessionId, message, lifecycle.sessionParameter(), sessionId);
  }

  /**
   * The call of a step: the spec's examples, the body's omitted members left out, the message at its
   * pointer, the session's id as its parameter, then the overrides.
   */
  private Arguments arguments(Lifecycle.Step step, String sessionId, String message, String sessionParameter,
      String sessionValue) {
    OperationDescriptor operation = operation(step);
    Examples examples = Examples.of(vendor, operation, spec).orElseThrow(() -> new CliFailure(ExitCode.USAGE,
        operation.operationId() + " has a parameter or body with no example in " + vendor.label() + "'s spec"));
    Arguments given = examples.arguments();
    Arguments.Builder builder = Arguments.builder();
    // The required parameters' examples: an optional one's (a cursor, a Last-Event-ID) names another session's data.
    List<String> names = new ArrayList<>();
    for (var parameter : operation.parameters()) {
      if ((parameter.required() && given.names().contains(parameter.name())) || with.containsKey(parameter.name())
          || (sessionValue != null && parameter.name().equals(sessionParameter))) {
        names.add(parameter.name());
      }
    }
    for (String name : names) {
      if (sessionValue != null && name.equals(sessionParameter)) builder.put(name, sessionValue);
      else if (with.containsKey(name)) builder.put(name, with.get(name));
      else if (used.containsKey(name)) builder.put(name, used.get(name));
      else {
        for (String value : given.strings(name)) builder.put(name, value);
        // The session's later steps name the same agent or organization as its first (their examples may differ).
        if (given.strings(name).size() == 1) used.put(name, given.string(name));
      }
    }
    if (given.body() != null) {
      Object body = Json.parse(given.body());
      for (String pointer : step.omit()) remove(body, pointer);
      if (step.message() != null && message != null) set(body, step.message(), message, true);
      for (Map.Entry<String, String> entry : with.entrySet()) {
        if (entry.getKey().startsWith("/")) set(body, entry.getKey(), entry.getValue(), false);
      }
      builder.body(Json.write(body));
    }
    return builder.build();
  }

  /** The message text of the send's body example (what the demo sends). */
  static Optional<String> exampleMessage(VendorDescriptor vendor) {
    Optional<Lifecycle.Step> send = vendor.lifecycle().flatMap(Lifecycle::send);
    if (send.isEmpty() || send.get().message() == null) return Optional.empty();
    OperationDescriptor operation = vendor.operation(send.get().operationId()).orElseThrow();
    return SpecExamples.of(vendor).body(operation).map(Json::parse).map(body -> at(body, send.get().message()))
        .filter(String.class::isInstance).map(String.class::cast);
  }

  private static Object at(Object tree, String pointer) {
    Object node = tree;
    for (String token : tokens(pointer)) {
      if (node instanceof Map<?, ?> map) node = map.get(token);
      else if (node instanceof List<?> list && token.matches("\\d+") && Integer.parseInt(token) < list.size()) {
        node = list.get(Integer.parseInt(token));
      } else return null;
    }
    return node;
  }

  private static List<String> tokens(String pointer) {
    List<String> tokens = new ArrayList<>();
    for (String token : pointer.substring(1).split("/", -1)) tokens.add(token.replace("~1", "/").replace("~0", "~"));
    return tokens;
  }

  private static void remove(Object tree, String pointer) {
    List<String> tokens = tokens(pointer);
    Object parent = tokens.size() == 1 ? tree : at(tree, pointer.substring(0, pointer.lastIndexOf('/')));
    if (parent instanceof Map<?, ?> map) map.remove(tokens.get(tokens.size() - 1));
  }

  /**
   * Sets a string at a pointer: the message at its place (its parent must exist, else bad usage), an
   * override only where the body's example has the member (it is the body of another step otherwise).
   */
  @SuppressWarnings("unchecked")
  private void set(Object tree, String pointer, String value, boolean required) {
    List<String> tokens = tokens(pointer);
    Object parent = tokens.size() == 1 ? tree : at(tree, pointer.substring(0, pointer.lastIndexOf('/')));
    String last = tokens.get(tokens.size() - 1);
    if (parent instanceof Map<?, ?> map && (required || map.containsKey(last))) ((Map<String, Object>) map).put(last, value);
    else if (parent instanceof List<?> list && last.matches("\\d+") && Integer.parseInt(last) < list.size()) {
      ((List<Object>) list).set(Integer.parseInt(last), value);
    } else if (required) {
      throw new CliFailure(ExitCode.USAGE, vendor.label() + "'s spec example has nothing at " + pointer);
    }
  }

  /** The value at a dotted path of a JSON tree, as text; null when absent. */
  private static String find(Object tree, String path) {
    Object node = tree;
    for (String name : path.split("\\.")) {
      if (!(node instanceof Map<?, ?> map)) return null;
      node = map.get(name);
    }
    return node == null || node instanceof Map || node instanceof List ? null : Json.cell(node);
  }

  private static Long sum(Long a, long b) {
    return a == null ? b : a + b;
  }

  /** One event the transcript mapping does not read: its type, then its other members, compactly. */
  static String generic(Object tree) {
    if (!(tree instanceof Map<?, ?> map)) return "event: " + Json.write(tree);
    String type = null;
    for (String key : List.of("type", "event_type", "event", "kind")) {
      if (map.get(key) instanceof String s) {
        type = s;
        break;
      }
    }
    Map<Object, Object> rest = new java.util.LinkedHashMap<>(map);
    for (String key : List.of("type", "event_type")) rest.remove(key);
    rest.values().removeIf(value -> value == null);
    // Ids and times say nothing to a reader following the turn; the JSON lines keep them.
    rest.keySet().removeIf(key -> key.equals("id") || String.valueOf(key).endsWith("_id") || String.valueOf(key).endsWith("_at"));
    return (type == null ? "event" : type) + ": " + Json.write(rest);
  }

  /** One transcript item as a readable line: its kind, then what it says. */
  static String line(TranscriptItem item) {
    String detail = switch (item.kind()) {
      case USER_MESSAGE, AGENT_MESSAGE -> item.text();
      case THINKING -> item.text() == null ? "(the vendor gives no text)" : item.text();
      case TOOL_CALL -> item.name() + (item.arguments() == null ? "" : " " + item.arguments().json());
      case TOOL_RESULT -> (item.callId() == null ? "" : item.callId() + " ") + (item.failed() ? "failed " : "")
          + (item.output() == null ? "" : item.output().json());
      case ERROR -> (item.type() == null ? "" : item.type() + ": ") + item.text();
      case STATUS -> item.status() + (item.reason() == null ? "" : " (" + item.reason() + ")") + usage(item.usage());
      case MODEL_REQUEST -> (item.model() == null ? "request ended" : item.model())
          + (item.latency() == null ? "" : " " + item.latency().toMillis() + " ms") + usage(item.usage());
      case MODEL_REQUEST_START -> "request started";
      default -> (item.type() == null ? "" : item.type()) + (item.raw() == null ? "" : " " + item.raw().json());
    };
    String text = detail == null ? "" : detail;
    return label(item.kind()) + " " + text.replaceAll("\\s+", " ").strip();
  }

  private static String usage(TokenUsage usage) {
    if (usage == null) return "";
    return " [" + (usage.inputTokens() == null ? "?" : usage.inputTokens()) + " in / "
        + (usage.outputTokens() == null ? "?" : usage.outputTokens()) + " out tokens]";
  }

  private static String label(TranscriptItem.Kind kind) {
    String name = switch (kind) {
      case USER_MESSAGE -> "user";
      case AGENT_MESSAGE -> "agent";
      case THINKING -> "thinking";
      case TOOL_CALL -> "tool call";
      case TOOL_RESULT -> "tool result";
      case ERROR -> "error";
      case STATUS -> "status";
      case MODEL_REQUEST, MODEL_REQUEST_START -> "model";
      default -> kind.name().toLowerCase(Locale.ROOT);
    };
    return String.format(Locale.ROOT, "%-11s", name);
  }
}
