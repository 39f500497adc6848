package org.fundflow.platform.tracing;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import reactor.util.context.ContextView;

/** The current span of Micrometer Tracing, written out by its propagator (W3C by default). */
public final class TracerCurrentTrace implements CurrentTrace {

  private static final String TRACEPARENT = "traceparent";
  private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

  private final Tracer tracer;
  private final Propagator propagator;

  public TracerCurrentTrace(Tracer tracer, Propagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  @Override
  public String traceparent(ContextView reactorContext) {
    // a WebFlux request keeps its observation in the Reactor context, a consumer thread in thread locals:
    // restoring the context's values (where there are any) covers both
    try (ContextSnapshot.Scope scope = SNAPSHOTS.setThreadLocalsFrom(reactorContext)) {
      Span span = tracer.currentSpan();
      if (span == null || span.isNoop()) {
        return null;
      }
      Map<String, String> carrier = new HashMap<>(4);
      propagator.inject(span.context(), carrier, Map::put);
      return carrier.get(TRACEPARENT);
    }
  }
}
