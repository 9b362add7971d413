package dev.sessionkit.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parameter checks match the whole value and let no control character through. */
class ChecksTest {
  private static final Pattern AGENT_KEY = Pattern.compile("^agt_[0-9a-zA-Z_-]+$");
  private static final Pattern UUID = Pattern.compile(
      "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  @Test
  void acceptsAValueThatMatchesWhole() {
    assertEquals("agt_a", Checks.requirePattern("agentKey", "agt_a", AGENT_KEY));
  }

  @ParameterizedTest
  @ValueSource(strings = {"agt_a\n", "agt_a\r\n", "agt_a\u0085", "agt_a\u2028", "xagt_a", "agt_a b"})
  void refusesAValueThatMatchesOnlyInPart(String value) {
    assertThrows(IllegalArgumentException.class, () -> Checks.requirePattern("agentKey", value, AGENT_KEY));
  }

  @Test
  void refusesAUuidFollowedByANewlineAndShowsTheNewline() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Checks.requirePattern("sessionId", "3c90c3cc-0d44-4b50-8888-8dd25736052a\n", UUID));
    assertEquals("sessionId must not contain control characters (got \"3c90c3cc-0d44-4b50-8888-8dd25736052a\\n\")",
        e.getMessage());
  }

  @Test
  void refusesControlCharactersEvenWhereThePatternAllowsThem() {
    Pattern anythingButSlash = Pattern.compile("^[^/]+$");
    assertThrows(IllegalArgumentException.class, () -> Checks.requirePattern("agentName", "my\u0000agent", anythingButSlash));
    assertThrows(IllegalArgumentException.class, () -> Checks.requirePattern("agentName", "my\tagent", anythingButSlash));
    assertEquals("my-agent", Checks.requirePattern("agentName", "my-agent", anythingButSlash));
  }

  @Test
  void namesTheParameterThePatternAndTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Checks.requirePattern("agentKey", "ase_x", AGENT_KEY));
    assertEquals("agentKey must match ^agt_[0-9a-zA-Z_-]+$ (got \"ase_x\")", e.getMessage());
  }

  @Test
  void refusesNullNamingTheParameter() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> Checks.requirePattern("sessionId", null, UUID));
    assertEquals("sessionId == null", e.getMessage());
  }

  /** A two-value open enum, as the generator writes them. */
  private record Color(String value) implements dev.sessionkit.core.json.OpenEnum {
    @Override
    public boolean isKnown() {
      return value.equals("red") || value.equals("green");
    }
  }

  @Test
  void anEnumValueTheSpecDocumentsPasses() {
    Color red = new Color("red");
    assertEquals(red, Checks.requireKnown("color", red));
  }

  @Test
  void anEnumValueTheSpecDoesNotDocumentIsRefusedBeforeSending() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Checks.requireKnown("color", new Color("purple")));
    assertEquals("color must be a value the spec documents (got \"purple\")", e.getMessage());
    NullPointerException missing = assertThrows(NullPointerException.class, () -> Checks.requireKnown("color", null));
    assertEquals("color == null", missing.getMessage());
  }

  @Test
  void longAndDecimalRangesAreCheckedLikeIntegerOnes() {
    assertEquals(5_000_000_000L, Checks.requireRange("bytes", 5_000_000_000L, 0L, Long.MAX_VALUE));
    IllegalArgumentException tooLarge = assertThrows(IllegalArgumentException.class,
        () -> Checks.requireRange("bytes", 5_000_000_000L, 0L, 4_000_000_000L));
    assertEquals("bytes must be between 0 and 4000000000 (got 5000000000)", tooLarge.getMessage());
    assertEquals(0.5, Checks.requireRange("ratio", 0.5, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> Checks.requireRange("ratio", 1.5, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> Checks.requireRange("ratio", Double.NaN, 0, 1));
  }
}
