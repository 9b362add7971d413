package dev.sessionkit.kafka.connect;

import dev.sessionkit.core.vendor.VendorDescriptor;
import dev.sessionkit.kafka.connect.internal.Assignment;
import dev.sessionkit.kafka.connect.internal.Discovery;
import dev.sessionkit.kafka.connect.internal.Position;
import dev.sessionkit.kafka.connect.internal.SessionRef;
import dev.sessionkit.kafka.connect.internal.SessionSource;
import dev.sessionkit.kafka.connect.internal.SourceConfig;
import dev.sessionkit.kafka.connect.internal.Version;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports the sessions of sessionkit vendors to Kafka: for each configured vendor, the sessions its
 * configuration names or its listing operation lists, each session's events in order, a page at a
 * time, resuming from the page cursor Connect stores as the source offset.
 *
 * <pre>{@code
 * connector.class=dev.sessionkit.kafka.connect.SessionSourceConnector
 * vendors=acme,globex
 * topic=sessions.{vendor}
 * vendor.acme.credential=${file:/etc/kafka/sessionkit.properties:acme}
 * vendor.acme.sessions=s_0001,s_0002
 * vendor.globex.credential=${file:/etc/kafka/sessionkit.properties:globex}
 * vendor.globex.sessions=agent_1/s_0001
 * }</pre>
 *
 * <p>Vendors are the sessionkit SDK modules in the connector's plugin directory, found through their
 * {@link VendorDescriptor}s; the connector names none. Sessions are dealt over at most
 * {@code tasks.max} tasks; when a listing finds new sessions, the connector asks Connect to
 * reconfigure the tasks. A source partition is a vendor and a session; its offset, the cursor of the
 * page to read next and how much of it was exported. The connector supports Connect's exactly-once
 * source delivery (KIP-618) with transaction boundaries per poll, per interval, or per page
 * ({@code transaction.boundary=connector}).
 */
public final class SessionSourceConnector extends SourceConnector {
  private static final Logger LOG = LoggerFactory.getLogger(SessionSourceConnector.class);

  private final Supplier<List<VendorDescriptor>> installed;
  private Map<String, String> props = Map.of();
  private List<String> vendors = List.of();
  private Discovery discovery;

  /** Creates the connector; Connect calls this. */
  public SessionSourceConnector() {
    this(VendorDescriptor::installed);
  }

  /** Creates a connector that finds its vendors with {@code installed}; for tests. */
  SessionSourceConnector(Supplier<List<VendorDescriptor>> installed) {
    this.installed = Objects.requireNonNull(installed, "installed == null");
  }

  /** Returns the version of this build. */
  @Override
  public String version() {
    return Version.VERSION;
  }

  /**
   * Reads the configuration, opens the vendors that list their sessions and lists them once.
   *
   * @throws ConnectException when the configuration is not valid; the message names each key and problem
   */
  @Override
  public void start(Map<String, String> props) {
    SourceConfig config = config(props, installed.get());
    this.props = Map.copyOf(props);
    this.vendors = config.vendors();
    List<SessionRef> named = new ArrayList<>();
    Map<String, SessionSource> listing = new LinkedHashMap<>();
    for (String vendor : config.vendors()) {
      SessionSource source = config.open(vendor);
      for (String session : config.sessions(vendor)) named.add(SessionRef.parse(vendor, session, source.byAgent()));
      if (config.sessions(vendor).isEmpty() && source.lists()) listing.put(vendor, source);
    }
    discovery = new Discovery(named, listing, Duration.ofMillis(config.discoveryIntervalMs()), () -> {
      LOG.info("new sessions found: reconfiguring the tasks");
      context.requestTaskReconfiguration();
    });
    discovery.start();
    LOG.info("exporting {} sessions of {} to {}", discovery.sessions().size(), config.vendors(), config.getString(SourceConfig.TOPIC));
  }

  /** Returns the task class, {@link SessionSourceTask}. */
  @Override
  public Class<? extends Task> taskClass() {
    return SessionSourceTask.class;
  }

