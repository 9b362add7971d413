package dev.sessionkit.contract;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a {@link DriftCheck} found in a directory of recorded responses: every finding of every
 * file, in file order, and how many files were read.
 *
 * @param files the number of recorded responses read
 * @param entries every finding, with the operation and file it is in (empty when nothing drifted)
 */
public record DriftReport(int files, List<Entry> entries) {

  /** Copies the entries. */
  public DriftReport {
    entries = List.copyOf(Objects.requireNonNull(entries, "entries == null"));
  }

  /** Returns true when no recorded response drifts from the SDK's types. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Returns the findings alone, in order. */
  public List<DriftFinding> findings() {
    return entries.stream().map(Entry::finding).toList();
  }

  /** Returns the report as text: a summary line, then one line per finding. */
  public String format() {
    String summary = "sessionkit drift check: " + files + " recorded response" + (files == 1 ? "" : "s") + ", "
        + (entries.isEmpty() ? "no drift" : entries.size() + " finding" + (entries.size() == 1 ? "" : "s"));
    if (entries.isEmpty()) return summary + "\n";
    return summary + "\n" + entries.stream().map(Entry::toString).collect(Collectors.joining("\n")) + "\n";
  }

  @Override
  public String toString() {
    return format();
  }

  /**
   * One finding in one recorded response.
   *
   * @param operationId the operation the response belongs to (its directory's name)
   * @param file the file, relative to the checked directory
   * @param finding what drifted and where
   */
  public record Entry(String operationId, String file, DriftFinding finding) {

    /** Checks the components. */
    public Entry {
      Objects.requireNonNull(operationId, "operationId == null");
      Objects.requireNonNull(file, "file == null");
      Objects.requireNonNull(finding, "finding == null");
    }

    /** Returns the entry as one line: file, kind, JSON path and detail. */
    @Override
    public String toString() {
      return file + ": " + finding;
    }
  }
}
