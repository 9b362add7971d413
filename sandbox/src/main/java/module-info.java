/**
 * An in-process fake of every vendor API whose SDK is on the module path, on loopback, served from
 * each vendor's spec and sandbox scenario, for demos, integration tests and benchmarks: start a
 * {@link dev.sessionkit.sandbox.Sandbox} and point any SDK at its {@code environment()}.
 */
module dev.sessionkit.sandbox {
  // Sandbox hands out the requests it recorded (mockwebserver3.RecordedRequest).
  requires transitive mockwebserver3;
  // Sandbox.Builder.vendors takes descriptors; the vendors are found through them.
  requires transitive dev.sessionkit.core;
  requires okhttp3;
  requires com.squareup.moshi;
  requires transitive org.jspecify;

  exports dev.sessionkit.sandbox;
}
