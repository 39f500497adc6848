package org.fundflow.milestone.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fundflow.milestone.adapter.in.kafka.ProposalReviewHandlers;
import org.fundflow.milestone.adapter.in.kafka.ProposalScreenedMessage;
import org.fundflow.milestone.adapter.out.kafka.ProposalReviewMessages;
import org.fundflow.milestone.application.port.in.ProposalReviewUseCase.OpenReviewCommand;
import org.fundflow.milestone.domain.ExpertProfile;
import org.fundflow.milestone.domain.ProposalReview;
import org.fundflow.milestone.domain.ProposalReview.ReviewEvent;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import tools.jackson.databind.json.JsonMapper;

/**
 * 立项评审: every shared example of proposal-screened opens a review through this service's own message record, and
 * the proposal-reviewed this service publishes validates against its schema.
 */
class ProposalReviewContractTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Instant T0 = Instant.parse("2027-01-20T02:00:00.123456Z");

  @Test
  void everyProposalScreenedExampleOpensAReview() throws IOException {
    List<Resource> examples = ConsumedEventContractTest.examples("project-intake", "proposal-screened");
    for (Resource example : examples) {
      ProposalScreenedMessage m = ConsumedEventContractTest.READER.read(example.getContentAsByteArray(),
          ProposalScreenedMessage.class);
      OpenReviewCommand c = ProposalReviewHandlers.command("evt-1", m);
      ProposalReview review = ProposalReview.open(c.proposalId(), c.programId(), c.programKind(), c.challengeId(),
          c.organisationCode(), c.organisationName(), c.title(), c.abstractText(), c.requestedAmountFen(),
          c.teamOrganisationCodes(), c.teamPersonIdHashes(), c.rubric(), c.screenedAt());
      assertThat(review.id()).as(example.getFilename()).isEqualTo(m.proposalId());
      assertThat(review.rubric().stream().mapToInt(r -> r.weight()).sum()).isEqualTo(100);
      assertThat(review.teamPersonIdHashes()).isNotEmpty();
      assertThat(review.abstractText()).isNotBlank();
    }
  }

  @Test
  void aCompletedReviewPublishesAProposalReviewedThatValidates() throws IOException {
    Resource example = ConsumedEventContractTest.examples("project-intake", "proposal-screened").get(0);
    ProposalScreenedMessage m = ConsumedEventContractTest.READER.read(example.getContentAsByteArray(),
        ProposalScreenedMessage.class);
    OpenReviewCommand c = ProposalReviewHandlers.command("evt-1", m);
    ProposalReview review = ProposalReview.open(c.proposalId(), c.programId(), c.programKind(), c.challengeId(),
        c.organisationCode(), c.organisationName(), c.title(), c.abstractText(), c.requestedAmountFen(),
        c.teamOrganisationCodes(), c.teamPersonIdHashes(), c.rubric(), c.screenedAt());
    List<ExpertProfile> experts = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      experts.add(new ExpertProfile("e" + i, "专家", "12310115AMBRCN372R", "75".repeat(32), "1101**********824X",
          List.of()));
    }
    var formed = review.formPanel(experts, T0);
    // issue 16: the formed panel names its five experts, valid against experts-assigned
    assertThat(formed.events()).singleElement().isInstanceOfSatisfying(ReviewEvent.ExpertsAssigned.class, e -> {
      String assigned = JSON.writeValueAsString(ProposalReviewMessages.toAssignment(e));
      assertThat(Schemas.errors(org.fundflow.milestone.adapter.out.kafka.ProjectEventMessages.EXPERTS_ASSIGNED,
          assigned)).as(assigned).isEmpty();
      assertThat(assigned).contains("\"review\":\"PROPOSAL_REVIEW\"", "\"proposalId\":\"" + m.proposalId() + "\"",
          "\"expertIds\":[\"e0\",\"e1\",\"e2\",\"e3\",\"e4\"]").doesNotContain("projectId");
    });
    review = formed.next();
    // 回避: the expert who leaves is announced with its reason, valid against review-expert-recused
    assertThat(review.declare("e4", true, "近三年与申报单位有合作研究", T0).events()).singleElement()
        .isInstanceOfSatisfying(ReviewEvent.ExpertRecused.class, e -> {
          String recused = JSON.writeValueAsString(ProposalReviewMessages.toRecusal(e));
          assertThat(Schemas.errors(ProposalReviewMessages.REVIEW_EXPERT_RECUSED, recused)).as(recused).isEmpty();
          assertThat(recused).contains("\"expertId\":\"e4\"", "\"proposalId\":\"" + m.proposalId() + "\"");
        });
    List<ReviewEvent> events = new ArrayList<>();
    int[] first = {40, 35, 20, 38, 30};
    for (int i = 0; i < 5; i++) {
      review = review.declare("e" + i, false, null, T0).next();
      var change = review.evaluate("e" + i, List.of(first[i], 25, 15, 8), null, 5, T0);
      review = change.next();
      events.addAll(change.events());
    }
    assertThat(events).hasSize(1);
    String json = JSON.writeValueAsString(ProposalReviewMessages.toMessage(events.get(0)));
    assertThat(Schemas.errors(ProposalReviewMessages.PROPOSAL_REVIEWED, json)).as(json).isEmpty();
    assertThat(json).contains("\"expertIds\":[\"e0\",\"e1\",\"e2\",\"e3\",\"e4\"]");
    assertThat(Schemas.errors(ProposalReviewMessages.PROPOSAL_REVIEWED, "{\"proposalId\":\"p\"}")).isNotEmpty();
  }
}
