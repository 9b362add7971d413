package dev.sessionkit.kafka.connect.internal;

import dev.sessionkit.core.vendor.EnvironmentVariable;
import dev.sessionkit.core.vendor.VendorDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.jspecify.annotations.Nullable;

/**
 * The connector's configuration: its {@link ConfigDef} (the general keys, then one group of keys per
 * installed vendor) and the values read from a connector's or a task's properties. Values are never
 * logged; credentials are of type {@link Type#PASSWORD}, so Connect shows them as {@code [hidden]}.
 */
public final class SourceConfig extends AbstractConfig {
  /** The vendors whose sessions are exported. */
  public static final String VENDORS = "vendors";
  /** The topic, where {@code {vendor}} stands for the vendor's id. */
  public static final String TOPIC = "topic";
  /** What a record's value holds: {@code transcript} entries or the vendor's {@code raw} events. */
  public static final String VALUE_FORMAT = "value.format";
  /** How long a caught-up session waits before its last page is read again. */
  public static final String POLL_INTERVAL_MS = "poll.interval.ms";
  /** How often the connector lists sessions again to find new ones. */
  public static final String DISCOVERY_INTERVAL_MS = "discovery.interval.ms";
  /** How many events to ask for a page. */
  public static final String PAGE_SIZE = "page.size";
  /** How many pages of different sessions a task fetches at a time. */
  public static final String FETCH_CONCURRENCY = "fetch.concurrency";
  /** How many records one poll returns at least, in whole pages, when that many are ready. */
  public static final String BATCH_SIZE = "batch.size";
  /** The longest a vendor's sessions pause after a rate limit or an outage. */
  public static final String BACKOFF_MAX_MS = "backoff.max.ms";
  /** How many times the SDK retries a request that failed in a way safe to repeat. */
  public static final String MAX_RETRIES = "max.retries";
  /** The sessions a task reads: in task configurations only, written by the connector. */
  public static final String TASK_SESSIONS = "task.sessions";

  /** The value format of transcript entries. */
  public static final String TRANSCRIPT = "transcript";
  /** The value format of raw vendor events. */
  public static final String RAW = "raw";

  private static final String GENERAL = "Export";

  private final List<VendorDescriptor> installed;

  /** Reads {@code props} against the keys of the {@code installed} vendors; fails naming the first bad key. */
  public SourceConfig(Map<String, String> props, List<VendorDescriptor> installed) {
    super(definition(installed), props, false);
    this.installed = List.copyOf(installed);
  }

  /** Returns the key of {@code vendor}'s credential. */
  public static String credentialKey(String vendor) {
    return "vendor." + vendor + ".credential";
  }

  /** Returns the key of {@code vendor}'s base URL. */
  public static String baseUrlKey(String vendor) {
    return "vendor." + vendor + ".base.url";
  }

  /** Returns the key of {@code vendor}'s explicit sessions. */
  public static String sessionsKey(String vendor) {
    return "vendor." + vendor + ".sessions";
  }

  /** Returns the key that sets {@code vendor}'s environment variable {@code variable} (a parameter's default). */
  public static String environmentKey(String vendor, String variable) {
    return "vendor." + vendor + ".env." + variable;
  }

