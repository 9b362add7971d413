package dev.sessionkit.sandbox.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A path template such as {@code /v1/orgs/{org_id}/sessions/}: matches a request's path segments
 * and gives the decoded path parameters. A segment may mix text and parameters ({@code {id}.json}).
 */
public final class PathTemplate {
  private static final Pattern PARAM = Pattern.compile("\\{([^}/]+)}");

  private final String text;
  private final List<Segment> segments = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private final int literals;

  /** Parses {@code template}. */
  public PathTemplate(String template) {
    this.text = template;
    String t = template.startsWith("/") ? template.substring(1) : template;
    int literalCount = 0;
    for (String part : t.split("/", -1)) {
      Matcher m = PARAM.matcher(part);
      if (!m.find()) {
        segments.add(new Segment(part, null, List.of()));
        literalCount++;
        continue;
      }
      StringBuilder regex = new StringBuilder();
      List<String> segmentNames = new ArrayList<>();
      int last = 0;
      m.reset();
      while (m.find()) {
        regex.append(Pattern.quote(part.substring(last, m.start()))).append("(.+?)");
        segmentNames.add(m.group(1));
        last = m.end();
      }
      regex.append(Pattern.quote(part.substring(last)));
      segments.add(new Segment(null, Pattern.compile(regex.toString()), segmentNames));
      names.addAll(segmentNames);
    }
    this.literals = literalCount;
  }

  /** Returns the template as written. */
  public String text() {
    return text;
  }

  /** Returns the parameter names, in order. */
  public List<String> names() {
    return names;
  }

  /** Returns how many segments are plain text: the more, the more specific the template. */
  public int literals() {
    return literals;
  }

  /** Returns the number of segments. */
  public int size() {
    return segments.size();
  }

  /**
   * Returns the decoded parameters when {@code decodedSegments} (the request's path, split and
   * percent-decoded) matches, else null. A parameter never matches an empty segment.
   */
  public @Nullable Map<String, String> match(List<String> decodedSegments) {
    if (decodedSegments.size() != segments.size()) return null;
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      String actual = decodedSegments.get(i);
      if (s.literal != null) {
        if (!s.literal.equals(actual)) return null;
        continue;
      }
      Matcher m = s.pattern.matcher(actual);
      if (!m.matches()) return null;
      for (int g = 0; g < s.names.size(); g++) params.put(s.names.get(g), m.group(g + 1));
    }
    return params;
  }

  /** Writes the template with {@code params} in place (percent-encoding is the caller's). */
  public String expand(Map<String, String> params) {
    Matcher m = PARAM.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = params.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private record Segment(@Nullable String literal, @Nullable Pattern pattern, List<String> names) {}

  @Override
  public String toString() {
    return text;
  }
}
