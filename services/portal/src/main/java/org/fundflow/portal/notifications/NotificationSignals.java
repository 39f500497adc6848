package org.fundflow.portal.notifications;

import java.time.Duration;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * In this portal instance: which inbox got a notification, or which user read something, so that open pages update
 * their unread count at once. Another instance's changes reach them by the periodic recount
 * (portal.notifications.recount-every).
 */
@Component
public class NotificationSignals {

  private final Sinks.Many<String> sink = Sinks.many().multicast().directBestEffort();

  void changed(String recipient) {
    sink.emitNext(recipient, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
  }

  void readBy(String subject) {
    sink.emitNext("USER:" + subject, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
  }

  /** Inbox keys and {@code USER:<subject>} of every change from now on. */
  public Flux<String> changes() {
    return sink.asFlux();
  }
}
