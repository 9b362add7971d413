package dev.sessionkit.generator;

import java.util.List;

/**
 * An operation's live event stream ({@code text/event-stream}), declared by its
 * {@code x-sessionkit-stream}: the {@code stream...} methods (an {@code EventStream} and a
 * {@code Flow.Publisher}) and the {@code StreamSpec} they pass to the runtime.
 *
 * @param method the blocking method's name ({@code streamEvents}); the async one adds {@code Async}
 * @param apiMethod the Retrofit method that opens the stream ({@code streamSessionEventsStream})
 * @param eventType the type each event decodes to (the event union)
 * @param constant the service's constant holding the spec, when it does not depend on the arguments
 * @param nameProperty the data property that names an event, or null for the SSE {@code event:} field
 * @param heartbeats event names that are keep-alives (Java string literals' insides)
 * @param ends event names that end the stream
 * @param errors event names that report an error
 * @param errorMessage where an error event's data keeps its message, or null for the service's envelope
 * @param errorCode where it keeps its code, or null
 * @param lastEventId whether a dropped stream resumes with {@code Last-Event-ID}
 * @param resume how a dropped stream resumes with a request field, or null
 * @param condition the request-body property that asks for the stream, or null
 * @param doc the Javadoc lines of the blocking method (each empty or starting with a space)
 */
record StreamModel(String method, String apiMethod, String eventType, String constant, String nameProperty,
    List<String> heartbeats, List<String> ends, List<String> errors, String errorMessage, String errorCode,
    boolean lastEventId, ResumeField resume, Condition condition, List<String> doc) {

  boolean hasHeartbeats() {
    return !heartbeats.isEmpty();
  }

  boolean hasEnds() {
    return !ends.isEmpty();
  }

  boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** Whether the spec depends on the call's arguments (a request-field resume rebuilds the request). */
  boolean perCall() {
    return resume != null;
  }

  /** Whether error events are read with an envelope of their own. */
  boolean errorEnvelope() {
    return errorMessage != null || errorCode != null;
  }

  /** The service's helpers that set a property on a union request body, whichever variant it is. */
  List<UnionSetter> unionSetters() {
    List<UnionSetter> setters = new java.util.ArrayList<>();
    if (condition != null && condition.union() != null) setters.add(condition.union());
    if (resume != null && resume.union() != null) setters.add(resume.union());
    return setters;
  }

  /**
   * A resume by request field: the next request is the same call with one argument rebuilt.
   *
   * @param calls the arguments of the stream call, the resumed one rebuilt with the cursor
   * @param cursors the data properties that carry the cursor, the first present wins
   * @param union when the field is a property of some variants of a union body: the helper that
   *     rebuilds the body (null for a variant without the field, which cannot resume), else null
   * @param unionType the union body's type, when {@code union} is set
   */
  record ResumeField(List<Call> calls, List<String> cursors, UnionSetter union, String unionType) {
    /** Whether the body is a union whose helper rebuilds it (null for a variant without the field). */
    boolean byUnion() {
      return union != null;
    }

    /**
     * An argument of the resumed call: as given, or rebuilt with {@code setter(cursor)} (or, for a
     * union body, with the union's helper).
     *
     * @param name the argument
     * @param setter its builder's setter for the cursor, or null to pass it as given
     * @param resumed whether it is the union body the helper rebuilt
     */
    record Call(String name, String setter, boolean resumed) {}
  }

  /**
   * The boolean request-body property that switches the answer to a stream (Vectara's
   * {@code stream_response}): the stream methods send it true, the plain ones false.
   *
   * @param setter the body builder's setter (a record body)
   * @param property the property's wire name
   * @param union the helper that sets it on whichever variant a union body is, or null for a record body
   */
  record Condition(String setter, String property, UnionSetter union) {}

  /**
   * A private static method of the service that sets one property of a union request body on
   * whichever variant it is: {@code withStreamResponse(body, true)}, {@code withSince(body, cursor)}.
   *
   * @param method the helper's name ({@code withStreamResponse})
   * @param union the union's type ({@code CreateInputRequest})
   * @param property the property's wire name, as a Java string literal's inside
   * @param valueType {@code boolean} or {@code String}
   * @param nullable whether some variants lack the property: for them (and an unknown variant) it answers null
   * @param cases the variants that have it, each with its builder's setter
   * @param unknownLabel for a boolean set on every variant: the discriminator's accessor of the
   *     union's {@code Unknown}, whose raw JSON gets the property too; else null
   */
  record UnionSetter(String method, String union, String property, String valueType, boolean nullable,
      List<Case> cases, String unknownLabel) {
    /** Whether an unknown variant gets the property in its raw JSON. */
    boolean rewritesUnknown() {
      return unknownLabel != null;
    }

    /**
     * A variant that has the property.
     *
     * @param variant the variant's type
     * @param setter its builder's setter
     */
    record Case(String variant, String setter) {}
  }
}
