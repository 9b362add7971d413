package dev.sessionkit.generator;

import java.util.List;

/**
 * Where the vendor's error body keeps its parts (its {@code x-sessionkit-errors}), for the error
 * envelope the profile configures. Every path is dotted ({@code error.message}) and may have
 * alternatives, the first the body has a value at winning; absent parts are null. Every string is
 * already the content of a Java string literal (escaped).
 *
 * @param message where the message is
 * @param code where the vendor's code is
 * @param type where the type is (the code when the body has none)
 * @param requestId where a request id is
 * @param statusCodes the code for a status when the body names none
 * @param notFound how a 404's code is read from the key it names, or null
 * @param validation where a FastAPI-style validation list keeps its parts, or null
 * @param byStatus a shape of its own for some statuses (message, code, type, request id, validation only)
 */
record ErrorProfileModel(Paths message, Paths code, Paths type, Paths requestId, List<StatusCode> statusCodes,
    NotFound notFound, Validation validation, List<StatusShape> byStatus) {

  /** A part's path and its alternatives, in order: the first the body has a value at wins. */
  record Paths(List<String> paths) {}

  /** A status and the code it stands for. */
  record StatusCode(int status, String code) {}

  /**
   * A 404's code from the key the body names.
   *
   * @param fields the body fields the key may be in
   * @param prefixes each key prefix and its code
   */
  record NotFound(List<String> fields, List<Prefix> prefixes) {
    /** A key prefix and the code for it. */
    record Prefix(String prefix, String code) {}
  }

  /** Where a validation list's items keep the location, the message and the code. */
  record Validation(String location, String message, String code) {}

  /** The shape of the error body for one status; what it does not find comes from the general shape. */
  record StatusShape(int status, ErrorProfileModel shape) {}
}
