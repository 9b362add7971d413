package dev.sessionkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.contract.DriftFinding.Kind;
import dev.sessionkit.contract.SeedExamples.Fragment;
import dev.sessionkit.contract.SeedExamples.Response;
import dev.sessionkit.contract.SeedExamples.SeedExample;
import dev.sessionkit.core.spi.ServiceProfile;
import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.core.vendor.ServiceDescriptor;
import dev.sessionkit.core.vendor.VendorDescriptor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drift check for users: recorded responses, one directory per operation, every drift named with its path. */
class DriftCheckTest {
  /** Each vendor's check; their lifecycle specs share operation ids (listSessions, getSession, ...). */
  private static final Map<String, DriftCheck> SDKS = Map.of("qoder.yaml", DriftCheck.forSdk("qoder"),
      "piper.yaml", DriftCheck.forSdk("piper"), "pipecat.yaml", DriftCheck.forSdk("pipecat"),
      "agents-v2.yaml", DriftCheck.forSdk("agents-v2"));
  /** The operations of the seeds, each from its vendor's check, in one: recordings of four SDKs in one directory. */
  private static final DriftCheck ALL_SDKS = DriftCheck.of(Map.of(
      "listSessionEvents", SDKS.get("qoder.yaml").operations().get("listSessionEvents"),
      "getSessionEvents", SDKS.get("piper.yaml").operations().get("getSessionEvents"),
      "getScenarioRunBySession", SDKS.get("piper.yaml").operations().get("getScenarioRunBySession"),
      "getSession", SDKS.get("pipecat.yaml").operations().get("getSession"),
      "listAgentEvents", SDKS.get("agents-v2.yaml").operations().get("listAgentEvents")));

  @TempDir Path recorded;

