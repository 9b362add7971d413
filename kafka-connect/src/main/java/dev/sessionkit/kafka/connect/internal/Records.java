package dev.sessionkit.kafka.connect.internal;

import dev.sessionkit.core.vendor.TokenUsage;
import dev.sessionkit.core.vendor.TranscriptItem;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import org.jspecify.annotations.Nullable;

/**
 * The records the connector writes: key = the session id, value = a transcript entry ({@link #ENTRY})
 * or the vendor's raw event (a string of JSON), and headers that name the vendor, the session, the
 * event's position in its session and its part, so that a consumer of an at-least-once export can
 * drop a record it has seen.
 */
public final class Records {
  /** The header that names the vendor. */
  public static final String VENDOR_HEADER = "sessionkit.vendor";
  /** The header that names the session. */
  public static final String SESSION_HEADER = "sessionkit.session";
  /** The header that names the session's agent, when it has one. */
  public static final String AGENT_HEADER = "sessionkit.agent";
  /** The header with the event's position in its session (0 for the first event), an int64. */
  public static final String POSITION_HEADER = "sessionkit.position";
  /** The header with the entry's number among its event's entries (0 for the first), an int32. */
  public static final String PART_HEADER = "sessionkit.part";
  /** The header with the vendor's id of the event, when it has one. */
  public static final String EVENT_HEADER = "sessionkit.event.id";

  /** Token usage, each count optional. */
  public static final Schema USAGE = SchemaBuilder.struct().name("dev.sessionkit.connect.Usage").optional()
      .doc("Token usage as the vendor reports it.")
      .field("input_tokens", Schema.OPTIONAL_INT64_SCHEMA)
      .field("output_tokens", Schema.OPTIONAL_INT64_SCHEMA)
      .field("cache_read_tokens", Schema.OPTIONAL_INT64_SCHEMA)
      .field("cache_write_tokens", Schema.OPTIONAL_INT64_SCHEMA)
      .build();

  /**
   * One transcript entry, the same for every vendor: where it comes from (vendor, session, agent,
   * position and part), what it is ({@code kind}) and the fields of that kind, each null when the
   * vendor does not give it. Times are RFC 3339 text and the cost a decimal in text, exactly as read.
   */
  public static final Schema ENTRY = SchemaBuilder.struct().name("dev.sessionkit.connect.TranscriptEntry").version(1)
      .doc("One entry of a session's transcript, in no vendor's terms.")
      .field("vendor", Schema.STRING_SCHEMA)
      .field("session", Schema.STRING_SCHEMA)
      .field("agent", Schema.OPTIONAL_STRING_SCHEMA)
      .field("position", Schema.INT64_SCHEMA)
      .field("part", Schema.INT32_SCHEMA)
      .field("event_id", Schema.OPTIONAL_STRING_SCHEMA)
      .field("kind", Schema.STRING_SCHEMA)
      .field("time", Schema.OPTIONAL_STRING_SCHEMA)
      .field("turn_id", Schema.OPTIONAL_STRING_SCHEMA)
      .field("opens_turn", Schema.BOOLEAN_SCHEMA)
      .field("ends_turn", Schema.BOOLEAN_SCHEMA)
      .field("text", Schema.OPTIONAL_STRING_SCHEMA)
      .field("name", Schema.OPTIONAL_STRING_SCHEMA)
      .field("call_id", Schema.OPTIONAL_STRING_SCHEMA)
      .field("arguments", Schema.OPTIONAL_STRING_SCHEMA)
      .field("output", Schema.OPTIONAL_STRING_SCHEMA)
      .field("failed", Schema.BOOLEAN_SCHEMA)
      .field("type", Schema.OPTIONAL_STRING_SCHEMA)
      .field("status", Schema.OPTIONAL_STRING_SCHEMA)
      .field("reason", Schema.OPTIONAL_STRING_SCHEMA)
      .field("usage", USAGE)
      .field("model", Schema.OPTIONAL_STRING_SCHEMA)
      .field("provider", Schema.OPTIONAL_STRING_SCHEMA)
      .field("cost_usd", Schema.OPTIONAL_STRING_SCHEMA)
      .field("started_at", Schema.OPTIONAL_STRING_SCHEMA)
      .field("latency_ms", Schema.OPTIONAL_INT64_SCHEMA)
      .field("raw", Schema.OPTIONAL_STRING_SCHEMA)
      .build();

