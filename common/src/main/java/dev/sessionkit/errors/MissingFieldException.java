package dev.sessionkit.errors;

import java.util.Objects;

/**
 * A field the spec requires was missing from a leniently decoded response, and its value was asked
 * for: the generated accessor of a required, non-nullable component throws this instead of
 * returning {@code null}.
 *
 * <p>Lenient decoding (the clients' default) keeps a page whose records lack a required field, so
 * that one broken event does not hide the others; the gap surfaces only when the missing value is
 * read. Strict decoding ({@code SessionkitMoshi.adapter(type, true)}) refuses such a body instead,
 * and the drift check reports it. The message names the field and its JSON path, for example
 * {@code required field "session_id" was missing at $.data[3].session_id}.
 */
public class MissingFieldException extends SessionkitException {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final String path;

  /**
   * Creates the exception for the wire field {@code name} at the JSON {@code path} (the field's own
   * path, such as {@code $.data[3].session_id}).
   */
  public MissingFieldException(String name, String path) {
    super("required field \"" + Objects.requireNonNull(name, "name == null") + "\" was missing at "
        + Objects.requireNonNull(path, "path == null"), null, 0);
    this.name = name;
    this.path = path;
  }

  /** Returns the field's name on the wire, for example {@code session_id}. */
  public String name() {
    return name;
  }

  /** Returns the field's JSON path in the decoded document, for example {@code $.data[3].session_id}. */
  public String path() {
    return path;
  }
}
