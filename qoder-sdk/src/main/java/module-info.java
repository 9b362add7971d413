/**
 * The typed client for the Qoder session events API: the client, its services and parameters ({@code dev.sessionkit.qoder}) and the
 * spec's types ({@code dev.sessionkit.qoder.model}), generated from {@code specs/qoder.yaml}.
 *
 * <p>The generated Retrofit interfaces in {@code dev.sessionkit.qoder.internal} are not exported; Retrofit
 * implements them with a {@link java.lang.reflect.Proxy}, which needs no access to their package.
 */
module dev.sessionkit.qoder {
  requires transitive dev.sessionkit.core;
  // The generated sources carry @javax.annotation.processing.Generated (source retention only);
  // transitive, so that no type of the public API comes from a module its readers do not read.
  requires static transitive java.compiler;

  exports dev.sessionkit.qoder;
  exports dev.sessionkit.qoder.model;
}
