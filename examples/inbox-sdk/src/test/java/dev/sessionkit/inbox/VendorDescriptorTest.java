package dev.sessionkit.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sessionkit.core.vendor.Arguments;
import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.core.vendor.VendorDescriptor;
import dev.sessionkit.inbox.model.MessageList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A vendor built from a spec alone is a vendor everywhere: its module generates the descriptor that
 * ServiceLoader finds, and a call through it is the typed call.
 */
class VendorDescriptorTest {
  private static final String THREAD = "thread_abc123";
  private static final String PAGE = "{\"object\":\"list\",\"data\":[{\"id\":\"msg_1\",\"thread_id\":\"" + THREAD
      + "\",\"role\":\"user\",\"content\":\"hi\",\"created_at\":\"2026-01-02T03:04:05Z\"}],\"first_id\":\"msg_1\","
      + "\"last_id\":\"msg_1\",\"has_more\":false}";
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Object client(VendorDescriptor inbox) {
    return inbox.newClient(Map.of("INBOX_API_KEY", "sk_test_secret", "INBOX_BASE_URL", server.url("/v1/").toString()),
        builder -> builder.noRetries());
  }

  @Test
  void serviceLoaderFindsTheInboxWithItsEnvironmentAndOperations() {
    List<VendorDescriptor> installed = VendorDescriptor.installed();

    // The command line's test dependency brings the four SDKs along: the inbox is found among them.
    assertTrue(installed.stream().map(VendorDescriptor::id).toList().contains("inbox"));
    VendorDescriptor inbox = VendorDescriptor.find("inbox").orElseThrow();
    assertEquals("Inbox API", inbox.label(), "the spec's title, as it names no label");
    assertEquals(List.of("INBOX_API_KEY CREDENTIAL", "INBOX_BASE_URL BASE_URL"),
        inbox.environment().stream().map(v -> v.name() + " " + v.role()).toList());
    assertEquals(List.of("threads.retrieve retrieveThread", "threads.messages listMessages"),
        inbox.operations().stream().map(op -> op.service() + "." + op.name() + " " + op.operationId()).toList());
    assertEquals(List.of("thread_id", "limit", "after", "before"), inbox.operation("listMessages").orElseThrow()
        .parameters().stream().map(p -> p.name()).toList());
  }

  @Test
  void messagesThroughTheDescriptorSendsWhatTheTypedMethodSendsAndReturnsTheSameValue() throws Exception {
    server.enqueue(new MockResponse.Builder().body(PAGE).build());
    server.enqueue(new MockResponse.Builder().body(PAGE).build());
    VendorDescriptor inbox = VendorDescriptor.find("inbox").orElseThrow();
    Object client = client(inbox);

    MessageList typed = ((InboxClient) client).threads().messages(THREAD,
        MessageListParams.builder().limit(2).before("msg_9").build());
    Object described = inbox.operation("listMessages").orElseThrow().invoke(client, Arguments.builder()
        .put("thread_id", THREAD).put("limit", "2").put("before", "msg_9").build());

    assertEquals(typed, described);
    RecordedRequest expected = server.takeRequest();
    RecordedRequest actual = server.takeRequest();
    assertEquals("/v1/threads/" + THREAD + "/messages?limit=2&before=msg_9", actual.getTarget());
    assertEquals(expected.getTarget(), actual.getTarget());
    for (String header : List.of("Authorization", "User-Agent", "Accept")) {
      assertEquals(expected.getHeaders().get(header), actual.getHeaders().get(header), header);
    }
    assertEquals("Bearer sk_test_secret", actual.getHeaders().get("Authorization"));
  }

  @Test
  void iteratingThroughTheDescriptorPagesBackwardWithBefore() throws Exception {
    server.enqueue(new MockResponse.Builder().body(PAGE.replace("\"has_more\":false", "\"has_more\":true")).build());
    server.enqueue(new MockResponse.Builder().body(PAGE.replace("msg_1", "msg_0")).build());
    VendorDescriptor inbox = VendorDescriptor.find("inbox").orElseThrow();

    List<Object> messages = new ArrayList<>();
    inbox.operation("listMessages").orElseThrow().iterate(client(inbox), Arguments.builder().put("thread_id", THREAD)
        .put("before", "msg_9").build()).forEach(messages::add);

    assertEquals(2, messages.size());
    assertEquals("msg_9", server.takeRequest().getUrl().queryParameter("before"));
    assertEquals("msg_1", server.takeRequest().getUrl().queryParameter("before"));
  }

  @Test
  void anArgumentOfTheWrongTypeNamesTheParameterAndNothingIsSent() {
    VendorDescriptor inbox = VendorDescriptor.find("inbox").orElseThrow();
    OperationDescriptor messages = inbox.operation("listMessages").orElseThrow();
    Object client = client(inbox);

    assertEquals("limit must be a whole number (got \"2.5\")", assertThrows(IllegalArgumentException.class,
        () -> messages.invoke(client, Arguments.builder().put("thread_id", THREAD).put("limit", "2.5").build()))
        .getMessage());
    assertEquals("after and before are mutually exclusive (got both)", assertThrows(IllegalArgumentException.class,
        () -> messages.invoke(client, Arguments.builder().put("thread_id", THREAD).put("after", "msg_1")
            .put("before", "msg_2").build())).getMessage());
    assertEquals(0, server.getRequestCount());
  }
}
