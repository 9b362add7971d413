package dev.sessionkit.cli;

import dev.sessionkit.contract.DriftCheck;
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
    DriftCheck check = null;
    for (VendorDescriptor vendor : checked) {
      if (vendors.isEmpty() && vendor.operations().stream().allMatch(op -> op.responseType().isEmpty())) continue;
      check = and(check, DriftCheck.forVendor(vendor));
    }
    for (String operation : operations) check = and(check, DriftCheck.forOperation(operation));
    if (check == null) throw new CliFailure(ExitCode.USAGE, "no vendor SDK on the class path has an operation to check");
    DriftReport report = check.check(dir);
    top.out.print(report.format());
    return report.isEmpty() ? ExitCode.OK : ExitCode.OTHER;
  }

  private static DriftCheck and(DriftCheck check, DriftCheck more) {
    return check == null ? more : check.and(more);
  }
}
