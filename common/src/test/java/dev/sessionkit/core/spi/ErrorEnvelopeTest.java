package dev.sessionkit.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
