package org.fundflow.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LevelCheckingLogFactoryTest {

  /** A lazy message, as Spring's LogMessage: counts how often it was rendered. */
  private static final class Lazy {
    final AtomicInteger rendered = new AtomicInteger();

    @Override
    public String toString() {
      rendered.incrementAndGet();
      return "the security context of someone";
    }
  }

  @Test
  void commonsLoggingFindsThisFactory() {
    assertThat(LogFactory.getLog("org.fundflow.any")).isInstanceOf(LevelCheckingLog.class);
  }

  @Test
  void aMessageBelowTheLevelIsNeverRendered() {
    String name = "org.fundflow.quiet." + System.nanoTime();
    ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.INFO);
    Log log = LogFactory.getLog(name);
    Lazy message = new Lazy();

    log.debug(message);
    log.trace(message, new IllegalStateException());

    assertThat(message.rendered).hasValue(0);
  }

  @Test
  void aMessageAtTheLevelIsLoggedAsBefore() {
    String name = "org.fundflow.loud." + System.nanoTime();
    Logger logger = (Logger) LoggerFactory.getLogger(name);
    logger.setLevel(Level.DEBUG);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    logger.addAppender(events);
    Lazy message = new Lazy();

    LogFactory.getLog(name).debug(message);

    assertThat(message.rendered).hasValue(1);
    assertThat(events.list).singleElement().satisfies(e -> {
      assertThat(e.getFormattedMessage()).isEqualTo("the security context of someone");
      assertThat(e.getLevel()).isEqualTo(Level.DEBUG);
      assertThat(e.getLoggerName()).isEqualTo(name);
    });
  }
}
