package dev.sessionkit.pipecat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.pipecat.model.SessionDetails;
import dev.sessionkit.pipecat.model.StartRequest;
import dev.sessionkit.pipecat.model.StartResponse;
import dev.sessionkit.pipecat.model.StopResponse;
import dev.sessionkit.sandbox.Sandbox;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pipecat Cloud's documented lifecycle through the public SDK against the sandbox: start an agent
 * session, read it and find it listed while it runs, stop it, and read it ended. (Pipecat's agents
 * talk over Daily or WebSocket transports, not an HTTP event stream: the API has none to follow.)
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LifecycleAgainstSandboxTest {
  @Test
  void aSessionIsStartedReadListedStoppedAndReadEnded() {
    try (Sandbox sandbox = Sandbox.start()) {
      PipecatClient client = PipecatClient.builder().fromEnv(sandbox.environment("pipecat")).build();
      String agent = sandbox.documentedSession("pipecat").parameter("agentName");

      StartResponse started = client.sessions().start(agent, StartRequest.builder().createDailyRoom(true).build());
      String id = started.sessionId();
      assertNotNull(id, "the started session's id");

      SessionDetails running = client.sessions().get(agent, id);
      assertEquals(id, running.sessionId());
      assertNull(running.endedAt(), "running");
      assertTrue(client.sessions().streamList(agent).anyMatch(s -> id.equals(s.sessionId())), "listed while it runs");

      StopResponse stopped = client.sessions().stop(agent, id);
      assertNotNull(stopped);
      assertNotNull(client.sessions().get(agent, id).endedAt(), "ended once stopped");
    }
  }
}
