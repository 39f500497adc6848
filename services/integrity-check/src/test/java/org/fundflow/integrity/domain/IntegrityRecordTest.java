package org.fundflow.integrity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fundflow.integrity.domain.IntegrityEvent.CaseDecided;
import org.fundflow.integrity.domain.IntegrityEvent.FlagRaised;
import org.fundflow.integrity.domain.IntegrityEvent.HoldLifted;
import org.fundflow.integrity.domain.IntegrityEvent.HoldPlaced;
import org.fundflow.platform.domain.Change;
import org.junit.jupiter.api.Test;

class IntegrityRecordTest {

  static final Subject ORG = Subject.organisation("91120112MNH91HTMX6");
  static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");
  final HoldPolicy policy = HoldPolicy.defaults();

  static Flag flag(String id, Severity severity) {
    return new Flag(id, RuleRef.PROJECT_FAILED, ORG, severity,
        List.of(new Evidence("evt-" + id, "fundflow.milestone.project-terminated.v1", "terminated", Map.of())), T0);
  }

  /** A record that moves on: every command's next state becomes the current one; the command's events are answered. */
  static final class RecordUnderTest {
    IntegrityRecord current;

    RecordUnderTest(IntegrityRecord current) {
      this.current = current;
    }

    private List<IntegrityEvent> apply(Change<IntegrityRecord, IntegrityEvent> change) {
      current = change.next();
      return change.events();
    }

    List<IntegrityEvent> raise(Flag flag) {
      return apply(current.raise(flag));
    }

    List<IntegrityEvent> raiseWithHold(Flag flag, String holdId, String reason, Instant endsAt) {
      return apply(current.raiseWithHold(flag, holdId, reason, endsAt));
    }

    List<IntegrityEvent> openCase(String caseId, List<String> flagIds, String by, Instant at, String note,
        List<String> evidenceRefs) {
      return apply(current.openCase(caseId, flagIds, by, at, note, evidenceRefs));
    }

    List<IntegrityEvent> startInvestigation(String caseId, String by, Instant at, String note) {
      return apply(current.startInvestigation(caseId, by, at, note));
    }

    List<IntegrityEvent> addNote(String caseId, String by, Instant at, String note, List<String> evidenceRefs) {
      return apply(current.addNote(caseId, by, at, note, evidenceRefs));
    }

    List<IntegrityEvent> placeInterimHold(String caseId, String holdId, String reason, Integer years,
        HoldPolicy policy, String by, Instant at) {
      return apply(current.placeInterimHold(caseId, holdId, reason, years, policy, by, at));
    }

    List<IntegrityEvent> confirm(String caseId, String reason, boolean placeHold, String holdId, Integer years,
        HoldPolicy policy, String by, Instant at) {
      return apply(current.confirm(caseId, reason, CaseFinding.NONE, placeHold, holdId, years, policy, by, at,
          List.of()));
    }

    List<IntegrityEvent> dismiss(String caseId, String reason, String by, Instant at) {
      return apply(current.dismiss(caseId, reason, by, at, List.of()));
    }

    List<IntegrityEvent> liftByOfficer(String holdId, String note, String by, Instant at) {
      return apply(current.liftByOfficer(holdId, note, by, at));
    }

    List<IntegrityEvent> expireHolds(Instant now) {
      return apply(current.expireHolds(now));
    }

    List<Flag> flags() {
      return current.flags();
    }

    Optional<IntegrityCase> integrityCase(String caseId) {
      return current.integrityCase(caseId);
    }

    boolean onHold() {
      return current.onHold();
    }

    Optional<Instant> nextHoldExpiry() {
      return current.nextHoldExpiry();
    }
  }

  RecordUnderTest withFlags() {
    RecordUnderTest r = new RecordUnderTest(IntegrityRecord.empty(ORG));
    r.raise(flag("f1", Severity.MEDIUM));
    r.raise(flag("f2", Severity.HIGH));
    return r;
  }

  @Test
  void aFlagIsRaisedOnceHoweverOftenItsEventComes() {
    RecordUnderTest r = new RecordUnderTest(IntegrityRecord.empty(ORG));
    assertThat(r.raise(flag("f1", Severity.LOW))).singleElement().isInstanceOf(FlagRaised.class);
    assertThat(r.raise(flag("f1", Severity.LOW))).isEmpty();
    assertThat(r.flags()).hasSize(1);
  }

  @Test
  void givenAnInvestigatedCase_whenConfirmedWithAHold_thenCaseDecidedAndHoldPlacedForTheSeverityPeriod() {
    RecordUnderTest r = withFlags();
    r.openCase("c1", List.of("f1", "f2"), "officer-li", T0, "two flags", List.of("doc-1"));
    r.startInvestigation("c1", "officer-li", T0.plusSeconds(60), null);
    r.addNote("c1", "officer-li", T0.plusSeconds(120), "audit report requested", List.of("audit-2026-17"));

    List<IntegrityEvent> events = r.confirm("c1", "spending forged", true, "h1", null, policy, "officer-wang",
        T0.plusSeconds(180));

    assertThat(events).hasSize(2);
    assertThat(events.get(0)).isInstanceOf(CaseDecided.class);
    Hold hold = ((HoldPlaced) events.get(1)).hold();
    assertThat(hold.caseId()).isEqualTo("c1");
    assertThat(hold.endsAt()).isEqualTo(Instant.parse("2029-11-28T08:03:00Z")); // HIGH = 3 years
    IntegrityCase c = r.integrityCase("c1").orElseThrow();
    assertThat(c.status()).isEqualTo(CaseStatus.CONFIRMED);
    assertThat(c.steps()).extracting(CaseStep::action)
        .containsExactly("OPENED", "INVESTIGATION_STARTED", "NOTE_ADDED", "CONFIRMED", "HOLD_PLACED");
    assertThat(c.steps()).allSatisfy(s -> assertThat(s.by()).isNotBlank());
    assertThat(r.onHold()).isTrue();
  }

