package dev.sessionkit.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonReader;
import dev.sessionkit.errors.MissingFieldException;
import dev.sessionkit.errors.SessionkitException;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** The required-field rule's shared parts: object paths, strict messages, and the bounded memory of lenient gaps. */
class ModelSupportTest {
  private static final String[] NAMES = {"id", "session_id", "created_at"};

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
}
