package org.fundflow.subsidy.application.service;

import java.time.Clock;
import java.util.function.Function;
import org.fundflow.platform.application.ConcurrentChanges;
import org.fundflow.platform.domain.Change;
import org.fundflow.subsidy.application.port.in.RecoveriesUseCase;
import org.fundflow.subsidy.application.port.in.Refusal;
import org.fundflow.subsidy.application.port.out.Disbursements;
import org.fundflow.subsidy.application.port.out.Projects;
import org.fundflow.subsidy.application.port.out.Recoveries;
import org.fundflow.subsidy.domain.DisbursementStatus;
import org.fundflow.subsidy.domain.RecoveryEvent;
import org.fundflow.subsidy.domain.RecoveryOrder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 追回: opens one recovery order per project from a confirmed misconduct (the amounts released on the project, summed
 * in fen, or the officer's amount) and records, approves or refuses its settlement.
 */
public final class RecoveriesService implements RecoveriesUseCase {

  private final Recoveries recoveries;
  private final Disbursements disbursements;
  private final Projects projects;
  private final Clock clock;

  public RecoveriesService(Recoveries recoveries, Disbursements disbursements, Projects projects, Clock clock) {
    this.recoveries = recoveries;
    this.disbursements = disbursements;
    this.projects = projects;
    this.clock = clock;
  }

  /**
   * The project must be one of the organisation's (else the event cannot be applied: {@link IllegalArgumentException},
   * dead-lettered by the consumer). An order of the project that exists already (the same event again, or another case
   * about the same project) is left as it is: never recovered twice.
   */
  @Override
  public Mono<Void> caseConfirmed(CaseConfirmed e) {
    return recoveries.findById(RecoveryOrder.idOf(e.projectId())).hasElement().flatMap(exists -> exists
        ? Mono.<Void>empty()
        : projects.find(e.projectId())
            .switchIfEmpty(Mono.error(() -> new IllegalArgumentException("project " + e.projectId()
                + " is not known to post-subsidy")))
            .flatMap(project -> {
              if (!project.organisationCode().equals(e.organisationCode())) {
                return Mono.error(new IllegalArgumentException("project " + e.projectId() + " is not a project of "
                    + e.organisationCode()));
              }
              return disbursements.findByProject(e.projectId())
                  .filter(d -> d.status() == DisbursementStatus.RELEASED
                      && d.organisationCode().equals(e.organisationCode()))
                  .reduce(0L, (sum, d) -> Math.addExact(sum, d.amountFen()))
                  .flatMap(released -> RecoveryOrder.open(e.caseId(), e.projectId(), project.programId(),
                          e.organisationCode(), e.recoveryAmountFen(), released, clock.instant())
                      .map(c -> recoveries.create(c.next(), c.events(), e.eventId()).then())
                      .orElse(Mono.empty()));
            }));
  }

  @Override
  public Mono<RecoveryOrder> record(Record c) {
    return change(c.recoveryId(),
        o -> o.record(c.outcome(), c.repaidFen(), c.paymentReference(), c.note(), c.by(), clock.instant()));
  }

  @Override
  public Mono<RecoveryOrder> approve(String recoveryId, String by) {
    return change(recoveryId, o -> o.approve(by, clock.instant()));
  }

  @Override
  public Mono<RecoveryOrder> refuse(String recoveryId, String reason, String by) {
    return change(recoveryId, o -> o.refuse(reason, by, clock.instant()));
  }

  @Override
  public Mono<RecoveryOrder> find(String recoveryId) {
    return recoveries.findById(recoveryId);
  }

  @Override
  public Flux<RecoveryOrder> list(String organisationCode) {
    return recoveries.list(organisationCode);
  }

  private Mono<RecoveryOrder> change(String id,
      Function<RecoveryOrder, Change<RecoveryOrder, RecoveryEvent>> command) {
    return Mono.defer(() -> recoveries.findById(id)
            .switchIfEmpty(Mono.error(() -> Refusal.notFound("Recovery", id)))
            .flatMap(o -> {
              Change<RecoveryOrder, RecoveryEvent> c = command.apply(o);
              return recoveries.update(c.next(), c.events()).thenReturn(c.next());
            }))
        .retryWhen(ConcurrentChanges.retry());
  }
}
