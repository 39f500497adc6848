package org.fundflow.intake.application.port.out;

import java.util.List;
import org.fundflow.intake.domain.IntakeEvent;
import org.fundflow.intake.domain.voucher.ProviderStatus;
import org.fundflow.intake.domain.voucher.ServiceCategory;
import org.fundflow.intake.domain.voucher.ServiceProvider;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The registered science-and-technology service providers (issue 18 point 1). */
public interface ServiceProviders {

  /** Filters of a list; null means any. Ordered by id, after the given id. */
  record Filter(ProviderStatus status, ServiceCategory category, String afterId, int limit) {}

  /** The provider at its stored version. */
  Mono<ServiceProvider> find(String id);

  Flux<ServiceProvider> list(Filter filter);

  /**
   * One atomic write; creates when the provider's version is 0 (a second registration of the organisation:
   * ConcurrentChange), otherwise only at its stored version.
   *
   * @return the provider as stored, at its new version
   */
  Mono<ServiceProvider> save(ServiceProvider provider, List<IntakeEvent> events);
}
