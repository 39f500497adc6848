package org.fundflow.integrity.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.fundflow.integrity.application.port.out.DishonestyList;
import org.fundflow.integrity.application.port.out.IntegrityRecords;
import org.fundflow.integrity.application.port.out.KnownParties;
import org.fundflow.integrity.application.port.out.OrganisationHistory;
import org.fundflow.integrity.application.port.out.ProposalArchive;
import org.fundflow.integrity.domain.IntegrityEvent;
import org.fundflow.integrity.domain.IntegrityRecord;
import org.fundflow.integrity.domain.Subject;
import org.fundflow.integrity.domain.list.DishonestyEntry;
import org.fundflow.integrity.domain.rules.ExpenditureAnomalyRule.Claim;
import org.fundflow.platform.domain.ConcurrentChange;
import org.fundflow.integrity.domain.rules.ExpenditureAnomalyRule.Release;
import org.fundflow.integrity.domain.rules.ProposalFacts;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** In-memory fakes of the outbound ports, with the same optimistic and idempotent behaviour as the store. */
final class InMemoryPorts {

  static final class Records implements IntegrityRecords {
    final Map<Subject, IntegrityRecord> stored = new ConcurrentHashMap<>();
    final Map<Subject, Set<String>> inbox = new ConcurrentHashMap<>();
    final List<IntegrityEvent> published = new CopyOnWriteArrayList<>();

    @Override
    public Mono<IntegrityRecord> load(Subject subject) {
      return Mono.fromSupplier(() -> copy(stored.getOrDefault(subject, IntegrityRecord.empty(subject)), 0));
    }

    @Override
    public synchronized Mono<Boolean> save(IntegrityRecord r, List<IntegrityEvent> events, String appliedEventId) {
      long current = stored.containsKey(r.subject()) ? stored.get(r.subject()).version() : 0;
      if (current != r.version()) {
        return Mono.error(new ConcurrentChange("version " + current));
      }
      Set<String> seen = inbox.computeIfAbsent(r.subject(), s -> new HashSet<>());
      if (appliedEventId != null && !seen.add(appliedEventId)) {
        return Mono.just(false);
      }
      stored.put(r.subject(), copy(r, 1));
      published.addAll(events);
      return Mono.just(true);
    }

    @Override
    public Mono<IntegrityRecord> findByCase(String caseId) {
      return find(r -> r.integrityCase(caseId).isPresent());
    }

    @Override
    public Mono<IntegrityRecord> findByHold(String holdId) {
      return find(r -> r.hold(holdId).isPresent());
    }

    @Override
    public Mono<IntegrityRecord> findByFlag(String flagId) {
      return find(r -> r.flag(flagId).isPresent());
    }

    @Override
    public Flux<IntegrityRecord> withHoldsDueBy(Instant now) {
      return Flux.fromIterable(List.copyOf(stored.values()))
          .filter(r -> r.nextHoldExpiry().map(t -> !t.isAfter(now)).orElse(false)).map(r -> copy(r, 0));
    }

    private Mono<IntegrityRecord> find(java.util.function.Predicate<IntegrityRecord> p) {
      return Mono.justOrEmpty(stored.values().stream().filter(p).findFirst().map(r -> copy(r, 0)));
    }

    /** The record as the store would give it back: every part of it, at its version plus {@code plus}. */
    private static IntegrityRecord copy(IntegrityRecord r, long plus) {
      return new IntegrityRecord(r.subject(), r.version() + plus, r.flags(), r.cases(), r.holds(),
          r.projectFailures());
    }
  }

  static final class Proposals implements ProposalArchive {
    final Map<String, ProposalFacts> byId = new ConcurrentHashMap<>();

    @Override
    public Mono<Void> remember(ProposalFacts p) {
      return Mono.fromRunnable(() -> byId.putIfAbsent(p.proposalId(), p));
    }

    @Override
    public Flux<ProposalFacts> ofOrganisationOrInvestigator(String org, String pi, String otherThanProgramId) {
      return Flux.fromIterable(byId.values()).filter(p -> (p.organisationCode().equals(org)
          || (pi != null && pi.equals(p.principalInvestigatorHash()))) && !p.programId().equals(otherThanProgramId));
    }
  }

