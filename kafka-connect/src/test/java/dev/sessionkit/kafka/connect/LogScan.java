package dev.sessionkit.kafka.connect;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;

/**
 * Reads every log line of the JVM at INFO and above (the broker's, the workers' and the connector's)
 * as it is written, keeping the lines that contain any of a set of secrets.
 */
final class LogScan extends AbstractAppender {
  private final List<String> secrets;
  private final List<String> leaks = new CopyOnWriteArrayList<>();
  private final AtomicLong lines = new AtomicLong();

  private LogScan(List<String> secrets) {
    super("sessionkit-log-scan", null, null, true, Property.EMPTY_ARRAY);
    this.secrets = List.copyOf(secrets);
  }

  /** Starts scanning the root logger's lines for {@code secrets}. */
  static LogScan attach(List<String> secrets) {
    LogScan scan = new LogScan(secrets);
    scan.start();
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration configuration = context.getConfiguration();
    configuration.getRootLogger().addAppender(scan, Level.INFO, null);
    context.updateLoggers();
    return scan;
  }

  @Override
  public void append(LogEvent event) {
    lines.incrementAndGet();
    String text = event.getMessage().getFormattedMessage();
    if (event.getThrown() != null) {
      StringWriter trace = new StringWriter();
      event.getThrown().printStackTrace(new PrintWriter(trace));
      text += "\n" + trace;
    }
    for (String secret : secrets) {
      if (text.contains(secret)) leaks.add(event.getLoggerName() + ": " + text);
    }
  }

  /** Returns the lines that contained a secret. */
  List<String> leaks() {
    return List.copyOf(leaks);
  }

  /** Returns how many lines were read. */
  long lines() {
    return lines.get();
  }

  /** Stops scanning. */
  void detach() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    context.getConfiguration().getRootLogger().removeAppender(getName());
    context.updateLoggers();
    stop();
  }
}
