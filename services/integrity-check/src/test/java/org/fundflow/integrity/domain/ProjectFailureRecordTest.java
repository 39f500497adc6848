package org.fundflow.integrity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fundflow.integrity.domain.IntegrityEvent.FlagRaised;
import org.fundflow.integrity.domain.ProjectFailure.ProjectFailureStatus;
import org.fundflow.integrity.domain.rules.ProjectFailedRule;
import org.fundflow.platform.domain.Change;
import org.junit.jupiter.api.Test;

/** 尽职免责 in the organisation's integrity record (PROJECT_FAILED v2). */
class ProjectFailureRecordTest {

  static final Subject ORG = Subject.organisation("91120112MNH91HTMX6");
  static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");
  final ProjectFailedRule rule = new ProjectFailedRule();

  IntegrityRecord terminated() {
    return IntegrityRecord.empty(ORG)
        .projectTerminated(ProjectFailure.awaiting("prj-1", "prg-1", "final milestone FAILED", T0)).next();
  }

  Change<IntegrityRecord, IntegrityEvent> assessed(IntegrityRecord r, boolean diligent, boolean misconduct) {
    ProjectFailure.Diligence d = new ProjectFailure.Diligence(diligent, misconduct, "explained", List.of(), "usr-pm",
        T0, "evt-a");
    Optional<Flag> flag = rule.evaluate(new ProjectFailedRule.Assessment("evt-a", "prj-1", "prg-1", ORG.id(), "ms-1",
        "rpt-1", true, d), T0);
    return r.terminationAssessed("prj-1", "prg-1", d, flag.orElse(null));
  }

  @Test
  void aTermination_isRecordedAwaitingAssessment_withoutAFlag_once() {
    Change<IntegrityRecord, IntegrityEvent> c = IntegrityRecord.empty(ORG)
        .projectTerminated(ProjectFailure.awaiting("prj-1", "prg-1", "final milestone FAILED", T0));
    assertThat(c.events()).isEmpty();
    assertThat(c.next().flags()).isEmpty();
    assertThat(c.next().projectFailure("prj-1").orElseThrow().status())
        .isEqualTo(ProjectFailureStatus.AWAITING_ASSESSMENT);
    assertThat(c.next().projectTerminated(ProjectFailure.awaiting("prj-1", "prg-1", "again", T0)).next())
        .isEqualTo(c.next());
  }

  @Test
  void aDiligentFailure_isExempted_noFlag() {
    Change<IntegrityRecord, IntegrityEvent> c = assessed(terminated(), true, false);
    assertThat(c.events()).isEmpty();
    assertThat(c.next().flags()).isEmpty();
    ProjectFailure f = c.next().projectFailure("prj-1").orElseThrow();
    assertThat(f.status()).isEqualTo(ProjectFailureStatus.EXEMPTED);
    assertThat(f.diligence().explanation()).isEqualTo("explained");
  }

  @Test
  void aFailureWithoutDiligence_isFlagged_andDecidedOnce() {
    Change<IntegrityRecord, IntegrityEvent> c = assessed(terminated(), false, false);
    assertThat(c.events()).singleElement().isInstanceOf(FlagRaised.class);
    assertThat(c.next().projectFailure("prj-1").orElseThrow().status()).isEqualTo(ProjectFailureStatus.FLAGGED);
    assertThat(c.next().projectFailure("prj-1").orElseThrow().flagId()).isEqualTo(c.next().flags().get(0).flagId());
    // a second assessment (or the same one redelivered) changes nothing
    Change<IntegrityRecord, IntegrityEvent> again = assessed(c.next(), true, false);
    assertThat(again.events()).isEmpty();
    assertThat(again.next()).isEqualTo(c.next());
  }

  @Test
  void misconduct_isFlagged_evenWhenDiligent() {
    assertThat(assessed(terminated(), true, true).next().projectFailure("prj-1").orElseThrow().status())
        .isEqualTo(ProjectFailureStatus.FLAGGED);
  }
}
