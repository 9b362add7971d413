package dev.sessionkit.core.spi;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import dev.sessionkit.errors.MissingFieldException;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the generated Moshi adapters share: the required-field rule and its paths.
 *
 * <p>Part of the service-provider contract between {@code common} and the code generated from a
 * spec ({@code specs/templates/record.mustache} calls it); public because a vendor module generated
 * from any spec must reach it. Applications have no reason to call it.
 *
 * <p>Nothing here runs on the happy path: paths are built, and decoded records remembered, only
 * when a required field is missing.
 */
public final class ModelSupport {
  /** How many records with missing fields are remembered at most; the oldest are forgotten first. */
  static final int LIMIT = 4096;

  private static final ReferenceQueue<Object> QUEUE = new ReferenceQueue<>();
  private static final Map<Key, String> PATHS = new LinkedHashMap<>();

  private ModelSupport() {}

  /**
   * Returns the JSON path of the object {@code reader} is inside, before its {@code endObject()}:
   * {@code last} is the 1-based index in {@code names} of the last field read, 0 when none was,
   * and -1 when the last one was skipped as unknown.
   */
  public static String objectPath(JsonReader reader, String[] names, int last) {
    String path = reader.getPath();
    String suffix = "." + (last > 0 ? names[last - 1] : last < 0 ? "null" : "");
    return path.endsWith(suffix) ? path.substring(0, path.length() - suffix.length()) : path;
  }

  /**
   * Returns the failure of strict decoding for the first field of {@code missing} (bit {@code i}
   * set when {@code names[i - 1]} is missing), such as
   * {@code Required field "session_id" missing at $.data[3]}.
   */
  public static JsonDataException missingRequired(String[] names, long missing, String objectPath) {
    String name = names[Long.numberOfTrailingZeros(missing) - 1];
    return new JsonDataException("Required field \"" + name + "\" missing at " + objectPath);
  }

  /** Remembers that {@code record}, decoded at {@code objectPath}, lacks required fields. */
  public static void remember(Object record, String objectPath) {
    synchronized (PATHS) {
      expunge();
      PATHS.put(new Key(record, QUEUE), objectPath);
      if (PATHS.size() > LIMIT) {
        Iterator<Key> eldest = PATHS.keySet().iterator();
        eldest.next();
        eldest.remove();
      }
    }
  }

  /**
   * Returns the exception a generated accessor throws when {@code record}'s required field
   * {@code name} (its wire name) holds no value; the path is the field's JSON path when
   * {@code record} was decoded (and still remembered), else the bare name.
   */
  public static MissingFieldException missing(Object record, String name) {
    String objectPath;
    synchronized (PATHS) {
      expunge();
      objectPath = PATHS.get(new Key(record, null));
    }
    return new MissingFieldException(name, objectPath == null ? name : objectPath + "." + name);
  }

  /** How many records are remembered now; for tests. */
  static int remembered() {
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
