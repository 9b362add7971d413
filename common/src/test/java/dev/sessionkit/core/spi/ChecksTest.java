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
}
