package org.fundflow.subsidy.application.service;

import org.fundflow.platform.application.OrganisationHolds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fundflow.subsidy.application.port.in.DisbursementsUseCase.Filter;
import org.fundflow.subsidy.application.port.in.ExternalEventsUseCase.ProgramCopy;
import org.fundflow.platform.domain.ConcurrentChange;
import org.fundflow.subsidy.application.port.out.Disbursements;
import org.fundflow.subsidy.application.port.out.Programs;
import org.fundflow.subsidy.application.port.out.Projects;
import org.fundflow.subsidy.domain.Disbursement;
import org.fundflow.subsidy.domain.DisbursementEvent;
import org.fundflow.subsidy.domain.DisbursementStatus;
import org.fundflow.subsidy.domain.Program;
import org.fundflow.subsidy.domain.Project;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** In-memory fakes of the outbound ports, with the same guarantees (unique ids, versions, conditional reservations). */
final class InMemory {

  private InMemory() {}

  static final class FakeDisbursements implements Disbursements {
    final Map<String, Disbursement> byId = new LinkedHashMap<>();
    final List<DisbursementEvent> published = new ArrayList<>();

    @Override
    public synchronized Mono<Disbursement> findById(String id) {
      return Mono.justOrEmpty(byId.get(id));
    }

    @Override
    public synchronized Mono<Boolean> create(Disbursement d, List<DisbursementEvent> events, String e) {
      if (byId.containsKey(d.id())) {
        return Mono.just(false);
      }
      byId.put(d.id(), withVersion(d, 1));
      published.addAll(events);
      return Mono.just(true);
    }

    @Override
    public synchronized Mono<Boolean> update(Disbursement next, List<DisbursementEvent> events, String e) {
      Disbursement stored = byId.get(next.id());
      if (stored == null || stored.version() != next.version()) {
        return Mono.error(new ConcurrentChange("changed"));
      }
      byId.put(next.id(), withVersion(next, next.version() + 1));
      published.addAll(events);
      return Mono.just(true);
    }

    @Override
    public Flux<Disbursement> findOpenByOrganisation(String org) {
      return Flux.fromIterable(List.copyOf(byId.values()))
          .filter(d -> d.organisationCode().equals(org) && d.status().isOpen()
              && d.status() != DisbursementStatus.ON_HOLD);
    }

    @Override
    public Flux<Disbursement> findOnHoldByOrganisation(String org) {
      return Flux.fromIterable(List.copyOf(byId.values()))
          .filter(d -> d.organisationCode().equals(org) && d.status() == DisbursementStatus.ON_HOLD);
    }

    @Override
    public Flux<Disbursement> findByProject(String projectId) {
      return Flux.fromIterable(List.copyOf(byId.values())).filter(d -> projectId.equals(d.projectId()));
    }

    @Override
    public Flux<Disbursement> page(Filter filter, String after, int limit) {
      return Flux.fromIterable(List.copyOf(byId.values())).sort(java.util.Comparator.comparing(Disbursement::id))
          .filter(d -> after == null || d.id().compareTo(after) > 0).take(limit);
    }

    @Override
    public Flux<org.fundflow.subsidy.application.port.in.DisbursementsUseCase.StatusTotal> totals(Filter filter) {
      return Flux.error(new UnsupportedOperationException("the totals are the store's"));
    }

    @Override
    public Mono<Long> outstandingFen(String programId) {
      return Flux.fromIterable(List.copyOf(byId.values())).filter(d -> d.status().isOpen())
          .map(Disbursement::amountFen).reduce(0L, Long::sum);
    }

    static Disbursement withVersion(Disbursement d, long version) {
      return new Disbursement(d.id(), d.trigger(), d.programId(), d.projectId(), d.claimId(), d.organisationCode(),
          d.amountFen(), d.explanation(), d.status(), d.statusBeforeHold(), d.holdId(), d.payee(), d.preparedBy(),
          d.preparedAt(), d.releasedBy(), d.releasedAt(), d.paymentReference(), d.releaseIdempotencyKey(),
          d.cancelReason(), d.createdAt(), d.history(), version, d.explanationNote(), d.prepareIdempotencyKey(),
          d.prepareFingerprint());
    }
  }

  static final class FakePrograms implements Programs {
    final Map<String, Program> byId = new HashMap<>();
    final Map<String, String> commitments = new HashMap<>();
    final Map<String, Long> amounts = new HashMap<>();

