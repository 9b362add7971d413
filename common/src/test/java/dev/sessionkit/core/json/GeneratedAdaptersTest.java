package dev.sessionkit.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Generated adapters are found by naming convention; strings are strict about numbers. */
class GeneratedAdaptersTest {

  /** Shaped like a generated record: a nested MoshiAdapter with a (Moshi) constructor. */
  public record Point(int x) {
    /** Writes and reads {@code x} as a string, so that the test can tell this adapter was used. */
    public static final class MoshiAdapter extends JsonAdapter<Point> {
      public MoshiAdapter(Moshi moshi) {}

      @Override
      public Point fromJson(JsonReader reader) throws IOException {
        return new Point(Integer.parseInt(reader.nextString()));
      }

      @Override
      public void toJson(JsonWriter writer, @Nullable Point value) throws IOException {
        writer.value(String.valueOf(value.x()));
      }
    }
  }

  /** A record without a generated adapter. */
  public record Named(@Json(name = "n") @Nullable String name) {}

  @Test
  void aNestedMoshiAdapterIsUsedForItsRecord() throws Exception {
    JsonAdapter<List<Point>> adapter = SessionkitMoshi.adapter(
        com.squareup.moshi.Types.newParameterizedType(List.class, Point.class), true);
    assertEquals(List.of(new Point(4)), adapter.fromJson("[\"4\"]"));
    assertEquals("[\"4\"]", adapter.toJson(List.of(new Point(4))));
  }

  @Test
  void aRecordWithoutOneFallsBackToMoshisOwnAdapter() throws Exception {
    assertEquals(new Named("a"), SessionkitMoshi.adapter(Named.class, true).fromJson("{\"n\":\"a\"}"));
  }

  @Test
  void strictDecodingRefusesANumberWhereAStringBelongsNamingThePath() {
    JsonDataException e = assertThrows(JsonDataException.class,
        () -> SessionkitMoshi.adapter(Named.class, true).fromJson("{\"n\":12}"));
    assertEquals("Expected a string but was NUMBER at $.n", e.getMessage());
  }

  @Test
  void lenientDecodingKeepsANumberWhereAStringBelongsAsItsText() throws Exception {
    assertEquals(new Named("12.50"), SessionkitMoshi.adapter(Named.class, false).fromJson("{\"n\":12.50}"));
    assertEquals(new Named(null), SessionkitMoshi.adapter(Named.class, false).fromJson("{\"n\":null}"));
  }

  @Test
  void aDriftListenerHearsOfEachNumberWhereAStringBelongsWithItsPath() throws Exception {
    List<String> heard = new ArrayList<>();
    DriftListener listener = new DriftListener() {
      @Override
      public void numberForString(String path, String text) {
        heard.add(path + " " + text);
      }
    };
    assertEquals(new Named("12.50"), SessionkitMoshi.adapter(Named.class, listener).fromJson("{\"n\":12.50}"));
    JsonAdapter<List<String>> strings = SessionkitMoshi.adapter(
        com.squareup.moshi.Types.newParameterizedType(List.class, String.class), listener);
    assertEquals(List.of("a", "3", "b"), strings.fromJson("[\"a\",3,\"b\"]"));
    assertEquals(List.of("$.n 12.50", "$[1] 3"), heard);
  }

  @Test
  void aStringAdapterStillRefusesObjects() {
    JsonDataException e = assertThrows(JsonDataException.class,
        () -> SessionkitMoshi.adapter(Named.class, false).fromJson("{\"n\":{}}"));
    assertTrue(e.getMessage().contains("$.n"), e.getMessage());
    assertFalse(e.getMessage().contains("NUMBER"));
  }
}
