package dev.sessionkit.generator.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.generator.InvalidSpecException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each construct the generator does not support is refused with the spec and the JSON pointer of
 * the construct (conformance/refusals/), never a javac error in generated code.
 */
class RefusalsConformanceTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      bad-idempotency-header.yaml | #/x-sessionkit-client/idempotency-header: must be an HTTP header name (got Idem Key)
      bad-method-name.yaml | #/paths/~1items/get/x-sessionkit-method: must be a Java method name (got list-items)
      basic-auth.yaml | #/components/securitySchemes/basic: sessionkit sends a bearer token, an API key in a header or OAuth2 client credentials (got http basic)
      cookie-parameter.yaml | #/paths/~1items/get/parameters/0: sessionkit sends path, query and header parameters (got cookie)
      example-off-pattern.yaml | #/paths/~1items~1{item_id}/get/parameters/0/example: the example "item-1" does not match the parameter's pattern ^itm_[0-9]+$
      find-without-body.yaml | #/paths/~1items~1{item_id}/delete/x-sessionkit-find-on-404: a find method answers with a JSON body (this operation answers with none)
      form-body.yaml | #/paths/~1items/post/requestBody/content: sessionkit sends JSON request bodies (got application/x-www-form-urlencoded)
      head-method.yaml | #/paths/~1items/head: sessionkit sends GET, POST, PUT, PATCH and DELETE (got HEAD)
      integer-enum-parameter.yaml | #/paths/~1items/get/parameters/0/schema/enum: an enum parameter must be a string enum (got integer)
      matrix-path-array.yaml | #/paths/~1items~1{ids}/get/parameters/0/style: sessionkit sends a path array as simple (got matrix, explode false)
      no-content-with-body.yaml | #/paths/~1items/delete/responses/204/content: a 204 response has no body
      no-success-response.yaml | #/paths/~1items/get/responses: a 200, 201, 202 or 204 response is required
      oauth-authorization-code.yaml | #/components/securitySchemes/oauth/flows: sessionkit supports the OAuth2 clientCredentials flow only
      object-parameter.yaml | #/paths/~1items/get/parameters/0/schema: an object parameter cannot be sent; sessionkit sends strings, numbers, booleans, string enums and arrays of them
      partial-content.yaml | #/paths/~1items/get/responses/206: sessionkit handles the success statuses 200, 201, 202 and 204
      text-response.yaml | #/paths/~1items/get/responses/200/content: sessionkit reads JSON, binary (format: binary) and text/event-stream responses (got text/plain)
      two-success-types.yaml | #/paths/~1items/post/responses/201: answers otherwise than 200 (Receipt instead of Item); sessionkit needs one success type
      unknown-extension.yaml | #/paths/~1items/get/x-sessionkit-metod: unknown extension here (known: x-sessionkit-find-on-404, x-sessionkit-method, x-sessionkit-pagination, x-sessionkit-params, x-sessionkit-stream)
      stream-bad-event-name.yaml | #/paths/~1events/get/x-sessionkit-stream/event-name: must be event (the SSE event: field) or data.<property> (got data.a.b)
      stream-condition-without-body.yaml | #/paths/~1events/get/x-sessionkit-stream/condition: the operation sends no request body
      stream-extension-without-stream.yaml | #/paths/~1events/get/x-sessionkit-stream: the operation answers no text/event-stream
      stream-names-overlap.yaml | #/paths/~1events/get/x-sessionkit-stream: the event name ping is listed twice among heartbeats, ends and errors
      stream-resume-field-missing.yaml | #/paths/~1events/get/x-sessionkit-stream/resume/field: after is neither a property of the request body nor an optional query parameter of the operation
      stream-unknown-key.yaml | #/paths/~1events/get/x-sessionkit-stream/heartbeat: unknown key (known: condition, ends, errors, event-name, heartbeats, method, resume)
      stream-without-extension.yaml | #/paths/~1events/get/responses/200/content/text~1event-stream: declare how this live stream reads with x-sessionkit-stream on the operation
      """)
  void isRefusedWithItsPointer(String spec, String message) {
    InvalidSpecException e = Conformance.refuse("refusals/" + spec);

    assertEquals("refusals/" + spec + message, e.getMessage());
  }
}
