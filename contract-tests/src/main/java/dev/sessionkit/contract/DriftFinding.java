package dev.sessionkit.contract;

import java.util.Objects;

/**
 * One difference between a recorded response and the SDK's types: what kind, where (a JSON path
 * such as {@code $.data[3].foo}) and the value or message that shows it.
 *
 * @param kind what the difference is
 * @param path the JSON path of the unknown field, variant or enum value, or of the missing field
 *     ({@code $} for the whole body)
 * @param detail the unknown name or value, or the decoder's message
 */
public record DriftFinding(Kind kind, String path, String detail) {

  /** Checks the components. */
  public DriftFinding {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(detail, "detail == null");
  }

  /** The kinds of drift a recorded response can show. */
  public enum Kind {
    /** A field the type does not declare; lenient decoding ignores it. */
    UNKNOWN_FIELD("unknown field"),
    /**
     * A union variant (discriminator value) the SDK does not know, or a value no variant of a union
     * without discriminator accepts; lenient decoding keeps it raw.
     */
    UNKNOWN_VARIANT("unknown variant"),
    /** An enum value the spec does not list; lenient decoding keeps it as its string. */
    UNKNOWN_ENUM_VALUE("unknown enum value"),
    /**
     * A field the spec requires that is absent (or {@code null} where the spec does not allow it);
     * strict decoding refuses it, and lenient decoding keeps the record, whose accessor then throws
     * {@link dev.sessionkit.errors.MissingFieldException}.
     */
    MISSING_REQUIRED_FIELD("missing required field"),
    /** A JSON number where the spec says string; lenient decoding keeps its text, strict decoding refuses it. */
    NUMBER_FOR_STRING("number for string"),
    /** A body that even lenient decoding refuses (wrong JSON type, malformed JSON). */
    NOT_DECODABLE("not decodable"),
    /** A recording whose operation the SDK does not have (its directory name is no operation id). */
    UNKNOWN_OPERATION("unknown operation");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** Returns the kind in words, as the report prints it. */
    public String label() {
      return label;
    }
  }

  /** Returns the finding as one report line: kind, path and detail. */
  @Override
  public String toString() {
    return kind.label() + " " + path + ": " + detail;
  }
}
