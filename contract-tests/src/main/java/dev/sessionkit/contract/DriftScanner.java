package dev.sessionkit.contract;

import com.squareup.moshi.JsonDataException;
import dev.sessionkit.contract.DriftFinding.Kind;
import dev.sessionkit.core.json.DriftListener;
import dev.sessionkit.core.json.OpenEnum;
import dev.sessionkit.core.json.SessionkitMoshi;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Finds every unknown field, union variant and enum value, every missing required field and every
 * number sent for a string in a JSON document, with its JSON path, by decoding it leniently with
 * the SDK's own generated adapters, which tell a {@link DriftListener} what they tolerate.
 *
 * <p>Strict decoding ({@code SessionkitMoshi.adapter(type, true)}) stops at the first drift; this
 * scanner reports all of them, and decodes leniently as the SDK would in production. When it finds
 * nothing it also decodes strictly, so an empty result means strict decoding passes.
 *
 * <pre>{@code
 * List<DriftFinding> drift = DriftScanner.scan(SessionEventList.class, recordedJson);
 * // [unknown field $.data[1].surprise: surprise, missing required field $.data[2].session_id: session_id]
 * }</pre>
 */
public final class DriftScanner {

  private DriftScanner() {}

  /** Returns every drift of {@code json} from {@code type}, in document order; empty when there is none. */
  public static List<DriftFinding> scan(Type type, String json) {
    return scan(type, json, false);
  }

  /**
   * Returns every drift of {@code json}, a fragment of a {@code type} that shows only some of its
   * members (as documentation examples do), from {@code type}: like {@link #scan}, but a missing
   * required field is no drift.
   */
  public static List<DriftFinding> scanFragment(Type type, String json) {
    return scan(type, json, true);
  }

  private static List<DriftFinding> scan(Type type, String json, boolean fragment) {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(json, "json == null");
    Findings findings = new Findings(fragment);
    try {
      SessionkitMoshi.adapter(type, findings).fromJson(json);
    } catch (JsonDataException | IOException e) {
      // What was heard before the failure is drift too; it is kept, in document order.
      findings.add(Kind.NOT_DECODABLE, pathOf(e), String.valueOf(e.getMessage()));
      return findings.list;
    }
    if (findings.list.isEmpty()) {
      // The listener and strict decoding must agree; a disagreement is reported, never hidden.
      try {
        SessionkitMoshi.adapter(type, true).fromJson(json);
      } catch (JsonDataException | IOException e) {
        if (!fragment || !String.valueOf(e.getMessage()).startsWith("Required field ")) {
          findings.add(Kind.NOT_DECODABLE, pathOf(e), "strict decoding: " + e.getMessage());
        }
      }
    }
    return findings.list;
  }

  /** The JSON path Moshi's message ends with ("... at path $.a[0]" or "... at $.a[0]"), else $. */
  private static String pathOf(Exception e) {
    String message = String.valueOf(e.getMessage());
    int at = message.lastIndexOf(" $");
    return at >= 0 ? message.substring(at + 1).trim() : "$";
  }

  /** Turns what lenient decoding tolerates into findings; a fragment's missing fields are no drift. */
  private static final class Findings implements DriftListener {
    final List<DriftFinding> list = new ArrayList<>();
    private final boolean fragment;

    Findings(boolean fragment) {
      this.fragment = fragment;
    }

    void add(Kind kind, String path, String detail) {
      list.add(new DriftFinding(kind, path, detail));
    }

    @Override
    public void unknownField(String path, String name) {
      add(Kind.UNKNOWN_FIELD, path, name);
    }

    @Override
    public void unknownVariant(String path, Class<?> union, String discriminator, @Nullable String label) {
      add(Kind.UNKNOWN_VARIANT, path, label == null
          ? union.getSimpleName() + " without a string \"" + discriminator + "\""
          : union.getSimpleName() + " " + discriminator + " \"" + label + "\"");
    }

    @Override
    public void unmatchedVariant(String path, Class<?> union) {
      add(Kind.UNKNOWN_VARIANT, path, union.getSimpleName() + ": no variant accepts the value");
    }

    @Override
    public void unknownEnumValue(String path, Class<? extends OpenEnum> type, String value) {
      add(Kind.UNKNOWN_ENUM_VALUE, path, type.getSimpleName() + " \"" + value + "\"");
    }

    @Override
    public void missingRequiredField(String path, String name) {
      if (!fragment) add(Kind.MISSING_REQUIRED_FIELD, path, name);
    }

    @Override
    public void numberForString(String path, String text) {
      add(Kind.NUMBER_FOR_STRING, path, text);
    }
  }
}
