package dev.sessionkit.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.vendor.Arguments;
import dev.sessionkit.core.vendor.VendorDescriptor;
import dev.sessionkit.inbox.model.Message;
import dev.sessionkit.transcript.Entry;
import dev.sessionkit.transcript.Transcript;
import dev.sessionkit.transcript.TranscriptWriters;
import dev.sessionkit.transcript.Transcripts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A vendor built from a spec alone has transcripts: its spec's {@code x-sessionkit-transcript} reads
 * a thread's messages by role, and the transcript module, which names no vendor, finds it by its id.
 */
class TranscriptTest {
  private static final String THREAD = "thread_abc123";
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String message(String id, String role, String content) {
    return "{\"id\":\"" + id + "\",\"thread_id\":\"" + THREAD + "\",\"role\":\"" + role + "\",\"content\":\"" + content
        + "\",\"created_at\":\"2026-01-02T03:04:0" + id.charAt(id.length() - 1) + "Z\"}";
  }

  private void page(String last, boolean more, String... messages) {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"object\":\"list\",\"data\":[" + String.join(",", messages) + "],\"last_id\":\"" + last + "\",\"has_more\":"
            + more + "}").build());
  }

  @Test
  void aThreadReadsPageByPageIntoTheUsersAndTheAssistantsMessagesAndKeepsAnyOtherRoleWhole() throws Exception {
    page("msg_2", true, message("msg_1", "user", "Hello"), message("msg_2", "assistant", "Hi there"));
    page("msg_3", false, message("msg_3", "tool", "42"));
    VendorDescriptor inbox = VendorDescriptor.find("inbox").orElseThrow();
    Object client = inbox.newClient(Map.of("INBOX_API_KEY", "sk_test", "INBOX_BASE_URL", server.url("/v1/").toString()),
        builder -> builder.noRetries());

    Transcript transcript = Transcripts.of("inbox").read(client, Arguments.builder().put("thread_id", THREAD).build())
        .toTranscript();

    assertEquals(THREAD, transcript.sessionId());
    List<Entry> entries = transcript.entries();
    assertEquals(List.of("user_message", "agent_message", "unknown"), entries.stream().map(Entry::kind).toList());
    assertEquals("Hello", ((Entry.UserMessage) entries.get(0)).text());
    assertEquals("Hi there", ((Entry.AgentMessage) entries.get(1)).text());
    assertEquals(Instant.parse("2026-01-02T03:04:01Z"), entries.get(0).time());
    assertInstanceOf(Message.class, entries.get(0).source());
    Entry.Unknown tool = (Entry.Unknown) entries.get(2);
    assertEquals("tool", tool.type());
    assertTrue(tool.raw().json().contains("\"content\":\"42\""), tool.raw().json());
    RecordedRequest first = server.takeRequest();
    assertEquals("/v1/threads/" + THREAD + "/messages", first.getUrl().encodedPath());
    assertEquals("Bearer sk_test", first.getHeaders().get("Authorization"));
    assertEquals("msg_2", server.takeRequest().getUrl().queryParameter("after"), "the second page after the first's last");
  }

  @Test
  void itsMarkdownNamesTheVendorByItsLabel() {
    page("msg_1", false, message("msg_1", "user", "Hello"));
    InboxClient client = InboxClient.builder().token("sk_test").baseUrl(server.url("/v1/").toString()).noRetries().build();
    StringBuilder out = new StringBuilder();

    TranscriptWriters.markdown(Transcripts.of("inbox").session(THREAD).pages(client.threads().iterateMessages(THREAD)), out);

    assertTrue(out.toString().startsWith("# Inbox API session `thread_abc123`\n"), out.toString());
    assertTrue(out.toString().contains("> Hello"), out.toString());
  }
}