  private final SourceConfig config;
  private final boolean raw;

  /** Creates the records of a connector configured by {@code config}. */
  public Records(SourceConfig config) {
    this.config = config;
    this.raw = config.raw();
  }

  /** Returns whether each event is one record of its raw JSON, rather than one record per transcript entry. */
  public boolean raw() {
    return raw;
  }

  /**
   * Returns the record of event number {@code position} of {@code session}: its raw JSON when
   * {@code item} is null, else the entry {@code item}, number {@code part} of the event's entries.
   */
  public SourceRecord record(SessionRef session, Map<String, ?> partition, Map<String, ?> offset, long position, int part,
      SourceEvent event, @Nullable TranscriptItem item) {
    ConnectHeaders headers = new ConnectHeaders();
    headers.addString(VENDOR_HEADER, session.vendor());
    headers.addString(SESSION_HEADER, session.id());
    if (session.agent() != null) headers.addString(AGENT_HEADER, session.agent());
    headers.addLong(POSITION_HEADER, position);
    headers.addInt(PART_HEADER, part);
    if (event.id() != null) headers.addString(EVENT_HEADER, event.id());
    Schema schema;
    Object value;
    if (item == null) {
      schema = Schema.STRING_SCHEMA;
      value = event.json();
    } else {
      schema = ENTRY;
      value = entry(session, position, part, event, item);
    }
    return new SourceRecord(partition, offset, config.topic(session.vendor()), null, Schema.STRING_SCHEMA, session.id(),
        schema, value, null, headers);
  }

  /** Returns {@code item} as an {@link #ENTRY}. */
  static Struct entry(SessionRef session, long position, int part, SourceEvent event, TranscriptItem item) {
    Struct entry = new Struct(ENTRY)
        .put("vendor", session.vendor())
        .put("session", session.id())
        .put("agent", session.agent())
        .put("position", position)
        .put("part", part)
        .put("event_id", item.id() != null ? item.id() : event.id())
        .put("kind", item.kind().name().toLowerCase(Locale.ROOT))
        .put("time", text(item.time()))
        .put("turn_id", item.turnId())
        .put("opens_turn", item.opensTurn())
        .put("ends_turn", item.endsTurn())
        .put("text", item.text())
        .put("name", item.name())
        .put("call_id", item.callId())
        .put("arguments", item.arguments() == null ? null : item.arguments().json())
        .put("output", item.output() == null ? null : item.output().json())
        .put("failed", item.failed())
        .put("type", item.type())
        .put("status", item.status())
        .put("reason", item.reason())
        .put("model", item.model())
        .put("provider", item.provider())
        .put("cost_usd", item.costUsd() == null ? null : item.costUsd().toPlainString())
        .put("started_at", text(item.startedAt()))
        .put("latency_ms", item.latency() == null ? null : item.latency().toMillis())
        .put("raw", item.raw() == null ? null : item.raw().json());
    TokenUsage usage = item.usage();
    if (usage != null) {
      entry.put("usage", new Struct(USAGE)
          .put("input_tokens", usage.inputTokens())
          .put("output_tokens", usage.outputTokens())
          .put("cache_read_tokens", usage.cacheReadTokens())
          .put("cache_write_tokens", usage.cacheWriteTokens()));
    }
    return entry;
  }

  private static @Nullable String text(@Nullable Instant time) {
    return time == null ? null : time.toString();
  }
}
