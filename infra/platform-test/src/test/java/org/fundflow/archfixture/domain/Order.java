package org.fundflow.archfixture.domain;

/** Violates the domain rule: Reactor in the domain. */
public record Order(String id) {
  public reactor.core.publisher.Mono<Order> later() {
    return reactor.core.publisher.Mono.just(this);
  }
}
