/**
 * The drift check: decodes recorded vendor responses with the SDKs' own models and reports what
 * the specs do not describe ({@link dev.sessionkit.contract.DriftCheck}).
 */
module dev.sessionkit.contract {
  requires dev.sessionkit.core;
  requires dev.sessionkit.qoder;
  requires dev.sessionkit.piper;
  requires dev.sessionkit.pipecat;
  requires dev.sessionkit.agents;

  exports dev.sessionkit.contract;
}
