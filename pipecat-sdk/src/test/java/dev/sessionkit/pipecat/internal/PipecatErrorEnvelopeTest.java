package dev.sessionkit.pipecat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.core.spi.ErrorBodyParser;
import dev.sessionkit.errors.ErrorDetails;
import org.junit.jupiter.api.Test;

/** The common {@link dev.sessionkit.core.spi.ErrorEnvelope}, configured by Pipecat's x-sessionkit-errors, reads Pipecat's {@code {"error", "code"}} body and survives anything else. */
class PipecatErrorEnvelopeTest {
  private final ErrorBodyParser parser = PipecatProfile.PROFILE.errorParser();

  @Test
  void errorBodyGivesCodeAndMessage() {
    ErrorDetails details = parser.parse(503, "{\"error\": \"Attempt to start agent when deployment is not in ready "
        + "state. Is your image pull secret valid?\", \"code\": \"PCC-1001\"}");

    assertEquals(new ErrorDetails("PCC-1001",
        "Attempt to start agent when deployment is not in ready state. Is your image pull secret valid?", null), details);
  }

  @Test
  void numericCodeIsReadAsText() {
    assertEquals(new ErrorDetails("500", "boom", null), parser.parse(500, "{\"error\": \"boom\", \"code\": 500}"));
  }

  @Test
  void jsonOfAnotherShapeGivesNoDetails() {
    assertEquals(ErrorDetails.NONE, parser.parse(502, "{\"message\": \"bad gateway\"}"));
  }

  @Test
  void malformedJsonGivesNoDetails() {
    assertEquals(ErrorDetails.NONE, parser.parse(500, "{\"error\": "));
  }

  @Test
  void emptyBodyGivesNoDetails() {
    assertEquals(ErrorDetails.NONE, parser.parse(500, "  "));
  }

  @Test
  void longPlainTextIsCutTo200Characters() {
    ErrorDetails details = parser.parse(502, "x".repeat(500));

    assertEquals("x".repeat(200) + "…", details.message());
  }
}