  static final class History implements OrganisationHistory {
    final Map<String, Map<String, Claim>> claims = new ConcurrentHashMap<>();
    final Map<String, Map<String, Long>> releases = new ConcurrentHashMap<>();

    @Override
    public Mono<List<Claim>> recordClaim(Claim c) {
      return Mono.fromSupplier(() -> {
        Map<String, Claim> m = claims.computeIfAbsent(c.organisationCode(), k -> new ConcurrentHashMap<>());
        m.putIfAbsent(c.claimId(), c);
        return new ArrayList<>(m.values());
      });
    }

    @Override
    public Mono<Long> recordRelease(Release r) {
      return Mono.fromSupplier(() -> {
        Map<String, Long> m = releases.computeIfAbsent(r.organisationCode(), k -> new ConcurrentHashMap<>());
        m.putIfAbsent(r.disbursementId(), r.amountFen());
        return m.values().stream().mapToLong(Long::longValue).sum();
      });
    }
  }

  static final class List_ implements DishonestyList {
    final Map<String, DishonestyEntry> entries = new ConcurrentHashMap<>();

    @Override
    public Mono<Integer> add(List<DishonestyEntry> list, String importedBy) {
      return Mono.fromSupplier(() -> (int) list.stream().filter(e -> entries.putIfAbsent(e.entryId(), e) == null).count());
    }

    @Override
    public Flux<DishonestyEntry> of(Subject party) {
      return Flux.fromIterable(entries.values()).filter(e -> e.party().equals(party));
    }

    final Set<String> screened = ConcurrentHashMap.newKeySet();

    @Override
    public Flux<DishonestyEntry> importedBy(Subject party, Instant at) {
      return of(party); // imports happen before the events of these tests
    }

    @Override
    public Flux<DishonestyEntry> unscreenedInForceBy(java.time.LocalDate day) {
      return Flux.fromIterable(entries.values())
          .filter(e -> !screened.contains(e.entryId()) && !e.effectiveDate().isAfter(day));
    }

    @Override
    public Mono<Void> markScreened(List<String> ids, Instant at) {
      return Mono.fromRunnable(() -> screened.addAll(ids));
    }
  }

  static final class Parties implements KnownParties {
    final Map<Subject, Set<String>> roles = new ConcurrentHashMap<>();
    final Map<Subject, Set<String>> open = new ConcurrentHashMap<>();
    final Map<Subject, Set<String>> paid = new ConcurrentHashMap<>();
    final List<Set<Subject>> lookedUp = new CopyOnWriteArrayList<>();

    @Override
    public Mono<Void> remember(Subject party, String role) {
      return Mono.fromRunnable(() -> roles.computeIfAbsent(party, k -> ConcurrentHashMap.newKeySet()).add(role));
    }

    @Override
    public Mono<Void> payeeAwaiting(String org, String disbursementId) {
      Subject s = Subject.organisation(org);
      return Mono.fromRunnable(() -> {
        if (!paid.getOrDefault(s, Set.of()).contains(disbursementId)) {
          roles.computeIfAbsent(s, k -> ConcurrentHashMap.newKeySet()).add("PAYEE");
          open.computeIfAbsent(s, k -> ConcurrentHashMap.newKeySet()).add(disbursementId);
        }
      });
    }

    @Override
    public Mono<Void> payeePaid(String org, String disbursementId) {
      Subject s = Subject.organisation(org);
      return Mono.fromRunnable(() -> {
        roles.computeIfAbsent(s, k -> ConcurrentHashMap.newKeySet()).add("PAYEE");
        open.computeIfAbsent(s, k -> ConcurrentHashMap.newKeySet()).remove(disbursementId);
        paid.computeIfAbsent(s, k -> ConcurrentHashMap.newKeySet()).add(disbursementId);
      });
    }

    @Override
    public Flux<KnownParty> among(java.util.Collection<Subject> parties) {
      lookedUp.add(Set.copyOf(parties));
      return Flux.fromIterable(Set.copyOf(parties)).filter(roles::containsKey)
          .map(s -> new KnownParty(s, List.copyOf(new java.util.TreeSet<>(roles.get(s))),
              List.copyOf(new java.util.TreeSet<>(open.getOrDefault(s, Set.of())))));
    }
  }

  private InMemoryPorts() {}
}
