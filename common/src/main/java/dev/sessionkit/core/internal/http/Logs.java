package dev.sessionkit.core.internal.http;

import dev.sessionkit.core.HttpLogger;
import dev.sessionkit.core.LogLevel;
import java.util.function.Supplier;

/** A client's log: its level and where lines go. Lines are built only when they will be written. */
final class Logs {
  private final LogLevel level;
  private final HttpLogger logger;

  Logs(LogLevel level, HttpLogger logger) {
    this.level = level;
    this.logger = logger;
  }

  boolean isDebug() {
    return level == LogLevel.DEBUG;
  }

  /** Writes a line at debug level: retry decisions and budget refusals. */
  void debug(Supplier<String> line) {
    if (level == LogLevel.DEBUG) logger.log(line.get());
  }
}
