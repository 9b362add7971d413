package dev.sessionkit.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sessionkit.errors.AuthenticationException;
import dev.sessionkit.inbox.model.Message;
import dev.sessionkit.inbox.model.MessageList;
import dev.sessionkit.inbox.model.Thread;
import dev.sessionkit.sandbox.Sandbox;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A vendor module on the class path is served by the sandbox with no change to the sandbox: this
 * module ships a spec and no scenario, so the sandbox answers from the spec's examples, with the
 * spec's credential check and error envelope.
 */
class SandboxTest {
  @Test
  void theSandboxServesTheInstalledVendorFromItsSpecsExamples() {
    try (Sandbox sandbox = Sandbox.start()) {
      assertTrue(sandbox.vendors().contains("inbox"), sandbox.vendors().toString());
      assertEquals(Map.of("INBOX_API_KEY", "sandbox-inbox-credential", "INBOX_BASE_URL",
          "http://127.0.0.1:" + sandbox.port() + "/inbox/v1/"), sandbox.environment("inbox"));
      InboxClient client = InboxClient.builder().fromEnv(sandbox.environment("inbox")).noRetries().build();

      Thread thread = client.threads().retrieve("thread_abc123");
      assertEquals("thread_abc123", thread.id());
      assertEquals("Quarterly report", thread.title());
      MessageList page = client.threads().messages("thread_abc123", MessageListParams.builder().limit(10).build());
      assertEquals("msg_1", page.data().get(0).id());
      MessageList after = client.threads().messages("thread_abc123", MessageListParams.builder().after("msg_1").build());
      assertEquals(List.of(), after.data(), "the documented items are the whole list");
      assertFalse(after.hasMore());
      List<String> all = client.threads().iterateMessages("thread_abc123").stream().map(Message::id).toList();
      assertEquals(page.data().stream().map(Message::id).toList(), all);
    }
  }

  @Test
  void itsCredentialCheckAndErrorsComeFromItsSpec() {
    try (Sandbox sandbox = Sandbox.start()) {
      Map<String, String> wrong = new HashMap<>(sandbox.environment("inbox"));
      wrong.put("INBOX_API_KEY", "not-the-sandbox-credential");
      InboxClient refused = InboxClient.builder().fromEnv(wrong).noRetries().build();
      AuthenticationException e = assertThrows(AuthenticationException.class,
          () -> refused.threads().retrieve("thread_abc123"));
      assertEquals(401, e.status());
      assertEquals("invalid_api_key", e.errorCode());

      // With no scenario the sandbox holds no state: any id of the spec's form answers the spec's example.
      InboxClient client = InboxClient.builder().fromEnv(sandbox.environment("inbox")).noRetries().build();
      assertEquals("thread_abc123", client.threads().retrieve("thread_other").id());
    }
  }
}
