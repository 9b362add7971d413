package dev.sessionkit.sandbox;

/**
 * The four APIs a {@link Sandbox} serves, each with the environment variables its SDK's
 * {@code fromEnv()} reads and the path its base URL ends in.
 */
public enum Vendor {
  /** Qoder Cloud Agents: {@code GET /api/v1/cloud/sessions/{session_id}/events}, Bearer PAT. */
  QODER("qoder", "QODER_PAT", "QODER_BASE_URL", "/api/v1/cloud/"),
  /** Piper: session events and scenario runs under {@code /v1/orgs/{org_id}/}, Bearer platform token. */
  PIPER("piper", "PIPER_API_TOKEN", "PIPER_BASE_URL", "/"),
  /** Pipecat Cloud: {@code GET /v1/agents/{agentName}/sessions/{sessionId}}, Bearer private key. */
  PIPECAT("pipecat", "PIPECAT_API_KEY", "PIPECAT_BASE_URL", "/v1/"),
  /** Agents API v2: {@code GET /v2/agents/{agent_key}/sessions/{session_key}/events}, {@code x-api-key}. */
  AGENTS_V2("agents-v2", "AGENTS_API_KEY", "AGENTS_BASE_URL", "/");

  private final String id;
  private final String credentialEnv;
  private final String baseUrlEnv;
  private final String basePath;

  Vendor(String id, String credentialEnv, String baseUrlEnv, String basePath) {
    this.id = id;
    this.credentialEnv = credentialEnv;
    this.baseUrlEnv = baseUrlEnv;
    this.basePath = basePath;
  }

  /** Returns the short name used on the command line and in resource paths, for example {@code agents-v2}. */
  public String id() {
    return id;
  }

  /** Returns the environment variable the SDK reads this vendor's credential from. */
  public String credentialEnv() {
    return credentialEnv;
  }

  /** Returns the environment variable the SDK reads this vendor's base URL from. */
  public String baseUrlEnv() {
    return baseUrlEnv;
  }

  /** Returns the path of the vendor's base URL (the part the SDK's relative paths are resolved against). */
  public String basePath() {
    return basePath;
  }
}
