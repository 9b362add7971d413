/**
 * A Kafka Connect source connector that exports the sessions of every installed sessionkit vendor:
 * each session's events in order, one record per transcript entry (or per raw event), resuming from
 * the page cursor Connect stores as the source offset, with Connect's exactly-once source support.
 *
 * <p>Kafka 4.3's jars declare no module name, so {@code connect.api} and {@code kafka.clients} are the
 * automatic names the JDK derives from their file names ({@code connect-api-4.3.1.jar}). A Connect
 * worker loads plugins from its {@code plugin.path} on the class path, where this descriptor plays no
 * part; it states the module's API for the module path, and registers the connector for
 * {@link java.util.ServiceLoader} as its {@code META-INF/services} entry does on the class path.
 */
module dev.sessionkit.kafka.connect {
  // The connector's API is Connect's (SourceConnector, ConfigDef): its readers read both.
  requires transitive connect.api;
  requires transitive kafka.clients;
  requires dev.sessionkit.core;
  requires org.slf4j;

  exports dev.sessionkit.kafka.connect;

  // Vendors are found as the rest of sessionkit finds them: their modules' generated descriptors.
  uses dev.sessionkit.core.vendor.VendorDescriptor;

  provides org.apache.kafka.connect.source.SourceConnector with dev.sessionkit.kafka.connect.SessionSourceConnector;
}
