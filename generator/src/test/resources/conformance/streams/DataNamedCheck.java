package dev.sessionkit.conformance.streams.data_named;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.conformance.streams.data_named.model.*;
import dev.sessionkit.core.EventStream;
import dev.sessionkit.conformance.streams.data_named.internal.descriptor.ConformanceDescriptor;
import dev.sessionkit.core.vendor.Arguments;
import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.errors.StreamErrorException;
import dev.sessionkit.generator.conformance.Conformance;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

public final class DataNamedCheck {
  private static MockResponse sse(String body) {
    return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(body).build();
  }

  private static ConformanceClient client(Conformance c) {
    return ConformanceClient.builder().token("t").baseUrl(c.baseUrl()).noRetries().build();
  }

  public void thePlainFormAsksForJsonAndTheStreamFormForTheStream(Conformance c) {
    c.server().enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
        .body("{\"events\":[\"a\"]}").build());
    c.server().enqueue(sse("data: {\"type\":\"output\",\"id\":\"aev_1\",\"content\":\"Hel\"}\n\n"
        + "data: {\"type\":\"output\",\"id\":\"aev_2\",\"content\":\"lo\"}\n\n"
        + "data: {\"type\":\"end\",\"event_id\":\"aev_3\"}\n\n"
        + "data: {\"type\":\"output\",\"content\":\"after the end\"}\n\n"));

    AgentResponse plain = client(c).inputs().send("s1", InputRequest.builder().message("hi").streamResponse(true).build());
    List<String> seen = new ArrayList<>();
    try (EventStream<StreamedEvent> events = client(c).inputs().sendStreaming("s1",
        InputRequest.builder().message("hi").build())) {
      for (StreamedEvent event : events) seen.add(event.type());
    }

    assertEquals(List.of("a"), plain.events());
    assertEquals(List.of("output", "output", "end"), seen, "the stream ends after its end event");
    assertEquals("{\"message\":\"hi\",\"stream_response\":false}", c.request().getBody().utf8());
    RecordedRequest stream = c.request();
    assertEquals("{\"message\":\"hi\",\"stream_response\":true}", stream.getBody().utf8());
    assertEquals("text/event-stream", stream.getHeaders().get("Accept"));
    assertEquals("t", stream.getHeaders().get("x-api-key"));
  }

  public void anErrorEventIsTheTypedStreamErrorWithTheVendorsMessage(Conformance c) {
    c.server().enqueue(sse("data: {\"type\":\"output\",\"content\":\"x\"}\n\n"
        + "data: {\"type\":\"error\",\"messages\":[\"the agent failed\"]}\n\n"));

    StreamErrorException e = assertThrows(StreamErrorException.class, () -> {
      try (EventStream<StreamedEvent> events = client(c).inputs().sendStreaming("s1",
          InputRequest.builder().message("hi").build())) {
        events.forEach(event -> { });
      }
    });

    assertTrue(e.getMessage().contains("the agent failed"), e.getMessage());
  }

  public void aResumeByRequestFieldRebuildsTheBodyWithTheCursor(Conformance c) {
    String service = c.source(InputsService.class);
    assertTrue(service.contains(".resumeWithRequestField(cursor -> sendStreamingCall(sessionKey, "
        + "body.toBuilder().since(cursor).build()), \"event_id\", \"id\")"), service);
    assertTrue(service.contains(".nameFromData(\"type\")"), service);
  }

  public void theDescriptorSendsAndStreamsTheJsonBodyAsTheTypedFormsDo(Conformance c) {
    c.server().enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
        .body("{\"events\":[\"a\"]}").build());
    c.server().enqueue(sse("data: {\"type\":\"output\",\"id\":\"aev_1\",\"content\":\"Hel\"}\n\n"
        + "data: {\"type\":\"end\",\"event_id\":\"aev_2\"}\n\n"));
    OperationDescriptor send = new ConformanceDescriptor().operation("createInput").orElseThrow();
    Arguments arguments = Arguments.builder().put("session_key", "s1").body("{\"message\":\"hi\"}").build();

    Object plain = send.invoke(client(c), arguments);
    List<String> seen = new ArrayList<>();
    try (EventStream<?> events = send.stream(client(c), arguments)) {
      for (Object event : events) seen.add(((StreamedEvent) event).type());
    }

    assertEquals(new AgentResponse(List.of("a")), plain);
    assertEquals(List.of("output", "end"), seen);
    assertEquals("{\"message\":\"hi\",\"stream_response\":false}", c.request().getBody().utf8());
    assertEquals("{\"message\":\"hi\",\"stream_response\":true}", c.request().getBody().utf8());
  }
}
