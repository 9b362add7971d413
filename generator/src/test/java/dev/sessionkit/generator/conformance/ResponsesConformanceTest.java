package dev.sessionkit.generator.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Success statuses (conformance/operations/success-codes.yaml: 202 with a body, 200 and 202 with the
 * same body, 201 without one) and a binary body as a bounded stream (conformance/operations/binary.yaml).
 */
class ResponsesConformanceTest extends ConformanceServer {
  private static Conformance.Generated jobs;
  private static Conformance.Generated files;

  @BeforeAll
  static void generate() {
    jobs = Conformance.generate("operations/success-codes.yaml");
    files = Conformance.generate("operations/binary.yaml");
  }

  @Test
  void a202AnswersWithItsBody() throws Exception {
    enqueue(202, "{\"id\":\"job_1\",\"state\":\"queued\"}");

    Object state = jobs.run(url(), "return client(url).jobs().start().state();");

    assertEquals("queued", state);
    assertEquals("POST", take().getMethod());
  }

  @Test
  void twoSuccessStatusesWithTheSameBodyAnswerTheSameType() throws Exception {
    enqueue(200, "{\"id\":\"job_1\",\"state\":\"done\"}");
    enqueue(202, "{\"id\":\"job_1\",\"state\":\"cancelling\"}");

    Object done = jobs.run(url(), "return client(url).jobs().cancel(\"job_1\").state();");
    Object cancelling = jobs.run(url(), "RawResponse<Job> r = client(url).jobs().withRawResponse().cancel(\"job_1\");"
        + " return r.status() + \" \" + r.body().state();");

    assertEquals("done", done);
    assertEquals("202 cancelling", cancelling);
  }

  @Test
  void a201WithoutContentAnswersNothing() throws Exception {
    server.enqueue(new MockResponse.Builder().code(201).build());

    Object status = jobs.run(url(), "return client(url).jobs().withRawResponse().archive(\"job_1\").status();");

    assertEquals(201, status);
    assertTrue(jobs.source("JobsService.java").contains("public void archive(String jobId) {"));
    assertTrue(jobs.source("JobsService.java").contains("public CompletableFuture<Void> archiveAsync(String jobId) {"));
  }

  @Test
  void aBinaryBodyIsReadAsAStreamWithTheApiKey() throws Exception {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/octet-stream")
        .body(new Buffer().write(new byte[] {1, 2, 3, (byte) 0xff})).build());

    Object bytes = files.run(url(), """
        try (java.io.InputStream in = client(url).files().content("file_1")) {
          return Arrays.toString(in.readAllBytes());
        }""");

    assertEquals("[1, 2, 3, -1]", bytes);
    assertEquals("t", take().getHeaders().get("X-Api-Key"));
  }

  @Test
  void aBinaryBodyPastMaxResponseBytesIsATypedError() {
    server.enqueue(new MockResponse.Builder().chunkedBody(new Buffer().write(new byte[4096]), 100).build());

    RuntimeException e = assertThrows(RuntimeException.class, () -> files.run(url(), """
        FilesClient client = FilesClient.builder().token("t").baseUrl(url).maxResponseBytes(1000).build();
        try (java.io.InputStream in = client.files().content("file_1")) {
          return in.readAllBytes().length;
        }"""));

    assertEquals("dev.sessionkit.errors.ResponseTooLargeException", e.getClass().getName());
  }

  @Test
  void theAsyncFormAnswersWithTheStream() throws Exception {
    server.enqueue(new MockResponse.Builder().body("abc").build());

    Object text = files.run(url(), """
        try (java.io.InputStream in = client(url).files().contentAsync("file_1").get()) {
          return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }""");

    assertEquals("abc", text);
  }
}
