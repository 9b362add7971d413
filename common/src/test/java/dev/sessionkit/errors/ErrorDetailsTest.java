package dev.sessionkit.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Plain-text error bodies, shared by every vendor's envelope parser. */
class ErrorDetailsTest {

  @Test
  void plainTextBecomesTheMessage() {
    assertEquals(new ErrorDetails(null, "404 page not found", null), ErrorDetails.ofText("404 page not found\n"));
  }

  @Test
  void longTextIsShortenedTo200CharactersAndMarked() {
    assertEquals("y".repeat(200) + "…", ErrorDetails.ofText("y".repeat(201)).message());
    assertEquals("y".repeat(200), ErrorDetails.ofText("y".repeat(200)).message());
  }

  @Test
  void emptyBodiesAndHtmlPagesCarryNoDetails() {
    assertEquals(ErrorDetails.NONE, ErrorDetails.ofText(" \n"));
    assertEquals(ErrorDetails.NONE, ErrorDetails.ofText("<html><body>502 Bad Gateway</body></html>"));
  }
}
