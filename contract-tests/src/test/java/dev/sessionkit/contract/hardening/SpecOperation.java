package dev.sessionkit.contract.hardening;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sessionkit.core.ClientBuilder;
import dev.sessionkit.core.EventStream;
import dev.sessionkit.core.vendor.Arguments;
import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.core.vendor.ParameterDescriptor;
import dev.sessionkit.core.vendor.VendorDescriptor;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One operation of an installed vendor, found through its {@link VendorDescriptor} (no list to edit
 * when a vendor or an operation is added), with what its bundled spec ({@link VendorDescriptor#spec()})
 * documents for it: the arguments made of the parameters' examples and the request body's example,
 * the path the call must request, its success (status and example body, or the frames of its stream)
 * and its documented error answers with their examples in the vendor's envelope.
 *
 * <p>An operation that answers both ways (Vectara's input: JSON, or a stream when the body asks) is
 * two {@code SpecOperation}s: one {@link Call#INVOKE}, one {@link Call#STREAM}.
 */
final class SpecOperation {
  /** How the operation is called through its descriptor. */
  enum Call {
    /** {@link OperationDescriptor#invoke}: one decoded value. */
    INVOKE,
    /** {@link OperationDescriptor#stream}: the events, read to the stream's end or failure. */
    STREAM
  }

  /** A documented answer: its status and its example body (JSON), or null when the spec shows none. */
  record Answer(int status, @Nullable String body) {}

  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");
  private static final Map<String, OpenAPI> SPECS = new ConcurrentHashMap<>();

  final VendorDescriptor vendor;
  final OperationDescriptor descriptor;
  final Call call;
  final Arguments arguments;
  /** The request path the call must send (path parameters filled in, percent-encoded), from {@code /} on. */
  final String path;
  final Answer success;
  /** For a stream: the data of each frame the spec exemplifies (at least two), as JSON. */
  final List<String> frames;
  /** For a stream: the x-sessionkit-stream extension (event-name, ends, resume). */
  final Map<?, ?> streamRules;
  /** The documented error answers (4xx, 5xx) that have an example body. */
  final List<Answer> errors;
  /** A documented error body of the vendor (any operation's): its envelope, for answers an operation does not exemplify. */
  @Nullable String vendorErrorBody;

  private SpecOperation(VendorDescriptor vendor, OperationDescriptor descriptor, Call call, Arguments arguments,
      String path, Answer success, List<String> frames, Map<?, ?> streamRules, List<Answer> errors) {
    this.vendor = vendor;
    this.descriptor = descriptor;
    this.call = call;
    this.arguments = arguments;
    this.path = path;
    this.success = success;
    this.frames = frames;
    this.streamRules = streamRules;
    this.errors = errors;
  }

  /** Every operation of every installed vendor, each way it can be called. */
  static List<SpecOperation> all() {
    List<SpecOperation> all = new ArrayList<>();
    for (VendorDescriptor vendor : VendorDescriptor.installed()) {
      OpenAPI api = SPECS.computeIfAbsent(vendor.id(), id -> parse(vendor.spec()));
      List<SpecOperation> ofVendor = new ArrayList<>();
      for (OperationDescriptor descriptor : vendor.operations()) {
        Operation operation = find(api, descriptor.operationId());
        if (operation == null) throw new IllegalStateException(vendor.id() + ": no " + descriptor.operationId() + " in its spec");
        ofVendor.addAll(of(vendor, descriptor, operation));
      }
      String envelope = ofVendor.stream().flatMap(op -> op.errors.stream()).filter(a -> a.status() >= 500)
          .findFirst().or(() -> ofVendor.stream().flatMap(op -> op.errors.stream()).findFirst())
          .map(Answer::body).orElse(null);
      ofVendor.forEach(op -> op.vendorErrorBody = envelope);
      all.addAll(ofVendor);
    }
    return all;
  }

  private static OpenAPI parse(String json) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    return new OpenAPIParser().readContents(json, null, options).getOpenAPI();
  }

  private static @Nullable Operation find(OpenAPI api, String operationId) {
    for (PathItem item : api.getPaths().values()) {
      for (Operation operation : item.readOperations()) {
        if (operationId.equals(operation.getOperationId())) return operation;
      }
    }
    return null;
  }

  private static List<SpecOperation> of(VendorDescriptor vendor, OperationDescriptor descriptor, Operation operation) {
    Arguments.Builder arguments = Arguments.builder();
    String path = descriptor.path();
    Map<String, Parameter> specParameters = new LinkedHashMap<>();
    if (operation.getParameters() != null) operation.getParameters().forEach(p -> specParameters.put(p.getName(), p));
    for (ParameterDescriptor parameter : descriptor.parameters()) {
      String example = parameter.example();
      if (example == null && specParameters.containsKey(parameter.name())) {
        Object value = example(specParameters.get(parameter.name()).getExample(),
            specParameters.get(parameter.name()).getExamples(), specParameters.get(parameter.name()).getSchema());
        if (value != null) example = String.valueOf(value);
      }
      boolean needed = parameter.location() == ParameterDescriptor.Location.PATH || parameter.required();
      // Optional headers (timeouts, Last-Event-ID) change how the call behaves: left to their defaults.
      boolean optionalHeader = !needed && parameter.location() == ParameterDescriptor.Location.HEADER;
      if (example == null) {
        if (!needed) continue;
        example = parameter.kind() == ParameterDescriptor.Kind.INTEGER || parameter.kind() == ParameterDescriptor.Kind.NUMBER
            ? "1" : parameter.kind() == ParameterDescriptor.Kind.BOOLEAN ? "true" : "example_" + parameter.name();
      }
      if (optionalHeader) continue;
      arguments.put(parameter.name(), example);
      if (parameter.location() == ParameterDescriptor.Location.PATH) {
        path = path.replace("{" + parameter.name() + "}", URLEncoder.encode(example, StandardCharsets.UTF_8)
            .replace("+", "%20"));
      }
    }
    if (descriptor.bodyType().isPresent()) {
      String body = null;
      if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
        for (Map.Entry<String, MediaType> content : operation.getRequestBody().getContent().entrySet()) {
          if (!content.getKey().startsWith("application/json")) continue;
          Object value = example(content.getValue().getExample(), content.getValue().getExamples(),
              content.getValue().getSchema());
          if (value != null) body = write(value);
        }
      }
      if (body == null && descriptor.bodyRequired()) body = "{}";
      if (body != null) arguments.body(body);
    }
    String target = path.startsWith("/") ? path : "/" + path;

    Answer json = null;
    Answer stream = null;
    List<String> frames = new ArrayList<>();
    List<Answer> errors = new ArrayList<>();
    for (Map.Entry<String, ApiResponse> entry : operation.getResponses().entrySet()) {
      if (!entry.getKey().matches("\\d{3}")) continue;
      int status = Integer.parseInt(entry.getKey());
      ApiResponse response = entry.getValue();
      Map<String, MediaType> content = response.getContent() == null ? Map.of() : response.getContent();
      if (status >= 200 && status < 300) {
        if (content.isEmpty() && json == null) json = new Answer(status, null);
        for (Map.Entry<String, MediaType> media : content.entrySet()) {
          if (media.getKey().startsWith("text/event-stream")) {
            stream = new Answer(status, null);
            if (media.getValue().getExamples() != null) {
              for (Example example : media.getValue().getExamples().values()) {
                if (example.getValue() != null) frames.add(write(example.getValue()));
              }
            } else if (media.getValue().getExample() != null) {
              frames.add(write(media.getValue().getExample()));
            }
          } else if (json == null || json.body() == null) {
            Object value = example(media.getValue().getExample(), media.getValue().getExamples(), null);
            json = new Answer(status, value == null ? null : write(value));
          }
        }
      } else if (status >= 400) {
        for (Map.Entry<String, MediaType> media : content.entrySet()) {
          if (!media.getKey().contains("json")) continue;
          Object value = example(media.getValue().getExample(), media.getValue().getExamples(), null);
          // A documented error whose body has a schema but no example: a body made from the schema.
          if (value == null && media.getValue().getSchema() != null) value = sample(media.getValue().getSchema(), "error", 0);
          if (value != null) errors.add(new Answer(status, write(value)));
        }
      }
    }
    Map<?, ?> rules = operation.getExtensions() != null && operation.getExtensions().get("x-sessionkit-stream") instanceof Map<?, ?> m
        ? m : Map.of();
    List<SpecOperation> calls = new ArrayList<>();
    Arguments built = arguments.build();
    if (descriptor.responseType().isPresent() || descriptor.eventType().isEmpty()) {
      Answer success = json != null ? json : new Answer(200, null);
      calls.add(new SpecOperation(vendor, descriptor, Call.INVOKE, built, target, success, List.of(), rules, errors));
    }
    if (descriptor.eventType().isPresent()) {
      // The frames that carry events: an exemplified end or error frame ends the stream, so it is left out
      // (the end event is sent after the frames; error frames have their own tests).
      Set<String> closing = new java.util.HashSet<>();
      if (rules.get("ends") instanceof List<?> ends) ends.forEach(e -> closing.add(String.valueOf(e)));
      if (rules.get("errors") instanceof Map<?, ?> errorRules && errorRules.get("names") instanceof List<?> names) {
        names.forEach(e -> closing.add(String.valueOf(e)));
      }
      frames.removeIf(frame -> closing.contains(stringMember(frame, "type")));
      List<String> data = framesOf(frames);
      calls.add(new SpecOperation(vendor, descriptor, Call.STREAM, built, target,
          stream != null ? stream : new Answer(200, null), data, rules, errors));
    }
    return calls;
  }

  /** The exemplified frames, at least two (a lone example is sent twice, its id made unique). */
  private static List<String> framesOf(List<String> examples) {
    List<String> frames = new ArrayList<>(examples);
    if (frames.isEmpty()) {
      // An undocumented frame shape (Piper's free-form data): any JSON.
      frames.add("{\"frame\":1,\"text\":\"first\"}");
      frames.add("{\"frame\":2,\"text\":\"second\"}");
    } else if (frames.size() == 1) {
      String only = frames.get(0);
      String id = stringMember(only, "id");
      frames.add(id == null ? only : only.replace("\"" + id + "\"", "\"" + id + "2\""));
    }
    return List.copyOf(frames);
  }

  /** Returns the top-level string member {@code name} of a JSON object, or null. */
  static @Nullable String stringMember(String json, String name) {
    try {
      Object node = Json.mapper().readValue(json, Object.class);
      return node instanceof Map<?, ?> map && map.get(name) instanceof String s ? s : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static @Nullable Object example(@Nullable Object example, @Nullable Map<String, Example> examples,
      @Nullable Schema<?> schema) {
    if (example != null) return example;
    if (examples != null) {
      for (Example named : examples.values()) if (named.getValue() != null) return named.getValue();
    }
    if (schema == null) return null;
    if (schema.getExample() != null) return schema.getExample();
    if (schema.getDefault() != null) return schema.getDefault();
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) return schema.getEnum().get(0);
    return null;
  }

  /** A value of {@code schema}: its example, default or first enum value, else one made of its properties. */
  static @Nullable Object sample(Schema<?> schema, String name, int depth) {
    if (schema.getExample() != null) return schema.getExample();
    if (schema.getDefault() != null) return schema.getDefault();
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) return schema.getEnum().get(0);
    if (depth > 6) return null;
    String type = schema.getType() != null ? schema.getType()
        : schema.getTypes() != null && !schema.getTypes().isEmpty() ? schema.getTypes().iterator().next()
        : schema.getProperties() != null ? "object" : null;
    if (type == null) return null;
    switch (type) {
      case "object" -> {
        Map<String, Object> object = new LinkedHashMap<>();
        if (schema.getProperties() != null) {
          schema.getProperties().forEach((key, property) -> {
            Object value = sample(property, key, depth + 1);
            if (value != null) object.put(key, value);
          });
        }
        return object;
      }
      case "array" -> {
        Object item = schema.getItems() == null ? null : sample(schema.getItems(), name, depth + 1);
        return item == null ? List.of() : List.of(item);
      }
      case "integer", "number" -> {
        return 1;
      }
      case "boolean" -> {
        return true;
      }
      default -> {
        return "the " + name + " the server sent";
      }
    }
  }

  private static String write(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the call may be sent again as the SDK sends it: an idempotent method, or the vendor's idempotency key on it. */
  boolean repeatable(ScriptedServer.Received first) {
    if (IDEMPOTENT.contains(descriptor.httpMethod())) return true;
    String header = vendor.profile().idempotencyHeader();
    return header != null && first.header(header) != null;
  }

  /** The stream's end event name, or null when the stream has none. */
  @Nullable String endEvent() {
    return streamRules.get("ends") instanceof List<?> ends && !ends.isEmpty() ? String.valueOf(ends.get(0)) : null;
  }

  /** Whether the stream names its events by a data property ({@code event-name: data.type}) instead of {@code event:}. */
  boolean namedByData() {
    return streamRules.get("event-name") != null;
  }

  /**
   * Why the SDK refuses the spec's request body example (read strictly as the operation's body type,
   * as {@link OperationDescriptor#invoke} reads it), or null when it reads it.
   */
  @Nullable String refusedBody() {
    if (arguments.body() == null || descriptor.bodyType().isEmpty()) return null;
    try {
      arguments.body(descriptor.bodyType().get());
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** The request body member that asks for the stream ({@code stream_response}), or null. */
  @Nullable String streamSwitch() {
    return call == Call.STREAM && streamRules.get("condition") instanceof String condition ? condition : null;
  }

  /** The stream switch a JSON call of an operation that also streams sends {@code false}, or null. */
  @Nullable String jsonSwitch() {
    return call != Call.STREAM && streamRules != null && streamRules.get("condition") instanceof String condition
        ? condition : null;
  }

  /** Whether the stream resumes with {@code Last-Event-ID}. */
  boolean resumesWithLastEventId() {
    return "last-event-id".equals(streamRules.get("resume"));
  }

  /** Whether the stream is over when the server ends the response (no end event, no resume). */
  boolean endsWithTheResponse() {
    return endEvent() == null && !resumesWithLastEventId();
  }

  /** The frames as the server sends them: {@code id:} (when resumable), {@code event:} (when named so), {@code data:}. */
  static String frame(SpecOperation op, String data) {
    StringBuilder frame = new StringBuilder();
    String id = stringMember(data, "id");
    if (op.resumesWithLastEventId() && id != null) frame.append("id: ").append(id).append('\n');
    String type = stringMember(data, "type");
    if (!op.namedByData() && type != null) frame.append("event: ").append(type).append('\n');
    return frame.append("data: ").append(data).append("\n\n").toString();
  }

  /** Every frame, then the end event when the stream has one. */
  String streamBody() {
    StringBuilder body = new StringBuilder();
    for (String data : frames) body.append(frame(this, data));
    String end = endEvent();
    if (end != null) body.append(frame(this, "{\"type\":\"" + end + "\"}"));
    return body.toString();
  }

  /** A client of the vendor pointed at {@code baseUrl}, then {@code settings}. */
  Object client(String baseUrl, Consumer<ClientBuilder<?, ?>> settings) {
    return vendor.newClient(Map.of(), builder -> {
      builder.token("sk-every-operation").baseUrl(baseUrl);
      settings.accept(builder);
    });
  }

  /** Calls the operation once: its value (INVOKE), or the events read to the end of the stream (STREAM). */
  Object callOnce(Object client, int maxEvents) {
    if (call == Call.INVOKE) return descriptor.invoke(client, arguments);
    List<Object> events = new ArrayList<>();
    try (EventStream<?> stream = descriptor.stream(client, arguments)) {
      for (Object event : stream) {
        events.add(event);
        if (events.size() >= maxEvents) break;
      }
    } catch (RuntimeException e) {
      throw new StreamFailure(events, e);
    }
    return events;
  }

  /** A stream that failed after delivering {@code events}. */
  static final class StreamFailure extends RuntimeException {
    final List<Object> events;

    StreamFailure(List<Object> events, RuntimeException cause) {
      super(cause);
      this.events = List.copyOf(events);
    }
  }

  @Override
  public String toString() {
    return vendor.id() + " " + descriptor.operationId() + (call == Call.STREAM ? " (stream)" : "");
  }
}
