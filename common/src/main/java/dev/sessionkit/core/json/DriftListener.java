package dev.sessionkit.core.json;

import org.jspecify.annotations.Nullable;

/**
 * Hears of every difference from the spec that lenient decoding tolerates, each with its JSON path:
 * a field the type does not declare, a union variant or enum value the spec does not list (or a
 * value no variant of a union without discriminator accepts), a required field that is missing, a
 * number where the spec says string. The drift check is built on
 * it; a client may use it to log drift in production without failing.
 *
 * <p>Attach one with {@link SessionkitMoshi#adapter(java.lang.reflect.Type, DriftListener)}. The
 * generated adapters look for it (as the reader's {@link com.squareup.moshi.JsonReader#tag tag})
 * only when they are about to tolerate something, so decoding a document without drift costs
 * nothing extra. Callbacks arrive in document order, except that the required fields missing from
 * an object are reported when the object ends. Strict decoding fails at the first drift instead and
 * reports nothing. Every method does nothing unless overridden.
 *
 * <pre>{@code
 * List<String> unknown = new ArrayList<>();
 * SessionEventList page = SessionkitMoshi.<SessionEventList>adapter(SessionEventList.class, new DriftListener() {
 *   @Override public void unknownField(String path, String name) { unknown.add(path); }
 * }).fromJson(json);
 * // unknown: [$.data[1].retry_count]
 * }</pre>
 */
public interface DriftListener {

  /**
   * An object member the type does not declare, skipped.
   *
   * @param path the member's path, such as {@code $.data[1].retry_count}
   * @param name the member's name as sent
   */
  default void unknownField(String path, String name) {}

  /**
   * A union value whose discriminator names no variant the spec lists, or that has no string
   * discriminator at all (or is no object), kept whole as the union's {@code Unknown}.
   *
   * @param path the value's path, such as {@code $.data[0]}
   * @param union the union's type
   * @param discriminator the name of the discriminating property, such as {@code type}
   * @param label the discriminator's value as sent, or {@code null} when there was no string one
   */
  default void unknownVariant(String path, Class<?> union, String discriminator, @Nullable String label) {}

  /**
   * A value of a union without discriminator that none of its variants accepts (by its JSON kind,
   * and for an object by the variants' required fields), kept whole as the union's {@code Unknown}.
   *
   * @param path the value's path, such as {@code $.data[0].schedule}
   * @param union the union's type
   */
  default void unmatchedVariant(String path, Class<?> union) {}

  /**
   * An open enum value the spec does not list, kept as sent.
   *
   * @param path the value's path, such as {@code $.data[1].status}
   * @param type the open enum's type
   * @param value the value as sent (a number or boolean as its JSON text)
   */
  default void unknownEnumValue(String path, Class<? extends OpenEnum> type, String value) {}

  /**
   * A field the spec requires that is absent, or {@code null} where the spec does not allow it; the
   * record is kept, and its accessor throws {@link dev.sessionkit.errors.MissingFieldException}.
   *
   * @param path the missing field's path, such as {@code $.data[1].session_id}
   * @param name the field's name on the wire
   */
  default void missingRequiredField(String path, String name) {}

  /**
   * A JSON number where the spec says string, kept as its text.
   *
   * @param path the value's path, such as {@code $.data[0].id}
   * @param text the number's JSON text
   */
  default void numberForString(String path, String text) {}
}
