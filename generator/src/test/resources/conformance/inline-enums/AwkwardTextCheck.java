package dev.sessionkit.conformance.inline_enums.awkward_text;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.generator.conformance.Conformance;
import java.util.*;
import dev.sessionkit.conformance.inline_enums.awkward_text.model.*;

public final class AwkwardTextCheck {
  public void theyCompileDocumentAndRoundTripAsWritten(Conformance c) {
    String json = "{\"odd*/name {x}\":\"back\\\\u0041slash\",\"event\":{\"kind*/\":\"p*/{q}\"}}";
    Thing thing = c.roundTrip(Thing.class, json);
    assertEquals("back\\u0041slash", thing.oddStarNameLeftCurlyBracketXRightCurlyBracket().value());
    for (String value : List.of("a*/b", "{x}", "back\\u0041slash", "quote\"d", "@tag")) {
      assertTrue(ThingOddNameX.of(value).isKnown(), value);
    }
    assertEquals("p*/{q}", thing.event().kindStar());
    assertInstanceOf(Ping.class, thing.event());
  }
}
