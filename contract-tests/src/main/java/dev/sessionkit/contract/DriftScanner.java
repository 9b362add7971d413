package dev.sessionkit.contract;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Types;
import dev.sessionkit.contract.DriftFinding.Kind;
import dev.sessionkit.core.json.JsonUnion;
import dev.sessionkit.core.json.JsonValue;
import dev.sessionkit.core.json.OpenEnum;
import dev.sessionkit.core.json.Required;
import dev.sessionkit.core.json.SessionkitMoshi;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Finds every unknown field, union variant and enum value, every missing required field and every
 * number sent for a string in a JSON document, with its JSON path, by walking the document alongside an SDK type (records, {@link JsonUnion} interfaces,
 * {@link OpenEnum}s, lists and maps).
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
    List<DriftFinding> findings = new ArrayList<>();
    JsonAdapter<Object> lenient = SessionkitMoshi.adapter(type, false);
    try {
      lenient.fromJson(json);
    } catch (JsonDataException | IOException e) {
      findings.add(new DriftFinding(Kind.NOT_DECODABLE, pathOf(e), String.valueOf(e.getMessage())));
      return findings;
    }
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
      walk(type, reader, findings);
    } catch (IOException | JsonDataException e) {
      findings.add(new DriftFinding(Kind.NOT_DECODABLE, pathOf(e), String.valueOf(e.getMessage())));
    }
    if (fragment) findings.removeIf(finding -> finding.kind() == Kind.MISSING_REQUIRED_FIELD);
    if (findings.isEmpty()) {
      // The walk and Moshi's strict mode must agree; a disagreement is reported, never hidden.
      try {
        SessionkitMoshi.adapter(type, true).fromJson(json);
      } catch (JsonDataException | IOException e) {
        if (!fragment || !String.valueOf(e.getMessage()).startsWith("Required field ")) {
          findings.add(new DriftFinding(Kind.NOT_DECODABLE, pathOf(e), "strict decoding: " + e.getMessage()));
        }
      }
    }
    return findings;
  }

  /** The JSON path Moshi's message ends with ("... at path $.a[0]" or "... at $.a[0]"), else $. */
  private static String pathOf(Exception e) {
    String message = String.valueOf(e.getMessage());
    int at = message.lastIndexOf(" $");
    return at >= 0 ? message.substring(at + 1).trim() : "$";
  }

  private static void walk(Type type, JsonReader reader, List<DriftFinding> findings) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      reader.skipValue();
      return;
    }
    Class<?> raw = Types.getRawType(type);
    if (raw == JsonValue.class) {
      reader.skipValue();
    } else if (OpenEnum.class.isAssignableFrom(raw) && !raw.isInterface()) {
      walkEnum(raw, reader, findings);
    } else if (raw.isAnnotationPresent(JsonUnion.class)) {
      walkUnion(raw, reader, findings);
    } else if (raw.isRecord()) {
      walkRecord(raw, reader, findings);
    } else if (Collection.class.isAssignableFrom(raw)) {
      walkList(elementType(type, 0), reader, findings);
    } else if (Map.class.isAssignableFrom(raw)) {
      walkMap(elementType(type, 1), reader, findings);
    } else if (raw == String.class && reader.peek() == JsonReader.Token.NUMBER) {
      findings.add(new DriftFinding(Kind.NUMBER_FOR_STRING, reader.getPath(), reader.nextString()));
    } else {
      reader.skipValue(); // a scalar: String, numbers, booleans, timestamps
    }
  }

  private static void walkEnum(Class<?> type, JsonReader reader, List<DriftFinding> findings) throws IOException {
    String path = reader.getPath();
    String value;
    switch (reader.peek()) {
      case STRING, NUMBER -> value = reader.nextString();
      case BOOLEAN -> value = String.valueOf(reader.nextBoolean());
      default -> {
        reader.skipValue();
        return;
      }
    }
    OpenEnum decoded;
    try {
      decoded = (OpenEnum) type.getMethod("of", String.class).invoke(null, value);
    } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot call " + type.getName() + ".of(String)", e);
    }
    if (!decoded.isKnown()) {
      findings.add(new DriftFinding(Kind.UNKNOWN_ENUM_VALUE, path, type.getSimpleName() + " \"" + value + "\""));
    }
  }

  private static void walkUnion(Class<?> type, JsonReader reader, List<DriftFinding> findings) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      reader.skipValue();
      return;
    }
    JsonUnion union = type.getAnnotation(JsonUnion.class);
    String path = reader.getPath();
    String label = null;
    JsonReader peek = reader.peekJson();
    peek.beginObject();
    while (peek.hasNext()) {
      if (peek.nextName().equals(union.discriminator()) && peek.peek() == JsonReader.Token.STRING) {
        label = peek.nextString();
        break;
      }
      peek.skipValue();
    }
    for (int i = 0; i < union.labels().length; i++) {
      if (union.labels()[i].equals(label)) {
        walk(union.variants()[i], reader, findings);
        return;
      }
    }
    findings.add(new DriftFinding(Kind.UNKNOWN_VARIANT, path, label == null
        ? type.getSimpleName() + " without a string \"" + union.discriminator() + "\""
        : type.getSimpleName() + " " + union.discriminator() + " \"" + label + "\""));
    reader.skipValue();
  }

  private static void walkRecord(Class<?> type, JsonReader reader, List<DriftFinding> findings) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      reader.skipValue();
      return;
    }
    String path = reader.getPath();
    Map<String, RecordComponent> components = wireNames(type);
    Set<String> present = new HashSet<>();
    reader.beginObject();
    while (reader.hasNext()) {
      String name = reader.nextName();
      RecordComponent component = components.get(name);
      if (component == null) {
        findings.add(new DriftFinding(Kind.UNKNOWN_FIELD, reader.getPath(), name));
        reader.skipValue();
      } else {
        if (reader.peek() != JsonReader.Token.NULL || isNullable(component)) present.add(name);
        walk(component.getGenericType(), reader, findings);
      }
    }
    reader.endObject();
    components.forEach((name, component) -> {
      if (isRequired(component) && !present.contains(name)) {
        findings.add(new DriftFinding(Kind.MISSING_REQUIRED_FIELD, path + "." + name, name));
      }
    });
  }

  /**
   * Whether the spec requires the component's field (generated {@link Required}); a list or map is
   * never missing, since absent it decodes as empty.
   */
  private static boolean isRequired(RecordComponent component) {
    Class<?> raw = component.getType();
    return component.isAnnotationPresent(Required.class)
        && !Collection.class.isAssignableFrom(raw) && !Map.class.isAssignableFrom(raw);
  }

  private static boolean isNullable(RecordComponent component) {
    return component.getAnnotatedType().isAnnotationPresent(Nullable.class);
  }

  private static void walkList(Type element, JsonReader reader, List<DriftFinding> findings) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_ARRAY) {
      reader.skipValue();
      return;
    }
    reader.beginArray();
    while (reader.hasNext()) walk(element, reader, findings);
    reader.endArray();
  }

  private static void walkMap(Type value, JsonReader reader, List<DriftFinding> findings) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      reader.skipValue();
      return;
    }
    reader.beginObject();
    while (reader.hasNext()) {
      reader.nextName();
      walk(value, reader, findings);
    }
    reader.endObject();
  }

  /** The record's wire names (Moshi's {@code @Json(name)}, else the component name) and their components. */
  private static Map<String, RecordComponent> wireNames(Class<?> record) {
    Map<String, RecordComponent> names = new LinkedHashMap<>();
    for (RecordComponent component : record.getRecordComponents()) {
      names.put(wireName(record, component), component);
    }
    return names;
  }

  private static String wireName(Class<?> record, RecordComponent component) {
    Json json = component.getAnnotation(Json.class);
    if (json == null) json = component.getAccessor().getAnnotation(Json.class);
    if (json == null) {
      try {
        Field field = record.getDeclaredField(component.getName());
        json = field.getAnnotation(Json.class);
      } catch (NoSuchFieldException e) {
        json = null;
      }
    }
    return json == null || json.name().equals(Json.UNSET_NAME) ? component.getName() : json.name();
  }

  private static Type elementType(Type type, int index) {
    if (!(type instanceof ParameterizedType parameterized)) return Object.class;
    Type argument = parameterized.getActualTypeArguments()[index];
    if (argument instanceof WildcardType wildcard) return wildcard.getUpperBounds()[0];
    return argument;
  }
}
