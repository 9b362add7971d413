package dev.sessionkit.transcript;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.sessionkit.core.json.JsonValue;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import okio.Buffer;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/** Writes a transcript as JSON lines: one line per entry, one per resource sample, then a totals line. */
final class JsonLines {
  private JsonLines() {}

  static Totals write(TranscriptStream transcript, Appendable out) {
    try {
      for (Entry entry : transcript) {
        out.append(line(transcript, entry)).append('\n');
        if (transcript.live() && out instanceof Flushable flushable) flushable.flush();
      }
      for (ResourceSample sample : transcript.resourceSamples()) {
        Buffer buffer = new Buffer();
        JsonWriter json = header(buffer, transcript, "resource_sample");
        json.name("time").value(sample.time().toString());
        json.name("cpu_millicores").value(sample.cpuMillicores());
        json.name("memory_bytes").value(sample.memoryBytes());
        out.append(finish(json, buffer)).append('\n');
      }
      Totals totals = transcript.totals();
      Buffer buffer = new Buffer();
      JsonWriter json = header(buffer, transcript, "totals");
      json.name("agent").value(transcript.agent());
      json.name("started_at").value(text(transcript.startedAt()));
      json.name("ended_at").value(text(transcript.endedAt()));
      json.name("entries").value(totals.entries());
      json.name("input_tokens").value(totals.inputTokens());
      json.name("output_tokens").value(totals.outputTokens());
      json.name("cache_read_tokens").value(totals.cacheReadTokens());
      json.name("cache_write_tokens").value(totals.cacheWriteTokens());
      json.name("cost_usd").value(totals.costUsd());
      json.name("resource_samples").value(transcript.resourceSamples().size());
      out.append(finish(json, buffer)).append('\n');
      return totals;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns one entry as one line of JSON (without the newline). */
  static String line(TranscriptStream transcript, Entry entry) throws IOException {
    Buffer buffer = new Buffer();
    JsonWriter json = header(buffer, transcript, entry.kind());
    json.name("id").value(entry.id());
    json.name("time").value(text(entry.time()));
    json.name("turn_id").value(entry.turnId());
    if (entry instanceof Entry.UserMessage e) {
      json.name("text").value(e.text());
    } else if (entry instanceof Entry.AgentMessage e) {
      json.name("text").value(e.text());
    } else if (entry instanceof Entry.Thinking e) {
      json.name("text").value(e.text());
    } else if (entry instanceof Entry.ToolCall e) {
      json.name("name").value(e.name());
      json.name("call_id").value(e.callId());
      raw(json.name("arguments"), e.arguments());
    } else if (entry instanceof Entry.ToolResult e) {
      json.name("call_id").value(e.callId());
      json.name("name").value(e.name());
      raw(json.name("output"), e.output());
      json.name("failed").value(e.failed());
    } else if (entry instanceof Entry.Error e) {
      json.name("type").value(e.type());
      json.name("message").value(e.message());
    } else if (entry instanceof Entry.StatusChange e) {
      json.name("status").value(e.status());
      json.name("reason").value(e.reason());
      usage(json, e.usage());
    } else if (entry instanceof Entry.ModelRequest e) {
      json.name("started_at").value(text(e.startedAt()));
      json.name("model").value(e.model());
      json.name("provider").value(e.provider());
      usage(json, e.usage());
      json.name("latency_ms").value(e.latency() == null ? null : (Long) e.latency().toMillis());
      json.name("cost_usd").value(e.costUsd());
    } else if (entry instanceof Entry.Unknown e) {
      json.name("type").value(e.type());
      raw(json.name("raw"), e.raw());
    }
    return finish(json, buffer);
  }

  private static JsonWriter header(Buffer buffer, TranscriptStream transcript, String kind) throws IOException {
    JsonWriter json = JsonWriter.of(buffer);
    json.setSerializeNulls(false);
    json.beginObject();
    json.name("vendor").value(transcript.vendor());
    json.name("session_id").value(transcript.sessionId());
    json.name("kind").value(kind);
    return json;
  }

  private static String finish(JsonWriter json, Buffer buffer) throws IOException {
    json.endObject();
    json.close();
    return buffer.readUtf8();
  }

  private static void usage(JsonWriter json, @Nullable Usage usage) throws IOException {
    if (usage == null) return;
    json.name("usage").beginObject();
    json.name("input_tokens").value(usage.inputTokens());
    json.name("output_tokens").value(usage.outputTokens());
    json.name("cache_read_tokens").value(usage.cacheReadTokens());
    json.name("cache_write_tokens").value(usage.cacheWriteTokens());
    json.endObject();
  }

  /**
   * Writes the vendor's JSON as it came, byte for byte when it is on one line; JSON spread over
   * lines is re-written on one, token by token, numbers kept as their literal text.
   */
  private static void raw(JsonWriter json, @Nullable JsonValue value) throws IOException {
    if (value == null) {
      json.nullValue();
      return;
    }
    String text = value.json();
    if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      try (BufferedSink sink = json.valueSink()) {
        sink.writeUtf8(text);
      }
      return;
    }
    json.setSerializeNulls(true);
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text))) {
      copy(reader, json);
    } finally {
      json.setSerializeNulls(false);
    }
  }

  private static void copy(JsonReader reader, JsonWriter json) throws IOException {
    switch (reader.peek()) {
      case BEGIN_ARRAY -> {
        reader.beginArray();
        json.beginArray();
        while (reader.hasNext()) copy(reader, json);
        reader.endArray();
        json.endArray();
      }
      case BEGIN_OBJECT -> {
        reader.beginObject();
        json.beginObject();
        while (reader.hasNext()) {
          json.name(reader.nextName());
          copy(reader, json);
        }
        reader.endObject();
        json.endObject();
      }
      case STRING -> json.value(reader.nextString());
      case NUMBER -> {
        String literal = reader.nextString();
        try (BufferedSink sink = json.valueSink()) {
          sink.writeUtf8(literal);
        }
      }
      case BOOLEAN -> json.value(reader.nextBoolean());
      case NULL -> {
        reader.nextNull();
        json.nullValue();
      }
      default -> throw new IOException("unexpected " + reader.peek() + " at " + reader.getPath());
    }
  }

  private static @Nullable String text(@Nullable Instant time) {
    return time == null ? null : time.toString();
  }
}