    @Override
    public synchronized Mono<Program> find(String programId) {
      return Mono.justOrEmpty(byId.get(programId));
    }

    @Override
    public synchronized Mono<Void> apply(ProgramCopy c) {
      Program old = byId.get(c.programId());
      if (old == null || old.revision() < c.revision()) {
        byId.put(c.programId(), new Program(c.programId(), c.kind(), c.name(), c.budgetFen(), c.fundingSplit(),
            c.postSubsidyRule(), c.revision(), old == null ? 0 : old.reservedForReleaseFen(), old == null ? 0 : old.paidFen()));
      }
      return Mono.empty();
    }

    @Override
    public synchronized Mono<Reservation> reserve(String programId, String id, long amount) {
      Program p = byId.get(programId);
      if (p == null) {
        return Mono.just(Reservation.UNKNOWN_PROGRAM);
      }
      if (commitments.containsKey(id)) {
        return Mono.just(commitments.get(id).equals("RELEASED") ? Reservation.ALREADY_RELEASED : Reservation.ALREADY_RESERVED);
      }
      if (p.allocatedFen() + amount > p.budgetFen()) {
        return Mono.just(Reservation.INSUFFICIENT_BUDGET);
      }
      commitments.put(id, "RESERVED");
      amounts.put(id, amount);
      byId.put(programId, totals(p, amount, 0));
      return Mono.just(Reservation.RESERVED);
    }

    @Override
    public synchronized Mono<Void> confirm(String programId, String id) {
      if ("RESERVED".equals(commitments.get(id))) {
        commitments.put(id, "RELEASED");
        byId.put(programId, totals(byId.get(programId), -amounts.get(id), amounts.get(id)));
      }
      return Mono.empty();
    }

    @Override
    public synchronized Mono<Void> undo(String programId, String id) {
      if ("RESERVED".equals(commitments.get(id))) {
        commitments.remove(id);
        byId.put(programId, totals(byId.get(programId), -amounts.get(id), 0));
      }
      return Mono.empty();
    }

    @Override
    public Flux<PendingReservation> reservationsBefore(Instant before) {
      return Flux.empty();
    }

    private static Program totals(Program p, long committed, long released) {
      return new Program(p.programId(), p.kind(), p.name(), p.budgetFen(), p.fundingSplit(), p.postSubsidyRule(),
          p.revision(), p.reservedForReleaseFen() + committed, p.paidFen() + released);
    }
  }

  static final class FakeHolds implements OrganisationHolds {
    final Map<String, Set<String>> active = new HashMap<>();

    @Override
    public synchronized Mono<List<String>> activeHolds(String org) {
      return Mono.just(List.copyOf(active.getOrDefault(org, Set.of())));
    }

    @Override
    public synchronized Mono<Void> place(String org, String holdId) {
      active.computeIfAbsent(org, k -> new HashSet<>()).add(holdId);
      return Mono.empty();
    }

    @Override
    public synchronized Mono<Boolean> lift(String org, String holdId) {
      active.getOrDefault(org, new HashSet<>()).remove(holdId);
      return Mono.just(active.getOrDefault(org, Set.of()).isEmpty());
    }
  }

  static final class FakeProjects implements Projects {
    final Map<String, Project> byId = new HashMap<>();

    @Override
    public synchronized Mono<Project> find(String projectId) {
      return Mono.justOrEmpty(byId.get(projectId));
    }

    @Override
    public synchronized Mono<Void> awarded(Project project) {
      byId.putIfAbsent(project.id(), project);
      return Mono.empty();
    }

    @Override
    public synchronized Mono<Void> terminated(String projectId, String programId, String org, String reason) {
      Project p = byId.get(projectId);
      byId.put(projectId, p == null
          ? new Project(projectId, programId, null, org, 0, 0, List.of(), true, reason)
          : new Project(p.id(), p.programId(), p.kind(), p.organisationCode(), p.awardedFen(), p.advanceFen(),
              p.milestones(), true, reason, p.suspended()));
      return Mono.empty();
    }

    @Override
    public synchronized Mono<Void> suspended(String projectId, String programId, String org, boolean suspended) {
      Project p = byId.get(projectId);
      byId.put(projectId, p == null
          ? new Project(projectId, programId, null, org, 0, 0, List.of(), false, null, suspended)
          : new Project(p.id(), p.programId(), p.kind(), p.organisationCode(), p.awardedFen(), p.advanceFen(),
              p.milestones(), p.terminated(), p.terminationReason(), suspended));
      return Mono.empty();
    }
  }
}
