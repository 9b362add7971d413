package dev.sessionkit.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.sessionkit.core.json.DriftListener;
import dev.sessionkit.core.json.JsonValue;
import dev.sessionkit.core.json.OpenEnum;
import dev.sessionkit.core.json.SessionkitMoshi;
import dev.sessionkit.errors.MissingFieldException;
import dev.sessionkit.errors.SessionkitException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * What generated adapters do off the happy path: object paths, strict messages, what a
 * DriftListener hears, and the bounded memory of lenient gaps.
 */
class ModelSupportTest {
  private static final String[] NAMES = {"id", "session_id", "created_at"};

  /** Records every callback as one line: what, where, and the detail. */
  static final class Heard implements DriftListener {
    final List<String> lines = new ArrayList<>();

    @Override
    public void unknownField(String path, String name) {
      lines.add("unknownField " + path + " " + name);
    }

    @Override
    public void unknownVariant(String path, Class<?> union, String discriminator, @Nullable String label) {
      lines.add("unknownVariant " + path + " " + union.getSimpleName() + " " + discriminator + " " + label);
    }

    @Override
    public void unmatchedVariant(String path, Class<?> union) {
      lines.add("unmatchedVariant " + path + " " + union.getSimpleName());
    }

    @Override
    public void unknownEnumValue(String path, Class<? extends OpenEnum> type, String value) {
      lines.add("unknownEnumValue " + path + " " + type.getSimpleName() + " " + value);
    }

    @Override
    public void missingRequiredField(String path, String name) {
      lines.add("missingRequiredField " + path + " " + name);
    }

    @Override
    public void numberForString(String path, String text) {
      lines.add("numberForString " + path + " " + text);
    }
  }

  /** An open enum for the callbacks' type argument. */
  record Mood(String value) implements OpenEnum {
    @Override
    public boolean isKnown() {
      return false;
    }
  }

  private static JsonReader reader(String json, @Nullable DriftListener listener) {
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
    if (listener != null) reader.setTag(DriftListener.class, listener);
    return reader;
  }

