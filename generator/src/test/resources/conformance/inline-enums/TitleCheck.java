package dev.sessionkit.conformance.inline_enums.title;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.generator.conformance.Conformance;
import java.util.*;
import dev.sessionkit.conformance.inline_enums.title.model.*;

public final class TitleCheck {
  public void aTitleNamesTheEnum(Conformance c) {
    assertEquals(Temperament.WILD, c.<Thing>roundTrip(Thing.class, "{\"temper\":\"wild\"}").temper());
  }
}
