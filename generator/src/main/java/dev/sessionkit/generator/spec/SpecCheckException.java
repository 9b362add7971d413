package dev.sessionkit.generator.spec;

/**
 * A spec, an overlay or an operation selection fails a check. The message says which check and
 * where: {@code specs/acme.overlay.yaml#/actions/3: action 4 (target $.paths['/calls'].get) selects
 * nothing in specs/published/acme.yaml}, or a list of such lines.
 */
public final class SpecCheckException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SpecCheckException(String message) {
    super(message);
  }

  /** A problem at {@code pointer} (RFC 6901, {@code ""} for the whole document) of {@code file}. */
  static SpecCheckException at(String file, String pointer, String message) {
    return new SpecCheckException(file + "#" + pointer + ": " + message);
  }
}
