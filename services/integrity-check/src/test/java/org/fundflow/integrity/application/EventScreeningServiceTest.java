package org.fundflow.integrity.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.fundflow.integrity.application.port.in.ScreenEventsUseCase.DisbursementCreated;
import org.fundflow.integrity.application.port.in.ScreenEventsUseCase.DisbursementReleased;
import org.fundflow.integrity.application.port.in.ScreenEventsUseCase.EventRef;
import org.fundflow.integrity.application.port.in.ScreenEventsUseCase.Person;
import org.fundflow.integrity.application.port.in.ScreenEventsUseCase.DiligenceAssessed;
import org.fundflow.integrity.application.port.in.ScreenEventsUseCase.ProjectTerminated;
import org.fundflow.integrity.application.port.in.ScreenEventsUseCase.ProposalSubmitted;
import org.fundflow.integrity.application.service.DishonestyListService;
import org.fundflow.integrity.application.service.EventScreeningService;
import org.fundflow.integrity.application.service.HoldService;
import org.fundflow.platform.domain.PersonIdProtection;
import org.fundflow.integrity.domain.HoldLiftReason;
import org.fundflow.integrity.domain.IntegrityEvent;
import org.fundflow.integrity.domain.IntegrityEvent.FlagRaised;
import org.fundflow.integrity.domain.IntegrityEvent.HoldLifted;
import org.fundflow.integrity.domain.IntegrityEvent.HoldPlaced;
import org.fundflow.integrity.domain.ProjectFailure;
import org.fundflow.integrity.domain.ProjectFailure.ProjectFailureStatus;
import org.fundflow.integrity.domain.Subject;
import org.fundflow.integrity.domain.rules.DishonestyListRule;
import org.fundflow.integrity.domain.rules.DuplicateApplicationRule;
import org.fundflow.integrity.domain.rules.ExpenditureAnomalyRule;
import org.junit.jupiter.api.Test;

class EventScreeningServiceTest {

  static final String LISTED = "91120112MNH91HTMX6";
  static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");

  final InMemoryPorts.Records records = new InMemoryPorts.Records();
  final InMemoryPorts.List_ list = new InMemoryPorts.List_();
  final InMemoryPorts.Parties parties = new InMemoryPorts.Parties();
  final PersonIdProtection hashing = new PersonIdProtection() {
    public String hash(String id) {
      return new org.fundflow.platform.privacy.PersonIdHasher("test-key-of-sixteen-chars").hash(id);
    }

    public String mask(String id) {
      return "masked";
    }
  };
  final EventScreeningService screening = new EventScreeningService(records, new InMemoryPorts.Proposals(),
      new InMemoryPorts.History(), list, parties, new DuplicateApplicationRule(DuplicateApplicationRule.Settings.defaults()),
      new DishonestyListRule(5), new ExpenditureAnomalyRule(new ExpenditureAnomalyRule.Settings(3, 1_000_000L)),
      Clock.fixed(NOW, ZoneOffset.UTC));

  DishonestyListService listService(Instant now) {
    return new DishonestyListService(list, new org.fundflow.integrity.adapter.out.csv.JacksonCsvReader(), hashing,
        parties, records, new DishonestyListRule(5),
        Clock.fixed(now, ZoneOffset.UTC));
  }

  void importList(LocalDate end) {
    listService(NOW).importCsv(
        "partyType,partyId,partyName,misconduct,sanction,authority,legalBasis,effectiveDate,endDate\n"
            + "ORGANISATION," + LISTED + ",某公司,虚报研发投入,三年内不得申报,天津市科学技术局,某条,2025-01-01," + end + "\n"
            + "PERSON,120101198004135929,王某,抄袭,五年内不得承担项目,天津市科学技术局,某条,2025-01-01,\n", "officer").block();
  }

  DisbursementCreated disbursement(String eventId) {
    return new DisbursementCreated(new EventRef(eventId, "fundflow.subsidy.disbursement-created.v1", NOW),
        "dsb-1", "prg-1", LISTED, 100_00L, NOW);
  }

  @Test
  void givenAListedOrganisation_whenItIsAboutToBePaid_thenFlagAndHoldAreStoredInOneWrite() {
    importList(LocalDate.of(2027, 12, 31));
    screening.disbursementCreated(disbursement("e1")).block();

    assertThat(records.published).hasSize(2);
    assertThat(records.published.get(0)).isInstanceOf(FlagRaised.class);
    HoldPlaced placed = (HoldPlaced) records.published.get(1);
    assertThat(placed.hold().flagId()).isEqualTo(((FlagRaised) records.published.get(0)).flag().flagId());
    assertThat(records.stored.get(Subject.organisation(LISTED)).version()).isEqualTo(1);
  }