  /** Returns the keys of the connector: the general ones, then a group per installed vendor, in id order. */
  public static ConfigDef definition(List<VendorDescriptor> installed) {
    List<String> ids = installed.stream().map(VendorDescriptor::id).toList();
    ConfigDef def = new ConfigDef();
    int order = 0;
    def.define(VENDORS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, new InstalledVendors(ids), Importance.HIGH,
        "The ids of the vendors whose sessions are exported, comma-separated. A vendor is installed when its"
            + " sessionkit SDK module is in the connector's plugin directory"
            + (ids.isEmpty() ? "; none is." : "; installed here: " + String.join(", ", ids) + "."),
        GENERAL, ++order, Width.MEDIUM, "Vendors");
    def.define(TOPIC, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyStringWithoutControlChars(),
        Importance.HIGH, "The topic every record is written to. {vendor} stands for the vendor's id, so that"
            + " sessions.{vendor} writes each vendor to a topic of its own.", GENERAL, ++order, Width.MEDIUM, "Topic");
    def.define(VALUE_FORMAT, Type.STRING, TRANSCRIPT, ConfigDef.ValidString.in(TRANSCRIPT, RAW), Importance.MEDIUM,
        "What a record's value holds: transcript (one record per transcript entry, a Struct with a declared"
            + " schema, the same for every vendor) or raw (one record per event: the vendor's event as JSON text).",
        GENERAL, ++order, Width.SHORT, "Value format");
    def.define(POLL_INTERVAL_MS, Type.LONG, 5_000L, ConfigDef.Range.atLeast(10), Importance.MEDIUM,
        "How long a session that has no newer events waits, in milliseconds, before its last page is read"
            + " again for events added since.", GENERAL, ++order, Width.SHORT, "Poll interval (ms)");
    def.define(DISCOVERY_INTERVAL_MS, Type.LONG, 60_000L, ConfigDef.Range.atLeast(100), Importance.LOW,
        "How often, in milliseconds, the connector lists the sessions of the vendors that have a listing"
            + " operation; when the set grows, it spreads the sessions over its tasks again.",
        GENERAL, ++order, Width.SHORT, "Discovery interval (ms)");
    def.define(PAGE_SIZE, Type.INT, null, new OptionalAtLeast(1), Importance.LOW,
        "How many events to ask for each page; empty for what the SDK asks for (the spec's maximum where it"
            + " has one). Ignored for a vendor whose history operation takes no page size.",
        GENERAL, ++order, Width.SHORT, "Page size");
    def.define(BATCH_SIZE, Type.INT, 5_000, ConfigDef.Range.atLeast(1), Importance.LOW,
        "How many records one poll of a task gathers before it returns them, in whole pages (a page is never"
            + " split between two polls, so a transaction per poll holds whole pages). With exactly-once"
            + " delivery and transaction.boundary=poll each poll is a transaction, whose commit costs a few"
            + " round trips to the broker: larger batches mean fewer commits.",
        GENERAL, ++order, Width.SHORT, "Batch size");
    def.define(FETCH_CONCURRENCY, Type.INT, 4, ConfigDef.Range.between(1, 64), Importance.LOW,
        "How many pages of different sessions a task fetches at a time (each session's pages one after the"
            + " other, so its events stay in order). A vendor's latency, not Kafka, bounds a task that fetches"
            + " one page at a time; a vendor's rate limit bounds how high this should go.",
        GENERAL, ++order, Width.SHORT, "Fetch concurrency");
    def.define(BACKOFF_MAX_MS, Type.LONG, 60_000L, ConfigDef.Range.atLeast(1), Importance.LOW,
        "The longest pause, in milliseconds, of a vendor's sessions after the vendor rate-limits or fails"
            + " (429, 5xx, no connection) beyond the SDK's own retries. Pauses start at 1 s or the vendor's"
            + " Retry-After and double; the task keeps running.", GENERAL, ++order, Width.SHORT, "Longest backoff (ms)");
    def.define(MAX_RETRIES, Type.INT, null, new OptionalAtLeast(0), Importance.LOW,
        "How many times the SDK retries one request that failed in a way safe to repeat, within its retry"
            + " budget; empty for the SDK's default.", GENERAL, ++order, Width.SHORT, "SDK retries");
    for (VendorDescriptor vendor : installed) defineVendor(def, vendor);
    return def;
  }

