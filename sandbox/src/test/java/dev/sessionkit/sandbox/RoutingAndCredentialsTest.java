package dev.sessionkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each vendor is served under its id, at its spec's paths, behind its spec's credential check. */
class RoutingAndCredentialsTest {
  static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.builder().vendors(List.of(TestVendor.lab(), TestVendor.relay())).start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void eachVendorIsServedUnderItsIdAndItsSpecsServerPath() {
    assertEquals(List.of("lab", "relay"), sandbox.vendors());
    assertEquals("http://127.0.0.1:" + sandbox.port() + "/lab/v1/", sandbox.baseUrl("lab"));
    assertEquals("http://127.0.0.1:" + sandbox.port() + "/relay/", sandbox.baseUrl("relay"));
  }

  @Test
  void theEnvironmentHoldsEveryVendorsCredentialAndBaseUrlVariables() {
    assertEquals(Map.of("LAB_TOKEN", "lab-secret", "LAB_BASE_URL", sandbox.baseUrl("lab"),
        "RELAY_KEY", "relay-key", "RELAY_BASE_URL", sandbox.baseUrl("relay")), sandbox.environment());
    assertEquals(Map.of("RELAY_KEY", "relay-key", "RELAY_BASE_URL", sandbox.baseUrl("relay")), sandbox.environment("relay"));
  }

  @Test
  void anUnknownVendorIsRefusedNamingTheServedOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sandbox.baseUrl("acme"));
    assertEquals("this sandbox serves no vendor acme (it serves [lab, relay])", e.getMessage());
  }

  @Test
  void aPathNoVendorOwnsIsAPlainTextNotFound() throws Exception {
    Http.Answer answer = Http.anonymous(sandbox, "lab").get("../../nobody/here");
    assertEquals(404, answer.status());
    assertEquals("404 page not found", answer.body());
  }

  @Test
  void aPathTheSpecLacksIsTheVendorsNotFoundAndAnotherMethodIsA405() throws Exception {
    Http.Answer route = Http.bearer(sandbox, "lab").get("nothing/here");
    assertEquals(404, route.status());
    assertEquals("not_found", route.at("error.type"));
    Http.Answer method = Http.bearer(sandbox, "lab").method("PUT", "sessions");
    assertEquals(405, method.status());
  }

  @Test
  void aWrongOrMissingCredentialIsTheSpecsDocumented401() throws Exception {
    for (Http client : List.of(Http.anonymous(sandbox, "lab"), Http.anonymous(sandbox, "lab").header("Authorization", "Bearer nope"),
        Http.anonymous(sandbox, "lab").header("x-api-key", "lab-secret"))) {
      Http.Answer answer = client.get("sessions");
      assertEquals(401, answer.status());
      assertEquals(Map.of("error", Map.of("type", "unauthenticated", "message", "The token is not valid")), answer.json());
    }
  }

  @Test
  void anyOfTheSecuritySchemesTheSpecListsIsAccepted() throws Exception {
    assertEquals(200, Http.anonymous(sandbox, "relay").header("x-api-key", "relay-key").get("v2/agents/agt_docs/sessions").status());
    assertEquals(200, Http.bearer(sandbox, "relay").get("v2/agents/agt_docs/sessions").status());
    Http.Answer wrong = Http.anonymous(sandbox, "relay").header("x-api-key", "other").get("v2/agents/agt_docs/sessions");
    assertEquals(401, wrong.status());
    assertEquals(List.of("Invalid or missing API key"), wrong.json().get("messages"));
    assertTrue(((String) wrong.json().get("request_id")).startsWith("req_sandbox_"));
  }

  @Test
  void anOperationWithoutSecurityNeedsNoCredential() throws Exception {
    Http.Answer status = Http.anonymous(sandbox, "lab").get("status");
    assertEquals(200, status.status());
    assertEquals(Map.of("status", "ok", "version", "1.0"), status.json());
  }

  @Test
  void aCredentialCanBeChosenPerVendor() throws Exception {
    try (Sandbox custom = Sandbox.builder().vendors(List.of(TestVendor.lab())).credential("lab", "mine").start()) {
      assertEquals("mine", custom.credential("lab"));
      assertEquals(200, Http.anonymous(custom, "lab").header("Authorization", "Bearer mine").get("sessions").status());
      assertEquals(401, Http.anonymous(custom, "lab").header("Authorization", "Bearer lab-secret").get("sessions").status());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Sandbox.builder().vendors(List.of(TestVendor.lab())).credential("acme", "x").start());
    assertEquals("a credential was set for acme, which is not served [lab]", e.getMessage());
  }

  @Test
  void theRecordedRequestShowsThePrefixedPathAndTheCredential() throws Exception {
    while (sandbox.takeRequest(0, TimeUnit.SECONDS) != null) { }
    Http.bearer(sandbox, "lab").get("sessions?limit=5");
    RecordedRequest request = sandbox.takeRequest(1, TimeUnit.SECONDS);
    assertEquals("/lab/v1/sessions?limit=5", request.getTarget());
    assertEquals("Bearer lab-secret", request.getHeaders().get("Authorization"));
  }
}
