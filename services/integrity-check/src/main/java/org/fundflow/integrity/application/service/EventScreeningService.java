package org.fundflow.integrity.application.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.fundflow.integrity.application.port.in.ScreenEventsUseCase;
import org.fundflow.integrity.application.port.out.DishonestyList;
import org.fundflow.integrity.application.port.out.IntegrityRecords;
import org.fundflow.integrity.application.port.out.KnownParties;
import org.fundflow.integrity.application.port.out.OrganisationHistory;
import org.fundflow.integrity.application.port.out.ProposalArchive;
import org.fundflow.integrity.domain.Flag;
import org.fundflow.integrity.domain.IntegrityEvent;
import org.fundflow.integrity.domain.IntegrityRecord;
import org.fundflow.integrity.domain.ProjectFailure;
import org.fundflow.integrity.domain.Subject;
import org.fundflow.integrity.domain.rules.ConflictOfInterestRule;
import org.fundflow.integrity.domain.rules.DishonestyListRule;
import org.fundflow.integrity.domain.rules.DishonestyListRule.Match;
import org.fundflow.integrity.domain.rules.DishonestyListRule.Occurrence;
import org.fundflow.integrity.domain.rules.DishonestyListRule.Party;
import org.fundflow.integrity.domain.rules.DuplicateApplicationRule;
import org.fundflow.integrity.domain.rules.ExpenditureAnomalyRule;
import org.fundflow.integrity.domain.rules.PaidWhileListedOrHeldRule;
import org.fundflow.integrity.domain.rules.ProjectFailedRule;
import org.fundflow.integrity.domain.rules.ProposalFacts;
import org.fundflow.platform.domain.Change;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the rules on every received fact. For each subject concerned, the flags (and holds) an
 * event causes are stored in one atomic write of that subject's record, marked with the event id.
 */
public final class EventScreeningService implements ScreenEventsUseCase {

  private final RecordChanges changes;
  private final IntegrityRecords records;
  private final ProposalArchive proposals;
  private final OrganisationHistory history;
  private final DishonestyList list;
  private final KnownParties known;
  private final DuplicateApplicationRule duplicates;
  private final DishonestyListRule dishonesty;
  private final ConflictOfInterestRule conflicts = new ConflictOfInterestRule();
  private final ProjectFailedRule failures = new ProjectFailedRule();
  private final ExpenditureAnomalyRule anomalies;
  private final PaidWhileListedOrHeldRule paidWhileHeld = new PaidWhileListedOrHeldRule();
  private final Clock clock;

  /**
   * @param known every party of a screened event is remembered there before the list is consulted, so that a
   *     list import running at the same time finds the party either way (the import stores its entries before it
   *     looks for known parties)
   */
  public EventScreeningService(IntegrityRecords records, ProposalArchive proposals, OrganisationHistory history,
      DishonestyList list, KnownParties known, DuplicateApplicationRule duplicates, DishonestyListRule dishonesty,
      ExpenditureAnomalyRule anomalies, Clock clock) {
    this.changes = new RecordChanges(records);
    this.records = records;
    this.proposals = proposals;
    this.history = history;
    this.list = list;
    this.known = known;
    this.duplicates = duplicates;
    this.dishonesty = dishonesty;
    this.anomalies = anomalies;
    this.clock = clock;
  }

  /** Flags (with or without a hold) of one event for one subject. */
  private record Findings(List<Flag> flags, List<Match> holds) {
    Findings() {
      this(new ArrayList<>(), new ArrayList<>());
    }
  }

  @Override
  public Mono<Void> proposalSubmitted(ProposalSubmitted fact) {
    String piHash = fact.principalInvestigator() == null ? null : fact.principalInvestigator().personIdHash();
    ProposalFacts facts = new ProposalFacts(fact.proposalId(), fact.programId(), fact.organisationCode(), piHash,
        fact.title(), fact.abstractText(), fact.event().eventId(), fact.submittedAt());
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("proposalId", fact.proposalId());
    values.put("programId", fact.programId());
    values.put("organisationCode", fact.organisationCode());
    Occurrence occurrence = new Occurrence(fact.event().eventId(), fact.event().eventType(),
        "proposal " + fact.proposalId() + " submitted to program " + fact.programId(), fact.submittedAt(), values);
    List<Party> parties = new ArrayList<>();
    parties.add(new Party(Subject.organisation(fact.organisationCode()), "APPLICANT_ORGANISATION"));
    if (piHash != null) {
      parties.add(new Party(Subject.person(piHash), "PRINCIPAL_INVESTIGATOR"));
    }
    if (fact.team() != null) {
      fact.team().stream().filter(p -> p.personIdHash() != null && !p.personIdHash().equals(piHash))
          .forEach(p -> parties.add(new Party(Subject.person(p.personIdHash()), "TEAM_MEMBER")));
    }
    Mono<Map<Subject, Findings>> duplicateFindings = proposals.remember(facts)
        .thenMany(proposals.ofOrganisationOrInvestigator(fact.organisationCode(), piHash, fact.programId()))
        .collectList()
        .map(earlier -> {
          Map<Subject, Findings> bySubject = new LinkedHashMap<>();
          for (Flag f : duplicates.evaluate(facts, earlier, now())) {
            bySubject.computeIfAbsent(f.subject(), s -> new Findings()).flags().add(f);
          }
          return bySubject;
        });
    return remember(parties).then(duplicateFindings)
        .flatMap(found -> dishonestyFindings(occurrence, parties, found))
        .flatMap(found -> store(fact.event(), found));
  }

