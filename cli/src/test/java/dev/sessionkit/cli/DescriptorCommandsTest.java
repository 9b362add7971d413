package dev.sessionkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.vendor.Arguments;
import dev.sessionkit.core.vendor.VendorDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands built from a descriptor, checked with a test-only vendor ({@link ThingsVendor}):
 * their names, help, arguments, formats, paging, bodies, shortcuts and exit codes.
 */
class DescriptorCommandsTest {
  private static final Map<String, String> ENV = Map.of("THINGS_TOKEN", "tk-test");

  private final ThingsVendor things = new ThingsVendor();

  private Cli run(String... args) {
    return Cli.run(List.of(things), ENV, false, args);
  }

  private Cli onTerminal(String... args) {
    return Cli.run(List.of(things), ENV, true, args);
  }

  private Arguments sent() {
    return things.client().last;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(String json) {
    return (Map<String, Object>) Json.parse(json);
  }

  @Test
  void everyOperationIsACommandNamedAfterItsServiceAndItsMethod() {
    Cli vendor = run("things", "--help");
    assertEquals(0, vendor.code(), vendor.err());
    assertTrue(vendor.out().contains("  things      Things, one at a time or page by page."), vendor.out());
    assertTrue(vendor.out().contains("  org-things"), vendor.out());
    Cli service = run("things", "things", "--help");
    for (String line : List.of("  get     Retrieves a thing.", "  list    Lists things, oldest first.", "  create  Creates a thing.",
        "  delete  deleteThing")) {
      assertTrue(service.out().contains(line), line + " in\n" + service.out());
    }
    Cli get = run("things", "things", "get", "th_001");
    assertEquals(0, get.code(), get.err());
    assertEquals("thing 1", object(get.out()).get("name"));
    assertEquals(Map.of("thing_id", List.of("th_001")), values(sent()));
  }

  private static Map<String, List<String>> values(Arguments arguments) {
    return arguments.names().stream().collect(java.util.stream.Collectors.toMap(name -> name, arguments::strings));
  }

  @Test
  void helpComesFromTheSpec() {
    Cli help = run("things", "things", "get", "--help");
    assertEquals(0, help.code(), help.err());
    assertTrue(help.out().startsWith("Retrieves a thing.\nUsage: sessionkit things things get [OPTIONS] THING_ID\n"), help.out());
    assertTrue(help.out().contains("Returns the thing with its name, kind and tags."), help.out());
    assertTrue(help.out().contains("Not paginated: 100% of it."), help.out());
    assertTrue(help.out().contains("Arguments:\n      THING_ID              The thing's id. Example: th_001.\n"), help.out());
    assertTrue(help.out().contains("Sends GET things/{thing_id} (Things API operation getThing)."), help.out());
    Cli list = run("things", "things", "list", "--help");
    assertTrue(list.out().contains("--kind=KIND"), list.out());
    assertTrue(list.out().contains("Only things of this kind. One of: box, bag."), list.out());
    assertTrue(list.out().contains("--limit=N"), list.out());
    assertTrue(list.out().contains("Things per page, 1-100. A whole number. Example: 5."), list.out());
    assertTrue(list.out().contains("--all "), list.out());
    assertFalse(get().out().contains("--all"));
  }

  private Cli get() {
    return run("things", "things", "get", "--help");
  }

  @Test
  void aVendorsHelpNamesItsEnvironmentAndItsDocumentation() {
    Cli help = run("things", "--help");
    assertTrue(help.out().startsWith("Things API\nUsage: sessionkit things [OPTIONS] COMMAND\nA test-only API of things.\n"),
        help.out());
    assertFalse(help.out().contains("second paragraph"), help.out());
    assertTrue(help.out().contains("  THINGS_TOKEN     an API token"), help.out());
    assertTrue(help.out().contains("  THINGS_ORG       the default org_id"), help.out());
    assertTrue(help.out().contains("Vendor documentation: https://docs.things.example/"), help.out());
    Cli top = run("--help");
    assertTrue(top.out().contains("Vendors (sessionkit VENDOR --help; each SDK on the class path is one):\n  things  Things API\n"),
        top.out());
    assertTrue(top.out().contains("THINGS_TOKEN"), top.out());
  }

  @Test
  void queryAndHeaderParametersAreOptionsNamedAfterTheirWireNames() {
    Cli cli = run("things", "things", "list", "--limit", "3", "--after-id", "th_004", "--kind", "bag", "--x-trace", "tr-1");
    assertEquals(0, cli.code(), cli.err());
    assertEquals(Map.of("limit", List.of("3"), "after_id", List.of("th_004"), "kind", List.of("bag"), "X-Trace", List.of("tr-1")),
        values(sent()));
    assertEquals(List.of("th_005", "th_007", "th_009"), cli.outLines().stream().map(l -> object(l).get("id")).toList());
  }

  @Test
  void aBooleanOptionAloneMeansTrueAndAnArrayOptionIsRepeated() {
    run("things", "things", "list", "--archived", "--tag", "t1", "--tag", "t2");
    assertEquals("true", sent().string("archived"));
    assertEquals(List.of("t1", "t2"), sent().strings("tag"));
    run("things", "things", "list", "--archived", "false");
    assertEquals("false", sent().string("archived"));
  }

  @Test
  void aParameterNamedLikeASessionkitOptionIsPrefixedWithParam() {
    Cli cli = run("things", "things", "list", "--param-format", "v2", "--format", "json", "--limit", "1");
    assertEquals(0, cli.code(), cli.err());
    assertEquals("v2", sent().string("format"));
    assertTrue(cli.out().startsWith("{\n  \"data\": ["), cli.out());
  }

  @Test
  void optionsMayBeShortenedToAnyUnambiguousPrefixOfTheirWords() {
    assertEquals(0, run("things", "things", "list", "--after", "th_001", "--lim", "2").code());
    assertEquals(Map.of("after_id", List.of("th_001"), "limit", List.of("2")), values(sent()));
    Cli ambiguous = run("things", "things", "list", "--a", "x");
    assertEquals(ExitCode.USAGE, ambiguous.code());
    assertTrue(ambiguous.err().startsWith("sessionkit things things list: Error: '--a' is not unique: it matches"), ambiguous.err());
  }

  @Test
  void aWrongValueFailsAsBadUsageNamingTheParameterBeforeAnythingIsSent() {
    Cli cli = run("things", "things", "list", "--limit", "five");
    assertEquals(ExitCode.USAGE, cli.code());
    assertEquals("sessionkit: usage error: limit must be a whole number (got \"five\")", cli.err().strip());
    assertEquals(0, things.client().pagesFetched);
    Cli id = run("things", "things", "get", "abc");
    assertEquals(ExitCode.USAGE, id.code());
    assertEquals("sessionkit: usage error: thingId must match ^th_\\d+$ (got \"abc\")", id.err().strip());
  }

  @Test
  void aMissingArgumentAndAnUnknownOptionAreUsageErrorsOnOneLine() {
    Cli missing = run("things", "things", "get");
    assertEquals(ExitCode.USAGE, missing.code());
    assertEquals("sessionkit things things get: Missing required parameter: 'THING_ID' (see 'sessionkit things things get --help')",
        missing.err().strip());
    Cli unknown = run("things", "things", "get", "th_001", "--nope");
    assertEquals(ExitCode.USAGE, unknown.code());
    assertEquals("sessionkit things things get: Unknown option: '--nope' (see 'sessionkit things things get --help')",
        unknown.err().strip());
    assertEquals("", unknown.out());
  }

  @Test
  void aCommandThatHoldsSubcommandsShowsItsUsageAndFailsAsBadUsage() {
    Cli cli = run("things", "things");
    assertEquals(ExitCode.USAGE, cli.code());
    assertTrue(cli.err().contains("Usage: sessionkit things things [OPTIONS] COMMAND"), cli.err());
    assertEquals("", cli.out());
  }

  @Test
  void jsonLinesAreOneItemOfAPagePerLineAndOneLineForAnythingElse() {
    Cli page = run("things", "things", "list", "--limit", "4");
    assertEquals(4, page.outLines().size());
    assertEquals("{\"id\":\"th_000\",\"name\":\"thing 0\",\"kind\":\"box\",\"tags\":[\"t0\"],\"size\":0,"
        + "\"owner\":{\"name\":\"Ada\",\"email\":\"ada@example.com\"}}", page.outLines().get(0));
    Cli one = run("things", "things", "get", "th_002", "-f", "jsonl");
    assertEquals(List.of("{\"id\":\"th_002\",\"name\":\"thing 2\",\"kind\":\"box\",\"tags\":[\"t2\"],\"size\":2}"), one.outLines());
  }

  @Test
  void rawJsonTheSdkKeptAsSentIsWrittenOnOneLineOrIndentedLikeTheRest() {
    Cli line = run("things", "things", "get", "th_004", "-f", "jsonl");
    assertEquals(List.of("{\"id\":\"th_004\",\"name\":\"thing 4\",\"kind\":\"box\",\"tags\":[\"t1\"],\"size\":4,"
        + "\"extra\":{\"kept\":[1,2.50],\"as\":\"sent\"}}"), line.outLines());
    Cli json = run("things", "things", "get", "th_004", "-f", "json");
    assertTrue(json.out().contains("\n  \"extra\": {\n    \"kept\": [\n      1,\n      2.50\n    ],\n    \"as\": \"sent\"\n  }\n}"),
        json.out());
  }

  @Test
  void jsonIsTheWholeResponseIndented() {
    Cli page = run("things", "things", "list", "--limit", "2", "-f", "json");
    Map<String, Object> body = object(page.out());
    assertEquals("th_001", body.get("last_id"));
    assertEquals(true, body.get("has_more"));
    assertEquals(2, ((List<?>) body.get("data")).size());
    assertTrue(page.out().contains("\n  \"last_id\": \"th_001\""), page.out());
  }

  @Test
  void aTableOfAPageHasAColumnPerFieldAndThePageFieldsBelow() {
    Cli cli = onTerminal("things", "things", "list", "--limit", "3");
    assertEquals(0, cli.code(), cli.err());
    assertEquals(List.of(
        "ID      NAME     KIND  TAGS  SIZE  OWNER",
        "th_000  thing 0  box   t0    0     Ada",
        "th_001  thing 1  bag   t1    1     -",
        "th_002  thing 2  box   t2    2     -",
        "(last_id th_002, has_more true; --all reads every page)"), cli.outLines());
  }

  @Test
  void aTableSaysOnceAFieldThatIsTheSameInEveryRow() {
    Cli cli = run("things", "things", "list", "--kind", "bag", "--limit", "2", "-f", "table");
    assertEquals("(every row: kind bag)", cli.outLines().get(0));
    assertEquals("ID      NAME     TAGS  SIZE", cli.outLines().get(1));
  }

  @Test
  void aTableOfAnObjectIsAFieldPerLineWithNestedFieldsAsPaths() {
    Cli cli = onTerminal("things", "things", "get", "th_000");
    assertEquals(List.of(
        "id           th_000",
        "name         thing 0",
        "kind         box",
        "tags         t0",
        "size         0",
        "owner.name   Ada",
        "owner.email  ada@example.com"), cli.outLines());
  }

  @Test
  void allStreamsEveryPageWithProgressOnStandardError() {
    Cli cli = run("things", "things", "list", "--all", "--limit", "100");
    assertEquals(0, cli.code(), cli.err());
    assertEquals(250, cli.outLines().size());
    assertEquals("th_249", object(cli.outLines().get(249)).get("id"));
    assertEquals(3, things.client().pagesFetched);
    assertEquals(1, cli.errLines().size(), cli.err());
    assertTrue(cli.err().startsWith("sessionkit: things listThings: 250 things in "), cli.err());
    assertEquals("", run("things", "things", "list", "--all", "-q").err());
  }

  @Test
  void allAsJsonIsOneStreamedArrayAndAsATableOneTable() {
    Cli json = run("things", "things", "list", "--all", "-f", "json", "-q");
    assertEquals(250, ((List<?>) Json.parse(json.out())).size());
    Cli none = Cli.run(List.of(new ThingsVendor("things", 0)), ENV, false, "things", "things", "list", "--all", "-f", "json", "-q");
    assertEquals("[]", none.out().strip());
    Cli table = run("things", "things", "list", "--all", "-f", "table", "-q");
    assertEquals(251, table.outLines().size(), "a header and a row per thing");
    // the columns are as wide as the first rows needed: later, longer values are cut short
    assertEquals("th_249  thing 2…  bag   t0    249   -", table.outLines().get(250));
  }

  @Test
  void theBodyIsJsonGivenOrReadFromAFile(@TempDir Path dir) throws Exception {
    Cli given = run("things", "things", "create", "--body", "{\"name\":\"lamp\",\"kind\":\"box\"}");
    assertEquals(0, given.code(), given.err());
    assertEquals("lamp", object(given.out()).get("name"));
    Path file = dir.resolve("thing.json");
    Files.writeString(file, "{\"name\": \"desk\"}", StandardCharsets.UTF_8);
    Cli read = run("things", "things", "create", "--body", "@" + file);
    assertEquals("desk", object(read.out()).get("name"));
    assertNull(object(read.out()).get("kind"));
  }

  @Test
  void theHelpOfABodyShowsTheSpecsExample() {
    Cli help = run("things", "things", "create", "--help");
    assertTrue(help.out().replaceAll("\\s+", " ").contains("--body=JSON|@FILE The request body: a NewThing as JSON, or @FILE to read it "
        + "from a file (@- from standard input). Example: {\"name\":\"lamp\",\"kind\":\"box\"}"), help.out());
  }

  @Test
  void theExamplesOfACallAreItsSpecsForItsParametersAndItsBody() {
    Examples create = Examples.of(things, things.operation("createThing").orElseThrow(), SpecExamples.of(things)).orElseThrow();
    assertEquals(List.of("things", "things", "create", "--body", "{\"name\":\"lamp\",\"kind\":\"box\"}"), create.words());
    assertEquals("sessionkit things things create --body '{\"name\":\"lamp\",\"kind\":\"box\"}'", create.command());
    Examples list = Examples.of(things, things.operation("listThings").orElseThrow(), SpecExamples.of(things)).orElseThrow();
    assertEquals("sessionkit things things list --limit 5", list.command());
    assertEquals("5", list.arguments().string("limit"));
    assertTrue(Examples.of(things, things.operation("deleteThing").orElseThrow(), SpecExamples.of(things)).isEmpty(),
        "its path parameter has no example");
    ThingsVendor unbundled = new ThingsVendor("gadgets", 1);
    assertTrue(Examples.of(unbundled, unbundled.operation("createThing").orElseThrow(), SpecExamples.of(unbundled)).isEmpty(),
        "no spec, so no example of the body it requires");
  }

  @Test
  void aMissingOrMalformedBodyIsBadUsage() {
    Cli missing = run("things", "things", "create");
    assertEquals(ExitCode.USAGE, missing.code());
    assertTrue(missing.err().startsWith("sessionkit things things create: Missing required option: '--body=JSON|@FILE'"),
        missing.err());
    Cli malformed = run("things", "things", "create", "--body", "{\"name\": \"x\", \"colour\": \"red\"}");
    assertEquals(ExitCode.USAGE, malformed.code());
    assertTrue(malformed.err().startsWith("sessionkit: usage error: the body is not a valid dev.sessionkit.cli.ThingsVendor$NewThing"),
        malformed.err());
    Cli noFile = run("things", "things", "create", "--body", "@/no/such/file.json");
    assertEquals("sessionkit: usage error: --body @/no/such/file.json: no such file", noFile.err().strip());
  }

  @Test
  void anOperationThatAnswersWithoutABodyWritesNothing() {
    Cli cli = run("things", "things", "delete", "th_003");
    assertEquals(0, cli.code(), cli.err());
    assertEquals("", cli.out());
    assertEquals("", cli.err());
  }

  @Test
  void aTypedFailureHasItsExitCodeAndOneLine() {
    Cli cli = run("things", "things", "get", "th_999");
    assertEquals(ExitCode.NOT_FOUND, cli.code());
    assertEquals("sessionkit: not found: HTTP 404 not_found: Thing th_999 does not exist", cli.err().strip());
  }

  @Test
  void aMissingCredentialIsAnAuthErrorThatShowsTheSandboxForm() {
    Cli cli = Cli.run(List.of(things), Map.of(), false, "things", "thing", "th_001");
    assertEquals(ExitCode.AUTH, cli.code());
    assertEquals("sessionkit: auth error: THINGS_TOKEN is not set: set it to your Things API credential, or add --sandbox "
        + "to try the command on the embedded sandbox (no account needed): sessionkit things thing th_001 --sandbox",
        cli.err().strip());
  }

  @Test
  void inheritedOptionsReachTheClientBeforeOrAfterTheSubcommands() {
    run("--retries", "5", "things", "things", "get", "th_001", "--base-url", "http://127.0.0.1:9/api/");
    assertEquals(5, things.client().options.maxRetries());
    assertEquals("http://127.0.0.1:9/api/", things.client().options.baseUrl().toString());
    run("things", "--retries", "0", "things", "get", "th_001");
    assertEquals(0, things.client().options.maxRetries());
    Cli bad = run("things", "things", "get", "th_001", "--retries", "11");
    assertEquals(ExitCode.USAGE, bad.code());
    assertTrue(bad.err().startsWith("sessionkit: usage error: maxRetries"), bad.err());
  }

  @Test
  void aFormatGivenBeforeTheVendorIsKept() {
    assertTrue(run("-f", "json", "things", "things", "get", "th_001").out().startsWith("{\n"));
    assertTrue(run("things", "--format", "json", "things", "get", "th_001").out().startsWith("{\n"));
    assertTrue(run("things", "things", "--format", "table", "get", "th_001").out().startsWith("id "));
  }

  @Test
  void aShortcutTheSpecDeclaresCallsItsOperation() {
    Cli shortcut = run("things", "thing", "th_003");
    assertEquals(run("things", "things", "get", "th_003").out(), shortcut.out());
    Cli help = run("things", "thing", "--help");
    assertTrue(help.out().startsWith("Retrieves a thing. (= things get)"), help.out());
    assertTrue(help.out().contains("A shortcut the spec declares for: sessionkit things things get."), help.out());
    assertTrue(run("things", "--help").out().contains("  thing       Retrieves a thing. (= things get)"));
  }

  @Test
  void aPathParameterWithADefaultFromTheEnvironmentMayBeLeftOut() {
    Cli withDefault = Cli.run(List.of(things), Map.of("THINGS_TOKEN", "tk", "THINGS_ORG", "org_9"), false,
        "things", "org-things", "by-org", "th_001");
    assertEquals(0, withDefault.code(), withDefault.err());
    assertEquals(Map.of("thing_id", List.of("th_001")), values(sent()), "the client's default is the SDK's to apply");
    assertEquals(0, run("things", "org-things", "by-org", "org_1", "th_001").code());
    assertEquals(Map.of("org_id", List.of("org_1"), "thing_id", List.of("th_001")), values(sent()));
    Cli without = run("things", "org-things", "by-org", "th_001");
    assertEquals(ExitCode.USAGE, without.code());
    assertEquals("sessionkit: usage error: orgId is required: give it, or set THINGS_ORG", without.err().strip());
    Cli three = run("things", "org-things", "by-org", "a", "b", "c");
    assertEquals(ExitCode.USAGE, three.code());
    Cli help = run("things", "org-things", "by-org", "--help");
    assertTrue(help.out().contains("Usage: sessionkit things org-things by-org [OPTIONS] [ORG_ID] THING_ID\n"), help.out());
    assertTrue(help.out().contains("ORG_ID: The organization. May be left out when"), help.out());
  }

  @Test
  void anOperationThatOnlyStreamsWritesEachEventAsItArrives() {
    Cli cli = run("things", "org-things", "watch", "org_1");
    assertEquals(0, cli.code(), cli.err());
    assertEquals(10, cli.outLines().size());
    assertEquals("th_009", object(cli.outLines().get(9)).get("id"));
    assertTrue(cli.err().startsWith("sessionkit: things org_1: 10 things in "), cli.err());
    Cli table = run("things", "org-things", "watch", "org_1", "--follow", "-f", "table", "-q");
    assertEquals("id th_001  name thing 1  kind bag  tags t1  size 1", table.outLines().get(1));
    Cli json = run("things", "org-things", "watch", "org_1", "-f", "json", "-q");
    assertEquals(10, ((List<?>) Json.parse(json.out())).size());
    assertTrue(run("things", "org-things", "watch", "--help").out().contains("--follow"));
  }

  @Test
  void aStreamThatDropsIsANetworkErrorAfterTheEventsItDelivered() {
    Cli cli = run("things", "org-things", "watch", "org_1", "--cut-after", "3", "-q");
    assertEquals(ExitCode.NETWORK, cli.code());
    assertEquals(3, cli.outLines().size());
    assertTrue(cli.err().startsWith("sessionkit: network error: the stream from GET /orgs/x/things/stream dropped"), cli.err());
    assertTrue(cli.err().strip().endsWith("resume after \"th_002\""), cli.err());
  }

  @Test
  void aVendorWhoseIdIsACommandsNameIsLeftOutWithAWarning() {
    Cli cli = Cli.run(List.<VendorDescriptor>of(new ThingsVendor("demo", 1)), ENV, false, "--help");
    assertEquals(0, cli.code());
    assertTrue(cli.err().startsWith("sessionkit: the vendor demo (dev.sessionkit.cli.ThingsVendor) has no commands: "
        + "its id is the name of a sessionkit command"), cli.err());
  }

  @Test
  void onlyTheVendorTheArgumentsNameGetsItsOperationsBuilt() {
    SessionkitCommand top = new SessionkitCommand();
    List<VendorDescriptor> vendors = List.of(things, new ThingsVendor("gadgets", 1));
    picocli.CommandLine tree = Main.commandLine(top, vendors, List.of("gadgets", "things", "list", "--help"));
    assertEquals(java.util.Set.of("things", "org-things", "thing", "ls"),
        tree.getSubcommands().get("gadgets").getSubcommands().keySet());
    assertEquals(java.util.Set.of(), Main.commandLine(new SessionkitCommand(), vendors, List.of("--help"))
        .getSubcommands().get("gadgets").getSubcommands().keySet(), "listed in the help, not built");
  }

  @Test
  void theVersionIsTheBuildsProjectVersion() {
    Cli cli = run("--version");
    assertEquals(0, cli.code());
    assertTrue(cli.outLines().get(0).matches("sessionkit \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), cli.out());
    assertEquals(1, cli.outLines().stream().filter(l -> l.startsWith("Java ")).count());
  }
}
