package dev.sessionkit.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import okio.ByteString;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The adapters every client shares, on hand-made types. Unions and open enums are decoded only by
 * the adapters the templates generate (tested on generated types in the vendor modules, e.g.
 * qoder-sdk's GeneratedAdaptersTest); here, one without a generated adapter is refused.
 */
class SessionkitMoshiTest {

  /** Shaped like a generated open enum, but without its generated adapter. */
  public record Colour(String value) implements OpenEnum {
    public static final Colour RED = new Colour("red");

    public static Colour of(String value) {
      return value.equals("red") ? RED : new Colour(value);
    }

    @Override
    public boolean isKnown() {
      return this.equals(RED);
    }
  }

  /** Shaped like a generated sealed union, but without its generated adapter. */
  @JsonUnion(discriminator = "kind", labels = {"circle"}, variants = {Circle.class}, unknown = Shape.Unknown.class)
  public sealed interface Shape permits Circle, Shape.Unknown {
    @Nullable String kind();

    record Unknown(@Nullable String kind, JsonValue raw) implements Shape {}
  }

  /** A record (decoded by Moshi's own record adapter) whose component is such an open enum. */
  public record Circle(@Json(name = "kind") String kind, @Json(name = "colour") @Nullable Colour colour) implements Shape {}

  /** A holder for a decimal. */
  public record Measure(@Json(name = "radius_m") BigDecimal radius) {}

  /** A holder for timestamps. */
  public record Stamped(@Json(name = "at") OffsetDateTime at, @Json(name = "instant") @Nullable Instant instant) {}

  /** A holder for an epoch-seconds instant. */
  public record Sample(@Json(name = "t") @EpochSeconds Instant time, @Json(name = "c") @Nullable Integer cpu) {}

  @Test
  void epochSecondsReadAsInstantsAndWriteBackAsNumbers() throws Exception {
    JsonAdapter<Sample> adapter = SessionkitMoshi.adapter(Sample.class, true);
    Sample sample = adapter.fromJson("{\"t\":1729583960,\"c\":150}");
    assertEquals(Instant.parse("2024-10-22T07:59:20Z"), sample.time());
    assertEquals("{\"t\":1729583960,\"c\":150}", adapter.toJson(sample));
    JsonDataException e = assertThrows(JsonDataException.class, () -> adapter.fromJson("{\"t\":1.5}"));
    assertEquals("Expected whole seconds since the epoch but was \"1.5\" at $.t", e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
      "2026-05-18T03:40:48Z, 0",
      "2026-05-18T03:40:48.3Z, 300000000",
      "2026-05-18T03:40:48.321Z, 321000000",
      "2026-05-18T03:40:48.888851Z, 888851000",
      "2026-05-18T03:40:48.888851795Z, 888851795",
  })
  void timestampsAcceptZeroToNineFractionDigits(String text, int nanos) throws Exception {
    Stamped stamped = SessionkitMoshi.adapter(Stamped.class, true).fromJson("{\"at\":\"" + text + "\"}");
    assertEquals(OffsetDateTime.of(2026, 5, 18, 3, 40, 48, nanos, ZoneOffset.UTC), stamped.at());
  }

  @Test
  void timestampsKeepTheirOffset() throws Exception {
    JsonAdapter<Stamped> adapter = SessionkitMoshi.adapter(Stamped.class, true);
    Stamped stamped = adapter.fromJson("{\"at\":\"2026-05-18T05:40:48.5+02:00\",\"instant\":\"2026-05-18T03:40:48-01:30\"}");
    assertEquals(ZoneOffset.ofHours(2), stamped.at().getOffset());
    assertEquals(Instant.parse("2026-05-18T03:40:48.5Z"), stamped.at().toInstant());
    assertEquals(Instant.parse("2026-05-18T05:10:48Z"), stamped.instant());
    assertEquals("{\"at\":\"2026-05-18T05:40:48.5+02:00\",\"instant\":\"2026-05-18T05:10:48Z\"}", adapter.toJson(stamped));
  }

  @Test
  void malformedTimestampNamesItsPath() {
    JsonDataException e = assertThrows(JsonDataException.class,
        () -> SessionkitMoshi.adapter(Stamped.class, false).fromJson("{\"at\":\"yesterday\"}"));
    assertEquals("Expected an RFC 3339 timestamp but was \"yesterday\" at $.at", e.getMessage());
  }

  @Test
  void anAdapterWithADriftListenerFailsAsTheLenientOneDoesNamingThePath() {
    JsonDataException e = assertThrows(JsonDataException.class,
        () -> SessionkitMoshi.adapter(Stamped.class, new DriftListener() {}).fromJson("{\"at\":\"yesterday\"}"));
    assertEquals("Expected an RFC 3339 timestamp but was \"yesterday\" at $.at", e.getMessage());
    NullPointerException none = assertThrows(NullPointerException.class,
        () -> SessionkitMoshi.adapter(Stamped.class, (DriftListener) null));
    assertEquals("listener == null", none.getMessage());
  }

  @Test
  void decimalsKeepEveryDigit() throws Exception {
    Measure measure = SessionkitMoshi.adapter(Measure.class, true).fromJson("{\"radius_m\":0.30000000000000000004}");
    assertEquals(new BigDecimal("0.30000000000000000004"), measure.radius());
  }

  @Test
  void aUnionWithoutAGeneratedAdapterIsRefusedNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SessionkitMoshi.adapter(Shape.class, false));
    assertEquals(Shape.class.getName() + " is a @JsonUnion without a generated adapter: expected its public nested"
        + " class MoshiAdapter extending JsonAdapter, with a public (Moshi) constructor, as the sessionkit"
        + " templates generate it", e.getMessage());
  }

  @Test
  void anOpenEnumWithoutAGeneratedAdapterIsRefusedNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SessionkitMoshi.moshi().adapter(Colour.class));
    assertTrue(e.getMessage().startsWith(Colour.class.getName() + " is an OpenEnum without a generated adapter"),
        e.getMessage());
  }

  @Test
  void aRecordHoldingAnOpenEnumWithoutAGeneratedAdapterIsRefusedNamingTheEnum() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SessionkitMoshi.adapter(Circle.class, true));
    assertTrue(e.getMessage().startsWith(Colour.class.getName() + " is an OpenEnum without a generated adapter"),
        e.getMessage());
  }

  @Test
  void jsonValueKeepsAnyJsonWhole() throws Exception {
    JsonAdapter<JsonValue> adapter = SessionkitMoshi.adapter(JsonValue.class, true);
    for (String json : List.of("{\"big\":12345678901234567890123,\"x\":[1,2]}", "[1,\"a\",null]", "\"s\"", "3.14", "true")) {
      JsonValue value = adapter.fromJson(json);
      assertEquals(json, value.json());
      assertEquals(json, adapter.toJson(value));
    }
    assertTrue(adapter.fromJson("[1]").isArray());
    assertTrue(adapter.fromJson("{}").isObject());
    assertEquals(Optional.empty(), Optional.ofNullable(adapter.fromJson("null")));
  }

  @Test
  void datesAreRfc3339FullDatesBothWays() throws Exception {
    JsonAdapter<LocalDate> adapter = SessionkitMoshi.adapter(LocalDate.class, true);
    assertEquals(LocalDate.of(2026, 2, 28), adapter.fromJson("\"2026-02-28\""));
    assertEquals("\"2026-02-28\"", adapter.toJson(LocalDate.of(2026, 2, 28)));
    assertEquals("Expected an RFC 3339 date but was \"2026-02-30\" at $", assertThrows(JsonDataException.class,
        () -> adapter.fromJson("\"2026-02-30\"")).getMessage());
  }

  @Test
  void urisAreKeptAsWrittenAndARefusedOneNamesItsPath() throws Exception {
    JsonAdapter<List<URI>> adapter = SessionkitMoshi.adapter(
        com.squareup.moshi.Types.newParameterizedType(List.class, URI.class), true);
    String json = "[\"https://logs.example/b/1?x=%20y#top\",\"urn:isbn:0451450523\"]";
    assertEquals(List.of(URI.create("https://logs.example/b/1?x=%20y#top"), URI.create("urn:isbn:0451450523")),
        adapter.fromJson(json));
    assertEquals(json, adapter.toJson(adapter.fromJson(json)));
    assertEquals("Expected a URI but was \"a b\" at $[0]", assertThrows(JsonDataException.class,
        () -> adapter.fromJson("[\"a b\"]")).getMessage());
  }

  @Test
  void bytesAreBase64InEitherAlphabetAndWrittenInTheStandardOne() throws Exception {
    JsonAdapter<ByteString> adapter = SessionkitMoshi.adapter(ByteString.class, true);
    ByteString bytes = ByteString.of((byte) 0xfb, (byte) 0xff, (byte) 0x01);
    assertEquals(bytes, adapter.fromJson("\"+/8B\""));
    assertEquals(bytes, adapter.fromJson("\"-_8B\""));
    assertEquals("\"+/8B\"", adapter.toJson(bytes));
    assertEquals("Expected base64 but was \"not base64!\" at $", assertThrows(JsonDataException.class,
        () -> adapter.fromJson("\"not base64!\"")).getMessage());
  }
}
