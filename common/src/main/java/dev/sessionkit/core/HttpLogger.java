package dev.sessionkit.core;

/**
 * Where a client's log lines go (see {@link LogLevel}). Lines never contain a credential.
 *
 * <pre>{@code
 * List<String> lines = new CopyOnWriteArrayList<>();
 * AcmeClient client = AcmeClient.builder().fromEnv().logLevel(LogLevel.DEBUG).logger(lines::add).build();
 * }</pre>
 */
@FunctionalInterface
public interface HttpLogger {
  /** Logs one line. Called from the threads that run calls; must not block for long. */
  void log(String message);

  /**
   * Returns the default logger: the JDK's {@link System.Logger} named {@code dev.sessionkit}, at
   * level {@code INFO}, so lines reach {@code java.util.logging} (stderr by default) or whatever
   * logging framework the application bridges the JDK's platform logging to.
   */
  static HttpLogger system() {
    System.Logger logger = System.getLogger("dev.sessionkit");
    return message -> logger.log(System.Logger.Level.INFO, message);
  }
}
