package org.fundflow.integrity.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.fundflow.integrity.application.port.in.ScreenEventsUseCase.DisbursementCreated;
import org.fundflow.integrity.application.port.in.ScreenEventsUseCase.EventRef;
import org.fundflow.integrity.application.port.in.ScreenEventsUseCase.Person;
import org.fundflow.integrity.application.port.in.ScreenEventsUseCase.ProposalSubmitted;
import org.fundflow.integrity.application.service.DishonestyListService;
import org.fundflow.integrity.application.service.EventScreeningService;
import org.fundflow.integrity.application.service.HoldService;
import org.fundflow.integrity.application.port.out.PersonIdHashing;
import org.fundflow.integrity.domain.HoldLiftReason;
import org.fundflow.integrity.domain.IntegrityEvent;
import org.fundflow.integrity.domain.IntegrityEvent.FlagRaised;
import org.fundflow.integrity.domain.IntegrityEvent.HoldLifted;
import org.fundflow.integrity.domain.IntegrityEvent.HoldPlaced;
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
  final PersonIdHashing hashing = new PersonIdHashing() {
    public String hash(String id) {
      return new org.fundflow.platform.privacy.PersonIdHasher("test-key-of-sixteen-chars").hash(id);
    }

    public String mask(String id) {
      return "masked";
    }
  };
  final EventScreeningService screening = new EventScreeningService(records, new InMemoryPorts.Proposals(),
      new InMemoryPorts.History(), list, new DuplicateApplicationRule(DuplicateApplicationRule.Settings.defaults()),
      new DishonestyListRule(5), new ExpenditureAnomalyRule(new ExpenditureAnomalyRule.Settings(3, 1_000_000L)),
      Clock.fixed(NOW, ZoneOffset.UTC));

  void importList(LocalDate end) {
    new DishonestyListService(list, hashing).importCsv(
        "partyType,partyId,partyName,misconduct,sanction,authority,legalBasis,effectiveDate,endDate\n"
            + "ORGANISATION," + LISTED + ",某公司,虚报研发投入,三年内不得申报,天津市科学技术局,某条,2025-01-01," + end + "\n"
            + "PERSON,120101198004135929,王某,抄袭,五年内不得承担项目,天津市科学技术局,某条,2025-01-01,\n", "officer").block();
  }

  DisbursementCreated disbursement(String eventId) {
    return new DisbursementCreated(new EventRef(eventId, "fundflow.subsidy.disbursement-created.v1", "c-" + eventId, NOW),
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
    screening.proposalSubmitted(new ProposalSubmitted(new EventRef("e9", "fundflow.intake.proposal-submitted.v1", "c", NOW),
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
}
