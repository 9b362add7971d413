package dev.sessionkit.generator.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fern's pagination becomes sessionkit's; Fern's streaming is checked and reported. */
class FernExtensionsTest {
  private static final String SPEC = """
      openapi: 3.0.3
      info: {title: Vendor, version: '1'}
      x-fern-pagination: {cursor: $request.cursor, next_cursor: $response.next, results: $response.items}
      paths:
        /calls:
          parameters: [{$ref: '#/components/parameters/PageKey'}]
          get:
            operationId: listCalls
            x-fern-pagination:
              cursor: $request.page_key
              next_cursor: $response.metadata.page_key
              results: $response.calls
            responses: {'200': {description: ok}}
          post:
            operationId: createCall
            x-fern-streaming:
              format: sse
              stream-condition: $request.stream_response
              response: {$ref: '#/components/schemas/Nothing'}
            requestBody:
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/CreateCall'}
            responses: {'201': {$ref: '#/components/responses/Said'}}
        /items:
          get:
            operationId: listItems
            parameters: [{name: cursor, in: query, schema: {type: string}}]
            x-fern-pagination: true
            responses: {'200': {description: ok}}
      components:
        responses:
          Said:
            description: What was said, or its stream.
            content:
              application/json: {schema: {type: object}}
              text/event-stream: {schema: {type: object}}
        parameters:
          PageKey: {name: page_key, in: query, schema: {type: string}}
        schemas:
          CreateCall:
            allOf:
              - {$ref: '#/components/schemas/StreamBase'}
              - {type: object, properties: {to: {type: string}}}
          StreamBase:
            type: object
            properties:
              stream_response: {type: boolean, default: false}
      """;

  private static ObjectNode spec(String from, String to) {
    String changed = SPEC.replace(from, to);
    if (!from.isEmpty() && changed.equals(SPEC)) throw new AssertionError("not changed: " + from);
    return (ObjectNode) Pointers.parse(changed, "vendor.yaml");
  }

  private static List<String> apply(ObjectNode spec) {
    return FernExtensions.apply(spec, pointer -> "vendor.yaml#" + pointer);
  }

  @Test
  void fernsCursorPaginationBecomesTokenPaginationOverTheSameFields() {
    ObjectNode spec = spec("", "");

    List<String> log = apply(spec);

    assertEquals("{\"style\":\"token\",\"items\":\"calls\",\"parameter\":\"page_key\",\"token\":\"metadata.page_key\"}",
        spec.at("/paths/~1calls/get/x-sessionkit-pagination").toString());
    assertEquals("{\"style\":\"token\",\"items\":\"items\",\"parameter\":\"cursor\",\"token\":\"next\"}",
        spec.at("/paths/~1items/get/x-sessionkit-pagination").toString(), "true takes the root x-fern-pagination");
    assertEquals(List.of(
        "listCalls: x-fern-pagination read as x-sessionkit-pagination " + spec.at("/paths/~1calls/get/x-sessionkit-pagination"),
        "createCall: x-fern-streaming read as x-sessionkit-stream {\"condition\":\"stream_response\"}",
        "listItems: x-fern-pagination read as x-sessionkit-pagination " + spec.at("/paths/~1items/get/x-sessionkit-pagination")), log);
  }

  @Test
  void anOperationsOwnSessionkitPaginationWins() {
    ObjectNode spec = spec("      x-fern-pagination:\n", "      x-sessionkit-pagination: {style: token}\n      x-fern-pagination:\n");

    apply(spec);

    assertEquals("{\"style\":\"token\"}", spec.at("/paths/~1calls/get/x-sessionkit-pagination").toString());
  }

  @Test
  void offsetPagingHasNoStyleAndIsRefusedNamingThePointer() {
    SpecCheckException e = assertThrows(SpecCheckException.class,
        () -> apply(spec("cursor: $request.page_key", "offset: $request.page")));

    assertEquals("vendor.yaml#/paths/~1calls/get/x-fern-pagination: Fern's offset paging has no sessionkit style;"
        + " in the overlay remove x-fern-pagination here, or give the operation an x-sessionkit-pagination", e.getMessage());
  }

  @Test
  void aCursorThatIsNoQueryParameterIsRefused() {
    assertEquals("vendor.yaml#/paths/~1calls/get/x-fern-pagination/cursor: $request.page names no query parameter of this operation",
        assertThrows(SpecCheckException.class, () -> apply(spec("$request.page_key", "$request.page"))).getMessage());
    assertEquals("vendor.yaml#/paths/~1calls/get/x-fern-pagination/cursor: $request.body.page_key is inside the body;"
        + " sessionkit pages with a query parameter",
        assertThrows(SpecCheckException.class, () -> apply(spec("$request.page_key", "$request.body.page_key"))).getMessage());
    assertEquals("vendor.yaml#/paths/~1calls/get/x-fern-pagination/results: required, $response.<name> (got \"calls\")",
        assertThrows(SpecCheckException.class, () -> apply(spec("$response.calls", "calls"))).getMessage());
  }

  @Test
  void aStreamConditionMustBeABooleanFieldOfTheJsonBody() {
    SpecCheckException e = assertThrows(SpecCheckException.class,
        () -> apply(spec("stream-condition: $request.stream_response", "stream-condition: $request.stream")));

    assertEquals("vendor.yaml#/paths/~1calls/post/x-fern-streaming/stream-condition: $request.stream is not a boolean"
        + " field of the operation's application/json request body", e.getMessage());
    assertEquals("vendor.yaml#/paths/~1calls/post/x-fern-streaming/format: sse or json (got websocket)",
        assertThrows(SpecCheckException.class, () -> apply(spec("format: sse", "format: websocket"))).getMessage());
  }

  @Test
  void fernsServerSentEventsBecomeAStreamWithItsCondition() {
    ObjectNode spec = spec("", "");

    apply(spec);

    assertEquals("{\"condition\":\"stream_response\"}", spec.at("/paths/~1calls/post/x-sessionkit-stream").toString());
  }

  @Test
  void anOperationsOwnStreamWinsAndTakesOnlyTheConditionItLacks() {
    ObjectNode spec = spec("      x-fern-streaming:\n", "      x-sessionkit-stream: {ends: [done]}\n      x-fern-streaming:\n");

    List<String> log = apply(spec);

    assertEquals("{\"ends\":[\"done\"],\"condition\":\"stream_response\"}", spec.at("/paths/~1calls/post/x-sessionkit-stream").toString());
    assertEquals("createCall: x-sessionkit-stream given; its condition (stream_response) taken from x-fern-streaming", log.get(1));
  }

  @Test
  void fernsJsonStreamingIsNoEventStreamAndChangesNothing() {
    ObjectNode spec = spec("format: sse", "format: json");

    apply(spec);

    assertTrue(spec.at("/paths/~1calls/post/x-sessionkit-stream").isMissingNode());
  }

  @Test
  void serverSentEventsWithoutAnEventStreamResponseAreRefused() {
    assertEquals("vendor.yaml#/paths/~1calls/post/x-fern-streaming/format: sse, but no 2xx response of the operation"
        + " declares text/event-stream", assertThrows(SpecCheckException.class,
        () -> apply(spec("        text/event-stream: {schema: {type: object}}\n", ""))).getMessage());
  }
}
