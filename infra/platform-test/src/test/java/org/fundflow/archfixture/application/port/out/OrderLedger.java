package org.fundflow.archfixture.application.port.out;

/** Violates the correlation rule: the correlation id passed by hand through a port instead of the Reactor context. */
public interface OrderLedger {
  void record(String orderId, String correlationId);
}
