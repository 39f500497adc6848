package org.fundflow.portal.client;

import reactor.core.publisher.Mono;

/**
 * One part of a page that depends on one service: its data, or why it has none. A page made of panels renders even
 * when one service is down; only that panel says so.
 *
 * @param messageKey set when there is no data: the localized explanation to show
 * @param service the service the panel depends on (shown with the explanation)
 */
public record Panel<T>(T data, String service, String messageKey) {

  public static final String UNAVAILABLE = "service.unavailable";

  public boolean ok() {
    return messageKey == null;
  }

  public static <T> Mono<Panel<T>> of(String service, Mono<T> data, ProblemMessages problems) {
    return data.map(d -> new Panel<T>(d, service, null))
        .onErrorResume(ServiceUnavailable.class, e -> Mono.just(new Panel<>(null, service, UNAVAILABLE)))
        .onErrorResume(ServiceProblem.class, e -> Mono.just(new Panel<>(null, service, problems.key(e))));
  }
}
