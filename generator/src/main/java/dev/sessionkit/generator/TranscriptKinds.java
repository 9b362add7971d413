package dev.sessionkit.generator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vocabulary of {@code x-sessionkit-transcript}: the entry kinds and the fields each takes,
 * the fields every entry takes, and how a union's id, time and turn paths and the flags are read.
 */
final class TranscriptKinds {
  /** The fields every entry takes. */
  static final List<String> COMMON = List.of("entry", "id", "time", "turn", "opens-turn", "ends-turn", "when");
  /** Each entry kind and its own fields, in the order CONTRIBUTING's table gives them. */
  static final Map<String, List<String>> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put("user_message", List.of("text"));
    KINDS.put("agent_message", List.of("text"));
    KINDS.put("thinking", List.of("text"));
    KINDS.put("tool_call", List.of("name", "call-id", "arguments"));
    KINDS.put("tool_result", List.of("call-id", "name", "output", "failed"));
    KINDS.put("error", List.of("type", "message"));
    KINDS.put("status", List.of("status", "reason", "usage"));
    KINDS.put("model_request_start", List.of());
    KINDS.put("model_request", List.of("model", "provider", "usage", "cost", "started", "latency-ms"));
    KINDS.put("ignore", List.of());
  }

  private TranscriptKinds() {}

  static List<String> names(Extension at) {
    if (at == null) return List.of();
    String path = at.string();
    if (!path.matches("[^.\\[\\]]+(\\.[^.\\[\\]]+)*")) {
      throw at.error("a union's id, time and turn are property names joined by dots, read from any variant's JSON (got "
          + path + ")");
    }
    return List.of(path.split("\\."));
  }

  static boolean flag(Extension at, String name) {
    Extension value = at.get(name);
    return value != null && value.bool();
  }
}
