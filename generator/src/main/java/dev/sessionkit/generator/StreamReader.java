package dev.sessionkit.generator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.swagger.v3.oas.models.media.Schema;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenProperty;

/**
 * Reads an operation's {@code x-sessionkit-stream}: how its {@code text/event-stream} names, skips,
 * ends and reports events and how it resumes. Every key is checked against the operation: the
 * resume field must be a body property or an optional query parameter, the condition a boolean body
 * property, and the names distinct.
 *
 * <pre>{@code
 * x-sessionkit-stream:
 *   method: follow                     # optional, default stream<Method>
 *   event-name: data.type              # optional: event (the SSE field, the default) or data.<property>
 *   heartbeats: [heartbeat]            # optional
 *   ends: [end]                        # optional
 *   errors: {names: [error], message: messages, code: code}   # optional; message/code default to x-sessionkit-errors
 *   resume: last-event-id              # optional: none (default), last-event-id, or {field: since, cursor: [event_id, id]}
 *   condition: stream_response         # optional: the boolean body property that asks for the stream
 * }</pre>
 */
// swagger-models' schema API is raw (List<Schema>).
@SuppressWarnings({"rawtypes", "unchecked"})
final class StreamReader {
  private final Spec spec;
  private final Map<String, CodegenModel> models;

  StreamReader(Spec spec, Map<String, CodegenModel> models) {
    this.spec = spec;
    this.models = models;
  }

  /** What the stream reader needs of the operation. */
  record Operation(String operationId, String name, String upperName, String request, String summary,
      List<OperationModel.Argument> arguments, BodyModel body, ParamsModel params, ResponseReader.Answer answer,
      PaginationModel paging, boolean resendable) {}

  /** Reads the stream of {@code operation}, or returns null when it has none. */
  StreamModel read(Extension extension, Operation operation) {
    ResponseReader.Answer answer = operation.answer();
    if (extension == null) {
      if (answer.stream() != null) {
        throw spec.error(answer.stream(), "declare how this live stream reads with x-sessionkit-stream on the operation");
      }
      return null;
    }
    extension.object("method", "event-name", "heartbeats", "ends", "errors", "resume", "condition");
    if (answer.stream() == null) throw extension.error("the operation answers no text/event-stream");
    String eventType = answer.eventType();
    if (!Text.isIdentifier(eventType)) {
      throw spec.error(answer.stream().then("schema"), "a stream's events must be a named schema (got " + eventType + ")");
    }
    String method = extension.get("method") == null ? "stream" + operation.upperName() : extension.string("method");
    if (!Text.isIdentifier(method)) throw extension.require("method").error("must be a Java method name (got " + method + ")");
    if (operation.paging() != null && method.equals("stream" + operation.upperName())) {
      throw extension.error(method + " is also the paged stream of every item of " + operation.name()
          + "; name the live stream with method");
    }
    String nameProperty = null;
    Extension eventName = extension.get("event-name");
    if (eventName != null) {
      String value = eventName.string();
      if (value.startsWith("data.") && value.length() > 5 && !value.substring(5).contains(".")) {
        nameProperty = Text.javaString(value.substring(5));
      } else if (!value.equals("event")) {
        throw eventName.error("must be event (the SSE event: field) or data.<property> (got " + value + ")");
      }
    }
    List<String> heartbeats = names(extension.get("heartbeats"));
    List<String> ends = names(extension.get("ends"));
    List<String> errors = List.of();
    String errorMessage = null;
    String errorCode = null;
    Extension errorsExtension = extension.get("errors");
    if (errorsExtension != null) {
      errorsExtension.object("names", "message", "code");
      errors = names(errorsExtension.require("names"));
      errorMessage = literal(errorsExtension.optionalString("message"));
      errorCode = literal(errorsExtension.optionalString("code"));
    }
    distinct(extension, heartbeats, ends, errors);

    boolean lastEventId = false;
    StreamModel.ResumeField resume = null;
    Extension resumeExtension = extension.get("resume");
    if (resumeExtension != null && resumeExtension.isString()) {
      switch (resumeExtension.string()) {
        case "last-event-id" -> lastEventId = true;
        case "none" -> { }
        default -> throw resumeExtension.error("must be none, last-event-id or {field, cursor} (got "
            + resumeExtension.string() + ")");
      }
    } else if (resumeExtension != null) {
      resumeExtension.object("field", "cursor");
      resume = resumeField(resumeExtension, operation);
    }
    StreamModel.Condition condition = null;
    Extension conditionExtension = extension.get("condition");
    if (conditionExtension != null) condition = condition(conditionExtension, operation, conditionExtension.string());
    return new StreamModel(method, Text.camel(operation.operationId(), false) + "Stream", eventType, Text.constant(method) + "_SPEC", nameProperty, heartbeats, ends,
        errors, errorMessage, errorCode, lastEventId, resume, condition, doc(operation, eventType, heartbeats, ends,
        lastEventId, resume, condition));
  }

