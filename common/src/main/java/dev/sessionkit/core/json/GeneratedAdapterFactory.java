package dev.sessionkit.core.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Type;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds the adapter the templates generate for each record, union (a {@link JsonUnion}, or a
 * sealed interface: a union without discriminator) and {@link OpenEnum}:
 * by naming convention, as Moshi's own codegen does, the public nested class
 * {@code MoshiAdapter} with a public {@code (Moshi)} constructor. Reflection runs once per type,
 * when Moshi first asks; decoding itself calls constructors and reads fields directly.
 *
 * <p>The generated adapter is the only way a union or an open enum is read: one without it is
 * refused when its adapter is requested, naming the type, rather than decoded some other way. A
 * plain record or sealed type without one falls through to Moshi's own adapters.
 */
final class GeneratedAdapterFactory implements JsonAdapter.Factory {
  static final String ADAPTER = "$MoshiAdapter";

  @Override
  public @Nullable JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty() || !(type instanceof Class<?> raw)) return null;
    String kind = raw.isAnnotationPresent(JsonUnion.class) ? "a @JsonUnion"
        : OpenEnum.class.isAssignableFrom(raw) && !raw.isInterface() ? "an OpenEnum"
        : null;
    if (kind == null && !raw.isRecord() && !raw.isSealed()) return null;
    Class<?> adapter = generatedAdapter(raw);
    if (adapter == null) {
      if (kind == null) return null;
      throw new IllegalArgumentException(raw.getName() + " is " + kind + " without a generated adapter: expected"
          + " its public nested class MoshiAdapter extending JsonAdapter, with a public (Moshi) constructor,"
          + " as the sessionkit templates generate it");
    }
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

  /** Returns {@code type}'s nested {@code MoshiAdapter} when it is a JsonAdapter, else null. */
  private static @Nullable Class<?> generatedAdapter(Class<?> type) {
    Class<?> adapter;
    try {
      adapter = Class.forName(type.getName() + ADAPTER, true, type.getClassLoader());
    } catch (ClassNotFoundException e) {
      return null;
    }
    if (!JsonAdapter.class.isAssignableFrom(adapter) || adapter.getEnclosingClass() != type) return null;
    return adapter;
  }

  @Override
  public String toString() {
    return "GeneratedAdapterFactory";
  }
}