  private static void defineVendor(ConfigDef def, VendorDescriptor vendor) {
    String id = vendor.id();
    String group = "Vendor " + id;
    int order = 0;
    String variable = vendor.environment().stream().filter(v -> v.role() == EnvironmentVariable.Role.CREDENTIAL)
        .map(EnvironmentVariable::name).findFirst().orElse("its credential variable");
    def.define(credentialKey(id), Type.PASSWORD, null, Importance.HIGH,
        "The credential of " + vendor.label() + " (what its SDK reads from " + variable + "). Required when " + id
            + " is one of the vendors. Give it through a Connect config provider, such as"
            + " ${file:/etc/kafka/sessionkit.properties:" + id + "}, so that it appears in no connector or task"
            + " configuration Connect stores or returns.", group, ++order, Width.LONG, id + " credential");
    def.define(baseUrlKey(id), Type.STRING, vendor.defaultBaseUrl(), new ConfigDef.NonEmptyStringWithoutControlChars(),
        Importance.MEDIUM, "The base URL of " + vendor.label() + "'s API.", group, ++order, Width.LONG, id + " base URL");
    def.define(sessionsKey(id), Type.LIST, "", Importance.MEDIUM,
        "The sessions of " + id + " to export, comma-separated: each session's id, or agent/session for a vendor that"
            + " names sessions by agent. Empty: every session its listing operation lists, checked again every "
            + DISCOVERY_INTERVAL_MS + " (a vendor without one needs its sessions named here).",
        group, ++order, Width.LONG, id + " sessions");
    for (EnvironmentVariable env : vendor.environment()) {
      if (env.role() != EnvironmentVariable.Role.DEFAULT_PARAMETER) continue;
      def.define(environmentKey(id, env.name()), Type.STRING, null, Importance.LOW,
          env.description() + " (what the SDK reads from " + env.name() + ").", group, ++order, Width.MEDIUM, env.name());
    }
  }

  /** Returns the configured vendors, in the order given. */
  public List<String> vendors() {
    return getList(VENDORS);
  }

  /** Returns the descriptor of the configured vendor {@code id}. */
  public VendorDescriptor descriptor(String id) {
    return installed.stream().filter(vendor -> vendor.id().equals(id)).findFirst()
        .orElseThrow(() -> new ConfigException(VENDORS, id, "no installed vendor has this id"));
  }

  /** Returns {@code vendor}'s credential, or null when it is not set. */
  public @Nullable Password credential(String vendor) {
    return getPassword(credentialKey(vendor));
  }

  /** Returns {@code vendor}'s base URL. */
  public String baseUrl(String vendor) {
    return getString(baseUrlKey(vendor));
  }

  /** Returns {@code vendor}'s explicit sessions as configured (empty: list them). */
  public List<String> sessions(String vendor) {
    return getList(sessionsKey(vendor));
  }

  /** Returns the environment {@code vendor}'s client is built from: its credential and the parameter defaults set. */
  public Map<String, String> environment(String vendor) {
    VendorDescriptor descriptor = descriptor(vendor);
    Map<String, String> env = new LinkedHashMap<>();
    Password credential = credential(vendor);
    if (credential != null) env.put(descriptor.credentialVariable().name(), credential.value());
    for (EnvironmentVariable variable : descriptor.environment()) {
      if (variable.role() != EnvironmentVariable.Role.DEFAULT_PARAMETER) continue;
      String value = getString(environmentKey(vendor, variable.name()));
      if (value != null && !value.isBlank()) env.put(variable.name(), value.strip());
    }
    return env;
  }

  /**
   * Opens {@code vendor} through its descriptor: a client with the configured credential, base URL and
   * retries, reading pages of the configured size.
   */
  public SessionSource open(String vendor) {
    Integer retries = maxRetries();
    return DescriptorSessionSource.open(descriptor(vendor), environment(vendor), builder -> {
      builder.baseUrl(baseUrl(vendor));
      if (retries != null) builder.maxRetries(retries);
    }, pageSize());
  }

  /** Returns the topic of {@code vendor}'s records. */
  public String topic(String vendor) {
    return getString(TOPIC).replace("{vendor}", vendor);
  }

  /** Returns whether values are raw vendor events rather than transcript entries. */
  public boolean raw() {
    return RAW.equals(getString(VALUE_FORMAT));
  }

  /** Returns {@value #POLL_INTERVAL_MS}. */
  public long pollIntervalMs() {
    return getLong(POLL_INTERVAL_MS);
  }

  /** Returns {@value #DISCOVERY_INTERVAL_MS}. */
  public long discoveryIntervalMs() {
    return getLong(DISCOVERY_INTERVAL_MS);
  }

