package dev.sessionkit.generator.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import dev.sessionkit.core.json.DriftListener;
import dev.sessionkit.core.json.OpenEnum;
import dev.sessionkit.core.json.SessionkitMoshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * What a conformance check is given: the JSON round trips the corpus pins (through the generated
 * adapters, as every client decodes), the drift a lenient decode reports, a MockWebServer for the
 * generated client, and the generated sources. One per check method; the harness closes it.
 *
 * <p>A check is a class {@code <Spec>Check} beside its spec ({@code scalars-and-objects.yaml} →
 * {@code ScalarsAndObjectsCheck.java}), in the package the spec is generated into, whose public
 * {@code void} methods take a {@code Conformance}; each is one test, named as a sentence.
 */
public final class Conformance {
  private final Path sources;
  private @Nullable MockWebServer server;

  Conformance(Path sources) {
    this.sources = sources;
  }

  /** The MockWebServer for this check, started on first use. */
  public MockWebServer server() {
    if (server == null) {
      server = new MockWebServer();
      try {
        server.start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return server;
  }

  /** The server's base URL, for the generated client's builder. */
  public String baseUrl() {
    return server().url("/").toString();
  }

  /** Queues a 200 response with the JSON body {@code json}. */
  public void respond(String json) {
    server().enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(json).build());
  }

  /** The next request the server received (waiting at most 5 seconds). */
  public RecordedRequest request() {
    try {
      RecordedRequest request = server().takeRequest(5, TimeUnit.SECONDS);
      if (request == null) throw new AssertionError("no request reached the server");
      return request;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Decodes {@code json} leniently, as a client does by default. */
  public <T> T decode(Type type, String json) {
    try {
      return SessionkitMoshi.<T>adapter(type, false).fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes {@code json} strictly (any drift fails). */
  public <T> T strict(Type type, String json) {
    try {
      return SessionkitMoshi.<T>adapter(type, true).fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts that strict decoding refuses {@code json}, and returns the message, which names the JSON path. */
  public String strictFailure(Type type, String json) {
    return assertThrows(JsonDataException.class, () -> SessionkitMoshi.adapter(type, true).fromJson(json)).getMessage();
  }

  /** Encodes {@code value} as the client would send it. */
  public <T> String encode(Type type, T value) {
    return SessionkitMoshi.<T>adapter(type, true).toJson(value);
  }

  /**
   * Decodes {@code json} strictly, encodes the result and asserts that it is the same JSON (member
   * order and spacing aside), and returns the decoded value.
   */
  public <T> T roundTrip(Type type, String json) {
    T value = strict(type, json);
    assertSameJson(json, encode(type, value));
    return value;
  }

  /** Asserts that two JSON texts are the same value: member order, spacing and number spelling aside. */
  public void assertSameJson(String expected, String actual) {
    assertEquals(parse(expected), parse(actual), () -> "expected " + expected + "\n but was " + actual);
  }

  private static @Nullable Object parse(String json) {
    try {
      return JsonReader.of(new Buffer().writeUtf8(json)).readJsonValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Decodes {@code json} leniently with a DriftListener and returns what it heard, one line each:
   * {@code unknownField $.a.b b}, {@code unknownVariant $.e Event type x},
   * {@code unmatchedVariant $.v Value}, {@code unknownEnumValue $.s Status x},
   * {@code missingRequiredField $.id id}, {@code numberForString $.n 1}.
   */
  public List<String> drift(Type type, String json) {
    List<String> heard = new ArrayList<>();
    DriftListener listener = new DriftListener() {
      @Override
      public void unknownField(String path, String name) {
        heard.add("unknownField " + path + " " + name);
      }

      @Override
      public void unknownVariant(String path, Class<?> union, String discriminator, @Nullable String label) {
        heard.add("unknownVariant " + path + " " + union.getSimpleName() + " " + discriminator + " " + label);
      }

      @Override
      public void unmatchedVariant(String path, Class<?> union) {
        heard.add("unmatchedVariant " + path + " " + union.getSimpleName());
      }

      @Override
      public void unknownEnumValue(String path, Class<? extends OpenEnum> enumType, String value) {
        heard.add("unknownEnumValue " + path + " " + enumType.getSimpleName() + " " + value);
      }

      @Override
      public void missingRequiredField(String path, String name) {
        heard.add("missingRequiredField " + path + " " + name);
      }

      @Override
      public void numberForString(String path, String text) {
        heard.add("numberForString " + path + " " + text);
      }
    };
    try {
      SessionkitMoshi.adapter(type, listener).fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return heard;
  }

  /** The generated source of {@code type}, for what only the source shows (Javadoc). */
  public String source(Class<?> type) {
    Path file = sources.resolve(type.getName().replace('.', '/') + ".java");
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A file the generator wrote beside the sources, relative to the output's {@code src/main}:
   * {@code java/module-info.java}, {@code resources/META-INF/services/...}.
   */
  public String generated(String path) {
    Path file = sources.getParent().resolve(path);
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void close() {
    if (server != null) server.close();
  }
}
