package org.fundflow.platform.events;

/** A received integration event: its envelope and its data, read into the consumer's own record. */
public record ReceivedEvent<T>(CloudEventAttributes attributes, T data) {

  public String eventId() {
    return attributes.id();
  }

  public String correlationId() {
    return attributes.correlationId() != null ? attributes.correlationId() : attributes.id();
  }
}
