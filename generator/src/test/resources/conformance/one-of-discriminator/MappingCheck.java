package dev.sessionkit.conformance.one_of_discriminator.mapping;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.generator.conformance.Conformance;
import java.util.*;
import dev.sessionkit.conformance.one_of_discriminator.mapping.model.*;

public final class MappingCheck {
  public void eachLabelSelectsItsVariant(Conformance c) {
    Thing thing = c.roundTrip(Thing.class, "{\"events\":[{\"type\":\"message\",\"text\":\"hi\"},"
        + "{\"type\":\"ping\"},{\"type\":\"pong\"},{\"type\":\"notice\",\"level\":\"warn\"}]}");
    assertEquals(new Message("message", "hi"), thing.events().get(0));
    assertEquals(new Ping("ping", null), thing.events().get(1));
    assertEquals(new Ping("pong", null), thing.events().get(2));
    assertEquals(new Notice("notice", NoticeLevel.WARN), thing.events().get(3));
    assertEquals(List.of("message", "ping", "pong", "notice"), thing.events().stream().map(Event::type).toList());
  }

  public void theDiscriminatorIsAStringInEveryVariantEvenWhereTheSpecGivesAnEnum(Conformance c) throws Exception {
    assertEquals(String.class, Message.class.getMethod("type").getReturnType());
  }

  public void anUnknownLabelIsKeptWithItsRawJsonReportedAndRefusedStrictly(Conformance c) {
    String json = "{\"events\":[{\"text\":\"x\",\"type\":\"shout\"},{\"text\":\"y\"}]}";
    Thing thing = c.decode(Thing.class, json);
    assertEquals(new Event.Unknown("shout", new dev.sessionkit.core.json.JsonValue("{\"text\":\"x\",\"type\":\"shout\"}")),
        thing.events().get(0));
    assertEquals(new Event.Unknown(null, new dev.sessionkit.core.json.JsonValue("{\"text\":\"y\"}")), thing.events().get(1));
    assertEquals(List.of("unknownVariant $.events[0] Event type shout", "unknownVariant $.events[1] Event type null"),
        c.drift(Thing.class, json));
    assertEquals("Unknown Event type \"shout\" at $.events[0]", c.strictFailure(Thing.class, json));
    c.assertSameJson(json, c.encode(Thing.class, thing));
  }

  public void theClientDecodesTheUnion(Conformance c) {
    c.respond("{\"events\":[{\"type\":\"pong\",\"sent_at\":\"2026-01-02T03:04:05Z\"}]}");
    ConformanceClient client = ConformanceClient.builder().token("t").baseUrl(c.baseUrl()).noRetries().build();
    Ping ping = (Ping) client.things().get("t1").events().get(0);
    assertEquals(java.time.OffsetDateTime.parse("2026-01-02T03:04:05Z"), ping.sentAt());
  }
}
