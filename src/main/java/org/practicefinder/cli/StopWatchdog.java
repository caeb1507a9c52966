package org.practicefinder.cli;

import java.time.Duration;

/**
 * Ends a stop that hangs: a graceful stop waits for a framework's latch, and a framework that fails
 * inside its own stop (for example a jar replaced under the running process, so its classes can no
 * longer be loaded) never releases it, and the process would wait until the service manager kills it.
 * Made at start-up, so that nothing of it has to be loaded from the jar when the stop comes.
 */
final class StopWatchdog {
  private final Thread thread;

  /** @param limit how long the stop may take, its own timeout included, before {@code onHang} runs */
  StopWatchdog(Duration limit, Runnable onHang) {
    thread = new Thread(() -> {
      try {
        Thread.sleep(limit.toMillis());
      } catch (InterruptedException e) {
        return; // disarmed: the stop finished
      }
      onHang.run();
    }, "stop-watchdog");
    thread.setDaemon(true); // daemon threads keep running while shutdown hooks do
  }

  /** The stop begins: {@code onHang} runs once the limit has passed, unless {@link #disarm} comes first. */
  void arm() {
    thread.start();
  }

  /** The stop finished in time: {@code onHang} will not run. */
  void disarm() {
    thread.interrupt();
  }
}
