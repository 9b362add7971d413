package dev.sessionkit.cli;

import dev.sessionkit.core.vendor.VendorDescriptor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Runs {@code sessionkit} in-process and keeps its exit code, stdout and stderr. */
record Cli(int code, String out, String err) {
  static Cli run(Map<String, String> env, String... args) {
    return run(env, false, args);
  }

  static Cli run(Map<String, String> env, boolean terminal, String... args) {
    return run(VendorDescriptor.installed(), env, terminal, args);
  }

  /** Runs the command with the commands of {@code vendors} only. */
  static Cli run(List<VendorDescriptor> vendors, Map<String, String> env, boolean terminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), terminal, vendors);
    return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Cli run(String... args) {
    return run(Map.of(), args);
  }

  List<String> outLines() {
    return out.lines().toList();
  }

  List<String> errLines() {
    return err.lines().toList();
  }
}
