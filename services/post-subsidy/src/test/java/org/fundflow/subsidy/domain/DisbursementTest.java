package org.fundflow.subsidy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.fundflow.platform.domain.Change;
import org.junit.jupiter.api.Test;

class DisbursementTest {

  static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
  static final Payee PAYEE = new Payee("Tianjin Widgets Co.", "Bank of Tianjin", "6222 0000 1234 5678");

  static Disbursement created() {
    return Disbursement.create(Trigger.advance("prj-1", "evt-1"), "prg-1", "prj-1", null, "91120112MNH91HTMX6",
        6_000_000, "advance", null, "event:x", NOW).next();
  }

  @Test
  void givenATrigger_thenTheIdIsDerivedFromIt() {
    assertThat(Trigger.advance("prj-1", "e").disbursementId()).isEqualTo("adv-prj-1");
    assertThat(Trigger.balance("prj-1", "e").disbursementId()).isEqualTo("bal-prj-1");
    assertThat(Trigger.tranche("prj-1", "ms-2", "e").disbursementId()).isEqualTo("tr-prj-1-ms-2");
    assertThat(Trigger.postSubsidy("clm-1", "e").disbursementId()).isEqualTo("ps-clm-1");
  }

  @Test
  void givenPreparedByAlice_whenAliceReleases_thenRefusedFourEyes() {
    Disbursement prepared = created().prepare(PAYEE, "alice", NOW).next();
    assertThatThrownBy(() -> prepared.release("alice", "PAY-1", "k1", NOW))
        .isInstanceOf(DisbursementRefused.class)
        .extracting(e -> ((DisbursementRefused) e).reason())
        .isEqualTo(DisbursementRefused.Reason.PREPARER_CANNOT_RELEASE);
  }

  @Test
  void givenCreated_whenPrepared_thenReadyToReleaseIsAnnounced() {
    Change<Disbursement, DisbursementEvent> prepared = created().prepare(PAYEE, "alice", NOW);
    assertThat(prepared.events()).singleElement().isInstanceOf(DisbursementEvent.Prepared.class);
    assertThat(prepared.next().status()).isEqualTo(DisbursementStatus.PREPARED);
  }

  @Test
  void givenPreparedByAlice_whenBobReleases_thenReleasedWithHistoryAndEvent() {
    Change<Disbursement, DisbursementEvent> released = created().prepare(PAYEE, "alice", NOW).next().release("bob", "PAY-1", "k1", NOW);
    assertThat(released.next().status()).isEqualTo(DisbursementStatus.RELEASED);
    assertThat(released.events()).singleElement().isInstanceOf(DisbursementEvent.Released.class);
    assertThat(released.next().history()).extracting(HistoryEntry::to).containsExactly("CREATED", "PREPARED", "RELEASED");
    assertThat(released.next().history()).extracting(HistoryEntry::by).containsExactly("event:x", "alice", "bob");
  }

  @Test
  void givenCreated_whenReleasedWithoutPreparation_thenRefused() {
    assertThatThrownBy(() -> created().release("bob", "PAY-1", "k1", NOW)).isInstanceOf(DisbursementRefused.class);
  }

  @Test
  void givenPrepared_whenHeldAndLifted_thenBackToPrepared() {
    Disbursement prepared = created().prepare(PAYEE, "alice", NOW).next();
    Change<Disbursement, DisbursementEvent> held = prepared.hold("hold-1", "event:hold", NOW);
    assertThat(held.next().status()).isEqualTo(DisbursementStatus.ON_HOLD);
    assertThat(held.events()).singleElement().isInstanceOf(DisbursementEvent.Held.class);
    assertThatThrownBy(() -> held.next().release("bob", "PAY-1", "k", NOW))
        .extracting(e -> ((DisbursementRefused) e).reason())
        .isEqualTo(DisbursementRefused.Reason.ORGANISATION_ON_HOLD);
    assertThat(held.next().hold("hold-2", "x", NOW).changes(held.next())).isFalse(); // held already: nothing changes
    assertThat(held.next().resume("event:lift", NOW).next().status()).isEqualTo(DisbursementStatus.PREPARED);
  }

  @Test
  void givenAHeldOrganisation_whenCreated_thenStartsOnHoldAndResumesToCreated() {
    Change<Disbursement, DisbursementEvent> c = Disbursement.create(Trigger.advance("prj-1", "evt-1"), "prg-1", "prj-1", null, "ORG",
        100, "advance", "hold-9", "event:x", NOW);
    assertThat(c.next().status()).isEqualTo(DisbursementStatus.ON_HOLD);
    assertThat(c.events()).hasSize(2);
    assertThat(c.next().resume("lift", NOW).next().status()).isEqualTo(DisbursementStatus.CREATED);
  }

  @Test
  void givenReleased_whenCancelled_thenStaysReleased() {
    Disbursement released = created().prepare(PAYEE, "alice", NOW).next().release("bob", "PAY", "k", NOW).next();
    assertThat(released.cancel("terminated", "x", NOW).changes(released)).isFalse(); // paid: stays released
    Change<Disbursement, DisbursementEvent> cancelled = created().cancel("terminated", "x", NOW);
    assertThat(cancelled.next().status()).isEqualTo(DisbursementStatus.CANCELLED);
    assertThat(cancelled.events()).singleElement().isInstanceOf(DisbursementEvent.Cancelled.class);
  }

  @Test
  void givenAnAccountNumber_thenOnlyTheLastFourDigitsAreShown() {
    assertThat(PAYEE.accountNumberMasked()).isEqualTo("************5678");
  }
}
