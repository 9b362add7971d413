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
 */
record ParameterModel(String name, String wireName, boolean path, boolean query, boolean header, String type,
    String erasedType, String retrofitType, boolean required, Join join, String doc, List<CheckModel> checks,
    Pointer pointer) {

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
}
