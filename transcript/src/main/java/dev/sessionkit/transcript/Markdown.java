package dev.sessionkit.transcript;

import dev.sessionkit.core.json.JsonValue;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Writes a transcript as a readable conversation: a heading per turn, messages as paragraphs,
 * thinking, tool calls, tool results and model requests folded under their turn in
 * {@code <details>}, then the totals.
 */
final class Markdown {
  private final TranscriptStream transcript;
  private final Appendable out;
  private @Nullable String turn;
  private int turns;

  private Markdown(TranscriptStream transcript, Appendable out) {
    this.transcript = transcript;
    this.out = out;
  }

  static Totals write(TranscriptStream transcript, Appendable out) {
    try {
      return new Markdown(transcript, out).write();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Totals write() throws IOException {
    // Read the first page before writing anything, so that a bad id or a missing session fails with empty output.
    java.util.Iterator<Entry> entries = transcript.iterator();
    entries.hasNext();
    out.append("# ").append(transcript.label()).append(" session `").append(transcript.sessionId()).append("`\n\n");
    if (transcript.agent() != null) out.append("Agent: `").append(transcript.agent()).append("`\n\n");
    while (entries.hasNext()) {
      Entry entry = entries.next();
      if (entry.turnId() != null && !Objects.equals(entry.turnId(), turn)) {
        turn = entry.turnId();
        turns++;
        out.append("## Turn ").append(String.valueOf(turns)).append(" (`").append(turn).append("`)\n\n");
      }
      entry(entry);
      if (transcript.live() && out instanceof Flushable flushable) flushable.flush();
    }
    if (!transcript.resourceSamples().isEmpty()) {
      out.append("<details><summary>").append(String.valueOf(transcript.resourceSamples().size()))
          .append(" resource samples</summary>\n\n| time | CPU millicores | memory bytes |\n|---|---:|---:|\n");
      for (ResourceSample s : transcript.resourceSamples()) {
        out.append("| ").append(s.time().toString()).append(" | ").append(String.valueOf(s.cpuMillicores())).append(" | ")
            .append(String.valueOf(s.memoryBytes())).append(" |\n");
      }
      out.append("\n</details>\n\n");
    }
    Totals totals = transcript.totals();
    out.append("## Totals\n\n");
    out.append("| started | ended | entries | input tokens | output tokens | cache read | cache write | cost (USD) |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
    out.append("| ").append(orDash(transcript.startedAt())).append(" | ").append(orDash(transcript.endedAt())).append(" | ")
        .append(String.valueOf(totals.entries())).append(" | ").append(String.valueOf(totals.inputTokens())).append(" | ")
        .append(String.valueOf(totals.outputTokens())).append(" | ").append(String.valueOf(totals.cacheReadTokens()))
        .append(" | ").append(String.valueOf(totals.cacheWriteTokens())).append(" | ")
        .append(totals.costUsd() == null ? "-" : totals.costUsd().toPlainString()).append(" |\n");
    return totals;
  }

  private void entry(Entry entry) throws IOException {
    String at = entry.time() == null ? "" : " · " + entry.time();
    if (entry instanceof Entry.UserMessage e) {
      out.append("**User**").append(at).append("\n\n").append(quote(e.text())).append("\n\n");
    } else if (entry instanceof Entry.AgentMessage e) {
      out.append("**Agent**").append(at).append("\n\n").append(e.text()).append("\n\n");
    } else if (entry instanceof Entry.Thinking e) {
      folded("Thinking" + at, e.text() == null ? "_(the vendor records that the agent thought, not what)_" : e.text());
    } else if (entry instanceof Entry.ToolCall e) {
      folded("Tool call <code>" + html(e.name()) + "</code>" + (e.callId() == null ? "" : " (" + html(e.callId()) + ")") + at,
          json(e.arguments()));
    } else if (entry instanceof Entry.ToolResult e) {
      folded((e.failed() ? "Tool error" : "Tool result") + (e.name() == null ? "" : " <code>" + html(e.name()) + "</code>")
          + (e.callId() == null ? "" : " (" + html(e.callId()) + ")") + at, json(e.output()));
    } else if (entry instanceof Entry.Error e) {
      out.append("> **Error**").append(e.type() == null ? "" : " `" + e.type() + "`").append(at).append(": ")
          .append(e.message()).append("\n\n");
    } else if (entry instanceof Entry.StatusChange e) {
      out.append("_Status: ").append(e.status()).append(e.reason() == null ? "" : " (" + e.reason() + ")")
          .append(usage(e.usage())).append(at).append("_\n\n");
    } else if (entry instanceof Entry.ModelRequest e) {
      StringBuilder body = new StringBuilder();
      body.append("- model: ").append(e.model() == null ? "-" : e.model()).append('\n');
      body.append("- provider: ").append(e.provider() == null ? "-" : e.provider()).append('\n');
      body.append("- started: ").append(orDash(e.startedAt())).append('\n');
      body.append("- latency: ").append(e.latency() == null ? "-" : e.latency().toMillis() + " ms").append('\n');
      body.append("- usage:").append(e.usage() == null ? " -" : usage(e.usage())).append('\n');
      body.append("- cost (USD): ").append(e.costUsd() == null ? "-" : e.costUsd().toPlainString());
      folded("Model request" + (e.model() == null ? "" : " <code>" + html(e.model()) + "</code>") + at, body.toString());
    } else if (entry instanceof Entry.Unknown e) {
      folded("Unknown event <code>" + html(String.valueOf(e.type())) + "</code>" + at, json(e.raw()));
    }
  }

  private void folded(String summary, String body) throws IOException {
    out.append("<details><summary>").append(summary).append("</summary>\n\n").append(body).append("\n\n</details>\n\n");
  }

  private static String json(@Nullable JsonValue value) {
    return "```json\n" + (value == null ? "null" : value.json()) + "\n```";
  }

  private static String quote(String text) {
    return "> " + text.replace("\n", "\n> ");
  }

  private static String usage(@Nullable Usage usage) {
    if (usage == null) return "";
    return " · " + orDash(usage.inputTokens()) + " in / " + orDash(usage.outputTokens()) + " out tokens"
        + (usage.cacheReadTokens() == null ? "" : ", " + usage.cacheReadTokens() + " cache read")
        + (usage.cacheWriteTokens() == null ? "" : ", " + usage.cacheWriteTokens() + " cache write");
  }

  private static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String orDash(@Nullable Object value) {
    return value == null ? "-" : value instanceof Instant i ? i.toString() : value.toString();
  }
}