  /**
   * The condition {@code name}: a boolean property of the request body, or of every variant of a
   * union body (set by a helper on whichever variant is sent, an unknown one in its raw JSON).
   */
  private StreamModel.Condition condition(Extension at, Operation operation, String name) {
    List<CodegenModel> variants = unionVariants(at, operation, name);
    if (variants == null) {
      CodegenProperty property = bodyProperty(at, operation, name);
      if (!property.isBoolean) throw at.error(property.baseName + " is not a boolean property of " + operation.body().type());
      return new StreamModel.Condition(property.name, property.baseName, null);
    }
    List<StreamModel.UnionSetter.Case> cases = new ArrayList<>();
    String label = null;
    CodegenModel union = models.get(operation.body().type());
    String discriminator = union.discriminator.getPropertyName();
    for (CodegenModel variant : variants) {
      CodegenProperty property = property(variant.classname, name);
      if (property == null) {
        throw at.error(name + " is not a property of " + variant.classname + ", a variant of " + union.classname
            + ": the stream forms could not ask for the stream when it is sent");
      }
      if (!property.isBoolean) throw at.error(name + " is not a boolean property of " + variant.classname);
      if (property.isReadOnly) throw at.error(name + " is readOnly in " + variant.classname + ": it cannot be sent");
      cases.add(new StreamModel.UnionSetter.Case(variant.classname, property.name));
      CodegenProperty tag = property(variant.classname, discriminator);
      if (tag != null) label = tag.name;
    }
    if (label == null) label = Text.camel(discriminator, false);
    String helper = "with" + Text.camel(name, true);
    return new StreamModel.Condition(null, name, new StreamModel.UnionSetter(helper, union.classname,
        Text.javaString(name), "boolean", false, cases, label));
  }

  /**
   * The variants of the request body when it is a discriminated union of request records, or null
   * when the body is a record; anything else is refused at {@code at}, which names {@code property}.
   */
  private List<CodegenModel> unionVariants(Extension at, Operation operation, String property) {
    if (operation.body() == null) throw at.error("the operation sends no request body");
    CodegenModel model = models.get(operation.body().type());
    if (model == null || !Boolean.TRUE.equals(model.vendorExtensions.get("x-is-one-of-interface"))) return null;
    Schema<?> schema = spec.openApi().getComponents().getSchemas().get(model.name);
    if (schema == null || schema.getDiscriminator() == null) {
      throw at.error("the request body " + operation.body().type() + " is a union without a discriminator: " + property
          + " cannot be set on whichever variant is sent");
    }
    List<String> names = new ArrayList<>();
    Map<String, String> mapping = schema.getDiscriminator().getMapping();
    if (mapping != null) {
      for (String ref : mapping.values()) if (!names.contains(SchemaPass.refName(ref))) names.add(SchemaPass.refName(ref));
    }
    for (Schema<?> member : schema.getOneOf() == null ? List.<Schema>of() : (List<Schema>) (List<?>) schema.getOneOf()) {
      if (member.get$ref() != null && !names.contains(SchemaPass.refName(member.get$ref()))) {
        names.add(SchemaPass.refName(member.get$ref()));
      }
    }
    List<CodegenModel> variants = new ArrayList<>();
    for (String name : names) {
      CodegenModel variant = null;
      for (CodegenModel candidate : models.values()) if (candidate.name.equals(name)) variant = candidate;
      if (variant == null || !Boolean.TRUE.equals(variant.vendorExtensions.get(RequestTypes.REQUEST))) {
        throw at.error("the variant " + name + " of the request body " + operation.body().type() + " is not a record "
            + "with a builder (a nested union or a list cannot be rebuilt with " + property + ")");
      }
      variants.add(variant);
    }
    return variants;
  }

