package dev.sessionkit.generator;

/**
 * What a successful call answers with: a decoded JSON body, nothing (204, or a 2xx without content),
 * or a binary body read as a bounded stream.
 *
 * @param type the Java type the methods return ({@code SessionEventList}, {@code InputStream}), or
 *     null when there is no body (the methods return {@code void})
 * @param callType the Retrofit call's type argument: the same for JSON, {@code Void} for no body,
 *     OkHttp's {@code ResponseBody} for a binary body
 * @param binary whether the body is binary ({@code format: binary}), read as a bounded stream
 */
record ResponseModel(String type, String callType, boolean binary) {
  static ResponseModel json(String type) {
    return new ResponseModel(type, type, false);
  }

  static ResponseModel none() {
    return new ResponseModel(null, "Void", false);
  }

  static ResponseModel binaryStream() {
    return new ResponseModel("InputStream", "okhttp3.ResponseBody", true);
  }

  /** Whether the methods return nothing. */
  boolean empty() {
    return type == null;
  }

  /** Whether the body is decoded JSON. */
  boolean json() {
    return type != null && !binary;
  }

  /** The type of the async future and of the raw response: {@code Void} when there is no body. */
  String boxedType() {
    return type == null ? "Void" : type;
  }
}
