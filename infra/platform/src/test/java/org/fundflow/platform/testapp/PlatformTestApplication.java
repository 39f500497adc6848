package org.fundflow.platform.testapp;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.Consumer;
import org.fundflow.platform.events.EventDispatcher;
import org.fundflow.platform.events.EventReader;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

/** A minimal service built on the platform, used to test the plumbing end to end. */
@SpringBootApplication
public class PlatformTestApplication {

  @Bean
  Consumer<Message<byte[]>> onTallyEvent(EventReader reader, MeterRegistry meters, Tallies tallies) {
    return EventDispatcher.builder("platform-test", reader, meters)
        .on(Tallies.INCREMENTED, TallyIncremented.class, tallies::apply)
        .build();
  }

  /** The consumer-owned copy of the event data. */
  public record TallyIncremented(@jakarta.validation.constraints.NotBlank String tallyId,
                                 @jakarta.validation.constraints.Positive int by) {}

  public record Tally(String id, long total, List<String> notes) {}
}