  /**
   * The resume by request field: a body property (rebuilt with the body's builder, or, on a union
   * body, with a helper that rebuilds the variants that have it) or an optional query parameter.
   */
  private StreamModel.ResumeField resumeField(Extension at, Operation operation) {
    String field = at.string("field");
    Extension cursorExtension = at.require("cursor");
    List<String> cursors = cursorExtension.isString() ? List.of(cursorExtension.string()) : cursorExtension.strings();
    if (cursors.isEmpty()) throw cursorExtension.error("must name a data property or a list of them");
    List<String> cursorLiterals = cursors.stream().map(Text::javaString).toList();
    String argument;
    String setter;
    List<CodegenModel> variants = operation.body() == null ? null : unionVariants(at.require("field"), operation, field);
    if (variants != null) {
      List<StreamModel.UnionSetter.Case> cases = new ArrayList<>();
      for (CodegenModel variant : variants) {
        CodegenProperty property = property(variant.classname, field);
        if (property == null) continue;
        if (property.isReadOnly) throw at.require("field").error(field + " is readOnly in " + variant.classname
            + ": it cannot be sent");
        if (!"String".equals(property.dataType)) {
          throw at.require("field").error("the cursor goes in a string (" + field + " of " + variant.classname + " is "
              + property.dataType + ")");
        }
        cases.add(new StreamModel.UnionSetter.Case(variant.classname, property.name));
      }
      if (cases.isEmpty()) {
        throw at.require("field").error(field + " is a property of no variant of the request body "
            + operation.body().type());
      }
      StreamModel.UnionSetter union = new StreamModel.UnionSetter("with" + Text.camel(field, true),
          operation.body().type(), Text.javaString(field), "String", true, cases, null);
      List<StreamModel.ResumeField.Call> calls = new ArrayList<>();
      for (OperationModel.Argument each : operation.arguments()) {
        calls.add(new StreamModel.ResumeField.Call(each.name(), null, each.name().equals(operation.body().name())));
      }
      return new StreamModel.ResumeField(calls, cursorLiterals, union, operation.body().type());
    }
    CodegenProperty property = operation.body() == null ? null : property(operation.body().type(), field);
    if (property != null) {
      bodyProperty(at.require("field"), operation, field);
      argument = operation.body().name();
      setter = property.name;
    } else {
      ParamsModel.Component component = null;
      if (operation.params() != null) {
        for (ParamsModel.Component candidate : operation.params().components()) {
          if (candidate.parameter().wireName().equals(field) && candidate.parameter().query()) component = candidate;
        }
      }
      if (component == null) {
        throw at.require("field").error(field + " is neither a property of the request body nor an optional query "
            + "parameter of the operation");
      }
      if (!component.type().equals("String")) {
        throw at.require("field").error("the cursor goes in a string (" + field + " is " + component.type() + ")");
      }
      argument = "params";
      setter = component.name();
    }
    List<StreamModel.ResumeField.Call> calls = new ArrayList<>();
    for (OperationModel.Argument each : operation.arguments()) {
      calls.add(new StreamModel.ResumeField.Call(each.name(), each.name().equals(argument) ? setter : null, false));
    }
    return new StreamModel.ResumeField(calls, cursorLiterals, null, null);
  }

  /** The property {@code name} of the request body, which must be a request type with a builder. */
  private CodegenProperty bodyProperty(Extension at, Operation operation, String name) {
    if (operation.body() == null) throw at.error("the operation sends no request body");
    CodegenModel model = models.get(operation.body().type());
    if (model == null || !Boolean.TRUE.equals(model.vendorExtensions.get(RequestTypes.REQUEST))) {
      throw at.error("the request body " + operation.body().type() + " is not a record with a builder (a union or "
          + "a list cannot be rebuilt with " + name + ")");
    }
    CodegenProperty property = property(operation.body().type(), name);
    if (property == null) throw at.error(name + " is not a property of " + operation.body().type());
    if (property.isReadOnly) throw at.error(name + " is readOnly: it cannot be sent");
    return property;
  }

  private CodegenProperty property(String modelName, String baseName) {
    CodegenModel model = models.get(modelName);
    if (model == null) return null;
    for (CodegenProperty property : model.vars) if (property.baseName.equals(baseName)) return property;
    return null;
  }

  private static List<String> names(Extension list) {
    if (list == null) return List.of();
    List<String> names = list.strings();
    if (names.isEmpty()) throw list.error("must name at least one event (or be left out)");
    return names;
  }

  private void distinct(Extension at, List<String> heartbeats, List<String> ends, List<String> errors) {
    Set<String> seen = new LinkedHashSet<>();
    for (List<String> names : List.of(heartbeats, ends, errors)) {
      for (String name : names) {
        if (!seen.add(name)) throw at.error("the event name " + name + " is listed twice among heartbeats, ends and errors");
      }
    }
  }

  private static String literal(String value) {
    return value == null ? null : Text.javaString(value);
  }

  private static List<String> doc(Operation operation, String eventType, List<String> heartbeats, List<String> ends,
      boolean lastEventId, StreamModel.ResumeField resume, StreamModel.Condition condition) {
    List<String> doc = new ArrayList<>();
    String summary = operation.summary().isEmpty() ? "Follows " + operation.name() + " live." : operation.summary();
    doc.addAll(Text.lines(summary));
    doc.add("");
    StringBuilder how = new StringBuilder("<p>Sends `" + operation.request() + "`")
        .append(condition == null ? "" : " with `" + condition.property() + "` true"
            + (condition.union() == null ? "" : " (on whichever variant the body is)"))
        .append(" and reads its text/event-stream as it arrives, one ").append(eventType).append(" per event");
    if (!heartbeats.isEmpty()) how.append(" (heartbeats skipped)");
    how.append('.');
    if (!ends.isEmpty()) how.append(" The stream ends after the event ").append(String.join(" or ", ends)).append('.');
    if (lastEventId) how.append(" A dropped connection resumes from the last event delivered (Last-Event-ID).");
    if (resume != null && operation.resendable()) {
      how.append(" A dropped connection resumes with a new request from the last cursor received")
          .append(resume.union() == null ? "." : " when the body's variant has the resume field;"
              + " otherwise the stream ends with a StreamInterruptedException carrying that cursor.");
    } else if (resume != null) {
      how.append(" A dropped connection is not resumed, since the request is not safe to send again: the stream"
          + " ends with a StreamInterruptedException whose lastEventId() is the last cursor received, to send with"
          + " the next request.");
    }
    doc.addAll(Text.lines(how.toString()));
    List<String> lines = new ArrayList<>();
    for (String line : doc) lines.add(line.isEmpty() ? "" : " " + line);
    return lines;
  }
}
