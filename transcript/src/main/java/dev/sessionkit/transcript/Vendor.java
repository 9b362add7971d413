package dev.sessionkit.transcript;

/** The platform a transcript was read from, with the name written as {@code gen_ai.provider.name}. */
public enum Vendor {
  /** Qoder Cloud Agents. */
  QODER("qoder", "Qoder"),
  /** Piper. */
  PIPER("piper", "Piper"),
  /** Pipecat Cloud. */
  PIPECAT("pipecat", "Pipecat Cloud"),
  /** Agents API v2. */
  AGENTS_V2("agents_v2", "Agents API v2");

  private final String providerName;
  private final String label;

  Vendor(String providerName, String label) {
    this.providerName = providerName;
    this.label = label;
  }

  /** Returns the vendor's name in OpenTelemetry attributes ({@code gen_ai.provider.name}). */
  public String providerName() {
    return providerName;
  }

  /** Returns the vendor's name for people. */
  public String label() {
    return label;
  }
}
