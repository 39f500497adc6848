package org.fundflow.portal.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.fundflow.platform.events.EventReader;
import org.fundflow.platform.events.MalformedEventException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** Every shared example of an event the portal turns into notifications reads into the portal's own record. */
class ConsumedExamplesTest {

  static final EventReader READER = new EventReader(JsonMapper.builder().build(),
      Validation.buildDefaultValidatorFactory().getValidator());

  static Stream<Arguments> examples() {
    return Stream.of(
        Arguments.of("project-intake/proposal-submitted.v1.json", EventMessages.ProposalSubmitted.class),
        Arguments.of("project-intake/history/proposal-submitted.v1-1.json", EventMessages.ProposalSubmitted.class),
        Arguments.of("project-intake/proposal-awarded.v1.json", EventMessages.ProposalAwarded.class),
        Arguments.of("project-intake/variants/proposal-awarded.v1-general.json", EventMessages.ProposalAwarded.class),
        Arguments.of("project-intake/proposal-rejected.v1.json", EventMessages.ProposalRejected.class),
        Arguments.of("milestone-review/milestone-review-completed.v1.json",
            EventMessages.MilestoneReviewCompleted.class),
        Arguments.of("milestone-review/variants/milestone-review-completed.v1-conditional.json",
            EventMessages.MilestoneReviewCompleted.class),
        Arguments.of("milestone-review/expert-recused.v1.json", EventMessages.ExpertRecused.class),
        Arguments.of("milestone-review/review-expert-recused.v1.json", EventMessages.ReviewExpertRecused.class),
        Arguments.of("milestone-review/change-request-submitted.v1.json", EventMessages.ChangeRequestSubmitted.class),
        Arguments.of("milestone-review/change-request-decided.v1.json", EventMessages.ChangeRequestDecided.class),
        Arguments.of("milestone-review/milestone-due-reminder.v1.json", EventMessages.MilestoneDue.class),
        Arguments.of("milestone-review/milestone-overdue.v1.json", EventMessages.MilestoneDue.class),
        Arguments.of("milestone-review/performance-evaluated.v1.json", EventMessages.PerformanceEvaluated.class),
        Arguments.of("post-subsidy/disbursement-created.v1.json", EventMessages.DisbursementCreated.class),
        Arguments.of("post-subsidy/variants/disbursement-created.v1-advance.json", EventMessages.DisbursementCreated.class),
        Arguments.of("post-subsidy/variants/disbursement-created.v1-post-subsidy.json",
            EventMessages.DisbursementCreated.class),
        Arguments.of("post-subsidy/disbursement-released.v1.json", EventMessages.DisbursementReleased.class),
        Arguments.of("integrity-check/hold-placed.v1.json", EventMessages.HoldPlaced.class),
        Arguments.of("integrity-check/hold-lifted.v1.json", EventMessages.HoldLifted.class),
        Arguments.of("integrity-check/history/hold-lifted.v1-1.json", EventMessages.HoldLifted.class),
        Arguments.of("integrity-check/flag-raised.v1.json", EventMessages.FlagRaised.class),
        // issue 16 point 5
        Arguments.of("post-subsidy/disbursement-prepared.v1.json", EventMessages.DisbursementPrepared.class),
        Arguments.of("milestone-review/experts-assigned.v1.json", EventMessages.ExpertsAssigned.class),
        Arguments.of("milestone-review/variants/experts-assigned.v1-proposal-review.json",
            EventMessages.ExpertsAssigned.class),
        Arguments.of("milestone-review/proposal-reviewed.v1.json", EventMessages.ProposalReviewed.class),
        Arguments.of("integrity-check/hold-expiring.v1.json", EventMessages.HoldExpiring.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void readsIntoThePortalsRecord(String file, Class<?> type) {
    assertThat(READER.read(SharedExamples.json(file).getBytes(StandardCharsets.UTF_8), type)).isNotNull();
  }

  @Test
  void theConditionalDecisionCarriesItsRectificationDeadline() {
    var decision = READER.read(SharedExamples.json("milestone-review/variants/milestone-review-completed.v1-conditional.json")
        .getBytes(StandardCharsets.UTF_8), EventMessages.MilestoneReviewCompleted.class);
    assertThat(decision.rectifyBy()).isNotNull();
    assertThat(decision.outcome()).isEqualTo("CONDITIONAL");
  }

  /** Issue 16: the panel's experts, when named, are read from the decisions and the assignments. */
  @Test
  void theDecisionsAndAssignmentsNameThePanelsExperts() {
    var decision = READER.read(SharedExamples.json("milestone-review/milestone-review-completed.v1.json")
        .getBytes(StandardCharsets.UTF_8), EventMessages.MilestoneReviewCompleted.class);
    assertThat(decision.expertIds()).hasSize(5).contains("usr-expert-chen-jianguo");
    var older = READER.read(SharedExamples.json("milestone-review/variants/milestone-review-completed.v1-conditional.json")
        .getBytes(StandardCharsets.UTF_8), EventMessages.MilestoneReviewCompleted.class);
    assertThat(older.expertIds()).as("optional: an event without them names nobody").isEmpty();
    var proposal = READER.read(SharedExamples.json("milestone-review/variants/experts-assigned.v1-proposal-review.json")
        .getBytes(StandardCharsets.UTF_8), EventMessages.ExpertsAssigned.class);
    assertThat(proposal.ofProposal()).isTrue();
    assertThat(proposal.proposalId()).isEqualTo("prp-2026-000311");
    var flag = READER.read(SharedExamples.json("integrity-check/flag-raised.v1.json")
        .getBytes(StandardCharsets.UTF_8), EventMessages.FlagRaised.class);
    assertThat(flag.proposalOrProject()).as("a list hit names no proposal").isEmpty();
  }

  @Test
  void anEventWithoutWhatTheNotificationNeedsIsMalformed() {
    String noTitle = SharedExamples.json("project-intake/proposal-submitted.v1.json").replaceFirst("\"title\"", "\"titel\"");
    assertThatThrownBy(() -> READER.read(noTitle.getBytes(StandardCharsets.UTF_8), EventMessages.ProposalSubmitted.class))
        .isInstanceOf(MalformedEventException.class).hasMessageContaining("title");
  }
}
