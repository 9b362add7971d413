package dev.sessionkit.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.errors.ApiException;
import dev.sessionkit.errors.AuthenticationException;
import dev.sessionkit.errors.DecodingException;
import dev.sessionkit.errors.NotFoundException;
import dev.sessionkit.errors.RateLimitException;
import dev.sessionkit.errors.UnprocessableEntityException;
import dev.sessionkit.parley.model.Call;
import dev.sessionkit.parley.model.CallStatus;
import dev.sessionkit.parley.model.CreateCallRequest;
import dev.sessionkit.parley.model.Transcript;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Parley client is generated from a vendor-style published file as published plus
 * specs/parley.overlay.yaml (this module has no main Java): the overlay's selection, fixes and
 * names hold, Fern's pagination pages, every documented error shape gives message and code, and
 * arguments are checked before anything is sent.
 */
class GeneratedClientTest {
  private static final String CALL_ID = "call_7Hq2Lm9Xa";
  private static final String KEY = "pk_test_secret";
  private final MockWebServer server = new MockWebServer();
  private ParleyClient client;

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = ParleyClient.builder().apiKey(KEY).baseUrl(server.url("/").toString()).noRetries().build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void enqueue(int status, String body) {
    server.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
        .addHeader("x-request-id", "req_" + status).body(body).build());
  }

  private static String call(String id, String status) {
    return "{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"to\":\"+14155550123\",\"from\":\"+14155550188\","
        + "\"agent_id\":\"agt_support\",\"started_at\":\"2026-11-02T09:14:07Z\",\"duration_seconds\":184}";
  }

  @Test
  void getSendsTheApiKeyHeaderAndDecodesTheCallWithItsStatusEnum() throws Exception {
    enqueue(200, call(CALL_ID, "completed"));

    Call call = client.calls().get(CALL_ID);

    RecordedRequest request = server.takeRequest();
    assertEquals("GET", request.getMethod());
    assertEquals("/v1/calls/" + CALL_ID, request.getTarget());
    assertEquals(KEY, request.getHeaders().get("X-API-Key"));
    assertNull(request.getHeaders().get("Request-Timeout"), "the overlay removed the timeout header parameters");
    assertEquals(CallStatus.COMPLETED, call.status());
    assertEquals(184, call.durationSeconds());
  }

  @Test
  void listPagesWithFernsCursorPageKeyFromNextPageKey() throws Exception {
    enqueue(200, "{\"calls\":[" + call("call_00000001", "completed") + "," + call("call_00000002", "failed")
        + "],\"next_page_key\":\"pk_2\"}");
    enqueue(200, "{\"calls\":[" + call("call_00000003", "ringing") + "],\"next_page_key\":null}");

    List<String> ids = client.calls().streamList(CallListParams.builder().limit(2).build()).map(Call::id).toList();

    assertEquals(List.of("call_00000001", "call_00000002", "call_00000003"), ids);
    assertEquals("/v1/calls?limit=2", server.takeRequest().getTarget());
    assertEquals("/v1/calls?page_key=pk_2&limit=2", server.takeRequest().getTarget());
  }

  @Test
  void theTranscriptDecodesItsSegmentsTheArrayTheOverlayGaveItems() throws Exception {
    enqueue(200, "{\"call_id\":\"" + CALL_ID + "\",\"language\":\"en-US\",\"segments\":[{\"speaker\":\"agent\","
        + "\"text\":\"Hello\",\"start_ms\":0,\"end_ms\":1400}]}");

    Transcript transcript = client.transcripts().get(CALL_ID);

    assertEquals("/v1/calls/" + CALL_ID + "/transcript", server.takeRequest().getTarget());
    assertEquals("Hello", transcript.segments().get(0).text());
    assertEquals(1400L, transcript.segments().get(0).endMs());
  }

  @Test
  void onlyTheSelectedOperationsAreGenerated() {
    assertEquals(List.of("create", "createAsync", "end", "endAsync", "get", "getAsync", "iterateList", "iterateListAsync",
        "list", "listAsync", "listPages", "nextPageKey", "streamList", "withRawResponse"), publicMethods(CallsService.class));
    assertEquals(List.of("get", "getAsync", "withRawResponse"), publicMethods(TranscriptsService.class));
    assertFalse(Arrays.stream(ParleyClient.class.getMethods()).anyMatch(m -> m.getName().equals("account")));
  }

  @Test
  void createPostsTheJsonBodyAndDecodesThe201Call() throws Exception {
    enqueue(201, call(CALL_ID, "queued").replace("\"2026-11-02T09:14:07Z\"", "null"));

    Call call = client.calls().create(CreateCallRequest.builder().to("+14155550123").agentId("agt_support").build());

    RecordedRequest request = server.takeRequest();
    assertEquals("POST", request.getMethod());
    assertEquals("/v1/calls", request.getTarget());
    assertEquals("{\"to\":\"+14155550123\",\"agent_id\":\"agt_support\"}", request.getBody().utf8());
    assertTrue(request.getHeaders().get("Content-Type").startsWith("application/json"), request.getHeaders().toString());
    assertEquals(CallStatus.QUEUED, call.status());
    assertNull(call.startedAt());
  }

  @Test
  void aRequestBodyWithoutARequiredFieldIsRefusedAtBuild() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> CreateCallRequest.builder().to("+1").build());

    assertEquals("CreateCallRequest.agent_id is required: call agentId(...) before build()", e.getMessage());
  }

  @Test
  void endSendsDeleteAndTheNoContentAnswerReturnsNothing() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());

    client.calls().end(CALL_ID);

    RecordedRequest request = server.takeRequest();
    assertEquals("DELETE", request.getMethod());
    assertEquals("/v1/calls/" + CALL_ID, request.getTarget());
  }

  @Test
  void clientCredentialsFetchATokenFromTheTokenUrlAndSendItAsBearer() throws Exception {
    ParleyClient oauth = ParleyClient.builder().clientCredentials("client_1", "s3cret", server.url("/oauth2/token").toString())
        .baseUrl(server.url("/").toString()).noRetries().build();
    enqueue(200, "{\"access_token\":\"tok_1\",\"token_type\":\"Bearer\",\"expires_in\":1800}");
    enqueue(200, call(CALL_ID, "ringing"));

    oauth.calls().get(CALL_ID);

    RecordedRequest token = server.takeRequest();
    assertEquals("POST", token.getMethod());
    assertEquals("/oauth2/token", token.getTarget());
    assertEquals("grant_type=client_credentials", token.getBody().utf8());
    assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString("client_1:s3cret".getBytes()),
        token.getHeaders().get("Authorization"));
    RecordedRequest call = server.takeRequest();
    assertEquals("Bearer tok_1", call.getHeaders().get("Authorization"));
    assertNull(call.getHeaders().get("X-API-Key"));
  }

  @Test
  void aCallIdThatBreaksThePatternIsRefusedBeforeAnyRequest() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client.calls().get("call_1/../x"));

    assertTrue(e.getMessage().startsWith("callId must match ^call_[0-9A-Za-z]{8,}$"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CallListParams.builder().limit(101).build());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aNotFoundDetailObjectGivesItsMessageAndCode() {
    enqueue(404, "{\"detail\":{\"code\":\"call_not_found\",\"message\":\"No call with ID " + CALL_ID + "\"}}");

    NotFoundException e = assertThrows(NotFoundException.class, () -> client.calls().get(CALL_ID));

    assertEquals("call_not_found", e.errorCode());
    assertEquals("No call with ID " + CALL_ID, e.errorMessage());
    assertEquals("req_404", e.requestId());
  }

  @Test
  void anUnauthorizedDetailStringGivesItsMessageAndTheStatusCode() {
    enqueue(401, "{\"detail\":\"Invalid API key\"}");

    AuthenticationException e = assertThrows(AuthenticationException.class, () -> client.transcripts().get(CALL_ID));

    assertEquals("unauthorized", e.errorCode());
    assertEquals("Invalid API key", e.errorMessage());
  }

  @Test
  void aValidationListGivesEveryEntrysMessageAndTheFirstType() {
    enqueue(422, "{\"detail\":[{\"loc\":[\"query\",\"limit\"],\"msg\":\"Input should be less than or equal to 100\","
        + "\"type\":\"less_than_equal\"}]}");

    UnprocessableEntityException e = assertThrows(UnprocessableEntityException.class, () -> client.calls().list());

    assertEquals("less_than_equal", e.errorCode());
    assertEquals("query.limit: Input should be less than or equal to 100", e.errorMessage());
  }

  @Test
  void theGatewaysRateLimitBodyIsReadWithItsOwnShape() {
    enqueue(429, "{\"message\":\"API rate limit exceeded\"}");

    RateLimitException e = assertThrows(RateLimitException.class, () -> client.calls().list());

    assertEquals("rate_limited", e.errorCode());
    assertEquals("API rate limit exceeded", e.errorMessage());
  }

  @Test
  void strictDecodingRefusesAFieldTheSpecDoesNotHaveNamingItsPath() {
    ParleyClient strict = client.toBuilder().strictDecoding(true).build();
    enqueue(200, call(CALL_ID, "completed").replace("}", ",\"recording_url\":\"https://x\"}"));

    DecodingException e = assertThrows(DecodingException.class, () -> strict.calls().get(CALL_ID));

    assertTrue(e.getMessage().contains("$.recording_url"), e.getMessage());
  }

  @Test
  void anUnknownCallStatusIsKeptNotRefused() {
    enqueue(200, call(CALL_ID, "voicemail"));

    Call call = client.calls().get(CALL_ID);

    assertEquals("voicemail", call.status().value());
  }

  @Test
  void everyErrorIsAnApiExceptionWithTheRequestId() {
    enqueue(422, "{\"detail\":[]}");

    ApiException e = assertThrows(ApiException.class, () -> client.calls().get(CALL_ID));

    assertEquals(422, e.status());
    assertEquals("req_422", e.requestId());
  }

  private static List<String> publicMethods(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods()).filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers()))
        .map(Method::getName).distinct().sorted().toList();
  }
}