  private static JsonReader insideSecondObject(String lastMember) throws Exception {
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8("[{},{" + lastMember + "}]"));
    reader.beginArray();
    reader.skipValue();
    reader.beginObject();
    return reader;
  }

  @Test
  void objectPathDropsTheLastFieldReadWhateverItWas() throws Exception {
    JsonReader known = insideSecondObject("\"session_id\":\"s\"");
    known.nextName();
    known.nextString();
    assertEquals("$[1]", ModelSupport.objectPath(known, NAMES, 2));

    JsonReader skipped = insideSecondObject("\"mood\":1");
    skipped.skipName();
    skipped.skipValue();
    assertEquals("$[1]", ModelSupport.objectPath(skipped, NAMES, -1));

    assertEquals("$[1]", ModelSupport.objectPath(insideSecondObject(""), NAMES, 0));
  }

  @Test
  void anUnknownFieldIsSkippedAndAListenerHearsItsPathAndName() throws Exception {
    Heard heard = new Heard();
    JsonReader reader = reader("{\"a\":{\"id\":\"i\",\"mood\":{\"x\":[1]}}}", heard);
    reader.beginObject();
    reader.nextName();
    reader.beginObject();
    reader.nextName();
    reader.nextString();
    ModelSupport.skipUnknownField(reader);
    assertEquals(List.of("unknownField $.a.mood mood"), heard.lines);
    assertEquals("$.a", ModelSupport.objectPath(reader, NAMES, -1));
    reader.endObject();
  }

  @Test
  void anUnknownFieldIsSkippedWithoutAListenerAndRefusedStrictly() throws Exception {
    JsonReader lenient = reader("{\"mood\":1,\"id\":\"i\"}", null);
    lenient.beginObject();
    ModelSupport.skipUnknownField(lenient);
    assertEquals("id", lenient.nextName());

    JsonReader strict = reader("{\"mood\":1}", new Heard());
    strict.setFailOnUnknown(true);
    strict.beginObject();
    JsonDataException e = assertThrows(JsonDataException.class, () -> ModelSupport.skipUnknownField(strict));
    assertEquals("Cannot skip unexpected NAME at $.mood", e.getMessage());
  }

  @Test
  void aListenerHearsOfEveryMissingFieldWithItsPathInTheOrderOfTheNames() throws Exception {
    Heard heard = new Heard();
    JsonReader reader = reader("[{},{\"id\":\"i\"}]", heard);
    reader.beginArray();
    reader.skipValue();
    reader.beginObject();
    reader.nextName();
    reader.nextString();
    assertEquals("$[1]", ModelSupport.missingFields(reader, NAMES, 1L << 3 | 1L << 2, 1));
    assertEquals(List.of("missingRequiredField $[1].session_id session_id",
        "missingRequiredField $[1].created_at created_at"), heard.lines);
  }

  @Test
  void strictDecodingRefusesTheFirstMissingFieldAndNoListenerHearsOfIt() throws Exception {
    Heard heard = new Heard();
    JsonReader reader = reader("{\"data\":{}}", heard);
    reader.setFailOnUnknown(true);
    reader.beginObject();
    reader.nextName();
    reader.beginObject();
    JsonDataException e = assertThrows(JsonDataException.class,
        () -> ModelSupport.missingFields(reader, NAMES, 1L << 3 | 1L << 2, 0));
    assertEquals("Required field \"session_id\" missing at $.data", e.getMessage());
    assertEquals(List.of(), heard.lines);
  }

  @Test
  void anUnknownVariantIsRefusedStrictlyNamingTheUnionAndHeardLeniently() throws Exception {
    JsonReader strict = reader("[{\"type\":\"x\"},{}]", null);
    strict.setFailOnUnknown(true);
    strict.beginArray();
    assertEquals("Unknown Mood type \"x\" at $[0]", assertThrows(JsonDataException.class,
        () -> ModelSupport.unknownVariant(strict, Mood.class, "type", "x")).getMessage());
    strict.beginObject();
    strict.nextName();
    strict.nextString();
    strict.endObject();
    assertEquals("Mood without a string \"type\" at $[1]", assertThrows(JsonDataException.class,
        () -> ModelSupport.unknownVariant(strict, Mood.class, "type", null)).getMessage());

    Heard heard = new Heard();
    JsonReader lenient = reader("[{\"type\":\"x\"},{}]", heard);
    lenient.beginArray();
    ModelSupport.unknownVariant(lenient, Mood.class, "type", "x");
    lenient.skipValue();
    ModelSupport.unknownVariant(lenient, Mood.class, "type", null);
    assertEquals(List.of("unknownVariant $[0] Mood type x", "unknownVariant $[1] Mood type null"), heard.lines);
  }

  @Test
  void anUnknownEnumValueIsRefusedStrictlyAndHeardLeniently() throws Exception {
    JsonReader strict = reader("{\"mood\":\"calm\"}", null);
    strict.setFailOnUnknown(true);
    strict.beginObject();
    strict.nextName();
    String path = ModelSupport.watchedPath(strict);
    strict.nextString();
    assertEquals("Unknown Mood value \"calm\" at $.mood", assertThrows(JsonDataException.class,
        () -> ModelSupport.unknownEnumValue(strict, path, Mood.class, "calm")).getMessage());

    Heard heard = new Heard();
    JsonReader lenient = reader("[\"calm\"]", heard);
    lenient.beginArray();
    String watched = ModelSupport.watchedPath(lenient);
    lenient.nextString();
    ModelSupport.unknownEnumValue(lenient, watched, Mood.class, "calm");
    assertEquals(List.of("unknownEnumValue $[0] Mood calm"), heard.lines);
  }

  @Test
  void lenientDecodingWithoutAListenerBuildsNoPath() throws Exception {
    JsonReader reader = reader("[\"calm\"]", null);
    reader.beginArray();
    assertNull(ModelSupport.watchedPath(reader));
  }

  @Test
  void strictFailureNamesTheFirstMissingFieldAndItsObject() {
    assertEquals("Required field \"session_id\" missing at $.data[3]",
        ModelSupport.missingRequired(NAMES, 1L << 2 | 1L << 3, "$.data[3]").getMessage());
  }

  @Test
  void aRememberedRecordsAccessorNamesTheFieldsFullPath() {
    Object record = new Object();
    ModelSupport.remember(record, "$.data[3]");
    MissingFieldException e = ModelSupport.missing(record, "session_id");
    assertEquals("session_id", e.name());
    assertEquals("$.data[3].session_id", e.path());
    assertEquals("required field \"session_id\" was missing at $.data[3].session_id", e.getMessage());
    assertTrue(e instanceof SessionkitException);
  }

  @Test
  void anEqualButDifferentRecordIsNotConfusedWithARememberedOne() {
    String remembered = new String("same");
    ModelSupport.remember(remembered, "$.a");
    assertEquals("id", ModelSupport.missing(new String("same"), "id").path());
    assertEquals("$.a.id", ModelSupport.missing(remembered, "id").path());
  }

  @Test
  void memoryOfLenientGapsIsBounded() {
    Object[] kept = new Object[ModelSupport.LIMIT + 100];
    for (int i = 0; i < kept.length; i++) {
      kept[i] = new Object();
      ModelSupport.remember(kept[i], "$[" + i + "]");
    }
    assertTrue(ModelSupport.remembered() <= ModelSupport.LIMIT, "remembered " + ModelSupport.remembered());
    assertEquals("$[" + (kept.length - 1) + "].x", ModelSupport.missing(kept[kept.length - 1], "x").path());
    assertEquals("x", ModelSupport.missing(kept[0], "x").path());
  }

  @Test
  void memberNamesTellsWhichNamesAnObjectHasWithoutConsumingIt() throws Exception {
    JsonReader reader = reader("{\"b\":null,\"x\":{\"a\":1},\"c\":[1]}", null);
    assertEquals(0b110L, ModelSupport.memberNames(reader, JsonReader.Options.of("a", "b", "c")));
    reader.beginObject();
    assertEquals("b", reader.nextName());
  }

  @Test
  void acceptsTellsWhetherAnAdapterReadsAString() {
    JsonAdapter<OffsetDateTime> timestamps = SessionkitMoshi.moshi().adapter(OffsetDateTime.class);
    assertTrue(ModelSupport.accepts(timestamps, "2026-01-02T03:04:05Z"));
    assertFalse(ModelSupport.accepts(timestamps, "tomorrow"));
  }

  @Test
  void wholeNumbersAreToldApartByRange() {
    assertTrue(ModelSupport.isInt32("2147483647"));
    assertTrue(ModelSupport.isInt32("1.0"));
    assertFalse(ModelSupport.isInt32("2147483648"));
    assertFalse(ModelSupport.isInt32("1.5"));
    assertTrue(ModelSupport.isInt64("2147483648"));
    assertFalse(ModelSupport.isInt64("9223372036854775808"));
  }

  @Test
  void anUnmatchedValueIsKeptWholeHeardLenientlyAndRefusedStrictly() throws Exception {
    Heard heard = new Heard();
    JsonReader lenient = reader("[{\"a\": [1, 2.50]}]", heard);
    lenient.beginArray();
    assertEquals(new JsonValue("{\"a\": [1, 2.50]}"), ModelSupport.unmatchedVariant(lenient, Mood.class));
    assertEquals(List.of("unmatchedVariant $[0] Mood"), heard.lines);

    JsonReader strict = reader("[true]", null);
    strict.setFailOnUnknown(true);
    strict.beginArray();
    assertEquals("No variant of Mood accepts a boolean at $[0]", assertThrows(JsonDataException.class,
        () -> ModelSupport.unmatchedVariant(strict, Mood.class)).getMessage());
  }

  @Test
  void stringMemberReadsATopLevelStringOrNothing() {
    assertEquals("tool_activity", ModelSupport.stringMember(
        new JsonValue("{\"x\":{\"type\":\"inner\"},\"type\":\"tool_activity\"}"), "type"));
    assertNull(ModelSupport.stringMember(new JsonValue("{\"type\":3}"), "type"));
    assertNull(ModelSupport.stringMember(new JsonValue("[\"type\"]"), "type"));
  }

  @Test
  void withBooleanReplacesOrAddsTheMemberAndCopiesTheOthersAsWritten() {
    assertEquals(new JsonValue("{\"type\":\"fork\",\"n\":1.50,\"x\":{\"a\":[1,{}]},\"stream_response\":true}"),
        ModelSupport.withBoolean(new JsonValue("{\"type\":\"fork\",\"stream_response\":false,\"n\":1.50,"
            + "\"x\":{\"a\":[1,{}]}}"), "stream_response", true));
    assertEquals(new JsonValue("{\"stream_response\":false}"),
        ModelSupport.withBoolean(new JsonValue("{}"), "stream_response", false));
    IllegalArgumentException notAnObject = assertThrows(IllegalArgumentException.class,
        () -> ModelSupport.withBoolean(new JsonValue("[1]"), "stream_response", true));
    assertEquals("cannot set stream_response on [1]: not a JSON object", notAnObject.getMessage());
  }

  @Test
  void writeNullWritesAMemberThatTheWriterWouldLeaveOut() throws Exception {
    Buffer buffer = new Buffer();
    JsonWriter writer = JsonWriter.of(buffer);
    writer.beginObject();
    writer.name("kept");
    ModelSupport.writeNull(writer);
    writer.name("dropped");
    writer.nullValue();
    writer.endObject();
    assertEquals("{\"kept\":null}", buffer.readUtf8());
  }

  @Test
  void nullableValuesKeepTheirNullsBothWays() throws Exception {
    JsonAdapter<Map<String, @Nullable Integer>> adapter =
        ModelSupport.nullableValues(SessionkitMoshi.moshi().adapter(Integer.class));
    Map<String, @Nullable Integer> expected = new LinkedHashMap<>();
    expected.put("a", 1);
    expected.put("b", null);
    assertEquals(expected, adapter.fromJson("{\"a\":1,\"b\":null}"));
    assertEquals("{\"a\":1,\"b\":null}", adapter.toJson(expected));
    assertEquals("Map key 'a' has multiple values at path $.a", assertThrows(JsonDataException.class,
        () -> adapter.fromJson("{\"a\":1,\"a\":2}")).getMessage());
  }
}
