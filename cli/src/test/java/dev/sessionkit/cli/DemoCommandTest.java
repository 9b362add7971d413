package dev.sessionkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.core.vendor.VendorDescriptor;
import org.junit.jupiter.api.Test;

/** {@code sessionkit demo}: every vendor on the class path, through its descriptor, against the sandbox. */
class DemoCommandTest {
  @Test
  void theDemoCallsEveryReadOfEveryVendorWithItsSpecsExamplesAndShowsEveryDeclaredTranscript() {
    Cli demo = Cli.run("demo");
    assertEquals(0, demo.code(), demo.err());
    assertEquals("", demo.err());
    assertTrue(demo.out().startsWith("sessionkit demo: " + VendorDescriptor.installed().size() + " vendor SDKs against the"),
        demo.out());
    for (VendorDescriptor vendor : VendorDescriptor.installed()) {
      for (OperationDescriptor operation : vendor.operations()) {
        if (!operation.httpMethod().equals("GET") || operation.responseType().isEmpty()) continue; // the demo reads; a stream only streams
        Examples.of(vendor, operation, SpecExamples.of(vendor)).ifPresent(examples -> {
          assertTrue(demo.out().contains("\n== " + vendor.label() + ": "), vendor.id());
          assertTrue(demo.out().contains("\n   $ " + examples.command() + " --sandbox --format table\n"), examples.command());
        });
      }
      if (vendor.transcript().isPresent()) {
        assertTrue(demo.out().contains("\n   $ sessionkit transcript " + vendor.id() + " "), vendor.id());
      }
    }
  }

  @Test
  void theDemoShowsWhatTheCallsReturned() {
    Cli demo = Cli.run("demo");
    assertTrue(demo.out().contains("evt_019e392c0d787cfaa21bda98e06cd913  user.message"), demo.out());
    assertTrue(demo.out().contains("resourceMetrics.cpuMillicoresP50  150"), demo.out());
    assertTrue(demo.out().contains("aev_tool_output_001   tool_output    2024-01-15T10:35:03Z  tool_call_id: call_knowledge_search_001"),
        demo.out());
    assertTrue(demo.out().contains("-> 5 events over every page: {agent_output=1, input_message=1, thinking=1, tool_input=1, "
        + "tool_output=1}"), demo.out());
    assertTrue(demo.out().contains("\n== Transcripts: one model across the vendors (dev.sessionkit.transcript), as each spec declares it\n"));
    assertTrue(demo.out().contains("\n   $ sessionkit transcript agents-v2 customer_support support_session_12345 --sandbox\n"),
        demo.out());
    assertTrue(demo.out().contains("   tool_call: corpora_search {"), demo.out());
    assertTrue(demo.out().contains("-> Agents API v2 (Vectara) support_session_12345: 5 entries"), demo.out());
    assertTrue(demo.out().contains("2 resource samples"), demo.out());
  }
}
