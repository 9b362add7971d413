package dev.sessionkit.core.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Type;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds the adapter the templates generate for each record, {@link JsonUnion} and {@link OpenEnum}:
 * by naming convention, as Moshi's own codegen does, the public nested class
 * {@code MoshiAdapter} with a public {@code (Moshi)} constructor. Reflection runs once per type,
 * when Moshi first asks; decoding itself calls constructors and reads fields directly. Types
 * without a generated adapter fall through to the reflective adapters.
 */
final class GeneratedAdapterFactory implements JsonAdapter.Factory {
  static final String ADAPTER = "$MoshiAdapter";

  @Override
  public @Nullable JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty() || !(type instanceof Class<?> raw)) return null;
    if (!raw.isRecord() && !raw.isAnnotationPresent(JsonUnion.class)) return null;
    Class<?> adapter;
    try {
      adapter = Class.forName(raw.getName() + ADAPTER, true, raw.getClassLoader());
    } catch (ClassNotFoundException e) {
      return null;
    }
    if (!JsonAdapter.class.isAssignableFrom(adapter) || adapter.getEnclosingClass() != raw) return null;
    try {
      return (JsonAdapter<?>) adapter.getConstructor(Moshi.class).newInstance(moshi);
    } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
      throw new IllegalStateException("cannot create " + adapter.getName(), e);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) throw runtime;
      throw new IllegalStateException("cannot create " + adapter.getName(), cause);
    }
  }

  @Override
  public String toString() {
    return "GeneratedAdapterFactory";
  }
}
