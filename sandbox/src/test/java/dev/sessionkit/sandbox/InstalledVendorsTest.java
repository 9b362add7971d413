package dev.sessionkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A vendor module on the class path is served with no change to the sandbox: the inbox example
 * (examples/inbox-sdk), which ships a spec and no scenario, is served from its spec's examples.
 */
class InstalledVendorsTest {
  @Test
  void everyInstalledVendorIsServedByDefault() {
    try (Sandbox sandbox = Sandbox.start()) {
      assertEquals(List.of("inbox"), sandbox.vendors());
      assertEquals(Map.of("INBOX_API_KEY", "sandbox-inbox-credential", "INBOX_BASE_URL", "http://127.0.0.1:" + sandbox.port()
          + "/inbox/v1/"), sandbox.environment());
    }
  }

  @Test
  void aVendorWithoutAScenarioIsServedFromItsSpecsExamples() throws Exception {
    try (Sandbox sandbox = Sandbox.start()) {
      Http inbox = Http.bearer(sandbox, "inbox");
      Http.Answer thread = inbox.get("threads/thread_abc123");
      assertEquals(200, thread.status());
      assertEquals(Map.of("id", "thread_abc123", "object", "thread", "created_at", "2026-01-02T03:04:05Z",
          "title", "Quarterly report"), thread.json());
      Http.Answer page = inbox.get("threads/thread_abc123/messages?limit=10");
      assertEquals("msg_1", page.list("data").get(0).get("id"));
      Http.Answer after = inbox.get("threads/thread_abc123/messages?after=msg_1");
      assertEquals(List.of(), after.json().get("data"), "the documented items are the whole list");
      assertEquals(false, after.json().get("has_more"));
    }
  }

  @Test
  void itsCredentialCheckAndErrorsComeFromItsSpec() throws Exception {
    try (Sandbox sandbox = Sandbox.start()) {
      Http.Answer refused = Http.anonymous(sandbox, "inbox").get("threads/thread_abc123");
      assertEquals(401, refused.status());
      assertEquals("invalid_api_key", refused.at("error.code"));
      assertEquals(404, Http.bearer(sandbox, "inbox").get("threads/not-a-thread").status());
    }
  }
}