  /**
   * Deals the sessions found so far over at most {@code maxTasks} tasks (none without a session). Each
   * task's configuration is the connector's, under the same keys (so that a credential given through a
   * config provider stays a placeholder in what Connect stores and returns), with its own sessions in
   * place of the connector's named ones.
   */
  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    List<List<SessionRef>> groups = Assignment.spread(discovery.sessions(), maxTasks);
    Map<String, String> shared = new HashMap<>(props);
    for (String vendor : vendors) shared.remove(SourceConfig.sessionsKey(vendor));
    List<Map<String, String>> configs = new ArrayList<>(groups.size());
    for (List<SessionRef> group : groups) {
      Map<String, String> config = new HashMap<>(shared);
      config.put(SourceConfig.TASK_SESSIONS, group.stream().map(SessionRef::encode).collect(Collectors.joining(",")));
      configs.add(config);
    }
    return configs;
  }

  /** Stops listing sessions. */
  @Override
  public void stop() {
    if (discovery != null) discovery.close();
  }

  /** Returns the configuration keys: the general ones and a group for each installed vendor. */
  @Override
  public ConfigDef config() {
    return SourceConfig.definition(installed.get());
  }

  /**
   * Checks each key, then what no single key can say: that each vendor can be exported, has its
   * credential, and has sessions named or a way to list them.
   */
  @Override
  public Config validate(Map<String, String> connectorConfigs) {
    Config checked = super.validate(connectorConfigs);
    if (checked.configValues().stream().anyMatch(value -> !value.errorMessages().isEmpty())) return checked;
    SourceConfig config = new SourceConfig(connectorConfigs, installed.get());
    Map<String, List<String>> problems = SourceConfig.vendorProblems(config);
    for (ConfigValue value : checked.configValues()) {
      problems.getOrDefault(value.name(), List.of()).forEach(value::addErrorMessage);
    }
    return checked;
  }

  /**
   * Returns {@link ExactlyOnceSupport#SUPPORTED}: a session is read again from the page its committed
   * offset names, and its events come back the same, so a transaction's records and offsets agree.
   */
  @Override
  public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
    return ExactlyOnceSupport.SUPPORTED;
  }

  /** Returns {@link ConnectorTransactionBoundaries#SUPPORTED}: with {@code transaction.boundary=connector}, a transaction per page. */
  @Override
  public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> connectorConfig) {
    return ConnectorTransactionBoundaries.SUPPORTED;
  }

  /**
   * Accepts offsets set or reset over Connect's REST API (KIP-875) when each partition is a vendor and a
   * session and each offset is one this connector writes, or null to export the session again from
   * its first page.
   *
   * @throws ConnectException naming the partition and the problem otherwise
   */
  @Override
  public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
    for (Map.Entry<Map<String, ?>, Map<String, ?>> entry : offsets.entrySet()) {
      SessionRef session = SessionRef.fromPartition(entry.getKey());
      if (session == null) {
        throw new ConnectException("not a partition of this connector: " + entry.getKey() + " (it has "
            + SessionRef.VENDOR + ", " + SessionRef.SESSION + " and, for a session named by agent, " + SessionRef.AGENT + ")");
      }
      try {
        Position.fromOffset(entry.getValue());
      } catch (IllegalArgumentException e) {
        throw new ConnectException(session + ": not an offset of this connector: " + e.getMessage());
      }
    }
    return true;
  }

  private static SourceConfig config(Map<String, String> props, List<VendorDescriptor> installed) {
    SourceConfig config;
    try {
      config = new SourceConfig(props, installed);
    } catch (ConfigException e) {
      throw new ConnectException("invalid configuration: " + e.getMessage(), e);
    }
    Map<String, List<String>> problems = SourceConfig.vendorProblems(config);
    if (!problems.isEmpty()) {
      throw new ConnectException("invalid configuration: " + problems.entrySet().stream()
          .map(problem -> problem.getKey() + ": " + String.join("; ", problem.getValue()))
          .collect(Collectors.joining("; ")));
    }
    return config;
  }
}
