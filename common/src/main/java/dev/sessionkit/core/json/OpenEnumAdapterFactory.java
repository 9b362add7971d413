package dev.sessionkit.core.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decodes {@link OpenEnum}s through their static {@code of(String)}: any value is kept, and strict
 * decoding refuses the values the spec does not document.
 */
final class OpenEnumAdapterFactory implements JsonAdapter.Factory {

  @Override
  public @Nullable JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty()) return null;
    Class<?> raw = Types.getRawType(type);
    if (!OpenEnum.class.isAssignableFrom(raw) || raw.isInterface()) return null;
    Method of;
    try {
      of = raw.getMethod("of", String.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(raw.getName() + " must have a static of(String)", e);
    }
    if (!Modifier.isStatic(of.getModifiers()) || !raw.isAssignableFrom(of.getReturnType())) {
      throw new IllegalArgumentException(raw.getName() + ".of(String) must be static and return " + raw.getSimpleName());
    }
    return new OpenEnumAdapter(raw, of).nullSafe();
  }

  private static final class OpenEnumAdapter extends JsonAdapter<OpenEnum> {
    private final Class<?> type;
    private final Method of;

    OpenEnumAdapter(Class<?> type, Method of) {
      this.type = type;
      this.of = of;
    }

    @Override
    public OpenEnum fromJson(JsonReader reader) throws IOException {
      String path = reader.getPath();
      String raw = reader.peek() == JsonReader.Token.BOOLEAN
          ? String.valueOf(reader.nextBoolean())
          : reader.nextString();
      OpenEnum value;
      try {
        value = (OpenEnum) of.invoke(null, raw);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot call " + type.getName() + ".of", e);
      }
      if (!value.isKnown() && reader.failOnUnknown()) {
        throw new JsonDataException(
            "Unknown " + type.getSimpleName() + " value \"" + raw + "\" at " + path);
      }
      return value;
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable OpenEnum value) throws IOException {
      writer.value(value == null ? null : value.value());
    }

    @Override
    public String toString() {
      return "JsonAdapter(" + type.getSimpleName() + ", open)";
    }
  }
}
