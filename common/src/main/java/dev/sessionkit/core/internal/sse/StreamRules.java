package dev.sessionkit.core.internal.sse;

import dev.sessionkit.errors.ErrorDetails;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * How a stream's events are told apart and how it resumes: the operation's {@code StreamSpec}, as
 * the runtime reads it.
 *
 * @param nameProperty the top-level data property that names an event, or null for the SSE {@code event:} field
 * @param heartbeats the names skipped, never delivered
 * @param ends the names delivered, after which the stream ends
 * @param errors the names thrown as {@code StreamErrorException}
 * @param errorParser reads an error event's data (with the response's status) into the error's details
 * @param resume how a drop resumes
 * @param cursorProperties the data properties that carry a request-field resume's cursor, the first present wins
 */
public record StreamRules(@Nullable String nameProperty, Set<String> heartbeats, Set<String> ends, Set<String> errors,
    BiFunction<Integer, String, ErrorDetails> errorParser, Resume resume, List<String> cursorProperties) {

  /** How a stream resumes after its connection drops. */
  public enum Resume {
    /** It does not once events have arrived. */
    NONE,
    /** With {@code Last-Event-ID}: the last event id the server sent. */
    LAST_EVENT_ID,
    /** With the request the spec builds from the last cursor. */
    REQUEST_FIELD
  }
}
