package org.fundflow.milestone.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.fundflow.milestone.adapter.out.kafka.DiligenceEventMessages;
import org.fundflow.milestone.domain.Actor;
import org.fundflow.milestone.domain.DiligenceAssessment;
import org.fundflow.milestone.domain.DomainRuleException;
import org.fundflow.milestone.domain.ProgramKind;
import org.fundflow.milestone.domain.ProjectUnderTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * 尽职免责 (issue 17 point 3): what a diligence assessment may assess, and its {@code diligence-assessed} event against the
 * shared schema, for a failed review and for a termination.
 */
class DiligenceAssessedContractTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Actor PM = new Actor("pm-zhao", Set.of(Actor.PROGRAM_MANAGER), null);
  final PublishedEventContractTest fixtures = new PublishedEventContractTest();

  void assertValid(DiligenceAssessment a) {
    var message = DiligenceEventMessages.toMessage(a);
    String json = JSON.writeValueAsString(message);
    assertThat(Schemas.errors(message.type(), json)).as(json).isEmpty();
  }

  @Test
  void aFailedReviewThenTheTerminationAreAssessed_andTheirEventsMatchTheSchema() {
    ProjectUnderTest p = fixtures.project("prj-d", ProgramKind.CHALLENGE);
    assertThatThrownBy(() -> DiligenceAssessment.assess(p.current(), PM, null, true, false, "x", List.of(),
        PublishedEventContractTest.T0)).isInstanceOf(DomainRuleException.class).hasMessageContaining("ACTIVE");
    fixtures.submit(p, "r1", PublishedEventContractTest.T0);
    assertThatThrownBy(() -> DiligenceAssessment.assess(p.current(), PM, "r1", true, false, "x", List.of(),
        PublishedEventContractTest.T0)).hasMessageContaining("only a FAILED review");
    fixtures.review(p, "r1", PublishedEventContractTest.T0, 10, 0, 55);

    DiligenceAssessment first = DiligenceAssessment.assess(p.current(), PM, "r1", true, false, "技术风险",
        List.of("fil-1"), PublishedEventContractTest.T0);
    assertThat(first.terminating()).isFalse();
    assertThat(first.exempts()).isTrue();
    assertThat(first.id()).isEqualTo("prj-d:report:r1");
    assertValid(first);
    assertThatThrownBy(() -> DiligenceAssessment.assess(p.current(), new Actor("a", Set.of(Actor.APPLICANT), "o"),
        "r1", true, false, "x", List.of(), PublishedEventContractTest.T0)).hasMessageContaining("program manager");

    fixtures.submit(p, "r2", PublishedEventContractTest.T0.plus(Duration.ofDays(1)));
    fixtures.review(p, "r2", PublishedEventContractTest.T0.plus(Duration.ofDays(2)), 50, 40, 59); // terminated
    DiligenceAssessment termination = DiligenceAssessment.assess(p.current(), PM, null, false, true, "数据造假",
        List.of(), PublishedEventContractTest.T0.plus(Duration.ofDays(3)));
    assertThat(termination.terminating()).isTrue();
    assertThat(termination.reportId()).isEqualTo("r2");
    assertThat(termination.id()).isEqualTo("prj-d:termination");
    // naming the terminating report assesses the same termination (same id: recorded once)
    assertThat(DiligenceAssessment.assess(p.current(), PM, "r2", true, false, "y", List.of(),
        PublishedEventContractTest.T0).id()).isEqualTo(termination.id());
    // the earlier failed review is still its own assessment
    assertThat(DiligenceAssessment.assess(p.current(), PM, "r1", true, false, "y", List.of(),
        PublishedEventContractTest.T0).terminating()).isFalse();
    assertValid(termination);
    assertThatThrownBy(() -> DiligenceAssessment.assess(p.current(), PM, null, true, false, " ", List.of(),
        PublishedEventContractTest.T0)).hasMessageContaining("explanation");
  }
}