  @Test
  void givenTheSameEventTwice_thenNothingIsRaisedTwice() {
    importList(LocalDate.of(2027, 12, 31));
    screening.disbursementCreated(disbursement("e1")).block();
    screening.disbursementCreated(disbursement("e1")).block();
    assertThat(records.published).hasSize(2);
    screening.disbursementCreated(disbursement("e2")).block();
    assertThat(records.published).hasSize(3).last().isInstanceOf(FlagRaised.class);
  }

  @Test
  void givenAListedPrincipalInvestigator_whenApplying_thenThePersonIsFlaggedAndHeld() {
    importList(LocalDate.of(2027, 12, 31));
    String pi = hashing.hash("120101198004135929");
    screening.proposalSubmitted(new ProposalSubmitted(new EventRef("e9", "fundflow.intake.proposal-submitted.v1", NOW),
        "prp-1", "prg-1", "9112000089F2XW550E", "标题", "摘要", new Person(pi, "9112000089F2XW550E", "PI"), List.of(),
        NOW)).block();
    assertThat(records.published).extracting(IntegrityEvent::subject).containsOnly(Subject.person(pi));
    assertThat(records.published).hasSize(2);
  }

  @Test
  void givenAHoldWhoseEndHasCome_whenTheSweepRuns_thenItIsLiftedAsExpiredOnce() {
    importList(LocalDate.of(2026, 11, 28));
    screening.disbursementCreated(disbursement("e1")).block();
    Instant end = ((HoldPlaced) records.published.get(1)).hold().endsAt();
    assertThat(new HoldService(records, Clock.fixed(end.minusSeconds(1), ZoneOffset.UTC)).expireDue().block()).isZero();
    HoldService later = new HoldService(records, Clock.fixed(end, ZoneOffset.UTC));
    assertThat(later.expireDue().block()).isEqualTo(1);
    assertThat(later.expireDue().block()).isZero();
    assertThat(((HoldLifted) records.published.get(2)).reason()).isEqualTo(HoldLiftReason.EXPIRED);
  }

  // ------------------------------------------------------------------ issue 12: list import screens known parties

  static final String ORG_ROW = "ORGANISATION," + LISTED + ",某公司,虚报研发投入,三年内不得申报,天津市科学技术局,某条,2025-01-01,2027-12-31\n";
  static final String HEADER = "partyType,partyId,partyName,misconduct,sanction,authority,legalBasis,effectiveDate,endDate\n";

  DisbursementReleased released(String eventId, Instant releasedAt) {
    return new DisbursementReleased(new EventRef(eventId, "fundflow.subsidy.disbursement-released.v1",
        releasedAt), "dsb-1", "prg-1", LISTED, 100_00L, releasedAt, "approver-bob", "PAY-1");
  }

  @Test
  void givenAPayeeAwaitingPayment_whenItsOrganisationIsListedLater_thenTheImportFlagsAndHoldsItAtOnce() {
    screening.disbursementCreated(disbursement("e1")).block(); // not listed yet: nothing
    assertThat(records.published).isEmpty();

    listService(NOW.plusSeconds(60)).importCsv(HEADER + ORG_ROW, "officer").block();

    assertThat(records.published).hasSize(2);
    FlagRaised flag = (FlagRaised) records.published.get(0);
    HoldPlaced hold = (HoldPlaced) records.published.get(1);
    assertThat(flag.flag().severity()).isEqualTo(org.fundflow.integrity.domain.Severity.CRITICAL);
    assertThat(flag.flag().evidence().get(0).values()).containsEntry("openDisbursementIds", "dsb-1")
        .containsEntry("roles", "PAYEE");
    assertThat(hold.hold().flagId()).isEqualTo(flag.flag().flagId());
    assertThat(records.stored.get(Subject.organisation(LISTED)).onHold()).isTrue();
    // the import looked up only the parties it names
    assertThat(parties.lookedUp).containsExactly(java.util.Set.of(Subject.organisation(LISTED)));
  }

