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

  /**
   * A resume by request field: the next request is the same call with one argument rebuilt.
   *
   * @param calls the arguments of the stream call, the resumed one rebuilt with the cursor
   * @param cursors the data properties that carry the cursor, the first present wins
   */
  record ResumeField(List<Call> calls, List<String> cursors) {
    /**
     * An argument of the resumed call: as given, or rebuilt with {@code setter(cursor)}.
     *
     * @param name the argument
     * @param setter its builder's setter for the cursor, or null to pass it as given
     */
    record Call(String name, String setter) {}
  }

  /**
   * The boolean request-body property that switches the answer to a stream (Vectara's
   * {@code stream_response}): the stream methods send it true, the plain ones false.
   *
   * @param setter the body builder's setter
   * @param property the property's wire name
   */
  record Condition(String setter, String property) {}
}
