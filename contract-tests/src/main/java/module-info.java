/**
 * The drift check: decodes recorded vendor responses with the SDKs' own models and reports what
 * the specs do not describe ({@link dev.sessionkit.contract.DriftCheck}). It names no vendor: the
 * SDKs on the module path are found through their vendor descriptors.
 */
module dev.sessionkit.contract {
  requires transitive dev.sessionkit.core;

  exports dev.sessionkit.contract;
}
