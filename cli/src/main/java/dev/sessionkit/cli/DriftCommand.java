package dev.sessionkit.cli;

import dev.sessionkit.contract.DriftCheck;
import dev.sessionkit.contract.DriftFinding;
import dev.sessionkit.contract.DriftReport;
import dev.sessionkit.core.vendor.VendorDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code sessionkit drift DIR}: recorded response bodies checked against the SDKs' types, with the
 * contract tests' {@link DriftCheck}, for every vendor the command has or the ones named.
 */
@Command(name = "drift", mixinStandardHelpOptions = true, sortOptions = false,
    header = "Check recorded response bodies against the SDKs' types: every unknown field, variant and enum value.",
    description = {
      "DIR holds one directory per operation, named by its operationId in the vendor's spec, each with one JSON "
          + "response body per file: DIR/listSessionEvents/2026-05-19-page-1.json. Each body is decoded leniently, "
          + "as the SDK does, and everything it tolerates is reported with its JSON path."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:no drift", "1:drift: the findings are on stdout", "2:bad arguments (no such vendor, type or directory)"})
final class DriftCommand implements Callable<Integer> {
  @ParentCommand
  SessionkitCommand top;

  @Option(names = "--vendor", paramLabel = "VENDOR",
      description = "Check against this vendor's operations; repeat for several (default: every vendor, unless --operation is given).")
  List<String> vendors = new ArrayList<>();

  @Option(names = "--operation", paramLabel = "ID=TYPE",
      description = "Check the recordings of the operation ID against TYPE, a class on the class path; repeat for several.")
  List<String> operations = new ArrayList<>();

  @Parameters(paramLabel = "DIR", description = "The directory of recordings: DIR/<operationId>/*.json.")
  Path dir;

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(dir)) throw new CliFailure(ExitCode.USAGE, dir + " is not a directory");
    List<VendorDescriptor> checked = new ArrayList<>();
    for (String id : vendors) {
      checked.add(top.vendors.stream().filter(vendor -> vendor.id().equals(id)).findFirst()
          .orElseThrow(() -> new CliFailure(ExitCode.USAGE, "no vendor " + id + " (there are: "
              + String.join(", ", top.vendors.stream().map(VendorDescriptor::id).toList()) + ")")));
    }
    if (vendors.isEmpty() && operations.isEmpty()) checked.addAll(top.vendors);
    DriftCheck extra = null;
    for (String operation : operations) extra = and(extra, DriftCheck.forOperation(operation));
    List<DriftCheck> checks = new ArrayList<>();
    for (VendorDescriptor vendor : checked) {
      if (vendors.isEmpty() && vendor.operations().stream().allMatch(op -> op.responseType().isEmpty())) continue;
      checks.add(extra == null ? DriftCheck.forVendor(vendor) : DriftCheck.forVendor(vendor).and(extra));
    }
    if (checks.isEmpty() && extra != null) checks.add(extra);
    if (checks.isEmpty()) throw new CliFailure(ExitCode.USAGE, "no vendor SDK on the class path has an operation to check");
    DriftReport report = checks.size() == 1 ? checks.get(0).check(dir) : each(checks);
    top.out.print(report.format());
    return report.isEmpty() ? ExitCode.OK : ExitCode.OTHER;
  }

  /**
   * Checks the recordings against each vendor on its own: vendors share operation ids (two session
   * APIs both have {@code listSessions}), whose recordings cannot be told apart, so one check of all
   * of them is refused. A recording is checked against every vendor that has its operation: it
   * drifts when it drifts from each (the findings are the first such vendor's); one no vendor has is
   * an unknown operation.
   */
  private DriftReport each(List<DriftCheck> checks) throws IOException {
    List<DriftReport> reports = new ArrayList<>();
    for (DriftCheck check : checks) reports.add(check.check(dir));
    java.util.Set<String> known = new java.util.TreeSet<>();
    checks.forEach(check -> known.addAll(check.operations().keySet()));
    java.util.Map<String, List<DriftReport.Entry>> byFile = new java.util.LinkedHashMap<>();
    for (DriftReport report : reports) for (DriftReport.Entry entry : report.entries()) byFile.putIfAbsent(entry.file(), new ArrayList<>());
    List<DriftReport.Entry> entries = new ArrayList<>();
    for (String file : byFile.keySet()) {
      List<DriftReport.Entry> first = null;
      boolean clean = false;
      String operation = null;
      for (int i = 0; i < checks.size() && !clean; i++) {
        List<DriftReport.Entry> mine = reports.get(i).entries().stream().filter(entry -> entry.file().equals(file)).toList();
        if (!mine.isEmpty()) operation = mine.get(0).operationId();
        boolean knows = mine.isEmpty() || mine.stream().noneMatch(entry -> entry.finding().kind() == DriftFinding.Kind.UNKNOWN_OPERATION);
        if (!knows) continue;
        if (mine.isEmpty()) clean = true;
        else if (first == null) first = mine;
      }
      if (clean) continue;
      if (first != null) {
        entries.addAll(first);
      } else {
        String where = operation == null || operation.isEmpty() ? "not inside an <operationId>/ directory" : "no operation \"" + operation + "\"";
        entries.add(new DriftReport.Entry(operation == null ? "" : operation, file,
            new DriftFinding(DriftFinding.Kind.UNKNOWN_OPERATION, "$", where + " (known: " + known + ")")));
      }
    }
    return new DriftReport(reports.get(0).files(), entries);
  }

  private static DriftCheck and(DriftCheck check, DriftCheck more) {
    return check == null ? more : check.and(more);
  }
}
