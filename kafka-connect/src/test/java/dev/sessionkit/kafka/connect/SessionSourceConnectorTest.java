package dev.sessionkit.kafka.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.vendor.VendorDescriptor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.ConnectorContext;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.junit.jupiter.api.Test;

/** The connector: its keys, its checks, how it deals sessions to tasks and when it deals them again. */
class SessionSourceConnectorTest {
  private final MemoryVendor named = new MemoryVendor("named", false);
  private final MemoryVendor listing = new MemoryVendor("listing", true);
  private final List<VendorDescriptor> installed = List.of(listing, named, VendorDescriptor.find("agents-v2").orElseThrow());

  private SessionSourceConnector connector() {
    return new SessionSourceConnector(() -> installed);
  }

  private static Map<String, String> props(String... pairs) {
    Map<String, String> props = new HashMap<>(Map.of("topic", "sessions"));
    for (int i = 0; i < pairs.length; i += 2) props.put(pairs[i], pairs[i + 1]);
    return props;
  }

  private static Map<String, List<String>> errors(List<ConfigValue> values) {
    return values.stream().filter(value -> !value.errorMessages().isEmpty())
        .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages, (a, b) -> a, TreeMap::new));
  }

  @Test
  void eachInstalledVendorHasItsGroupOfKeysWithAHiddenCredential() {
    ConfigDef def = connector().config();

    assertEquals(ConfigDef.Type.PASSWORD, def.configKeys().get("vendor.named.credential").type);
    assertEquals("https://named.example.com/", def.configKeys().get("vendor.named.base.url").defaultValue);
    assertEquals(ConfigDef.Type.LIST, def.configKeys().get("vendor.agents-v2.sessions").type);
    assertTrue(def.groups().containsAll(List.of("Export", "Vendor listing", "Vendor named", "Vendor agents-v2")), def.groups().toString());
    assertTrue(def.configKeys().get("vendors").documentation.contains("installed here: listing, named, agents-v2"));
  }

  @Test
  void validationReportsEachProblemOnItsKeyWithoutEchoingACredential() {
    Map<String, List<String>> errors = errors(connector().validate(props("vendors", "named,agents-v2",
        "vendor.agents-v2.credential", "zut_secret_1", "vendor.agents-v2.sessions", "ase_1,agt_1/ase_2")).configValues());

    assertEquals(Map.of(
        "vendor.named.credential", List.of("named is one of the vendors, so its credential is required"),
        "vendor.named.sessions", List.of("named has no operation that lists its sessions, so they must be named here"),
        "vendor.agents-v2.sessions", List.of("agents-v2 sessions are named agent/session (got \"ase_1\")")), errors);
    assertTrue(!errors.toString().contains("zut_secret_1"));
    assertEquals(Map.of("vendors", List.of("Invalid value [nobody] for configuration vendors: no installed vendor has the id"
            + " nobody (installed: listing, named, agents-v2)")),
        errors(connector().validate(props("vendors", "nobody")).configValues()));
  }

  @Test
  void startRefusesAnInvalidConfigurationNamingTheKey() {
    ConnectException e = assertThrows(ConnectException.class, () -> connector().start(props("vendors", "named",
        "vendor.named.credential", "t")));
    assertEquals("invalid configuration: vendor.named.sessions: named has no operation that lists its sessions, so they"
        + " must be named here", e.getMessage());
  }

  @Test
  void sessionsAreDealtOverTheTasksEachWithTheConnectorsOwnKeys() {
    SessionSourceConnector connector = connector();
    Map<String, String> props = props("vendors", "named,agents-v2", "vendor.named.credential", "${file:/s:named}",
        "vendor.named.sessions", "s1,s2,s3", "vendor.agents-v2.credential", "${file:/s:agents}",
        "vendor.agents-v2.sessions", "agt_1/ase_1,agt_1/ase_2");
    connector.start(props);

    List<Map<String, String>> tasks = connector.taskConfigs(2);
    List<Map<String, String>> one = connector.taskConfigs(10);
    connector.stop();

    assertEquals(2, tasks.size());
    assertEquals("agents-v2:agt_1/ase_1,named:s1,named:s3", tasks.get(0).get("task.sessions"));
    assertEquals("agents-v2:agt_1/ase_2,named:s2", tasks.get(1).get("task.sessions"));
    assertEquals("${file:/s:named}", tasks.get(0).get("vendor.named.credential"), "the same key, so Connect keeps its placeholder");
    assertEquals(5, one.size(), "no task without a session");
    assertTrue(!tasks.get(0).containsKey("vendor.named.sessions"), "a task has its own sessions, not the connector's list");
  }

  @Test
  void aListingThatGrowsMakesTheConnectorAskForNewTaskConfigurations() throws Exception {
    listing.listed.addAll(List.of("l1", "l2"));
    SessionSourceConnector connector = connector();
    CountDownLatch reconfigured = new CountDownLatch(1);
    connector.initialize(new ConnectorContext() {
      @Override
      public void requestTaskReconfiguration() {
        reconfigured.countDown();
      }

      @Override
      public void raiseError(Exception e) {
        throw new AssertionError(e);
      }

      @Override
      public org.apache.kafka.common.metrics.PluginMetrics pluginMetrics() {
        return null;
      }
    });
    connector.start(props("vendors", "listing", "vendor.listing.credential", "t", "discovery.interval.ms", "100"));
    try {
      assertEquals("listing:l1,listing:l2", connector.taskConfigs(1).get(0).get("task.sessions"));
      assertTrue(!reconfigured.await(300, TimeUnit.MILLISECONDS), "the same sessions: nothing to do");
      listing.listed.add("l3");
      assertTrue(reconfigured.await(5, TimeUnit.SECONDS));
      assertEquals("listing:l1,listing:l2,listing:l3", connector.taskConfigs(1).get(0).get("task.sessions"));
    } finally {
      connector.stop();
    }
  }

  @Test
  void exactlyOnceAndConnectorDefinedTransactionsAreSupported() {
    assertEquals(ExactlyOnceSupport.SUPPORTED, connector().exactlyOnceSupport(Map.of()));
    assertEquals(ConnectorTransactionBoundaries.SUPPORTED, connector().canDefineTransactionBoundaries(Map.of()));
  }

  @Test
  void offsetsSetOverRestMustBeThisConnectorsAndAResetIsAccepted() {
    Map<String, Object> partition = Map.of("vendor", "named", "session", "s1");
    assertTrue(connector().alterOffsets(Map.of(), Map.of(partition, Map.of("cursor", "3", "seen", 1L, "events", 4L))));
    Map<Map<String, ?>, Map<String, ?>> reset = new HashMap<>();
    reset.put(partition, null);
    assertTrue(connector().alterOffsets(Map.of(), reset));
    assertEquals("named session s1: not an offset of this connector: seen must be a whole number of events, 0 or more (got -1)",
        assertThrows(ConnectException.class, () -> connector().alterOffsets(Map.of(),
            Map.of(partition, Map.of("seen", -1L, "events", 4L)))).getMessage());
    assertTrue(assertThrows(ConnectException.class, () -> connector().alterOffsets(Map.of(),
        Map.of(Map.of("file", "x"), Map.of("seen", 0L, "events", 0L)))).getMessage()
        .startsWith("not a partition of this connector: {file=x}"));
  }
}