  @Override
  public Mono<Void> expertEvaluationSubmitted(ExpertEvaluationSubmitted fact) {
    Map<Subject, Findings> found = new LinkedHashMap<>();
    conflicts.evaluate(new ConflictOfInterestRule.Evaluation(fact.event().eventId(), fact.projectId(), fact.reportId(),
            fact.expertId(), fact.expertPersonIdHash(), fact.expertOrganisationCode(), fact.applicantOrganisationCode(),
            fact.teamOrganisationCodes()), now())
        .ifPresent(f -> found.computeIfAbsent(f.subject(), s -> new Findings()).flags().add(f));
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("projectId", fact.projectId());
    values.put("reportId", fact.reportId());
    values.put("expertId", fact.expertId());
    values.put("expertOrganisationCode", fact.expertOrganisationCode());
    Occurrence occurrence = new Occurrence(fact.event().eventId(), fact.event().eventType(),
        "expert " + fact.expertId() + " evaluated report " + fact.reportId() + " of project " + fact.projectId(),
        fact.submittedAt() != null ? fact.submittedAt() : fact.event().time(), values);
    List<Party> parties = new ArrayList<>();
    if (fact.expertPersonIdHash() != null && !fact.expertPersonIdHash().isBlank()) {
      parties.add(new Party(Subject.person(fact.expertPersonIdHash()), "EXPERT"));
    }
    if (fact.expertOrganisationCode() != null && !fact.expertOrganisationCode().isBlank()) {
      parties.add(new Party(Subject.organisation(fact.expertOrganisationCode()), "EXPERT_ORGANISATION"));
    }
    return remember(parties).then(dishonestyFindings(occurrence, parties, found)).flatMap(f -> store(fact.event(), f));
  }

  /** PROJECT_FAILED v2: a termination is recorded as awaiting its diligence assessment, no flag (尽职免责). */
  @Override
  public Mono<Void> projectTerminated(ProjectTerminated fact) {
    ProjectFailure awaiting = ProjectFailure.awaiting(fact.projectId(), fact.programId(), fact.reason(),
        fact.terminatedAt());
    return changes.apply(records.load(Subject.organisation(fact.organisationCode())),
        fact.event().eventId(), record -> record.projectTerminated(awaiting)).then();
  }

  /**
   * PROJECT_FAILED v2: the assessment of the termination decides it (exempted, or flagged); the assessment of a
   * failed review that did not terminate the project flags only a misconduct.
   */
  @Override
  public Mono<Void> diligenceAssessed(DiligenceAssessed fact) {
    ProjectFailure.Diligence diligence = new ProjectFailure.Diligence(fact.diligent(), fact.misconduct(),
        fact.explanation(), fact.evidenceRefs(), fact.assessedBy(),
        fact.assessedAt() != null ? fact.assessedAt() : fact.event().time(), fact.event().eventId());
    ProjectFailedRule.Assessment assessment = new ProjectFailedRule.Assessment(fact.event().eventId(),
        fact.projectId(), fact.programId(), fact.organisationCode(), fact.milestoneId(), fact.reportId(),
        fact.terminating(), diligence);
    Optional<Flag> flag = failures.evaluate(assessment, now());
    return changes.apply(records.load(Subject.organisation(fact.organisationCode())),
        fact.event().eventId(), record -> fact.terminating()
            ? record.terminationAssessed(fact.projectId(), fact.programId(), diligence, flag.orElse(null))
            : flag.isPresent() ? record.raise(flag.get()) : Change.<IntegrityRecord, IntegrityEvent>quiet(record)).then();
  }

  @Override
  public Mono<Void> recoveryOpened(RecoveryChanged fact) {
    return changes.apply(records.load(Subject.organisation(fact.organisationCode())),
        fact.event().eventId(), record -> record.recoveryOpened(fact.recoveryId(), fact.caseId(), fact.projectId(),
            fact.amountFen(), fact.at() != null ? fact.at() : now())).then();
  }

  @Override
  public Mono<Void> recoverySettled(RecoveryChanged fact) {
    return changes.apply(records.load(Subject.organisation(fact.organisationCode())),
        fact.event().eventId(), record -> record.recoverySettled(fact.recoveryId(), "REPAID".equals(fact.outcome()),
            fact.at() != null ? fact.at() : now())).then();
  }

