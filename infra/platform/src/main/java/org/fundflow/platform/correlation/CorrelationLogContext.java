package org.fundflow.platform.correlation;

import io.micrometer.context.ContextRegistry;
import org.fundflow.platform.application.Correlation;
import org.slf4j.MDC;

/**
 * Shows the correlation id of the Reactor context in the log context (MDC) as {@value #MDC_KEY}:
 * with {@code spring.reactor.context-propagation: auto} Reactor restores it around every operator,
 * as it does for the trace and span ids.
 */
public final class CorrelationLogContext {

  public static final String MDC_KEY = "correlationId";

  private CorrelationLogContext() {}

  /** Registers the MDC entry as a context-propagation accessor of {@link Correlation#CONTEXT_KEY} (idempotent). */
  public static synchronized void register() {
    ContextRegistry registry = ContextRegistry.getInstance();
    boolean present = registry.getThreadLocalAccessors().stream()
        .anyMatch(a -> Correlation.CONTEXT_KEY.equals(a.key()));
    if (!present) {
      registry.registerThreadLocalAccessor(Correlation.CONTEXT_KEY,
          () -> MDC.get(MDC_KEY), id -> MDC.put(MDC_KEY, id), () -> MDC.remove(MDC_KEY));
    }
  }
}
