package dev.sessionkit.generator;

import java.util.List;

/**
 * One parameter of an operation as the generated code sees it: its Java name and type in the public
 * API and in the Retrofit interface, where it goes on the wire, and the spec's rules checked before
 * sending.
 *
 * @param name the Java name ({@code sessionId})
 * @param wireName the name on the wire ({@code session_id}, {@code Request-Timeout})
 * @param path whether it goes in the path
 * @param query whether it goes in the query
 * @param header whether it goes in a header
 * @param type its type in the public API ({@code String}, {@code List<Color>})
 * @param erasedType the same without type arguments, for {@code {@link}} signatures
 * @param retrofitType its type in the Retrofit interface (a joined array is a {@code String})
 * @param required whether the spec requires it (a positional argument; else a field of the params record)
 * @param join how a list is sent as one value ({@code ","}), or null when it is sent as is
 * @param doc its description for Javadoc, or its wire name
 * @param checks the rules checked before sending
 * @param pointer where the spec declares it
 * @param value what one value is, for the vendor descriptor
 */
record ParameterModel(String name, String wireName, boolean path, boolean query, boolean header, String type,
    String erasedType, String retrofitType, boolean required, Join join, String doc, List<CheckModel> checks,
    Pointer pointer, Value value) {

  /** Whether it is a list (copied when a params record is built, so the record stays immutable). */
  boolean list() {
    return type.startsWith("List<");
  }

  /** Whether it has a check to run (a required parameter always has, its null check). */
  boolean hasChecks() {
    return !checks.isEmpty();
  }

  /**
   * How a list parameter is sent as one value (the spec's {@code style} with {@code explode: false},
   * or a header or path list): its items' strings joined with {@code delimiter}.
   */
  record Join(String delimiter) {}

  /**
   * One value of the parameter (each item of a list), as the spec declares it.
   *
   * @param type its Java type ({@code String}, {@code Integer}, an open enum such as {@code SortOrder})
   * @param enumType whether the type is an open enum
   * @param enumValues the values an enum documents, as written, else empty
   * @param description the spec's description as written, or empty
   * @param example the spec's example as text (a list's items joined with commas), or null
   */
  record Value(String type, boolean enumType, List<String> enumValues, String description, String example) {}
}
