package dev.sessionkit.core.internal.json;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON paths of decoded records that lack required fields, held weakly by the records'
 * identity, so that a generated accessor's failure can name where the record came from; the
 * oldest are forgotten first beyond a limit.
 */
public final class MissingPaths {
  private static final ReferenceQueue<Object> QUEUE = new ReferenceQueue<>();
  private static final Map<Key, String> PATHS = new LinkedHashMap<>();

  private MissingPaths() {}

  /** Remembers that {@code record} was decoded at {@code objectPath}, keeping at most {@code limit}. */
  public static void remember(Object record, String objectPath, int limit) {
    synchronized (PATHS) {
      expunge();
      PATHS.put(new Key(record, QUEUE), objectPath);
      if (PATHS.size() > limit) {
        Iterator<Key> eldest = PATHS.keySet().iterator();
        eldest.next();
        eldest.remove();
      }
    }
  }

  /** Returns the path {@code record} was decoded at, or null when it is not remembered. */
  public static @Nullable String pathOf(Object record) {
    synchronized (PATHS) {
      expunge();
      return PATHS.get(new Key(record, null));
    }
  }

  /** How many records are remembered now. */
  public static int size() {
    synchronized (PATHS) {
      expunge();
      return PATHS.size();
    }
  }

  private static void expunge() {
    for (Object gone; (gone = QUEUE.poll()) != null; ) PATHS.remove(gone);
  }

  /** A weak reference compared by the identity of its referent. */
  private static final class Key extends WeakReference<Object> {
    private final int hash;

    Key(Object referent, @Nullable ReferenceQueue<Object> queue) {
      super(referent, queue);
      this.hash = System.identityHashCode(referent);
    }

    @Override
    public boolean equals(Object other) {
      if (this == other) return true;
      if (!(other instanceof Key key) || key.hash != hash) return false;
      Object referent = get();
      return referent != null && referent == key.get();
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
