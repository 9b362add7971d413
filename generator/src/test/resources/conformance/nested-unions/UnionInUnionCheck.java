package dev.sessionkit.conformance.nested_unions.union_in_union;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.generator.conformance.Conformance;
import java.util.*;
import dev.sessionkit.conformance.nested_unions.union_in_union.model.*;

public final class UnionInUnionCheck {
  public void theOuterLabelLeadsToTheInnerUnionWhichReadsItsOwn(Conformance c) {
    Thing thing = c.roundTrip(Thing.class, "{\"stream\":[{\"type\":\"output\",\"text\":\"hi\"},"
        + "{\"type\":\"tool_activity\",\"tool_call_id\":\"c1\",\"activity_type\":\"generic\",\"message\":\"m\"},"
        + "{\"type\":\"tool_activity\",\"tool_call_id\":\"c2\",\"activity_type\":\"sub_agent\","
        + "\"inner\":{\"type\":\"input\",\"text\":\"q\"}}],\"history\":[]}");
    assertEquals(new Output("output", "hi"), thing.stream().get(0));
    GenericActivity generic = (GenericActivity) thing.stream().get(1);
    assertEquals(new GenericActivity("tool_activity", "c1", "generic", "m"), generic);
    assertInstanceOf(ToolActivity.class, generic);
    assertEquals("tool_activity", generic.type());
    assertEquals("generic", generic.activityType());
    assertEquals(new Input("input", "q"), ((SubAgentActivity) thing.stream().get(2)).inner());
  }

  public void anUnknownInnerVariantAnswersBothDiscriminators(Conformance c) {
    String json = "{\"stream\":[{\"type\":\"tool_activity\",\"activity_type\":\"search\",\"q\":1}]}";
    ToolActivity.Unknown unknown = (ToolActivity.Unknown) c.<Thing>decode(Thing.class, json).stream().get(0);
    assertEquals("search", unknown.activityType());
    assertEquals("tool_activity", unknown.type());
    assertEquals(List.of("unknownVariant $.stream[0] ToolActivity activity_type search"), c.drift(Thing.class, json));
  }

  public void aVariantSharedByTwoUnionsIsAVariantOfBoth(Conformance c) {
    Thing thing = c.roundTrip(Thing.class, "{\"stream\":[{\"type\":\"output\",\"text\":\"a\"}],"
        + "\"history\":[{\"type\":\"output\",\"text\":\"a\"},{\"type\":\"input\",\"text\":\"b\"}]}");
    assertEquals(thing.stream().get(0), thing.history().get(0));
    assertTrue(StreamEvent.class.isAssignableFrom(Output.class) && HistoryEvent.class.isAssignableFrom(Output.class));
    assertTrue(StreamEvent.class.isAssignableFrom(ToolActivity.class));
  }
}
