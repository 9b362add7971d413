package dev.sessionkit.sandbox.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The agents' threads: daemons, named, so that a sandbox never keeps a JVM alive. */
public final class AgentThreads implements ThreadFactory {
  private static final AtomicInteger COUNT = new AtomicInteger();

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = new Thread(task, "sessionkit-sandbox-agent-" + COUNT.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }
}
