package dev.sessionkit.generator;

import java.util.List;

/**
 * The vendor descriptor as {@code descriptor.mustache} prints it: a {@code VendorDescriptor} subclass
 * that tells code naming no vendor (the command line, the sandbox, transcripts, the drift check) what
 * the spec says, and calls the typed SDK for it. Every string is already the inside of a Java string
 * literal (escaped), and every type is written in full, so that no vendor name can clash with the
 * descriptor API's.
 *
 * @param packageName the descriptor's package ({@code dev.sessionkit.qoder.internal.descriptor})
 * @param className the descriptor's class ({@code QoderDescriptor})
 * @param id the vendor id
 * @param label the vendor's name for people
 * @param description what the API is: the first paragraph of the spec's description, or empty
 * @param docsUrl the vendor documentation the spec follows ({@code externalDocs.url}), or null
 * @param baseUrl the server URL the spec names, with a final slash
 * @param environment the variables the client's {@code fromEnv} reads
 * @param client the client's class, in full
 * @param profile the service profile's constant, in full ({@code dev.sessionkit.qoder.internal.QoderProfile.PROFILE})
 * @param services the services, in the spec's order
 * @param title the API's title as Javadoc
 * @param lifecycle how a session runs ({@code x-sessionkit-lifecycle}), or null
 */
