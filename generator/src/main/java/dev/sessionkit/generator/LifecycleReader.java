package dev.sessionkit.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads and checks the spec's {@code x-sessionkit-lifecycle}: how a session of the vendor runs, for
 * {@code sessionkit run} and the demo, which name no vendor.
 *
 * <pre>
 * x-sessionkit-lifecycle:
 *   session: session_id                       # the parameter naming the session after the create
 *   create: {operation: createSession, id: id} # optional; id: the session's id in the answer
 *   send: {operation: sendEvents, message: /events/0/content/0/text}   # optional; message: where the text goes
 *   follow: streamSessionEvents                # optional; the stream of the reply (else send must stream)
 *   end: deleteSession                         # optional
 * </pre>
 *
 * A step is an operationId, or an object with {@code operation} and optional {@code id},
 * {@code message} (send only) and {@code omit} (JSON pointers left out of the body's example).
 */
final class LifecycleReader {
  static final String KEY = "x-sessionkit-lifecycle";
  private static final Pattern POINTER = Pattern.compile("(/[^/]+)+");
  private static final Pattern DOTTED = Pattern.compile("[A-Za-z_$][\\w$-]*(\\.[A-Za-z_$][\\w$-]*)*");

  private final Spec spec;

  LifecycleReader(Spec spec) {
    this.spec = spec;
  }

  /** Reads the spec's lifecycle, checked against the vendor's operations; null when the spec declares none. */
  DescriptorModel.Lifecycle read(VendorModel vendor) {
    Extension root = Extension.of(spec, Pointer.ROOT, spec.openApi().getExtensions(), KEY);
    if (root == null) return null;
    root.object("session", "create", "send", "follow", "end");
    String session = root.require("session").string();
    Step create = step(vendor, root.get("create"), false);
    Step send = step(vendor, root.get("send"), true);
    Step follow = step(vendor, root.get("follow"), false);
    Step end = step(vendor, root.get("end"), false);
    if (create == null && send == null) throw root.error("declares neither create nor send: a session needs one");
    if (follow != null && follow.operation.stream() == null) {
      throw root.require("follow").error(follow.operation.operationId() + " is not a stream (no x-sessionkit-stream)");
    }
    if (send != null && follow == null && send.operation.stream() == null) {
      throw root.require("send").error(send.operation.operationId()
          + " does not stream the reply (no x-sessionkit-stream): name the stream that follows it in follow");
    }
    if (create != null && create.model.id() == null) throw root.require("create").error("id is required: where the created session's id is");
    if (create == null && send.model.id() == null) throw root.require("send").error("id is required when there is no create: where the session's id is");
    List<Step> after = new ArrayList<>();
    if (create != null && send != null) after.add(send);
    if (follow != null) after.add(follow);
    if (end != null) after.add(end);
    for (Step step : after) {
      if (step.operation.parameters().stream().noneMatch(p -> p.wireName().equals(session))) {
        throw root.require("session").error(session + " is not a parameter of " + step.operation.operationId());
      }
    }
    return new DescriptorModel.Lifecycle(Text.javaString(session), create == null ? null : create.model,
        send == null ? null : send.model, follow == null ? null : follow.model, end == null ? null : end.model);
  }

  private record Step(OperationModel operation, DescriptorModel.LifecycleStep model) {}

  private Step step(VendorModel vendor, Extension at, boolean send) {
    if (at == null) return null;
    Extension name = at;
    String id = null;
    String message = null;
    List<String> omit = new ArrayList<>();
    if (!at.isString()) {
      at.object(send ? new String[] {"operation", "id", "message", "omit"} : new String[] {"operation", "id", "omit"});
      name = at.require("operation");
      if (at.get("id") != null) {
        id = at.require("id").string();
        if (!DOTTED.matcher(id).matches()) throw at.require("id").error("must be a dotted path of property names (got " + id + ")");
      }
      if (at.get("message") != null) message = pointer(at.require("message"));
      if (at.get("omit") != null) for (Extension each : at.require("omit").list()) omit.add(pointer(each));
    }
    OperationModel operation = operation(vendor, name);
    if (send) {
      if (message == null) throw at.error("message is required: the JSON pointer in the body where the message's text goes");
      if (operation.body() == null) throw name.error(operation.operationId() + " takes no request body to send a message in");
    }
    if (!omit.isEmpty() && operation.body() == null) throw at.require("omit").error(operation.operationId() + " takes no request body");
    return new Step(operation, new DescriptorModel.LifecycleStep(Text.javaString(operation.operationId()),
        id == null ? null : Text.javaString(id), message == null ? null : Text.javaString(message),
        omit.stream().map(Text::javaString).toList()));
  }

  private static String pointer(Extension at) {
    String value = at.string();
    if (!POINTER.matcher(value).matches()) throw at.error("must be a JSON pointer into the request body, like /message (got " + value + ")");
    return value;
  }

  private static OperationModel operation(VendorModel vendor, Extension at) {
    String operationId = at.string();
    for (ServiceModel service : vendor.services()) {
      for (OperationModel operation : service.operations()) if (operation.operationId().equals(operationId)) return operation;
    }
    throw at.error("no operation has the operationId " + operationId);
  }
}
