package consumer;

import dev.sessionkit.agents.AgentsClient;
import dev.sessionkit.core.vendor.Arguments;
import dev.sessionkit.core.vendor.VendorDescriptor;
import dev.sessionkit.agents.EventListParams;
import dev.sessionkit.agents.model.AgentEvent;
import dev.sessionkit.pipecat.PipecatClient;
import dev.sessionkit.pipecat.ResourceSamples;
import dev.sessionkit.pipecat.model.ResourceSample;
import dev.sessionkit.pipecat.model.SessionDetails;
import dev.sessionkit.piper.PiperClient;
import dev.sessionkit.piper.RunEventsView;
import dev.sessionkit.piper.model.EventResponse;
import dev.sessionkit.piper.model.SessionEventsResponse;
import dev.sessionkit.qoder.QoderClient;
import dev.sessionkit.qoder.model.SessionEvent;
import dev.sessionkit.qoder.model.SessionEventList;
import dev.sessionkit.sandbox.Sandbox;
import dev.sessionkit.sandbox.SandboxSession;
import dev.sessionkit.transcript.Transcript;
import dev.sessionkit.transcript.Transcripts;
import java.util.Map;

/**
 * Calls each SDK against the sandbox and prints one line per SDK: module name and what came back.
 * Then finds every vendor on the module path with {@code ServiceLoader} (this module requires none
 * for that: the module system binds the providers of the service common uses) and calls one
 * operation through a descriptor, as a command line does.
 */
public final class Main {
  public static void main(String[] args) {
    try (Sandbox sandbox = Sandbox.start()) {
      Map<String, String> env = sandbox.environment();

      QoderClient qoder = QoderClient.builder().fromEnv(env).build();
      int qoderEvents = 0;
      for (SessionEvent event : qoder.sessions().iterateEvents(sandbox.session("qoder", 250).id())) {
        qoderEvents++;
      }
      print(QoderClient.class, "events " + qoderEvents);

      PiperClient piper = PiperClient.builder().fromEnv(env).build();
      SandboxSession documented = sandbox.documentedSession("piper");
      SessionEventsResponse session = piper.sessions().events(documented.parameter("org_id"), documented.id());
      int piperEvents = 0;
      for (EventResponse event : RunEventsView.of(session)) {
        piperEvents++;
      }
      print(PiperClient.class, "runs " + session.runs().size() + ", events " + piperEvents);

      PipecatClient pipecat = PipecatClient.builder().fromEnv(env).build();
      SandboxSession metered = sandbox.documentedSession("pipecat");
      SessionDetails details = pipecat.sessions().get(metered.parameter("agentName"), metered.id());
      int samples = 0;
      for (ResourceSample sample : ResourceSamples.of(details)) {
        samples++;
      }
      print(PipecatClient.class, "samples " + samples);

      AgentsClient agents = AgentsClient.builder().fromEnv(env).build();
      int agentEvents = 0;
      SandboxSession generated = sandbox.session("agents-v2", 120);
      for (AgentEvent event : agents.sessions().iterateEvents(generated.parameter("agent_key"),
          generated.id(), EventListParams.builder().limit(50).build())) {
        agentEvents++;
      }
      print(AgentsClient.class, "events " + agentEvents);

      for (VendorDescriptor vendor : VendorDescriptor.installed()) {
        System.out.println("vendor " + vendor.id() + " in " + vendor.getClass().getModule().getName() + ": "
            + vendor.operations().size() + " operations");
      }
      VendorDescriptor described = VendorDescriptor.find("qoder").orElseThrow();
      Object page = described.shortcut("events").orElseThrow().invoke(described.newClient(env, builder -> { }),
          Arguments.builder().put("session_id", sandbox.session("qoder", 250).id()).put("limit", "10").build());
      print(page.getClass(), "events through the descriptor " + ((SessionEventList) page).data().size());

      // The transcript module requires no SDK: it finds each vendor through the descriptor the SDK provides.
      Transcript transcript = Transcripts.of("agents-v2").session(generated.id())
          .agent(generated.parameter("agent_key"))
          .pages(agents.sessions().iterateEvents(generated.parameter("agent_key"), generated.id()))
          .toTranscript();
      print(Transcripts.class, transcript.vendor() + " entries " + transcript.entries().size());
    }
  }

  private static void print(Class<?> client, String result) {
    Module module = client.getModule();
    String kind = !module.isNamed() ? "unnamed"
        : module.getDescriptor().isAutomatic() ? "automatic" : "explicit";
    System.out.println(module.getName() + " (" + kind + "): " + result);
  }
}
