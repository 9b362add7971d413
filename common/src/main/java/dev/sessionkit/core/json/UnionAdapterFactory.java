package dev.sessionkit.core.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import okio.BufferedSink;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Decodes interfaces annotated {@link JsonUnion}: reads the discriminator ahead, hands the whole
 * object to the variant's own adapter on the same reader (so paths and strictness carry through),
 * and keeps unknown variants whole.
 */
final class UnionAdapterFactory implements JsonAdapter.Factory {

  @Override
  public @Nullable JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty()) return null;
    Class<?> raw = Types.getRawType(type);
    JsonUnion union = raw.getAnnotation(JsonUnion.class);
    if (union == null) return null;
    if (union.labels().length != union.variants().length) {
      throw new IllegalArgumentException(
          raw.getName() + ": @JsonUnion labels and variants differ in length");
    }
    Map<String, JsonAdapter<Object>> byLabel = new HashMap<>();
    Map<Class<?>, JsonAdapter<Object>> byClass = new HashMap<>();
    for (int i = 0; i < union.labels().length; i++) {
      JsonAdapter<Object> adapter = moshi.adapter((Type) union.variants()[i]);
      byLabel.put(union.labels()[i], adapter);
      byClass.put(union.variants()[i], adapter);
    }
    return new UnionAdapter(raw, union.discriminator(), byLabel, byClass, UnknownVariant.of(union.unknown()))
        .nullSafe();
  }

  /** The reflective handle on a union's unknown record: (label, raw) in, raw out. */
  record UnknownVariant(Class<?> type, Constructor<?> constructor, Method raw) {
    static UnknownVariant of(Class<?> type) {
      try {
        Method raw = null;
        for (RecordComponent component : type.getRecordComponents()) {
          if (component.getType() == JsonValue.class) raw = component.getAccessor();
        }
        if (raw == null) throw new NoSuchMethodException(type.getName() + " has no JsonValue component");
        return new UnknownVariant(type, type.getDeclaredConstructor(String.class, JsonValue.class), raw);
      } catch (NoSuchMethodException | NullPointerException e) {
        throw new IllegalArgumentException(
            type.getName() + " must be a record of (String label, JsonValue raw)", e);
      }
    }

    Object create(@Nullable String label, JsonValue json) {
      try {
        return constructor.newInstance(label, json);
      } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot create " + type.getName(), e);
      }
    }

    JsonValue raw(Object value) {
      try {
        return (JsonValue) raw.invoke(value);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + type.getName(), e);
      }
    }
  }

  private static final class UnionAdapter extends JsonAdapter<Object> {
    private final Class<?> union;
    private final String discriminator;
    private final Map<String, JsonAdapter<Object>> byLabel;
    private final Map<Class<?>, JsonAdapter<Object>> byClass;
    private final UnknownVariant unknown;

    UnionAdapter(Class<?> union, String discriminator, Map<String, JsonAdapter<Object>> byLabel,
        Map<Class<?>, JsonAdapter<Object>> byClass, UnknownVariant unknown) {
      this.union = union;
      this.discriminator = discriminator;
      this.byLabel = byLabel;
      this.byClass = byClass;
      this.unknown = unknown;
    }

    @Override
    public Object fromJson(JsonReader reader) throws IOException {
      String path = reader.getPath();
      String label = readLabel(reader);
      JsonAdapter<Object> variant = label == null ? null : byLabel.get(label);
      if (variant != null) return variant.fromJson(reader);
      if (reader.failOnUnknown()) {
        throw new JsonDataException(label == null
            ? union.getSimpleName() + " without a string \"" + discriminator + "\" at " + path
            : "Unknown " + union.getSimpleName() + " " + discriminator + " \"" + label + "\" at " + path);
      }
      try (BufferedSource source = reader.nextSource()) {
        return unknown.create(label, new JsonValue(source.readUtf8()));
      }
    }

    private @Nullable String readLabel(JsonReader reader) throws IOException {
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) return null;
      JsonReader peek = reader.peekJson();
      peek.setFailOnUnknown(false);
      peek.beginObject();
      while (peek.hasNext()) {
        if (peek.nextName().equals(discriminator) && peek.peek() == JsonReader.Token.STRING) {
          return peek.nextString();
        }
        peek.skipValue();
      }
      return null;
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable Object value) throws IOException {
      if (value == null) {
        writer.nullValue();
        return;
      }
      if (unknown.type().isInstance(value)) {
        try (BufferedSink sink = writer.valueSink()) {
          sink.writeUtf8(unknown.raw(value).json());
        }
        return;
      }
      JsonAdapter<Object> variant = byClass.get(value.getClass());
      if (variant == null) {
        throw new IllegalArgumentException(value.getClass().getName() + " is not a variant of " + union.getName());
      }
      variant.toJson(writer, value);
    }

    @Override
    public String toString() {
      return "JsonAdapter(" + union.getSimpleName() + " by " + discriminator + ")";
    }
  }
}