  @Test
  void theSdksMapEveryOperationOfTheSpecsThatAnswersJsonToItsResponseType() {
    for (String spec : List.of("qoder.yaml", "piper.yaml", "pipecat.yaml", "agents-v2.yaml")) {
      Set<String> answeringJson = new java.util.TreeSet<>();
      io.swagger.v3.oas.models.OpenAPI api = new io.swagger.parser.OpenAPIParser()
          .readLocation(Locations.spec(spec).toString(), null, new io.swagger.v3.parser.core.models.ParseOptions())
          .getOpenAPI();
      api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
        boolean json = operation.getResponses().entrySet().stream()
            .filter(response -> response.getKey().startsWith("2"))
            .map(response -> response.getValue().get$ref() != null ? api.getComponents().getResponses()
                .get(response.getValue().get$ref().replaceFirst(".*/", "")) : response.getValue())
            .anyMatch(response -> response.getContent() != null && response.getContent().containsKey("application/json"));
        if (json) answeringJson.add(operation.getOperationId());
      }));
      assertEquals(answeringJson, SDKS.get(spec).operations().keySet(),
          spec + ": every operation answering JSON, and none that only streams or answers nothing");
    }
    assertEquals(dev.sessionkit.qoder.model.SessionEventList.class, ALL_SDKS.operations().get("listSessionEvents"));
    assertEquals(dev.sessionkit.agents.model.AgentResponse.class,
        SDKS.get("agents-v2.yaml").operations().get("createAgentInput"));
    IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
        () -> SDKS.get("qoder.yaml").and(SDKS.get("piper.yaml")));
    assertTrue(both.getMessage().startsWith("the operation listSessions answers dev.sessionkit.qoder.model.SessionList in "
        + "one SDK and dev.sessionkit.piper.model.SessionListResponse in another"), both.getMessage());
  }

  @Test
  void theReportOnEverySeedResponseExampleIsEmpty() throws IOException {
    int files = 0;
    for (SeedExample example : SeedExamples.all()) {
      if (example.mapping().target() instanceof Response response) {
        write(response.operationId(), example.mapping().seed() + "-" + example.mapping().index() + ".json", example.json());
        files++;
      }
    }

    DriftReport report = ALL_SDKS.check(recorded);

    assertEquals(6, files);
    assertEquals(files, report.files());
    assertTrue(report.isEmpty(), report.format());
  }

  /**
   * Every JSON success example of every operation of the four specs (the lifecycle's creates,
   * sends, updates and listings included), recorded as a user would record the answer, drifts
   * nothing from its SDK's types: what the spec documents, the SDK decodes whole, strictly.
   */
  @Test
  void theReportOnEveryJsonSuccessExampleOfEverySpecIsEmpty(@TempDir Path root) throws IOException {
    int total = 0;
    for (Map.Entry<String, DriftCheck> sdk : new java.util.TreeMap<>(SDKS).entrySet()) {
      io.swagger.v3.oas.models.OpenAPI api = new io.swagger.parser.OpenAPIParser()
          .readLocation(Locations.spec(sdk.getKey()).toString(), null, new io.swagger.v3.parser.core.models.ParseOptions())
          .getOpenAPI();
      Path dir = Files.createDirectories(root.resolve(sdk.getKey()));
      int files = 0;
      for (io.swagger.v3.oas.models.PathItem path : api.getPaths().values()) {
        for (io.swagger.v3.oas.models.Operation operation : path.readOperations()) {
          if (!sdk.getValue().operations().containsKey(operation.getOperationId())) continue;
          for (Map.Entry<String, io.swagger.v3.oas.models.responses.ApiResponse> answer : operation.getResponses().entrySet()) {
            if (!answer.getKey().startsWith("2")) continue;
            io.swagger.v3.oas.models.responses.ApiResponse response = answer.getValue().get$ref() == null ? answer.getValue()
                : api.getComponents().getResponses().get(answer.getValue().get$ref().replaceFirst(".*/", ""));
            io.swagger.v3.oas.models.media.MediaType json = response.getContent() == null ? null
                : response.getContent().get("application/json");
            if (json == null) continue;
            Map<String, Object> examples = new java.util.LinkedHashMap<>();
            if (json.getExample() != null) examples.put("example", json.getExample());
            if (json.getExamples() != null) {
              json.getExamples().forEach((name, example) -> {
                io.swagger.v3.oas.models.examples.Example resolved = example.get$ref() == null ? example
                    : api.getComponents().getExamples().get(example.get$ref().replaceFirst(".*/", ""));
                if (resolved.getValue() != null) examples.put(name, resolved.getValue());
              });
            }
            Path operationDir = Files.createDirectories(dir.resolve(operation.getOperationId()));
            for (Map.Entry<String, Object> example : examples.entrySet()) {
              Files.writeString(operationDir.resolve(answer.getKey() + "-" + example.getKey() + ".json"),
                  io.swagger.v3.core.util.Json.mapper().writeValueAsString(example.getValue()), StandardCharsets.UTF_8);
              files++;
            }
          }
        }
      }
      DriftReport report = sdk.getValue().check(dir);
      assertEquals(files, report.files(), sdk.getKey());
      assertTrue(report.isEmpty(), sdk.getKey() + ":\n" + report.format());
      total += files;
    }
    assertEquals(73, total, "the specs' JSON success examples");
  }

  @Test
  void theReportOnEverySeedFragmentIsEmpty() throws ClassNotFoundException {
    int fragments = 0;
    for (SeedExample example : SeedExamples.all()) {
      if (example.mapping().target() instanceof Fragment fragment) {
        Class<?> type = Class.forName(SeedExamples.MODEL_PACKAGES.get(example.mapping().spec()) + "." + fragment.schema());
        assertEquals(List.of(), DriftScanner.scanFragment(type, example.json()), example.toString());
        fragments++;
      }
    }
    assertEquals(3, fragments);
  }

  @Test
  void aResponseWithOneExtraFieldNamesThatFieldAndItsPath() throws IOException {
    String seed = seedJson("001_dc46828c05a92ec6.txt");
    String withExtra = seed.replace("\"type\": \"session.status_rescheduled\",",
        "\"type\": \"session.status_rescheduled\",\n      \"retry_count\": 2,");
    write("listSessionEvents", "with-extra-field.json", withExtra);

    DriftReport report = ALL_SDKS.check(recorded);

    assertEquals(List.of(new DriftReport.Entry("listSessionEvents", "listSessionEvents/with-extra-field.json",
        new DriftFinding(Kind.UNKNOWN_FIELD, "$.data[1].retry_count", "retry_count"))), report.entries());
    assertTrue(report.format().contains("listSessionEvents/with-extra-field.json: unknown field $.data[1].retry_count"),
        report.format());
  }

  @Test
  void everyUnknownFieldVariantAndEnumValueIsReportedNotOnlyTheFirst() throws IOException {
    write("listSessionEvents", "drifted.json", """
        {"data": [
          {"id": "evt_1", "type": "agent.plan_updated", "session_id": "sess_1", "created_at": "2026-05-18T03:40:48Z"},
          {"id": "evt_2", "type": "session.status_idle", "session_id": "sess_1", "created_at": "2026-05-18T03:40:49Z",
           "status": "paused", "stop_reason": {"type": "max_tokens", "budget": 10}},
          {"id": "evt_3", "type": "agent.message", "session_id": "sess_1", "created_at": "2026-05-18T03:40:50Z",
           "content": [{"type": "image", "url": "x"}, {"type": "text", "text": "hi", "lang": "en"}]}
        ], "has_more": false, "cursor_version": 2}
        """);

    DriftReport report = ALL_SDKS.check(recorded);

    assertEquals(List.of(
        new DriftFinding(Kind.UNKNOWN_VARIANT, "$.data[0]", "SessionEvent type \"agent.plan_updated\""),
        new DriftFinding(Kind.UNKNOWN_ENUM_VALUE, "$.data[1].status", "SessionStatus \"paused\""),
        new DriftFinding(Kind.UNKNOWN_ENUM_VALUE, "$.data[1].stop_reason.type", "StopReasonType \"max_tokens\""),
        new DriftFinding(Kind.UNKNOWN_FIELD, "$.data[1].stop_reason.budget", "budget"),
        new DriftFinding(Kind.UNKNOWN_VARIANT, "$.data[2].content[0]", "ContentBlock type \"image\""),
        new DriftFinding(Kind.UNKNOWN_FIELD, "$.data[2].content[1].lang", "lang"),
        new DriftFinding(Kind.UNKNOWN_FIELD, "$.cursor_version", "cursor_version")), report.findings());
  }

  @Test
  void everyMissingRequiredFieldIsReportedWithItsPath() throws IOException {
    write("listSessionEvents", "missing.json", """
        {"data": [
          {"id": "evt_1", "type": "user.message", "session_id": "sess_1", "created_at": "2026-05-18T03:40:48Z", "content": "hi"},
          {"id": "evt_2", "type": "user.message", "content": "hi", "mood": "calm"},
          {"id": null, "type": "user.message", "session_id": "sess_1", "created_at": "2026-05-18T03:40:49Z",
           "content": "hi"}
        ]}
        """);

    DriftReport report = ALL_SDKS.check(recorded);

    assertEquals(List.of(
        new DriftFinding(Kind.UNKNOWN_FIELD, "$.data[1].mood", "mood"),
        new DriftFinding(Kind.MISSING_REQUIRED_FIELD, "$.data[1].session_id", "session_id"),
        new DriftFinding(Kind.MISSING_REQUIRED_FIELD, "$.data[1].created_at", "created_at"),
        new DriftFinding(Kind.MISSING_REQUIRED_FIELD, "$.data[2].id", "id"),
        new DriftFinding(Kind.MISSING_REQUIRED_FIELD, "$.has_more", "has_more")), report.findings());
    assertTrue(report.format().contains("listSessionEvents/missing.json: missing required field $.data[1].session_id: session_id"),
        report.format());
  }

  @Test
  void aFragmentMayLeaveRequiredFieldsOutButNotAddUnknownOnes() {
    String fragment = "{\"type\":\"user.message\",\"content\":\"hi\",\"mood\":1}";
    assertEquals(List.of(new DriftFinding(Kind.UNKNOWN_FIELD, "$.mood", "mood")),
        DriftScanner.scanFragment(dev.sessionkit.qoder.model.UserMessageEvent.class, fragment));
    assertTrue(DriftScanner.scan(dev.sessionkit.qoder.model.UserMessageEvent.class, fragment)
        .contains(new DriftFinding(Kind.MISSING_REQUIRED_FIELD, "$.session_id", "session_id")));
  }

  @Test
  void aNumberWhereTheSpecSaysStringIsReported() throws IOException {
    write("listSessionEvents", "number.json", """
        {"data": [{"id": 17, "type": "user.message", "session_id": "sess_1", "created_at": "2026-05-18T03:40:48Z",
                   "content": "hi"}], "has_more": false}
        """);

    DriftReport report = ALL_SDKS.check(recorded);

    assertEquals(List.of(new DriftFinding(Kind.NUMBER_FOR_STRING, "$.data[0].id", "17")), report.findings());
  }

  @Test
  void anUnknownEnumValueSentAsANumberIsReported() throws IOException {
    String seed = seedJson("002_9af79679e252829d.txt");
    write("getSession", "numeric-status.json", seed.replace("\"HTTP_COMPLETED\"", "500"));

    DriftReport report = ALL_SDKS.check(recorded);

    assertEquals(List.of(new DriftFinding(Kind.UNKNOWN_ENUM_VALUE, "$.completionStatus", "CompletionStatus \"500\"")),
        report.findings());
  }

  @Test
  void aUnionValueWithoutAStringDiscriminatorOrThatIsNoObjectIsReportedAsAnUnknownVariant() throws IOException {
    write("listSessionEvents", "untyped.json", """
        {"data": [{"id": "evt_1", "type": 7}, "evt_2"], "has_more": false}
        """);

    DriftReport report = ALL_SDKS.check(recorded);

    assertEquals(List.of(
        new DriftFinding(Kind.UNKNOWN_VARIANT, "$.data[0]", "SessionEvent without a string \"type\""),
        new DriftFinding(Kind.UNKNOWN_VARIANT, "$.data[1]", "SessionEvent without a string \"type\"")),
        report.findings());
  }

  @Test
  void aBodyThatLenientDecodingRefusesKeepsTheDriftFoundBeforeTheFailure() throws IOException {
    write("listSessionEvents", "bad-timestamp.json", """
        {"data": [
          {"id": "evt_1", "type": "user.message", "session_id": "sess_1", "created_at": "2026-05-18T03:40:48Z",
           "content": "hi", "mood": "calm"},
          {"id": "evt_2", "type": "user.message", "session_id": "sess_1", "created_at": "yesterday", "content": "hi"}
        ], "has_more": false}
        """);

    DriftReport report = ALL_SDKS.check(recorded);

    assertEquals(List.of(
        new DriftFinding(Kind.UNKNOWN_FIELD, "$.data[0].mood", "mood"),
        new DriftFinding(Kind.NOT_DECODABLE, "$.data[1].created_at",
            "Expected an RFC 3339 timestamp but was \"yesterday\" at $.data[1].created_at")), report.findings());
  }

  @Test
  void aBodyOfTheWrongShapeIsReportedAsNotDecodable() throws IOException {
    write("getScenarioRunBySession", "array.json", "[]");

    DriftReport report = ALL_SDKS.check(recorded);

    assertEquals(1, report.entries().size(), report.format());
    assertEquals(Kind.NOT_DECODABLE, report.findings().get(0).kind());
    assertEquals("$", report.findings().get(0).path());
  }

  @Test
  void aDirectoryNamedAfterNoOperationIsReported() throws IOException {
    write("listSessionEvent", "typo.json", "{}");

    DriftReport report = DriftCheck.forSdk("qoder").check(recorded);

    assertEquals(Kind.UNKNOWN_OPERATION, report.findings().get(0).kind());
    assertTrue(report.findings().get(0).detail().contains("listSessionEvents"), report.format());
  }

  @Test
  void theCommandLineExitsOneAndPrintsTheReportOnDrift() throws IOException {
    write("listAgentEvents", "page.json", seedJson("004_0956aa6387aa5322.txt").replace("\"total_count\": 45", "\"total_count\": 45, \"has_more\": true"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = DriftCheck.run(new String[] {"--sdk", "agents-v2", recorded.toString()}, print(out), print(err));

    assertEquals(1, status, err.toString(StandardCharsets.UTF_8));
    assertEquals("sessionkit drift check: 1 recorded response, 1 finding\n"
        + "listAgentEvents/page.json: unknown field $.metadata.has_more: has_more\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theCommandLineExitsZeroWithNoDriftAndTwoOnBadArguments() throws IOException {
    write("getSession", "seed.json", seedJson("002_9af79679e252829d.txt"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    assertEquals(0, DriftCheck.run(new String[] {"--operation", "getSession=dev.sessionkit.pipecat.model.SessionDetails",
        recorded.toString()}, print(out), print(err)));
    assertEquals("sessionkit drift check: 1 recorded response, no drift\n", out.toString(StandardCharsets.UTF_8));
    assertEquals(2, DriftCheck.run(new String[] {"--sdk", "nope", recorded.toString()}, print(out), print(err)));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("sdk must be one of [agents-v2, pipecat, piper, qoder]"));
  }

  @Test
  void anSdkNameThatDoesNotExistIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DriftCheck.forSdk("qodr"));
    assertEquals("sdk must be one of [agents-v2, pipecat, piper, qoder] (got \"qodr\")", e.getMessage());
  }

  @Test
  void anSdkIsFoundByItsVendorIdAndItsOperationsByOperationIdThroughTheDescriptors() {
    VendorDescriptor agents = VendorDescriptor.find("agents-v2").orElseThrow();

    DriftCheck check = DriftCheck.forSdk("agents-v2");

    Map<String, Object> answering = new java.util.TreeMap<>();
    agents.operations().forEach(op -> op.responseType().ifPresent(type -> answering.put(op.operationId(), type)));
    assertEquals(answering, check.operations());
    assertEquals(agents.operation("listAgentEvents").orElseThrow().responseType().orElseThrow(),
        check.operations().get("listAgentEvents"));
    assertEquals(DriftCheck.forVendor(agents).operations(), check.operations());
  }

  @Test
  void aVendorWhoseOperationsAnswerNoJsonIsRefusedNamingIt() {
    VendorDescriptor silent = new Silent();

    assertEquals("silent has no operation that answers JSON",
        assertThrows(IllegalArgumentException.class, () -> DriftCheck.forVendor(silent)).getMessage());
  }

  /** A vendor whose one operation answers 204. */
  private static final class Silent extends VendorDescriptor {
    Silent() {
      super(define("silent").label("Silent", "").defaultBaseUrl("https://silent.example/")
          .profile(ServiceProfile.builder("Silent").build())
          .service(new ServiceDescriptor("things", "", List.of(OperationDescriptor.builder("things", "delete")
              .http("deleteThing", "DELETE", "/things").invoker((client, arguments) -> null).build())))
          .clientFactory((env, settings) -> new Object()));
    }
  }

  @Test
  void twoSdksWhoseOperationIdAnswersDifferentTypesCannotBeCheckedTogether() {
    DriftCheck one = DriftCheck.of(Map.of("getSession", String.class));
    DriftCheck other = DriftCheck.of(Map.of("getSession", Integer.class));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> one.and(other));

    assertEquals("the operation getSession answers java.lang.String in one SDK and java.lang.Integer in another; "
        + "check them one at a time", e.getMessage());
    assertEquals(Map.of("getSession", String.class), one.and(one).operations());
  }

  @Test
  void anOperationMappingNamesItsTypeOrIsRefused() {
    assertEquals(Map.of("getSession", dev.sessionkit.pipecat.model.SessionDetails.class),
        DriftCheck.forOperation("getSession=dev.sessionkit.pipecat.model.SessionDetails").operations());
    assertEquals("an operation is <operationId>=<type> (got \"getSession\")",
        assertThrows(IllegalArgumentException.class, () -> DriftCheck.forOperation("getSession")).getMessage());
    assertEquals("no class dev.example.Nope on the classpath",
        assertThrows(IllegalArgumentException.class, () -> DriftCheck.forOperation("getSession=dev.example.Nope"))
            .getMessage());
  }

  @Test
  void runPrintsTheReportAndAnswersTheExitStatusACommandReturns() throws IOException {
    write("getSession", "seed.json", seedJson("002_9af79679e252829d.txt"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int clean = DriftCheck.forSdk("pipecat").run(recorded, print(out));
    write("getSession", "extra.json", seedJson("002_9af79679e252829d.txt").replaceFirst("\\{", "{\"surprise\": 1,"));
    int drifted = DriftCheck.forSdk("pipecat").run(recorded, print(new ByteArrayOutputStream()));

    assertEquals(0, clean);
    assertEquals("sessionkit drift check: 1 recorded response, no drift\n", out.toString(StandardCharsets.UTF_8));
    assertEquals(1, drifted);
  }

  @Test
  void theCommandLineNamesTheInstalledSdksInItsUsage() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    assertEquals(2, DriftCheck.run(new String[] {recorded.toString()}, print(new ByteArrayOutputStream()), print(err)));

    assertTrue(err.toString(StandardCharsets.UTF_8).contains("(installed: [agents-v2, pipecat, piper, qoder])"),
        err.toString(StandardCharsets.UTF_8));
  }

  private static String seedJson(String seed) {
    return SeedExamples.jsonExamples(SeedExamples.read(Locations.seeds().resolve(seed))).get(0);
  }

  private void write(String operationId, String file, String json) throws IOException {
    Path dir = Files.createDirectories(recorded.resolve(operationId));
    Files.writeString(dir.resolve(file), json, StandardCharsets.UTF_8);
  }

  private static PrintStream print(ByteArrayOutputStream out) {
    return new PrintStream(out, true, StandardCharsets.UTF_8);
  }
}
