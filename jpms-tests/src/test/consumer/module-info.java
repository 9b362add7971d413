/**
 * A user's application that needs only the SDKs' exported packages, run on the module path. It
 * requires the four SDKs to call them by their types; the vendor descriptors it finds through
 * ServiceLoader are bound by the module system, whatever it requires.
 */
module consumer {
  requires dev.sessionkit.core;
  requires dev.sessionkit.qoder;
  requires dev.sessionkit.piper;
  requires dev.sessionkit.pipecat;
  requires dev.sessionkit.agents;
  requires dev.sessionkit.sandbox;
  // Reads the vendors only through their descriptors (ServiceLoader, the SDKs' `provides`).
  requires dev.sessionkit.transcript;
}