  @Test
  void givenKnownApplicantsPisTeamAndExperts_whenListed_thenEachIsHeld_andUnknownOnesAreNot() {
    String pi = hashing.hash("120101198004135929");
    String member = hashing.hash("110108197203044876");
    screening.proposalSubmitted(new ProposalSubmitted(new EventRef("p1", "fundflow.intake.proposal-submitted.v1", NOW),
        "prp-1", "prg-1", LISTED, "标题", "摘要", new Person(pi, LISTED, "PI"),
        List.of(new Person(member, LISTED, "MEMBER")), NOW)).block();
    assertThat(records.published).isEmpty();

    listService(NOW).importCsv(HEADER + ORG_ROW
        + "PERSON,120101198004135929,王某,抄袭,五年内不得承担项目,天津市科学技术局,某条,2025-01-01,\n"
        + "PERSON,110108197203044876,陈某,抄袭,五年内不得承担项目,天津市科学技术局,某条,2025-01-01,\n"
        + "ORGANISATION,9112000089F2XW550E,未知公司,抄袭,禁止申报,天津市科学技术局,某条,2025-01-01,\n", "officer").block();

    assertThat(records.published.stream().filter(HoldPlaced.class::isInstance).map(IntegrityEvent::subject))
        .containsExactlyInAnyOrder(Subject.organisation(LISTED), Subject.person(pi), Subject.person(member));
    assertThat(records.stored).doesNotContainKey(Subject.organisation("9112000089F2XW550E"));
  }

  @Test
  void givenTheSameListImportedAgain_orAPartyHeldAlreadyByAnEvent_thenNoSecondFlagOrHold() {
    importList(LocalDate.of(2027, 12, 31));
    screening.disbursementCreated(disbursement("e1")).block(); // flag + hold by the event
    assertThat(records.published).hasSize(2);
    importList(LocalDate.of(2027, 12, 31));
    importList(LocalDate.of(2027, 12, 31));
    assertThat(records.published).hasSize(2);

    // a hold lifted by an officer stays lifted for that listing period, whatever is imported again
    String holdId = ((HoldPlaced) records.published.get(1)).hold().holdId();
    new HoldService(records, Clock.fixed(NOW, ZoneOffset.UTC)).lift(holdId, "appeal granted", "officer").block();
    importList(LocalDate.of(2027, 12, 31));
    assertThat(records.published).hasSize(3).last().isInstanceOf(HoldLifted.class);
  }

  @Test
  void givenAnEntryNotInForceYet_orAPayeeAlreadyPaid_thenTheImportHoldsNobody() {
    screening.disbursementCreated(disbursement("e1")).block();
    listService(NOW).importCsv(HEADER + "ORGANISATION," + LISTED + ",某公司,虚报,禁止申报,某局,某条,2027-01-01,\n", "o").block();
    assertThat(records.published).isEmpty();

    screening.disbursementReleased(released("r1", NOW)).block();
    assertThat(parties.open.get(Subject.organisation(LISTED))).isEmpty();
    screening.disbursementCreated(disbursement("e1")).block(); // a late redelivery does not reopen it
    assertThat(parties.open.get(Subject.organisation(LISTED))).isEmpty();
  }

  @Test
  void givenAnEntryComingIntoForceAfterItsImport_whenTheScreeningSweepRunsOnThatDay_thenTheKnownPayeeIsHeldOnce() {
    screening.disbursementCreated(disbursement("e1")).block();
    String row = "ORGANISATION," + LISTED + ",某公司,虚报,禁止申报,某局,某条,2026-12-01,\n";
    listService(NOW).importCsv(HEADER + row, "o").block(); // in force from 2026-12-01 (Asia/Shanghai)
    assertThat(records.published).isEmpty();
    assertThat(listService(NOW).screenEntriesNowInForce().block()).isZero();

    Instant firstDay = java.time.LocalDate.of(2026, 12, 1).atStartOfDay(org.fundflow.integrity.domain.HoldPolicy.ZONE)
        .toInstant().plusSeconds(60);
    assertThat(listService(firstDay).screenEntriesNowInForce().block()).isEqualTo(1);
    assertThat(records.published).hasSize(2).last().isInstanceOf(HoldPlaced.class);
    assertThat(listService(firstDay.plusSeconds(900)).screenEntriesNowInForce().block()).isZero();
    assertThat(records.published).hasSize(2);
  }

