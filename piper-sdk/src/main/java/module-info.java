/**
 * The typed client for the Piper session events and scenario run APIs: the client, its services and parameters ({@code dev.sessionkit.piper}) and the
 * spec's types ({@code dev.sessionkit.piper.model}), generated from {@code specs/piper.yaml}.
 *
 * <p>The generated Retrofit interfaces in {@code dev.sessionkit.piper.internal} are not exported; Retrofit
 * implements them with a {@link java.lang.reflect.Proxy}, which needs no access to their package.
 */
module dev.sessionkit.piper {
  requires transitive dev.sessionkit.core;
  // The generated sources carry @javax.annotation.processing.Generated (source retention only);
  // transitive, so that no type of the public API comes from a module its readers do not read.
  requires static transitive java.compiler;

  exports dev.sessionkit.piper;
  exports dev.sessionkit.piper.model;
}
