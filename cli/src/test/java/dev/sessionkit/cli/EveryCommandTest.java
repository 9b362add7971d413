package dev.sessionkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.core.vendor.ParameterDescriptor;
import dev.sessionkit.core.vendor.VendorDescriptor;
import dev.sessionkit.sandbox.Sandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every command built from every installed vendor's descriptor, called once in every format against
 * the sandbox, with the spec's examples: it answers, and what it writes is what the format says. A
 * paged operation is also read with {@code --all}, a streamed one followed. An operation that
 * changes state gets a sandbox of its own. And every vendor, operation and shortcut has its help.
 */
class EveryCommandTest {
  private static Sandbox shared;

  @BeforeAll
  static void start() {
    shared = Sandbox.start();
  }

  @AfterAll
  static void stop() {
    shared.close();
  }

  @TestFactory
  Stream<DynamicTest> everyOperationOfEveryVendorAnswersInEveryFormat() {
    List<DynamicTest> tests = new ArrayList<>();
    for (VendorDescriptor vendor : VendorDescriptor.installed()) {
      for (OperationDescriptor operation : vendor.operations()) {
        String name = vendor.id() + " " + Names.kebab(operation.service()) + " " + Names.kebab(operation.name());
        Optional<List<String>> command = command(vendor, operation);
        if (command.isEmpty()) {
          tests.add(DynamicTest.dynamicTest(name, () -> fail(name + ": the spec gives no example of a parameter (or body) it needs")));
          continue;
        }
        if (operation.eventType().isPresent()) {
          tests.add(DynamicTest.dynamicTest(name + " --follow", () -> {
            Cli cli = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> run(operation, with(command.get(), "--follow", "--max-events", "3", "--idle-timeout", "2", "--format", "jsonl", "--quiet")));
            assertEquals(0, cli.code(), cli.err());
            // A live stream (Qoder's) does not end by itself: at most three events, or two quiet seconds.
            assertTrue(cli.outLines().size() <= 3, cli.out());
            cli.outLines().forEach(Json::parse);
          }));
          if (operation.responseType().isEmpty()) continue; // it only streams: the formats are the --follow's
        }
        for (Format format : Format.values()) {
          tests.add(DynamicTest.dynamicTest(name + " --format " + format, () -> check(operation, command.get(), format)));
        }
        if (operation.itemType().isPresent()) {
          tests.add(DynamicTest.dynamicTest(name + " --all", () -> {
            Cli cli = run(operation, with(command.get(), "--all", "--format", "jsonl"));
            assertEquals(0, cli.code(), cli.err());
            cli.outLines().forEach(Json::parse);
            assertTrue(cli.err().startsWith("sessionkit: " + vendor.id() + " "), cli.err());
          }));
        }
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyVendorServiceOperationAndShortcutHasItsHelpFromTheSpec() {
    Cli top = Cli.run("--help");
    List<DynamicTest> tests = new ArrayList<>();
    for (VendorDescriptor vendor : VendorDescriptor.installed()) {
      tests.add(DynamicTest.dynamicTest(vendor.id(), () -> {
        assertTrue(top.out().contains("\n  " + vendor.id() + " "), top.out());
        Cli help = Cli.run(vendor.id(), "--help");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().startsWith(vendor.label() + "\n"), help.out());
        vendor.environment().forEach(variable -> assertTrue(help.out().contains("  " + variable.name() + " "), variable.name()));
      }));
      for (OperationDescriptor operation : vendor.operations()) {
        String service = Names.kebab(operation.service());
        String name = Names.kebab(operation.name());
        tests.add(DynamicTest.dynamicTest(vendor.id() + " " + service + " " + name + " --help", () -> {
          Cli help = Cli.run(vendor.id(), service, name, "--help");
          assertEquals(0, help.code(), help.err());
          // a required body is a required option, which the usage line shows before the optional ones
          String required = operation.bodyType().isPresent() && operation.bodyRequired() ? "--body=JSON|@FILE " : "";
          assertTrue(help.out().contains("Usage: sessionkit " + vendor.id() + " " + service + " " + name + " " + required + "[OPTIONS]"),
              help.out());
          assertTrue(help.out().replaceAll("\\s+", " ").contains("Sends " + operation.httpMethod() + " " + operation.path()), help.out());
          operation.parameters().forEach(parameter -> assertTrue(help.out().contains(
              parameter.location() == ParameterDescriptor.Location.PATH ? Names.label(parameter.name())
                  : VendorCommands.optionName(parameter)), parameter.name()));
        }));
        operation.shortcut().ifPresent(shortcut -> tests.add(DynamicTest.dynamicTest(vendor.id() + " " + shortcut, () -> {
          Cli help = Cli.run(vendor.id(), shortcut, "--help");
          assertEquals(0, help.code(), help.err());
          assertTrue(help.out().contains("A shortcut the spec declares for: sessionkit " + vendor.id() + " " + service + " " + name
              + "."), help.out());
        })));
      }
    }
    return tests.stream();
  }

  /**
   * The command line of {@code operation} with its spec's examples, from the vendor's name on. A
   * create (a {@code POST} to a collection) whose example body gives the new item the id that
   * another operation's example of that collection's item names gets that id made new: the sandbox
   * holds the item the reads' examples name, so the example as given would be the vendor's 409
   * (Agents v2 creates agent {@code customer_support} and session {@code support_session_12345},
   * the very ones its reads get). Everything else is as the spec gives it.
   */
  private static Optional<List<String>> command(VendorDescriptor vendor, OperationDescriptor operation) {
    return Examples.of(vendor, operation, SpecExamples.of(vendor)).map(Examples::words)
        .map(words -> operation.httpMethod().equals("POST") ? freshIds(vendor, operation, words) : words);
  }

  @SuppressWarnings("unchecked")
  private static List<String> freshIds(VendorDescriptor vendor, OperationDescriptor operation, List<String> words) {
    int at = words.indexOf("--body");
    if (at < 0 || !(Json.parse(words.get(at + 1)) instanceof Map<?, ?> parsed)) return words;
    String collection = operation.path().endsWith("/") ? operation.path() : operation.path() + "/";
    List<String> held = new ArrayList<>();
    for (OperationDescriptor other : vendor.operations()) {
      if (!other.path().startsWith(collection)) continue;
      String rest = other.path().substring(collection.length());
      if (!rest.startsWith("{")) continue;
      String name = rest.substring(1, rest.indexOf('}'));
      other.parameters().stream().filter(p -> p.name().equals(name) && p.example() != null).forEach(p -> held.add(p.example()));
    }
    Map<String, Object> body = new java.util.LinkedHashMap<>((Map<String, Object>) parsed);
    boolean changed = false;
    for (Map.Entry<String, Object> member : body.entrySet()) {
      if (member.getValue() instanceof String id && held.contains(id)) {
        member.setValue(id + "_created");
        changed = true;
      }
    }
    if (!changed) return words;
    List<String> fresh = new ArrayList<>(words);
    fresh.set(at + 1, Json.write(body));
    return fresh;
  }

  private static List<String> with(List<String> command, String... more) {
    List<String> words = new ArrayList<>(command);
    words.addAll(List.of(more));
    return words;
  }

  /** Runs a read against the shared sandbox, anything else against a sandbox of its own. */
  private static Cli run(OperationDescriptor operation, List<String> words) {
    if (operation.httpMethod().equals("GET")) return Cli.run(shared.environment(), words.toArray(String[]::new));
    try (Sandbox own = Sandbox.start()) {
      return Cli.run(own.environment(), words.toArray(String[]::new));
    }
  }

  private static void check(OperationDescriptor operation, List<String> command, Format format) {
    Cli cli = run(operation, with(command, "--format", format.name()));
    assertEquals(0, cli.code(), cli.err());
    assertEquals("", cli.err());
    boolean body = operation.responseType().isPresent();
    // A page of no items is no lines in jsonl (one line per item); json and table still show its envelope.
    boolean mayBeEmpty = format == Format.jsonl && operation.itemType().isPresent();
    if (!mayBeEmpty || !body) {
      assertEquals(body, !cli.out().isEmpty(), String.join(" ", command) + " --format " + format + ": " + cli.out());
    }
    if (!body) return;
    switch (format) {
      case json -> assertTrue(Json.parse(cli.out()) instanceof Map<?, ?> || Json.parse(cli.out()) instanceof List<?>, cli.out());
      case jsonl -> cli.outLines().forEach(line -> assertFalse(Json.scalar(Json.parse(line)), line));
      case table -> assertFalse(cli.out().startsWith("{"), cli.out());
    }
  }
}
