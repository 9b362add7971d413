/**
 * The typed client for the Agents API v2 session events: the client, its services and parameters ({@code dev.sessionkit.agents}) and the
 * spec's types ({@code dev.sessionkit.agents.model}), generated from {@code specs/agents-v2.yaml}.
 *
 * <p>The generated Retrofit interfaces in {@code dev.sessionkit.agents.internal} are not exported; Retrofit
 * implements them with a {@link java.lang.reflect.Proxy}, which needs no access to their package.
 */
module dev.sessionkit.agents {
  requires transitive dev.sessionkit.core;
  // The generated sources carry @javax.annotation.processing.Generated (source retention only);
  // transitive, so that no type of the public API comes from a module its readers do not read.
  requires static transitive java.compiler;

  exports dev.sessionkit.agents;
  exports dev.sessionkit.agents.model;
}