record DescriptorModel(String packageName, String className, String id, String label, String description,
    String docsUrl, String baseUrl, List<Variable> environment, String client, String profile, List<Service> services,
    String title, Lifecycle lifecycle) {

  /**
   * The spec's {@code x-sessionkit-lifecycle}, checked ({@link LifecycleReader}); strings escaped.
   *
   * @param session the parameter naming the session
   * @param create the create step, or null
   * @param send the send step, or null
   * @param follow the follow step, or null
   * @param end the end step, or null
   */
  record Lifecycle(String session, LifecycleStep create, LifecycleStep send, LifecycleStep follow, LifecycleStep end) {
    /** The descriptor's expression that builds it (null steps written here, not left to a template's lookup). */
    String java() {
      return "new dev.sessionkit.core.vendor.Lifecycle(\"" + session + "\", " + LifecycleStep.java(create) + ",\n            "
          + LifecycleStep.java(send) + ",\n            " + LifecycleStep.java(follow) + ",\n            " + LifecycleStep.java(end) + ")";
    }
  }

  /**
   * One step of the lifecycle.
   *
   * @param operationId the operation
   * @param id the session id's dotted path, or null
   * @param message the message's JSON pointer, or null
   * @param omit the JSON pointers left out of the body's example
   */
  record LifecycleStep(String operationId, String id, String message, List<String> omit) {
    static String java(LifecycleStep step) {
      if (step == null) return "null";
      return "new dev.sessionkit.core.vendor.Lifecycle.Step(\"" + step.operationId + "\", " + literal(step.id) + ", "
          + literal(step.message) + ", List.of(" + String.join(", ", step.omit.stream().map(LifecycleStep::literal).toList()) + "))";
    }

    private static String literal(String value) {
      return value == null ? "null" : "\"" + value + "\"";
    }
  }

  /** Whether a type of an operation has type arguments (so the descriptor needs Moshi's {@code Types}). */
  boolean usesTypes() {
    for (Service service : services) {
      for (Operation operation : service.operations()) {
        for (TypeModel type : java.util.Arrays.asList(operation.response(), operation.itemType(), operation.eventType(),
            operation.body() == null ? null : operation.body().type())) {
          if (type != null && type.usesTypes()) return true;
        }
      }
    }
    return false;
  }

  /**
   * An environment variable {@code fromEnv} reads.
   *
   * @param name its name
   * @param role {@code CREDENTIAL}, {@code BASE_URL} or {@code DEFAULT_PARAMETER}
   * @param description what it holds
   */
  record Variable(String name, String role, String description) {}

  /**
   * A service: a tag of the spec.
   *
   * @param name the client's accessor ({@code sessions})
   * @param method the descriptor's method that builds it ({@code serviceSessions})
   * @param description the tag's description as written, or empty
   * @param operations its operations
   */
  record Service(String name, String method, String description, List<Operation> operations) {}

  /**
   * An operation and how the descriptor calls it.
   *
   * @param service the service's accessor
   * @param name the service's method ({@code events})
   * @param operationId the spec's operationId
   * @param httpMethod the HTTP method
   * @param path the spec's path template
   * @param summary the spec's summary, or empty
   * @param description the spec's description, or empty
   * @param parameters the parameters, path parameters first in path order
   * @param body the JSON request body, or null
   * @param response the decoded response's type, or null when the operation answers without one
   * @param itemType the items' type when the operation is paged, else null
   * @param eventType the events' type when the operation streams, else null
   * @param shortcut the vendor-level alias, or null
   * @param invoke the invoker's method ({@code callSessionsEvents}), or null when the operation only streams
   * @param iterate the pager's method ({@code iterateSessionsEvents}, calling {@code iterateEvents}), or null
   * @param pages the page lister's method ({@code pagesSessionsEvents}, calling {@code eventPages}), or null
   * @param pagesMethod the service's pages form ({@code eventPages}), or null
   * @param cursorParameter the parameter a next cursor is passed back in (forward), or null when not paged
   * @param pageSizeParameter the parameter that sets the page size, or null
   * @param stream the streamer's method, or null
   * @param streamMethod the service's stream method ({@code streamEvents}), or null
   * @param upperName the service method's name, capitalised
   * @param returnsNothing whether the plain method returns {@code void}
   * @param arguments the positional arguments of the typed call, in order (parameters, then the body)
   * @param params the record of the optional parameters, or null
   */
  record Operation(String service, String name, String operationId, String httpMethod, String path, String summary,
      String description, List<Parameter> parameters, Body body, TypeModel response, TypeModel itemType,
      TypeModel eventType, String shortcut, String invoke, String iterate, String pages, String pagesMethod,
      String cursorParameter, String pageSizeParameter, String stream, String streamMethod,
      String upperName, boolean returnsNothing, List<Argument> arguments, Params params) {}

  /**
   * A parameter as the descriptor declares it.
   *
   * @param name the name on the wire
   * @param javaName the Java name
   * @param location {@code PATH}, {@code QUERY} or {@code HEADER}
   * @param kind {@code STRING}, {@code INTEGER}, {@code NUMBER}, {@code BOOLEAN}, {@code ENUM} or {@code ARRAY}
   * @param required whether the spec requires it
   * @param description the spec's description, or empty
   * @param values the documented values of an enum (of its items, for an array), else empty
   * @param example the spec's example as text, or null
   * @param defaultVariable the environment variable of the client's default for it, or null
   */
  record Parameter(String name, String javaName, String location, String kind, boolean required, String description,
      List<String> values, String example, String defaultVariable) {}

  /**
   * The request body.
   *
   * @param type its type
   * @param required whether the spec requires it
   */
  record Body(TypeModel type, boolean required) {}

  /**
   * One positional argument of the typed call: a parameter read from the arguments, or the body.
   *
   * @param read how the parameter is read, or null for the body
   * @param body the body, or null
   */
  record Argument(Read read, Body body) {}

  /**
   * The record of the optional parameters, built from the arguments.
   *
   * @param type the record, in full
   * @param components each setter and how its value is read
   */
  record Params(String type, List<Component> components) {}

  /**
   * One setter of the params record.
   *
   * @param setter the builder's method
   * @param read how its value is read
   */
  record Component(String setter, Read read) {}

  /**
   * How one parameter's value is read from the arguments' text, as the spec's type: exactly one kind
   * is true. Required values fail naming the parameter when absent; a defaulted one falls back on
   * the client's default.
   *
   * @param name the name on the wire
   * @param kind what one value is: {@code text}, {@code integer}, {@code longInteger}, {@code decimal},
   *     {@code number}, {@code floating}, {@code bool}, {@code openEnum}, {@code date}, {@code dateTime}
   *     or {@code uri}
   * @param type one value's type, in full (an open enum's, for {@code openEnum})
   * @param list whether the parameter takes several values
   * @param required whether the call needs it
   * @param expected what a value must be, finishing "{@code <name>} must be ..."
   * @param fallback the client's default for it, or null
   */
  record Read(String name, String kind, String type, boolean list, boolean required, String expected,
      Fallback fallback) {
    boolean text() {
      return kind.equals("text");
    }

    boolean integer() {
      return kind.equals("integer");
    }

    boolean longInteger() {
      return kind.equals("longInteger");
    }

    boolean decimal() {
      return kind.equals("decimal");
    }

    boolean number() {
      return kind.equals("number");
    }

    boolean floating() {
      return kind.equals("floating");
    }

    boolean bool() {
      return kind.equals("bool");
    }

    boolean openEnum() {
      return kind.equals("openEnum");
    }

    boolean date() {
      return kind.equals("date");
    }

    boolean dateTime() {
      return kind.equals("dateTime");
    }

    boolean uri() {
      return kind.equals("uri");
    }

    /** Whether one value is read with an accessor of its own ({@code arguments.integer(..)}), else with a parser. */
    boolean accessor() {
      return !list && (text() || integer() || longInteger() || decimal() || number() || bool());
    }

    /** Whether a required text value is read with {@code arguments.required(..)}. */
    boolean requiredText() {
      return required && fallback == null && text() && !list;
    }

    /** Whether the value is checked with {@code arguments.require(..)}. */
    boolean requireOther() {
      return required && fallback == null && !requiredText();
    }

    /** Whether the value is read as it is (optional, and no default). */
    boolean plain() {
      return !required && fallback == null;
    }
  }

  /**
   * The client's default for a required path parameter (Piper's organization id).
   *
   * @param method the client's accessor of the default ({@code defaultOrgId})
   * @param message the message when the call gives none and the client has none
   */
  record Fallback(String method, String message) {}
}
