package org.fundflow.platform.application;

import java.util.Optional;
import java.util.function.Function;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * The correlation id of the work going on now, carried in the Reactor context as the trace context
 * is, never in a port or a command: put there by the platform's {@code CorrelationWebFilter} for an
 * HTTP request (its {@code X-Correlation-Id} header, or a fresh {@code req-} id) and by the
 * {@code EventDispatcher} for a consumed event (its {@code correlationid} CloudEvents extension, or
 * its id); read by the {@code AggregateWriter} when it stores the events that work caused, and
 * shown in the log context (MDC) as {@code correlationId}.
 *
 * <p>Work a service starts on its own (a sweep) may name itself:
 * {@code sweep().contextWrite(Correlation.unlessPresent("hold-expiry"))}.
 */
public final class Correlation {

  /** The Reactor context key (and context-propagation key) of the correlation id. */
  public static final String CONTEXT_KEY = "fundflow.correlationId";

  private Correlation() {}

  /** The correlation id in this context, if any. */
  public static Optional<String> current(ContextView context) {
    return context.getOrEmpty(CONTEXT_KEY).map(Object::toString);
  }

  /** For {@code contextWrite}: the work upstream runs under this correlation id (none: unchanged). */
  public static Function<Context, Context> as(String correlationId) {
    return context -> correlationId == null ? context : context.put(CONTEXT_KEY, correlationId);
  }

  /** For {@code contextWrite}: the work upstream runs under this correlation id unless it already has one. */
  public static Function<Context, Context> unlessPresent(String correlationId) {
    return context -> context.hasKey(CONTEXT_KEY) ? context : context.put(CONTEXT_KEY, correlationId);
  }
}
