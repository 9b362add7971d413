package dev.sessionkit.cli;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Locale;

/** How names from a spec become command-line names: {@code scenarioRuns} is {@code scenario-runs}. */
final class Names {
  private Names() {}

  /**
   * Returns {@code name} in lower case with its words joined by {@code -}: a Java name
   * ({@code bySession}, {@code HTTPStatus}) or a wire name ({@code after_id}, {@code Last-Event-ID}).
   */
  static String kebab(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '-') out.append('-');
        continue;
      }
      if (Character.isUpperCase(c) && i > 0 && out.length() > 0 && out.charAt(out.length() - 1) != '-') {
        char before = name.charAt(i - 1);
        boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        // a word starts at an upper-case letter after a lower-case one or a digit (bySession), or at
        // the last capital of an acronym followed by lower case (HTTPStatus: HTTP, Status)
        if (Character.isLowerCase(before) || Character.isDigit(before) || (Character.isUpperCase(before) && nextLower)) {
          out.append('-');
        }
      }
      out.append(Character.toLowerCase(c));
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == '-') end--;
    return out.substring(0, end);
  }

  /** Returns the label of a value in usage help: {@code session_id} is {@code SESSION_ID}. */
  static String label(String name) {
    return kebab(name).replace('-', '_').toUpperCase(Locale.ROOT);
  }

  /**
   * Returns what to call the items of a listing in progress lines: the last word of the item type's
   * name, in the plural ({@code SessionEvent}: {@code events}), or {@code items}.
   */
  static String plural(Type itemType) {
    Type raw = itemType instanceof ParameterizedType parameterized ? parameterized.getRawType() : itemType;
    if (!(raw instanceof Class<?> type) || type.getName().startsWith("java.")) return "items";
    String kebab = kebab(type.getSimpleName());
    String word = kebab.substring(kebab.lastIndexOf('-') + 1);
    if (word.isEmpty()) return "items";
    if (word.endsWith("s") || word.endsWith("x") || word.endsWith("ch") || word.endsWith("sh")) return word + "es";
    if (word.endsWith("y") && word.length() > 1 && "aeiou".indexOf(word.charAt(word.length() - 2)) < 0) {
      return word.substring(0, word.length() - 1) + "ies";
    }
    return word + "s";
  }
}
