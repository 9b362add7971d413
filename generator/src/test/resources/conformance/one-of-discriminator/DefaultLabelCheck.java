package dev.sessionkit.conformance.one_of_discriminator.default_label;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.generator.conformance.Conformance;
import java.util.*;
import dev.sessionkit.conformance.one_of_discriminator.default_label.model.*;

public final class DefaultLabelCheck {
  public void aValueWithoutTheDiscriminatorIsTheDefaultLabelsVariant(Conformance c) {
    Thing thing = c.roundTrip(Thing.class, "{\"events\":[{\"text\":\"hi\"},{\"type\":\"interrupt\"}]}");
    assertEquals(new Message(null, "hi"), thing.events().get(0));
    assertEquals(new Interrupt("interrupt"), thing.events().get(1));
    assertEquals(List.of(), c.drift(Thing.class, "{\"events\":[{\"text\":\"hi\"},{\"type\":null,\"text\":\"ho\"}]}"));
  }

  public void anUnknownLabelIsStillUnknown(Conformance c) {
    assertInstanceOf(Event.Unknown.class, c.<Thing>decode(Thing.class, "{\"events\":[{\"type\":\"x\"}]}").events().get(0));
  }

  public void theJavadocSaysWhichVariantAMissingLabelIs(Conformance c) {
    assertTrue(c.source(Event.class).contains("A value without\n * {@code type} is {@link Message} (the spec's default, {@code \"message\"})."),
        c.source(Event.class));
  }
}
