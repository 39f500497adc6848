package org.fundflow.platform.tracing;

import reactor.util.context.ContextView;

/**
 * The W3C trace context of the work going on now (an HTTP request, a consumed event). The
 * {@link org.fundflow.platform.outbox.AggregateWriter} stores it with the events that work produces,
 * because the relay publishes them later, outside of that work.
 */
@FunctionalInterface
public interface CurrentTrace {

  /** No tracing: events are stored without a trace context. */
  CurrentTrace NONE = context -> null;

  /**
   * @param reactorContext the subscriber context of the write, where WebFlux keeps the request's observation
   * @return the {@code traceparent} header value of the current span, or null when there is none
   */
  String traceparent(ContextView reactorContext);
}
