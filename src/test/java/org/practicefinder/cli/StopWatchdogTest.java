package org.practicefinder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StopWatchdogTest {
  @Test
  void aStopThatHangsIsEnded() throws InterruptedException {
    CountDownLatch ended = new CountDownLatch(1);
    StopWatchdog watchdog = new StopWatchdog(Duration.ofMillis(50), ended::countDown);
    Thread.sleep(200);
    assertEquals(1, ended.getCount()); // not armed: nothing runs
    watchdog.arm();
    assertTrue(ended.await(10, TimeUnit.SECONDS));
  }

  @Test
  void aStopThatFinishesIsLeftAlone() throws InterruptedException {
    AtomicInteger runs = new AtomicInteger();
    StopWatchdog watchdog = new StopWatchdog(Duration.ofMillis(300), runs::incrementAndGet);
    watchdog.arm();
    watchdog.disarm();
    Thread.sleep(600); // twice the limit: a watchdog still armed would have run by now
    assertEquals(0, runs.get());
  }
}
