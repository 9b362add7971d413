package dev.sessionkit.conformance.streams.union_body;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.conformance.streams.union_body.model.*;
import dev.sessionkit.core.EventStream;
import dev.sessionkit.core.json.JsonValue;
import dev.sessionkit.errors.StreamInterruptedException;
import dev.sessionkit.generator.conformance.Conformance;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

public final class UnionBodyCheck {
  private static MockResponse sse(String body) {
    return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(body).build();
  }

  private static ConformanceClient client(Conformance c) {
    return ConformanceClient.builder().token("t").baseUrl(c.baseUrl()).maxRetries(2).build();
  }

  private static List<String> read(EventStream<StreamedEvent> events) {
    List<String> seen = new ArrayList<>();
    try (events) {
      for (StreamedEvent event : events) seen.add(event.type());
    }
    return seen;
  }

  public void theConditionIsSetOnWhicheverVariantIsSentAnUnknownOneInItsJson(Conformance c) {
    c.server().enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
        .body("{\"events\":[\"a\"]}").build());
    for (int i = 0; i < 3; i++) c.server().enqueue(sse("data: {\"type\":\"end\"}\n\n"));
    ConformanceClient client = client(c);

    AgentResponse plain = client.inputs().send("s1", MessageInput.builder().type("message").text("hi")
        .streamResponse(true).build());
    read(client.inputs().stream("s1", MessageInput.builder().type("message").text("hi").build()));
    read(client.inputs().stream("s1", InterruptInput.builder().type("interrupt").build()));
    read(client.inputs().stream("s1", new InputRequest.Unknown("fork", JsonValue.of(
        "{\"type\":\"fork\",\"stream_response\":false,\"from\":\"aev_1\"}"))));

    assertEquals(List.of("a"), plain.events());
    assertEquals("{\"type\":\"message\",\"text\":\"hi\",\"stream_response\":false}", c.request().getBody().utf8());
    assertEquals("{\"type\":\"message\",\"text\":\"hi\",\"stream_response\":true}", c.request().getBody().utf8());
    assertEquals("{\"type\":\"interrupt\",\"stream_response\":true}", c.request().getBody().utf8());
    assertEquals("{\"type\":\"fork\",\"from\":\"aev_1\",\"stream_response\":true}", c.request().getBody().utf8());
  }

  private static MockResponse cut(String body) {
    return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(body)
        .removeHeader("Content-Length").addHeader("Content-Length", body.length() + 4096)
        .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build();
  }

  public void aPostCutMidStreamIsNeverSentAgainAndEndsWithTheCursor(Conformance c) {
    c.server().enqueue(cut("data: {\"type\":\"output\",\"id\":\"aev_1\",\"content\":\"Hel\"}\n\n"
        + "data: {\"type\":\"output\",\"content\":\"lo\"}\n\ndata: {\"type\":\"out"));

    List<String> seen = new ArrayList<>();
    StreamInterruptedException e = assertThrows(StreamInterruptedException.class, () -> {
      try (EventStream<StreamedEvent> events = client(c).inputs().stream("s1",
          MessageInput.builder().type("message").text("hi").build())) {
        for (StreamedEvent event : events) seen.add(event.type());
      }
    });

    assertEquals(List.of("output", "output"), seen, "the second output has no id: the cursor stays aev_1");
    assertEquals("aev_1", e.lastEventId());
    assertTrue(e.getMessage().contains("POST is not idempotent"), e.getMessage());
    assertEquals(1, c.server().getRequestCount(), "the stream is not sent again");
  }

  public void aVariantWithoutTheResumeFieldEndsWithTheCursorToo(Conformance c) {
    c.server().enqueue(cut("data: {\"type\":\"output\",\"id\":\"aev_1\",\"content\":\"Hel\"}\n\ndata: {\"type\":\"out"));

    StreamInterruptedException e = assertThrows(StreamInterruptedException.class,
        () -> read(client(c).inputs().stream("s1", InterruptInput.builder().type("interrupt").build())));

    assertEquals("aev_1", e.lastEventId());
    assertTrue(e.getMessage().contains("the request sent cannot carry the resume cursor"), e.getMessage());
    assertEquals(1, c.server().getRequestCount(), "the stream is not sent again");
  }

  public void theHelpersAreGeneratedOncePerServiceFromTheUnionsVariants(Conformance c) {
    String service = c.source(InputsService.class);
    assertTrue(service.contains("private static InputRequest withStreamResponse(InputRequest body, boolean value)"), service);
    assertTrue(service.contains("private static @Nullable InputRequest withSince(InputRequest body, String value)"), service);
    assertTrue(service.contains("if (body instanceof MessageInput variant) return variant.toBuilder().since(value).build();"),
        service);
  }
}
