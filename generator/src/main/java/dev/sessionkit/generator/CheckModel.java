package dev.sessionkit.generator;

/**
 * One rule of the spec checked before a request is sent, as typed data that a template partial
 * ({@code sk_check.mustache}) prints; exactly one of the kinds is set.
 *
 * @param name the Java name of the value checked
 * @param pattern the value must match a pattern (the constant that holds it)
 * @param range the number must lie within bounds
 * @param length the string's length must lie within bounds
 * @param known the open enum value must be one the spec documents
 * @param notBlank the string must not be blank (a page token: null asks for the first page)
 * @param nonNull the required value must not be null (when no other check implies it)
 * @param each the check applies to each item of a list
 */
record CheckModel(String name, Pattern pattern, Range range, Length length, boolean known, boolean notBlank,
    boolean nonNull, boolean each) {

  static CheckModel pattern(String name, String constant, boolean each) {
    return new CheckModel(name, new Pattern(constant), null, null, false, false, false, each);
  }

  static CheckModel range(String name, String min, String max, boolean integer, boolean each) {
    return new CheckModel(name, null, new Range(min, max, integer), null, false, false, false, each);
  }

  static CheckModel length(String name, int min, int max) {
    return new CheckModel(name, null, null, new Length(min, max), false, false, false, false);
  }

  static CheckModel known(String name, boolean each) {
    return new CheckModel(name, null, null, null, true, false, false, each);
  }

  static CheckModel notBlank(String name) {
    return new CheckModel(name, null, null, null, false, true, false, false);
  }

  static CheckModel nonNull(String name) {
    return new CheckModel(name, null, null, null, false, false, true, false);
  }

  /** The value the check reads: the parameter, or {@code item} inside a loop over a list. */
  String value() {
    return each ? "item" : name;
  }

  /** The pattern constant of the service or params record, such as {@code SESSION_ID}. */
  record Pattern(String constant) {}

  /**
   * Inclusive bounds: plain decimal numbers ({@code 1}, {@code 0.5}), null where the spec sets none.
   *
   * @param min the least value, or null
   * @param max the greatest value, or null
   * @param integer whether the value is an integer ({@code long} bounds) or a decimal ({@code double} bounds)
   */
  record Range(String min, String max, boolean integer) {}

  /** Inclusive bounds of a string's length. */
  record Length(int min, int max) {}
}
