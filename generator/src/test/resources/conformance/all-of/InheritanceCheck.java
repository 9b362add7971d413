package dev.sessionkit.conformance.all_of.inheritance;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.generator.conformance.Conformance;
import java.util.*;
import dev.sessionkit.conformance.all_of.inheritance.model.*;

public final class InheritanceCheck {
  public void theBaseIsAUnionOfTheSchemasThatExtendIt(Conformance c) {
    Thing robot = c.roundTrip(Thing.class, "{\"kind\":\"robot\",\"name\":\"R2\",\"model\":\"astromech\"}");
    assertEquals(new Robot("robot", "R2", "astromech"), robot);
    Thing plant = c.roundTrip(Thing.class, "{\"kind\":\"Plant\",\"name\":\"Fern\",\"leaves\":12}");
    assertEquals(new Plant("Plant", "Fern", 12), plant);
    assertEquals("Plant", plant.kind());
  }

  public void anUnknownKindIsKeptWhole(Conformance c) {
    String json = "{\"kind\":\"rock\",\"name\":\"Stone\"}";
    Thing.Unknown rock = (Thing.Unknown) c.<Thing>decode(Thing.class, json);
    assertEquals("rock", rock.kind());
    assertEquals(json, rock.raw().json());
    assertEquals(List.of("unknownVariant $ Thing kind rock"), c.drift(Thing.class, json));
  }
}
