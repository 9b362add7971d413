package dev.sessionkit.transcript;

import dev.sessionkit.agents.AgentsClient;
import dev.sessionkit.pipecat.PipecatClient;
import dev.sessionkit.piper.PiperClient;
import dev.sessionkit.qoder.QoderClient;
import dev.sessionkit.sandbox.Sandbox;

/** One sandbox for the test JVM, started on first use and stopped at exit, and clients of it. */
final class Fixtures {
  private static Sandbox sandbox;

  private Fixtures() {}

  static synchronized Sandbox sandbox() {
    if (sandbox == null) {
      Sandbox started = Sandbox.start();
      Runtime.getRuntime().addShutdownHook(new Thread(started::close));
      sandbox = started;
    }
    return sandbox;
  }

  static QoderClient qoder() {
    return QoderClient.builder().fromEnv(sandbox().environment()).build();
  }

  static AgentsClient agents() {
    return AgentsClient.builder().fromEnv(sandbox().environment()).build();
  }

  static PiperClient piper() {
    return PiperClient.builder().fromEnv(sandbox().environment()).build();
  }

  static PipecatClient pipecat() {
    return PipecatClient.builder().fromEnv(sandbox().environment()).build();
  }
}
