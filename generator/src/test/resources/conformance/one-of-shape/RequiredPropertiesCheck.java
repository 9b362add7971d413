package dev.sessionkit.conformance.one_of_shape.required_properties;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.generator.conformance.Conformance;
import java.util.*;
import dev.sessionkit.conformance.one_of_shape.required_properties.model.*;

public final class RequiredPropertiesCheck {
  public void theFirstVariantWhoseRequiredPropertiesArePresentIsChosen(Conformance c) {
    assertEquals(new IntervalSchedule(IntervalScheduleType.INTERVAL, "PT1H"),
        c.<Thing>roundTrip(Thing.class, "{\"schedule\":{\"type\":\"interval\",\"interval\":\"PT1H\"}}").schedule());
    assertEquals(new CronSchedule(CronScheduleType.CRON, "0 * * * *"),
        c.<Thing>roundTrip(Thing.class, "{\"schedule\":{\"cron_expression\":\"0 * * * *\",\"type\":\"cron\"}}").schedule());
    assertInstanceOf(OnceSchedule.class,
        c.<Thing>roundTrip(Thing.class, "{\"schedule\":{\"at\":\"2026-01-02T03:04:05Z\"}}").schedule());
  }

  public void anObjectWithoutAnyVariantsRequiredPropertiesIsUnknown(Conformance c) {
    String json = "{\"schedule\":{\"type\":\"interval\"}}";
    assertEquals(new Schedule.Unknown(new dev.sessionkit.core.json.JsonValue("{\"type\":\"interval\"}")),
        c.<Thing>decode(Thing.class, json).schedule());
    assertEquals(List.of("unmatchedVariant $.schedule Schedule"), c.drift(Thing.class, json));
    assertEquals("No variant of Schedule accepts an object at $.schedule", c.strictFailure(Thing.class, json));
  }

  public void theChosenVariantStillReportsItsOwnDrift(Conformance c) {
    assertEquals(List.of("unknownField $.schedule.every every"),
        c.drift(Thing.class, "{\"schedule\":{\"type\":\"interval\",\"interval\":\"PT1H\",\"every\":2}}"));
  }
}
