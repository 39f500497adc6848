package org.fundflow.integrity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Case evidence (issue 15): attached while the case is open or investigated, never after the decision. */
class CaseEvidenceRuleTest {

  @Test
  void evidenceIsAttachedToAnOpenOrInvestigatedCaseOnly() {
    IntegrityRecordTest.RecordUnderTest r = new IntegrityRecordTest().withFlags();
    r.openCase("c1", List.of("f1"), "officer-li", IntegrityRecordTest.T0, null, null);
    r.integrityCase("c1").orElseThrow().requireEvidenceAttachable();
    r.startInvestigation("c1", "officer-li", IntegrityRecordTest.T0, null);
    r.integrityCase("c1").orElseThrow().requireEvidenceAttachable();

    r.dismiss("c1", "no misconduct", "officer-li", IntegrityRecordTest.T0);

    assertThatThrownBy(() -> r.integrityCase("c1").orElseThrow().requireEvidenceAttachable())
        .isInstanceOfSatisfying(IntegrityException.class,
            e -> assertThat(e.slug()).isEqualTo("illegal-case-transition"));
  }
}
