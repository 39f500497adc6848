package org.fundflow.platform.outbox;

import java.util.List;

/** Publishes outbox events, in the given order, and returns only when the broker has acknowledged all. */
public interface OutboxPublisher {

  void publish(List<OutboxEvent> events) throws Exception;
}
