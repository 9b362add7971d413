/** A user's application that needs only the SDKs' exported packages, run on the module path. */
module consumer {
  requires dev.sessionkit.qoder;
  requires dev.sessionkit.piper;
  requires dev.sessionkit.pipecat;
  requires dev.sessionkit.agents;
  requires dev.sessionkit.sandbox;
  // Reads the vendors only through their descriptors (ServiceLoader, the SDKs' `provides`).
  requires dev.sessionkit.transcript;
}
