/**
 * An in-process fake of the four vendor APIs on loopback, for demos, integration tests and
 * benchmarks: start a {@link dev.sessionkit.sandbox.Sandbox} and point any SDK at its
 * {@code environment()}.
 */
module dev.sessionkit.sandbox {
  // Sandbox hands out the requests it recorded (mockwebserver3.RecordedRequest).
  requires transitive mockwebserver3;
  requires okhttp3;
  requires com.squareup.moshi;
  requires transitive org.jspecify;

  exports dev.sessionkit.sandbox;
}
