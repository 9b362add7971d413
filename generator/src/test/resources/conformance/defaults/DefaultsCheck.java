package dev.sessionkit.conformance.defaults.defaults;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.generator.conformance.Conformance;
import java.util.*;
import dev.sessionkit.conformance.defaults.defaults.model.*;

public final class DefaultsCheck {
  public void anAbsentPropertyIsNullWhateverItsDefault(Conformance c) {
    assertEquals(new Thing(null, null, null, List.of(), null), c.roundTrip(Thing.class, "{\"tags\":[]}"));
  }

  public void theJavadocGivesEachDefaultAsJson(Conformance c) {
    String source = c.source(Thing.class);
    assertTrue(source.contains("@param enabled enabled (optional: {@code null} when absent) (default when absent: <code>true</code>)"), source);
    assertTrue(source.contains("(default when absent: <code>20</code>)"), source);
    assertTrue(source.contains("(default when absent: <code>\"fast\"</code>)"), source);
    assertTrue(source.contains("(default when absent: <code>[]</code>)"), source);
    assertTrue(source.contains("(default when absent: <code>\"a &lt;b&gt; &amp; {&#64;c} *&#47;\"</code>)"), source);
  }
}