  /** Returns {@value #PAGE_SIZE}, or null for the SDK's. */
  public @Nullable Integer pageSize() {
    return getInt(PAGE_SIZE);
  }

  /** Returns {@value #BATCH_SIZE}. */
  public int batchSize() {
    return getInt(BATCH_SIZE);
  }

  /** Returns {@value #FETCH_CONCURRENCY}. */
  public int fetchConcurrency() {
    return getInt(FETCH_CONCURRENCY);
  }

  /** Returns {@value #BACKOFF_MAX_MS}. */
  public long backoffMaxMs() {
    return getLong(BACKOFF_MAX_MS);
  }

  /** Returns {@value #MAX_RETRIES}, or null for the SDK's default. */
  public @Nullable Integer maxRetries() {
    return getInt(MAX_RETRIES);
  }

  /**
   * Returns what is wrong with the vendors' settings beyond each key's own rule, by key: a vendor the
   * connector cannot export, a missing credential, a session named the wrong way, or no session at all
   * for a vendor that cannot list its sessions.
   */
  public static Map<String, List<String>> vendorProblems(SourceConfig config) {
    Map<String, List<String>> problems = new LinkedHashMap<>();
    for (String vendor : config.vendors()) {
      VendorDescriptor descriptor = config.descriptor(vendor);
      Optional<String> unsupported = DescriptorSessionSource.unsupported(descriptor);
      if (unsupported.isPresent()) {
        problems.computeIfAbsent(VENDORS, key -> new ArrayList<>()).add(unsupported.get());
        continue;
      }
      if (config.credential(vendor) == null || config.credential(vendor).value().isBlank()) {
        problems.computeIfAbsent(credentialKey(vendor), key -> new ArrayList<>())
            .add(vendor + " is one of the vendors, so its credential is required");
      }
      boolean byAgent = descriptor.transcript().orElseThrow().agentParameter().isPresent();
      for (String session : config.sessions(vendor)) {
        try {
          SessionRef.parse(vendor, session, byAgent);
        } catch (IllegalArgumentException e) {
          problems.computeIfAbsent(sessionsKey(vendor), key -> new ArrayList<>()).add(e.getMessage());
        }
      }
      if (config.sessions(vendor).isEmpty() && descriptor.transcript().orElseThrow().sessions().isEmpty()) {
        problems.computeIfAbsent(sessionsKey(vendor), key -> new ArrayList<>()).add(vendor
            + " has no operation that lists its sessions, so they must be named here");
      }
    }
    return problems;
  }

  /** Accepts a list of installed vendor ids, at least one, each once. */
  private static final class InstalledVendors implements ConfigDef.Validator {
    private final List<String> installed;

    InstalledVendors(List<String> installed) {
      this.installed = installed;
    }

    @Override
    public void ensureValid(String name, Object value) {
      @SuppressWarnings("unchecked")
      List<String> vendors = (List<String>) value;
      if (vendors == null || vendors.isEmpty()) throw new ConfigException(name, value, "name at least one vendor");
      Set<String> seen = new HashSet<>();
      for (String vendor : vendors) {
        if (!installed.contains(vendor)) {
          throw new ConfigException(name, value, "no installed vendor has the id " + vendor + " (installed: "
              + (installed.isEmpty() ? "none" : String.join(", ", installed)) + ")");
        }
        if (!seen.add(vendor)) throw new ConfigException(name, value, vendor + " is named twice");
      }
    }

    @Override
    public String toString() {
      return "one or more of: " + String.join(", ", installed);
    }
  }

  /** Accepts null (the default) or a number of at least {@code min}. */
  private static final class OptionalAtLeast implements ConfigDef.Validator {
    private final int min;

    OptionalAtLeast(int min) {
      this.min = min;
    }

    @Override
    public void ensureValid(String name, Object value) {
      if (value != null && ((Number) value).longValue() < min) {
        throw new ConfigException(name, value, "must be at least " + min);
      }
    }

    @Override
    public String toString() {
      return "empty, or at least " + min;
    }
  }
}
