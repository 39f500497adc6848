package org.fundflow.platform.events;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.fundflow.platform.application.Correlation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * A per-message consumer (so the binder's retries and dead-letter topic apply) that routes each
 * event by its CloudEvents type to a handler. Unknown types are counted and skipped on purpose;
 * malformed events throw {@link MalformedEventException} (not retried, dead-lettered); a handler
 * failure is rethrown so the binder retries it and finally dead-letters it.
 */
public final class EventDispatcher implements Consumer<Message<byte[]>> {

  private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);
  private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

  private final String name;
  private final EventReader reader;
  private final MeterRegistry meters;
  private final Duration timeout;
  private final Map<String, Route<?>> routes;

  private EventDispatcher(Builder builder) {
    this.name = builder.name;
    this.reader = builder.reader;
    this.meters = builder.meters;
    this.timeout = builder.timeout;
    this.routes = Map.copyOf(builder.routes);
  }

  public static Builder builder(String name, EventReader reader, MeterRegistry meters) {
    return new Builder(name, reader, meters);
  }

  @Override
  public void accept(Message<byte[]> message) {
    CloudEventAttributes attributes = CloudEventHeaders.read(message.getHeaders());
    Route<?> route = routes.get(attributes.type());
    if (route == null) {
      meters.counter("fundflow.events.skipped", "consumer", name, "type", attributes.type()).increment();
      // counted above; a consumer sees every event of its topics, so at INFO this was one log line per skipped event
      log.debug("{} skips event {} of unhandled type {}", name, attributes.id(), attributes.type());
      return;
    }
    String correlationId = attributes.correlationId() != null ? attributes.correlationId() : attributes.id();
    // the consumer thread's log context shows the event's correlation id, as the handler's Reactor context holds it
    try (ContextSnapshot.Scope scope = SNAPSHOTS.setThreadLocalsFrom(
        Context.of(Correlation.CONTEXT_KEY, correlationId), Correlation.CONTEXT_KEY)) {
      route.handle(attributes, message.getPayload(), reader).block(timeout);
    }
    meters.counter("fundflow.events.applied", "consumer", name, "type", attributes.type()).increment();
  }

  private record Route<T>(Class<T> dataType, Function<ReceivedEvent<T>, Mono<?>> handler) {
    Mono<?> handle(CloudEventAttributes attributes, byte[] payload, EventReader reader) {
      T data = reader.read(payload, dataType);
      ReceivedEvent<T> event = new ReceivedEvent<>(attributes, data);
      // the handling chain (and the events it stores) runs under the received event's correlation id
      return Mono.defer(() -> handler.apply(event)).then().contextWrite(Correlation.as(event.correlationId()));
    }
  }

  public static final class Builder {
    private final String name;
    private final EventReader reader;
    private final MeterRegistry meters;
    private final Map<String, Route<?>> routes = new LinkedHashMap<>();
    private Duration timeout = Duration.ofSeconds(30);

    private Builder(String name, EventReader reader, MeterRegistry meters) {
      this.name = name;
      this.reader = reader;
      this.meters = meters;
    }

    public <T> Builder on(String eventType, Class<T> dataType, Function<ReceivedEvent<T>, Mono<?>> handler) {
      if (routes.putIfAbsent(eventType, new Route<>(dataType, handler)) != null) {
        throw new IllegalStateException("two handlers for " + eventType);
      }
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public EventDispatcher build() {
      return new EventDispatcher(this);
    }
  }
}
