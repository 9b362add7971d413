package dev.sessionkit.conformance.request_bodies.optional_collections;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.conformance.request_bodies.optional_collections.model.*;
import dev.sessionkit.generator.conformance.Conformance;
import java.util.List;
import java.util.Map;

public final class OptionalCollectionsCheck {
  private static ConformanceClient client(Conformance c) {
    return ConformanceClient.builder().token("t").baseUrl(c.baseUrl()).noRetries().build();
  }

  public void anOptionalListOrMapLeftUnsetIsNotSentAndAnEmptyOneIsSentEmpty(Conformance c) {
    c.respond("{\"version\":2}");
    c.respond("{\"version\":3,\"tools\":[],\"metadata\":{}}");

    AgentUpdate unset = client(c).agents().update("a1", AgentUpdate.builder().version(1).build());
    AgentUpdate cleared = client(c).agents().update("a1", AgentUpdate.builder().version(2).tools(List.of())
        .metadata(Map.of()).build());

    assertEquals("{\"version\":1}", c.request().getBody().utf8(), "an update leaves out what it does not set");
    assertEquals("{\"version\":2,\"tools\":[],\"metadata\":{}}", c.request().getBody().utf8());
    assertNull(unset.tools(), "absent from the answer: null, as in the request");
    assertEquals(List.of(), cleared.tools());
    assertEquals(Map.of(), cleared.metadata());
  }

  public void theRecordSaysItsOptionalCollectionsAreNullUntilSet(Conformance c) {
    String record = c.source(AgentUpdate.class);
    assertTrue(record.contains("@Nullable List<String> tools"), record);
    assertTrue(record.contains("(optional: {@code null} when absent or not set, and then not sent; set it empty to send "
        + "it empty)"), record);
  }
}