  @Test
  void theOfficerMayChooseOneToFiveYears() {
    RecordUnderTest r = withFlags();
    r.openCase("c1", List.of("f1"), "o", T0, null, null);
    r.startInvestigation("c1", "o", T0, null);
    assertThatThrownBy(() -> r.confirm("c1", "x", true, "h1", 6, policy, "o", T0))
        .isInstanceOf(IntegrityException.class).hasMessageContaining("1 to 5 years");
    List<IntegrityEvent> events = r.confirm("c1", "x", true, "h1", 1, policy, "o", T0);
    assertThat(((HoldPlaced) events.get(1)).hold().endsAt()).isEqualTo(Instant.parse("2027-11-28T08:00:00Z"));
  }

  @Test
  void illegalTransitionsAreRefused() {
    RecordUnderTest r = withFlags();
    r.openCase("c1", List.of("f1"), "o", T0, null, null);
    assertThatThrownBy(() -> r.confirm("c1", "x", false, "h", null, policy, "o", T0))
        .isInstanceOfSatisfying(IntegrityException.class,
            e -> assertThat(e.kind()).isEqualTo(IntegrityException.Kind.ILLEGAL_TRANSITION));
    r.startInvestigation("c1", "o", T0, null);
    assertThatThrownBy(() -> r.startInvestigation("c1", "o", T0, null)).isInstanceOf(IntegrityException.class);
    r.dismiss("c1", "no evidence", "o", T0);
    assertThatThrownBy(() -> r.addNote("c1", "o", T0, "late", List.of())).isInstanceOf(IntegrityException.class);
    assertThatThrownBy(() -> r.dismiss("c1", "again", "o", T0)).isInstanceOf(IntegrityException.class);
  }

  @Test
  void aCaseNeedsFlagsOfItsOwnSubject() {
    RecordUnderTest r = withFlags();
    assertThatThrownBy(() -> r.openCase("c1", List.of("nope"), "o", T0, null, null))
        .isInstanceOfSatisfying(IntegrityException.class,
            e -> assertThat(e.kind()).isEqualTo(IntegrityException.Kind.RULE_VIOLATION));
  }

  @Test
  void aDismissedCaseLiftsTheHoldsItAndItsFlagsPlaced() {
    RecordUnderTest r = withFlags();
    r.raiseWithHold(flag("f3", Severity.CRITICAL), "h-list", "listed", T0.plusSeconds(86400 * 365));
    r.openCase("c1", List.of("f3"), "o", T0, null, null);
    r.startInvestigation("c1", "o", T0, null);
    r.placeInterimHold("c1", "h-interim", "precaution", 1, policy, "o", T0);

    List<IntegrityEvent> events = r.dismiss("c1", "mistaken identity", "o", T0.plusSeconds(10));

    assertThat(events).hasSize(3);
    assertThat(events.subList(1, 3)).allSatisfy(e -> assertThat(((HoldLifted) e).reason())
        .isEqualTo(HoldLiftReason.CASE_DISMISSED));
    assertThat(r.onHold()).isFalse();
  }

  @Test
  void holdsExpireAtTheirEndAndAnOfficerCanLiftOnlyAnActiveHold() {
    RecordUnderTest r = withFlags();
    r.raiseWithHold(flag("f3", Severity.CRITICAL), "h1", "listed", T0.plusSeconds(3600));
    assertThat(r.expireHolds(T0.plusSeconds(3599))).isEmpty();
    List<IntegrityEvent> expired = r.expireHolds(T0.plusSeconds(3600));
    assertThat(expired).singleElement().satisfies(e -> {
      assertThat(((HoldLifted) e).reason()).isEqualTo(HoldLiftReason.EXPIRED);
      assertThat(((HoldLifted) e).liftedBy()).isNull();
    });
    assertThat(r.nextHoldExpiry()).isEmpty();
    assertThatThrownBy(() -> r.liftByOfficer("h1", "done", "o", T0))
        .isInstanceOfSatisfying(IntegrityException.class, e -> {
          assertThat(e.kind()).isEqualTo(IntegrityException.Kind.ILLEGAL_TRANSITION);
          assertThat(e.slug()).isEqualTo("hold-already-lifted");
        });
  }

  @Test
  void aListHoldIsPlacedOnceEvenWhenTheListedPartyComesBack() {
    RecordUnderTest r = new RecordUnderTest(IntegrityRecord.empty(ORG));
    assertThat(r.raiseWithHold(flag("f1", Severity.CRITICAL), "h-entry", "listed", T0.plusSeconds(3600)))
        .hasSize(2);
    assertThat(r.raiseWithHold(flag("f2", Severity.CRITICAL), "h-entry", "listed", T0.plusSeconds(3600)))
        .singleElement().isInstanceOf(FlagRaised.class);
  }

  @Test
  void aCommandLeavesTheRecordItWasCalledOnAsItWasAndKeepsItsVersion() {
    IntegrityRecord stored = new IntegrityRecord(ORG, 4, List.of(), List.of(), List.of());

    Change<IntegrityRecord, IntegrityEvent> change = stored.raiseWithHold(flag("f1", Severity.CRITICAL), "h1",
        "listed", T0.plusSeconds(3600));

    assertThat(change.events()).hasSize(2);
    assertThat(change.next().version()).isEqualTo(4);
    assertThat(change.next().onHold()).isTrue();
    assertThat(stored.flags()).isEmpty();
    assertThat(stored.holds()).isEmpty();
  }
}
