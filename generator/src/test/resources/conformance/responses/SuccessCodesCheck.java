package dev.sessionkit.conformance.responses.success_codes;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.conformance.responses.success_codes.model.*;
import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.generator.conformance.Conformance;
import mockwebserver3.MockResponse;

public final class SuccessCodesCheck {
  private static ConformanceClient client(Conformance c) {
    return ConformanceClient.builder().token("t").baseUrl(c.baseUrl()).noRetries().strictDecoding(true).build();
  }

  private static void answer(Conformance c, int code, String json) {
    c.server().enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(json).build());
  }

  public void a202AnswersWithItsBody(Conformance c) {
    answer(c, 202, "{\"id\":\"job_1\",\"state\":\"queued\"}");

    assertEquals("queued", client(c).jobs().start().state());
    assertEquals("POST", c.request().getMethod());
  }

  public void twoSuccessStatusesWithTheSameBodyAnswerTheSameType(Conformance c) {
    answer(c, 200, "{\"id\":\"job_1\",\"state\":\"done\"}");
    answer(c, 202, "{\"id\":\"job_1\",\"state\":\"cancelling\"}");

    Job done = client(c).jobs().cancel("job_1");
    RawResponse<Job> cancelling = client(c).jobs().withRawResponse().cancel("job_1");

    assertEquals("done", done.state());
    assertEquals(202, cancelling.status());
    assertEquals("cancelling", cancelling.body().state());
  }

  public void a201WithoutContentAnswersNothing(Conformance c) {
    c.server().enqueue(new MockResponse.Builder().code(201).build());

    RawResponse<Void> archived = client(c).jobs().withRawResponse().archive("job_1");

    assertEquals(201, archived.status());
    String service = c.source(JobsService.class);
    assertTrue(service.contains("public void archive(String jobId) {"), service);
    assertTrue(service.contains("public CompletableFuture<Void> archiveAsync(String jobId) {"), service);
  }
}
