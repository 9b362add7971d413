package dev.sessionkit.generator;

/**
 * An operation's JSON request body: a generated request type (a record with a builder whose
 * {@code build()} refuses a missing required field) passed as one argument.
 *
 * @param type the request type ({@code CreateSessionRequest})
 * @param doc the {@code @param body} text
 * @param pointer where the spec declares the body
 */
record BodyModel(String type, String doc, Pointer pointer) {
  /** The argument's name. */
  String name() {
    return "body";
  }
}
