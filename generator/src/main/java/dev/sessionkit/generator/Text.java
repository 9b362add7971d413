package dev.sessionkit.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Names and text for generated code: Java identifiers from the spec's names, Javadoc from its descriptions. */
final class Text {
  private Text() {}

  /** Text for Javadoc: HTML and comment ends escaped, Markdown code spans as {@code ...}. */
  static String javadoc(String text) {
    String escaped = text.strip().replace("\\\"", "\"").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("*/", "*&#47;").replace("@", "&#64;");
    return escaped.replaceAll("`([^`]+)`", "{@code $1}");
  }

  /** Splits a description into Javadoc lines of at most about 95 characters. */
  static List<String> lines(String text) {
    return lines(text, 95);
  }

  /** Like {@link #lines(String)}, the first line at most {@code firstWidth} characters. */
  static List<String> lines(String text, int firstWidth) {
    List<String> out = new ArrayList<>();
    for (String paragraph : javadoc(text).split("\n\\s*\n")) {
      if (!out.isEmpty()) out.add("");
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.strip().split("\\s+")) {
        int width = out.isEmpty() ? firstWidth : 95;
        if (line.length() > 0 && line.length() + word.length() + 1 > width) {
          out.add(line.toString());
          line.setLength(0);
        }
        if (line.length() > 0) line.append(' ');
        line.append(word);
      }
      if (line.length() > 0) out.add(line.toString());
    }
    return out;
  }

  /** Javadoc text wrapped at about 95 characters, each further line starting with {@code continuation}. */
  static String wrap(String text, String continuation, int firstWidth) {
    return String.join("\n" + continuation, lines(text.replace("\n", " "), firstWidth));
  }

  /** {@code page_key} as {@code pageKey} ({@code upperFirst}: {@code PageKey}). */
  static String camel(String name, boolean upperFirst) {
    StringBuilder out = new StringBuilder();
    boolean upper = upperFirst;
    for (char c : name.toCharArray()) {
      if (c == '_' || c == '-' || c == ' ' || c == '.') {
        upper = out.length() > 0 || upperFirst;
        continue;
      }
      out.append(upper ? Character.toUpperCase(c) : out.length() == 0 && !upperFirst ? Character.toLowerCase(c) : c);
      upper = false;
    }
    return out.toString();
  }

  /** {@code sessionId} or {@code session_id} as a constant name: {@code SESSION_ID}. */
  static String constant(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(Locale.ROOT);
  }

  /** {@code defaultOrgId} as words: {@code default org id}. */
  static String words(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }

  /** The singular of a method name in the vendor's words: events to event, entries to entry. */
  static String singular(String name) {
    if (name.endsWith("ies")) return name.substring(0, name.length() - 3) + "y";
    if (name.endsWith("s") && !name.endsWith("ss")) return name.substring(0, name.length() - 1);
    return name;
  }

  /** {@code text} as the inside of a Java string literal: backslashes, quotes and control characters escaped. */
  static String javaString(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
        }
      }
    }
    return out.toString();
  }

  /** A description without a final period, to continue a sentence. */
  static String clause(String text) {
    String stripped = text.strip();
    return stripped.endsWith(".") ? stripped.substring(0, stripped.length() - 1) : stripped;
  }

  /** Whether {@code name} is a Java identifier that is not a keyword. */
  static boolean isIdentifier(String name) {
    return javax.lang.model.SourceVersion.isName(name);
  }
}