  @Override
  public Mono<Void> expenditureClaimSubmitted(ExpenditureClaimSubmitted fact) {
    ExpenditureAnomalyRule.Claim claim = new ExpenditureAnomalyRule.Claim(fact.event().eventId(), fact.claimId(),
        fact.programId(), fact.organisationCode(), fact.fiscalYear(), fact.expenditureThisYearFen(),
        fact.expenditureLastYearFen());
    return history.recordClaim(claim).flatMap(all -> {
      Map<Subject, Findings> found = new LinkedHashMap<>();
      anomalies.evaluateClaim(claim, all, now())
          .ifPresent(f -> found.computeIfAbsent(f.subject(), s -> new Findings()).flags().add(f));
      return store(fact.event(), found);
    });
  }

  @Override
  public Mono<Void> disbursementCreated(DisbursementCreated fact) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("disbursementId", fact.disbursementId());
    values.put("programId", fact.programId());
    values.put("amountFen", fact.amountFen());
    Occurrence occurrence = new Occurrence(fact.event().eventId(), fact.event().eventType(),
        "disbursement " + fact.disbursementId() + " of " + fact.amountFen() + " fen created",
        fact.createdAt() != null ? fact.createdAt() : fact.event().time(), values);
    return known.payeeAwaiting(fact.organisationCode(), fact.disbursementId())
        .then(dishonestyFindings(occurrence, List.of(new Party(Subject.organisation(fact.organisationCode()), "PAYEE")),
            new LinkedHashMap<>()))
        .flatMap(f -> store(fact.event(), f));
  }

  /**
   * The cumulative-cap rule, and the last line (PAID_WHILE_LISTED_OR_HELD): money that went to an organisation held
   * here or listed at the time of the release raises a CRITICAL flag naming the payment. The holds are read from the
   * payee's record inside its write, so a hold stored meanwhile is seen (the write is version-checked).
   */
  @Override
  public Mono<Void> disbursementReleased(DisbursementReleased fact) {
    ExpenditureAnomalyRule.Release release = new ExpenditureAnomalyRule.Release(fact.event().eventId(),
        fact.disbursementId(), fact.programId(), fact.organisationCode(), fact.amountFen());
    Instant releasedAt = fact.releasedAt() != null ? fact.releasedAt()
        : fact.event().time() != null ? fact.event().time() : now();
    PaidWhileListedOrHeldRule.Payment payment = new PaidWhileListedOrHeldRule.Payment(fact.event().eventId(),
        fact.event().eventType(), fact.disbursementId(), fact.programId(), fact.organisationCode(), fact.amountFen(),
        releasedAt, fact.releasedBy(), fact.paymentReference());
    Subject payee = Subject.organisation(fact.organisationCode());
    return known.payeePaid(fact.organisationCode(), fact.disbursementId())
        .then(history.recordRelease(release))
        .zipWith(list.importedBy(payee, releasedAt).collectList())
        .flatMap(t -> {
          Map<Subject, Findings> found = new LinkedHashMap<>();
          anomalies.evaluateRelease(release, t.getT1(), now())
              .ifPresent(f -> found.computeIfAbsent(f.subject(), s -> new Findings()).flags().add(f));
          return store(fact.event(), found, payee,
              record -> paidWhileHeld.evaluate(payment, record.holds(), t.getT2(), now()));
        });
  }

  private Mono<Void> remember(List<Party> parties) {
    return Flux.fromIterable(parties).concatMap(p -> known.remember(p.subject(), p.role())).then();
  }

  private Mono<Map<Subject, Findings>> dishonestyFindings(Occurrence occurrence, List<Party> parties,
      Map<Subject, Findings> found) {
    return Flux.fromIterable(parties)
        .concatMap(party -> list.of(party.subject()).collectList()
            .map(entries -> dishonesty.evaluate(occurrence, party, entries, now())))
        .doOnNext(matches -> matches.forEach(m ->
            found.computeIfAbsent(m.flag().subject(), s -> new Findings()).holds().add(m)))
        .then(Mono.just(found));
  }

  private Mono<Void> store(EventRef event, Map<Subject, Findings> found) {
    return store(event, found, null, record -> Optional.empty());
  }

  /** As above, plus a flag decided on the subject's record as it is when written ({@code onRecord} of {@code subject}). */
  private Mono<Void> store(EventRef event, Map<Subject, Findings> found, Subject subject,
      Function<IntegrityRecord, Optional<Flag>> onRecord) {
    if (subject != null) {
      found.computeIfAbsent(subject, s -> new Findings());
    }
    return Flux.fromIterable(found.entrySet())
        .concatMap(e -> changes.apply(records.load(e.getKey()), event.eventId(), record -> {
          Change<IntegrityRecord, IntegrityEvent> change = Change.quiet(record);
          if (e.getKey().equals(subject)) {
            Optional<Flag> decided = onRecord.apply(record);
            if (decided.isPresent()) {
              change = change.then(r -> r.raise(decided.get()));
            }
          }
          for (Flag f : e.getValue().flags()) {
            change = change.then(r -> r.raise(f));
          }
          for (Match m : e.getValue().holds()) {
            change = change.then(r -> r.raiseWithHold(m.flag(), m.holdId(), m.holdReason(), m.holdEndsAt()));
          }
          return change;
        }))
        .then();
  }

  private Instant now() {
    return clock.instant();
  }

  static <T> T required(T value, String name) {
    return Objects.requireNonNull(value, name);
  }
}
