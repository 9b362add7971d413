package dev.sessionkit.piper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.core.spi.ErrorBodyParser;
import dev.sessionkit.errors.ErrorDetails;
import org.junit.jupiter.api.Test;

/** The common {@link dev.sessionkit.core.spi.ErrorEnvelope}, configured by Piper's x-sessionkit-errors, reads FastAPI's error bodies and salvages what it can from anything else. */
class PiperErrorEnvelopeTest {
  private final ErrorBodyParser parser = PiperProfile.PROFILE.errorParser();

  @Test
  void stringDetailBecomesTheMessage() {
    assertEquals(new ErrorDetails(null, "Session not found", null),
        parser.parse(404, "{\"detail\": \"Session not found\"}"));
  }

  @Test
  void validationListJoinsEachLocationWithItsMessage() {
    String body = "{\"detail\":[{\"loc\":[\"body\",\"items\",0,\"name\"],\"msg\":\"Field required\",\"type\":\"missing\"},"
        + "{\"loc\":[\"query\",\"limit\"],\"msg\":\"Input should be less than or equal to 500\","
        + "\"type\":\"less_than_equal\",\"input\":\"900\",\"ctx\":{\"le\":500},\"url\":\"https://errors.pydantic.dev\"}]}";

    assertEquals(new ErrorDetails("missing",
        "body.items.0.name: Field required; query.limit: Input should be less than or equal to 500", null),
        parser.parse(422, body));
  }

  @Test
  void fastApiDocumentedValidationExampleReads() {
    String body = "{\"detail\":[{\"loc\":[\"path\",\"item_id\"],\"msg\":\"value is not a valid integer\","
        + "\"type\":\"type_error.integer\"}]}";

    assertEquals(new ErrorDetails("type_error.integer", "path.item_id: value is not a valid integer", null),
        parser.parse(422, body));
  }

  @Test
  void validationEntryWithoutLocationIsItsMessage() {
    assertEquals(new ErrorDetails("value_error", "bad input", null),
        parser.parse(422, "{\"detail\":[{\"loc\":[],\"msg\":\"bad input\",\"type\":\"value_error\"}]}"));
  }

  @Test
  void emptyValidationListCarriesNoDetails() {
    assertEquals(ErrorDetails.NONE, parser.parse(422, "{\"detail\":[]}"));
  }

  @Test
  void objectDetailIsKeptAsItsJson() {
    assertEquals(new ErrorDetails(null, "{\"reason\": \"quota\", \"limit\": 10}", null),
        parser.parse(403, "{\"detail\": {\"reason\": \"quota\", \"limit\": 10}}"));
  }

  @Test
  void plainTextBodyBecomesTheMessage() {
    assertEquals(new ErrorDetails(null, "Internal Server Error", null), parser.parse(500, "Internal Server Error\n"));
  }

  @Test
  void longPlainTextIsTruncated() {
    ErrorDetails details = parser.parse(502, "x".repeat(500));

    assertEquals(201, details.message().length());
  }

  @Test
  void bodiesWithoutDetailCarryNoDetails() {
    assertEquals(ErrorDetails.NONE, parser.parse(502, "<html><body>Bad Gateway</body></html>"));
    assertEquals(ErrorDetails.NONE, parser.parse(500, ""));
    assertEquals(ErrorDetails.NONE, parser.parse(500, "{\"error\": \"boom\"}"));
    assertEquals(ErrorDetails.NONE, parser.parse(500, "{\"detail\": null}"));
    assertEquals(ErrorDetails.NONE, parser.parse(500, "{\"detail\": "));
  }
}