  @Test
  void givenAPaymentReleasedWhileItsPayeeWasHeld_thenACriticalFlagNamesThePayment_once() {
    importList(LocalDate.of(2027, 12, 31));
    screening.disbursementCreated(disbursement("e1")).block(); // held now
    int before = records.published.size();

    screening.disbursementReleased(released("r1", NOW.plusSeconds(1))).block();
    screening.disbursementReleased(released("r1", NOW.plusSeconds(1))).block();
    screening.disbursementReleased(released("r2", NOW.plusSeconds(1))).block(); // republished with a new id

    List<IntegrityEvent> after = records.published.subList(before, records.published.size());
    assertThat(after).hasSize(1);
    FlagRaised flag = (FlagRaised) after.get(0);
    assertThat(flag.flag().rule().name()).isEqualTo("paid-while-listed-or-held");
    assertThat(flag.flag().severity()).isEqualTo(org.fundflow.integrity.domain.Severity.CRITICAL);
    assertThat(flag.flag().evidence().get(0).description()).contains("dsb-1").contains("recover");
    assertThat(flag.flag().evidence().get(0).values()).containsEntry("disbursementId", "dsb-1")
        .containsKey("holdIds").containsKey("listEntryIds").containsEntry("paymentReference", "PAY-1");
  }

  @Test
  void givenAPaymentReleasedBeforeTheListingOrAfterAnOfficerLiftedTheHold_thenNoPaidWhileHeldFlag() {
    screening.disbursementReleased(released("r0", NOW.minusSeconds(3600))).block(); // before anything: clean
    assertThat(records.published).isEmpty();

    importList(LocalDate.of(2027, 12, 31));
    screening.disbursementCreated(disbursement("e1")).block();
    String holdId = ((HoldPlaced) records.published.get(1)).hold().holdId();
    new HoldService(records, Clock.fixed(NOW.plusSeconds(10), ZoneOffset.UTC)).lift(holdId, "appeal", "officer").block();
    int before = records.published.size();
    // still on the list, but the officer lifted the hold the listing placed: paying is the officer's decision
    screening.disbursementReleased(released("r1", NOW.plusSeconds(20))).block();
    assertThat(records.published.subList(before, records.published.size())).isEmpty();
  }

  @Test
  void givenAListedPayeeNeverHeld_whenPaid_thenTheFlagNamesTheListEntry() {
    importList(LocalDate.of(2027, 12, 31)); // the payee was never seen before its payment was released
    screening.disbursementReleased(released("r1", NOW.plusSeconds(20))).block();
    assertThat(records.published).hasSize(1);
    FlagRaised flag = (FlagRaised) records.published.get(0);
    assertThat(flag.flag().rule().name()).isEqualTo("paid-while-listed-or-held");
    assertThat(flag.flag().evidence().get(0).values()).doesNotContainKey("holdIds").containsKey("listEntryIds");
  }

  @Test
  void givenATerminatedProject_thenItsFailureIsKeptUntilAssessed_andTheExemptionKeepsTheTerminationReason() {
    Subject organisation = Subject.organisation(LISTED);
    Instant terminatedAt = NOW.minusSeconds(3600);
    screening.projectTerminated(new ProjectTerminated(
        new EventRef("evt-term", "fundflow.milestone.project-terminated.v1", terminatedAt), "prj-1", "prg-1", LISTED,
        "technical route failed", terminatedAt)).block();

    assertThat(records.stored.get(organisation).projectFailures())
        .containsExactly(ProjectFailure.awaiting("prj-1", "prg-1", "technical route failed", terminatedAt));
    assertThat(records.load(organisation).block().projectFailures())
        .containsExactly(ProjectFailure.awaiting("prj-1", "prg-1", "technical route failed", terminatedAt));

    screening.diligenceAssessed(new DiligenceAssessed(
        new EventRef("evt-dil", "fundflow.milestone.diligence-assessed.v1", NOW), "prj-1", "prg-1", LISTED, null,
        null, true, true, false, "diligent, route proved unfeasible", List.of(), "manager", NOW)).block();

    ProjectFailure decided = records.stored.get(organisation).projectFailure("prj-1").orElseThrow();
    assertThat(decided.status()).isEqualTo(ProjectFailureStatus.EXEMPTED);
    assertThat(decided.reason()).isEqualTo("technical route failed");
    assertThat(decided.terminatedAt()).isEqualTo(terminatedAt);
    assertThat(records.stored.get(organisation).flags()).isEmpty();
  }
}
