package dev.sessionkit.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sessionkit.errors.ErrorDetails;
import org.junit.jupiter.api.Test;

/** {@link ErrorEnvelope} reads whatever envelope a spec describes, and never fails on another body. */
class ErrorEnvelopeTest {
  private final ErrorEnvelope nested = ErrorEnvelope.builder().message("error.message").code("error.code")
      .type("error.type").requestId("request_id").statusCode(429, "rate_limited").build();

  @Test
  void readsMessageCodeAndRequestIdFromTheirPaths() {
    assertEquals(new ErrorDetails("bad_limit", "limit too large", "req_1"), nested.parse(400,
        "{\"error\":{\"message\":\"limit too large\",\"type\":\"invalid_request_error\",\"code\":\"bad_limit\"},"
            + "\"request_id\":\"req_1\"}"));
  }

  @Test
  void theTypeIsTheCodeWhenTheBodyHasNoCode() {
    assertEquals(new ErrorDetails("invalid_request_error", "no such thread", null),
        nested.parse(404, "{\"error\":{\"message\":\"no such thread\",\"type\":\"invalid_request_error\",\"code\":null}}"));
  }

  @Test
  void theStatusNamesTheCodeWhenTheBodyNamesNone() {
    assertEquals(new ErrorDetails("rate_limited", "slow down", null),
        nested.parse(429, "{\"error\":{\"message\":\"slow down\"}}"));
    assertEquals(new ErrorDetails("rate_limited", null, null), nested.parse(429, ""));
  }

  @Test
  void aNotFoundIsNamedByTheKeyItsBodyReports() {
    ErrorEnvelope keyed = ErrorEnvelope.builder().message("messages").notFoundKeyFields("id", "messages")
        .notFoundKey("usr_", "user_not_found").notFoundKey("org_", "org_not_found").build();

    assertEquals(new ErrorDetails("org_not_found", null, null), keyed.parse(404, "{\"id\":\"org_42\"}"));
    assertEquals(new ErrorDetails("user_not_found", "User usr_7 does not exist; see org_1", null),
        keyed.parse(404, "{\"messages\":[\"User usr_7 does not exist\",\"see org_1\"]}"));
    assertEquals(new ErrorDetails(null, "gone", null), keyed.parse(404, "{\"messages\":[\"gone\"]}"));
  }

  @Test
  void bodiesOfAnotherShapeCarryNoDetails() {
    assertEquals(ErrorDetails.NONE, nested.parse(500, "{\"detail\":\"boom\"}"));
    assertEquals(ErrorDetails.NONE, nested.parse(500, "{\"error\":"));
    assertEquals(ErrorDetails.NONE, nested.parse(502, "<html>Bad Gateway</html>"));
    assertEquals(new ErrorDetails(null, "upstream timed out", null), nested.parse(504, "upstream timed out"));
  }

  /** FastAPI: {@code detail} is an object on a 404 the API raises, a string on a 401, a validation list on a 422. */
  private final ErrorEnvelope fastApi = ErrorEnvelope.builder().message("detail.message", "detail").code("detail.code")
      .validation("loc", "msg", "type").statusCode(401, "unauthorized").build();

  @Test
  void theFirstMessagePathWithAValueWinsSoADetailObjectAndADetailStringBothGiveTheirMessage() {
    assertEquals(new ErrorDetails("call_not_found", "No call call_7", null),
        fastApi.parse(404, "{\"detail\":{\"code\":\"call_not_found\",\"message\":\"No call call_7\"}}"));
    assertEquals(new ErrorDetails("unauthorized", "Invalid API key", null), fastApi.parse(401, "{\"detail\":\"Invalid API key\"}"));
  }

  @Test
  void aValidationListAtALaterAlternativeGivesItsMessageAndItsFirstEntrysCode() {
    assertEquals(new ErrorDetails("less_than_equal", "query.limit: Input should be less than or equal to 100; body.to: Field required", null),
        fastApi.parse(422, "{\"detail\":[{\"type\":\"less_than_equal\",\"loc\":[\"query\",\"limit\"],"
            + "\"msg\":\"Input should be less than or equal to 100\"},{\"type\":\"missing\",\"loc\":[\"body\",\"to\"],"
            + "\"msg\":\"Field required\"}]}"));
  }

  @Test
  void aCodeAlternativeThatHoldsNoScalarIsSkipped() {
    ErrorEnvelope codes = ErrorEnvelope.builder().code("error", "error.code", "code").requestId("meta.id", "request_id").build();

    assertEquals(new ErrorDetails("E42", null, "req_9"), codes.parse(400, "{\"error\":{\"code\":\"E42\"},\"request_id\":\"req_9\"}"));
    assertEquals(new ErrorDetails("E43", null, "req_8"), codes.parse(400, "{\"error\":\"E43\",\"meta\":{\"id\":\"req_8\"}}"));
    assertEquals(new ErrorDetails("7", null, null), codes.parse(400, "{\"error\":null,\"code\":7}"));
  }

  @Test
  void aMessageAlternativeThatIsNullIsSkippedButAnyOtherValueIsKept() {
    ErrorEnvelope messages = ErrorEnvelope.builder().message("error.message", "error.text", "error").build();

    assertEquals(new ErrorDetails(null, "down", null), messages.parse(503, "{\"error\":{\"message\":null,\"text\":\"down\"}}"));
    assertEquals(new ErrorDetails(null, "{\"reason\": \"quota\"}", null), messages.parse(503, "{\"error\": {\"reason\": \"quota\"}}"));
  }

  @Test
  void aStatusShapeWinsForItsStatusAndTheGeneralShapeGivesWhatItDoesNotFind() {
    ErrorEnvelope envelope = ErrorEnvelope.builder().message("detail").requestId("request_id").statusCode(503, "unavailable")
        .forStatus(503, ErrorEnvelope.builder().message("error").code("reason").build()).build();

    assertEquals(new ErrorDetails("unavailable", "upstream down", "req_1"),
        envelope.parse(503, "{\"error\":\"upstream down\",\"detail\":\"ignored\",\"request_id\":\"req_1\"}"));
    assertEquals(new ErrorDetails("overloaded", "upstream down", null),
        envelope.parse(503, "{\"error\":\"upstream down\",\"reason\":\"overloaded\"}"));
    assertEquals(new ErrorDetails(null, "not this one", null), envelope.parse(500, "{\"error\":\"x\",\"detail\":\"not this one\"}"));
  }

  @Test
  void noPathAndNoShapeMayBeNull() {
    assertEquals("message alternative == null",
        assertThrows(NullPointerException.class, () -> ErrorEnvelope.builder().message("a", (String) null)).getMessage());
    assertEquals("shape == null", assertThrows(NullPointerException.class, () -> ErrorEnvelope.builder().forStatus(404, null)).getMessage());
  }
}
