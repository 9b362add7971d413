package dev.sessionkit.errors;

/**
 * A credential would have been sent over plain {@code http://} to a host that is not loopback.
 * Nothing was sent.
 */
public class InsecureTransportException extends SessionkitException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for {@code host}. */
  public InsecureTransportException(String host) {
    super("refusing to send a credential over plain http to " + host
        + "; use https, or a loopback host (localhost, 127.0.0.1, ::1) for local testing", null, 0);
  }
}
