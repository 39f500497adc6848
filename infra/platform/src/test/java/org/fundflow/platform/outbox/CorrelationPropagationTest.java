package org.fundflow.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.fundflow.platform.application.Correlation;
import org.fundflow.platform.correlation.CorrelationLogContext;
import org.fundflow.platform.correlation.CorrelationWebFilter;
import org.fundflow.platform.events.EventDispatcher;
import org.fundflow.platform.events.EventReader;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The correlation id travels in the Reactor context, not through ports: from a request's
 * X-Correlation-Id header (or a consumed event's correlationid) to the outbox record of the event
 * the work stores, and into the log context on the way.
 */
class CorrelationPropagationTest {

  record Thing(String id) {}

  private final OutboxEvents events = new OutboxEvents("/fundflow/platform-test", new JsonMapper(),
      Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
  // stamping the events needs no store: it is what the writer does with the context before it writes
  private final AggregateWriter writer = new AggregateWriter(null, null);

  /** What a service's store adapter would write for the work going on now: the outbox record of one event. */
  private Mono<Document> storedOutboxRecord() {
    OutboxEvent event = events.create("t", "fundflow.test.thing-happened.v1", "th-1", "th-1", Map.of("id", "th-1"));
    AggregateWrite write = AggregateWrite.create("things", "th-1", new Thing("th-1"), List.of(event));
    return Mono.deferContextual(context -> Mono.just(
        OutboxEntryDocument.of(writer.stamped(write, context).events().get(0))));
  }

  private Document throughTheWebFilter(MockServerHttpRequest request) {
    AtomicReference<Document> stored = new AtomicReference<>();
    WebFilterChain chain = exchange -> storedOutboxRecord().doOnNext(stored::set).then();
    new CorrelationWebFilter().filter(MockServerWebExchange.from(request), chain).block();
    return stored.get();
  }

  @Test
  void theRequestHeaderEndsUpOnTheOutboxRecordOfTheEventTheRequestCaused() {
    Document record = throughTheWebFilter(MockServerHttpRequest.post("/things")
        .header(CorrelationWebFilter.HEADER, "corr-from-the-caller").build());
    assertThat(record.getString("correlationId")).isEqualTo("corr-from-the-caller");
  }

  @Test
  void aRequestWithoutTheHeaderGetsAFreshIdOfItsOwn() {
    Document first = throughTheWebFilter(MockServerHttpRequest.post("/things").build());
    Document second = throughTheWebFilter(MockServerHttpRequest.post("/things").header(CorrelationWebFilter.HEADER, " ")
        .build());
    assertThat(first.getString("correlationId")).startsWith("req-");
    assertThat(second.getString("correlationId")).startsWith("req-").isNotEqualTo(first.getString("correlationId"));
  }

  @Test
  void anEventThatNamesItsOwnCorrelationKeepsItAndWorkWithoutAnyStoresNone() {
    OutboxEvent named = events.create("t", "fundflow.test.thing-happened.v1", "th-2", "th-2", "corr-named",
        Map.of("id", "th-2"));
    AggregateWrite write = AggregateWrite.create("things", "th-2", new Thing("th-2"), List.of(named));
    OutboxEvent kept = Mono.deferContextual(c -> Mono.just(writer.stamped(write, c).events().get(0)))
        .contextWrite(Correlation.as("corr-request")).block();
    assertThat(kept.correlationId()).isEqualTo("corr-named");

    Document none = storedOutboxRecord().block();
    assertThat(none.getString("correlationId")).isNull();
    Document sweep = storedOutboxRecord().contextWrite(Correlation.unlessPresent("hold-expiry")).block();
    assertThat(sweep.getString("correlationId")).isEqualTo("hold-expiry");
    Document inRequest = storedOutboxRecord().contextWrite(Correlation.unlessPresent("hold-expiry"))
        .contextWrite(Correlation.as("corr-request")).block();
    assertThat(inRequest.getString("correlationId")).isEqualTo("corr-request");
  }

  @Test
  void aConsumedEventsCorrelationIdIsTheContextOfItsHandlerAndOfTheEventsItStores() {
    AtomicReference<Document> stored = new AtomicReference<>();
    EventDispatcher dispatcher = EventDispatcher.builder("test/things", new EventReader(new JsonMapper(),
            Validation.buildDefaultValidatorFactory().getValidator()), new SimpleMeterRegistry())
        .on("fundflow.test.thing-asked.v1", Thing.class, event -> storedOutboxRecord().doOnNext(stored::set))
        .build();

    dispatcher.accept(message("evt-1", "corr-upstream"));
    assertThat(stored.get().getString("correlationId")).isEqualTo("corr-upstream");

    // an event without the extension: its own id correlates what it causes (ReceivedEvent.correlationId)
    dispatcher.accept(message("evt-2", null));
    assertThat(stored.get().getString("correlationId")).isEqualTo("evt-2");
  }

  @Test
  void theCorrelationIdIsInTheLogContextOfTheWork() {
    CorrelationLogContext.register();
    Hooks.enableAutomaticContextPropagation();
    try {
      String logged = Mono.just("x").publishOn(Schedulers.boundedElastic())
          .map(x -> String.valueOf(MDC.get(CorrelationLogContext.MDC_KEY)))
          .contextWrite(Correlation.as("corr-logged")).block();
      assertThat(logged).isEqualTo("corr-logged");
    } finally {
      Hooks.disableAutomaticContextPropagation();
    }
  }

  private static org.springframework.messaging.Message<byte[]> message(String id, String correlationId) {
    MessageBuilder<byte[]> builder = MessageBuilder.withPayload("{\"id\":\"th-9\"}".getBytes(StandardCharsets.UTF_8))
        .setHeader("ce_specversion", "1.0")
        .setHeader("ce_id", id)
        .setHeader("ce_type", "fundflow.test.thing-asked.v1")
        .setHeader("ce_source", "/fundflow/elsewhere")
        .setHeader("ce_time", "2026-12-01T00:00:00Z");
    if (correlationId != null) {
      builder.setHeader("ce_correlationid", correlationId);
    }
    return builder.build();
  }
}
