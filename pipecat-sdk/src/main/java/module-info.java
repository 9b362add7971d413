/**
 * The typed client for the Pipecat Cloud session details API: the client, its services and parameters ({@code dev.sessionkit.pipecat}) and the
 * spec's types ({@code dev.sessionkit.pipecat.model}), generated from {@code specs/pipecat.yaml}.
 *
 * <p>The generated Retrofit interfaces in {@code dev.sessionkit.pipecat.internal} are not exported; Retrofit
 * implements them with a {@link java.lang.reflect.Proxy}, which needs no access to their package.
 */
module dev.sessionkit.pipecat {
  requires transitive dev.sessionkit.core;
  // The generated sources carry @javax.annotation.processing.Generated (source retention only);
  // transitive, so that no type of the public API comes from a module its readers do not read.
  requires static transitive java.compiler;

  exports dev.sessionkit.pipecat;
  exports dev.sessionkit.pipecat.model;
}
