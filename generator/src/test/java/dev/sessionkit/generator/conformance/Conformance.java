package dev.sessionkit.generator.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * What a conformance check is given: a MockWebServer for the generated client and the generated
 * sources. One per check method; the harness closes it.
 *
 * <p>A check is a class {@code <Spec>Check} beside its spec ({@code success-codes.yaml} →
 * {@code SuccessCodesCheck.java}), in the package the spec is generated into, whose public
 * {@code void} methods take a {@code Conformance}; each is one test, named as a sentence. (The
 * schema corpus's harness adds JSON round trips and drift to the same methods.)
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

  /** The generated source of {@code type}, for what only the source shows (Javadoc, signatures). */
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
