package org.fundflow.intake.adapter.out.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.fundflow.intake.domain.BudgetLine;
import org.fundflow.intake.domain.CallWindow;
import org.fundflow.intake.domain.FundingSplit;
import org.fundflow.intake.domain.IntakeEvent;
import org.fundflow.intake.domain.Pledge;
import org.fundflow.intake.domain.Program;
import org.fundflow.intake.domain.ProgramKind;
import org.fundflow.intake.domain.ProgramTerms;
import org.fundflow.intake.domain.Proposal;
import org.fundflow.intake.domain.ProposalContent;
import org.fundflow.intake.domain.Submission;
import org.fundflow.intake.domain.TeamMember;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The typed messages put on the wire what the events always carried: names, optional fields left out, text times. */
class IntakeEventMessagesTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Instant NOW = Instant.parse("2026-11-28T04:00:00.123456Z");
  static final String ORG = "91120112MNH91HTMX6";

  final Program program = Program.draft("prg-1", new ProgramTerms("General 2026", ProgramKind.GENERAL, 10_000, 1_000,
      new CallWindow(NOW.minusSeconds(86_400), NOW.plusSeconds(86_400)), new FundingSplit(60, 40), null, null, null,
      org.fundflow.intake.domain.ExpertReview.off()), NOW).open(NOW).next();

  final ProposalContent content = new ProposalContent("Title", "Abstract", List.of("ai"), 800,
      List.of(new BudgetLine("equipment", 800)),
      new TeamMember("a".repeat(64), "1201**********5929", "Zhang San", ORG, "PRINCIPAL_INVESTIGATOR"),
      List.of(new TeamMember("b".repeat(64), "1201**********1234", "Li Si", ORG, "MEMBER")), List.of(),
      LocalDate.of(2027, 1, 1), LocalDate.of(2028, 12, 31), List.of());

  static JsonNode wire(IntakeEvent event) {
    return JSON.readTree(JSON.writeValueAsString(IntakeIntegrationEvents.toMessage(event)));
  }

  Proposal submitted() {
    return Proposal.draft("prp-1", program, null, ORG, "Org", "alice", content, NOW)
        .submit(program, null, new Pledge("2026-1", NOW), new Submission("key-1", "hash", NOW), List.of(), List.of(),
            NOW)
        .next();
  }

  @Test
  void aSubmittedProposalIsSentUnderItsWireNames() {
    JsonNode json = wire(new IntakeEvent.ProposalSubmitted(submitted(), NOW));

    assertThat(json.get("abstract").asString()).isEqualTo("Abstract");
    assertThat(json.has("abstractText")).isFalse();
    assertThat(json.has("challengeId")).isFalse(); // a GENERAL proposal: left out, never null
    assertThat(json.get("submittedAt").asString()).isEqualTo("2026-11-28T04:00:00.123456Z");
    assertThat(json.get("pledge").get("acceptedAt").asString()).isEqualTo(NOW.toString());
    assertThat(json.get("principalInvestigator").has("role")).isFalse();
    assertThat(json.get("team").get(0).get("role").asString()).isEqualTo("MEMBER");
    assertThat(json.get("attachments").isArray()).isTrue();
  }

  @Test
  void anAwardCarriesTheProgramsSplitAndThePlanWithPlainDates() {
    Proposal underReview = submitted().screen().next().sendToReview(program, NOW).next();
    IntakeEvent awarded = underReview.award(700, program, "pm", NOW).events().get(0);

    JsonNode json = wire(awarded);

    assertThat(json.get("projectId").asString()).isEqualTo(underReview.projectId());
    assertThat(json.get("fundingSplit").get("advancePercent").asInt()).isEqualTo(60);
    assertThat(json.get("awardedBy").asString()).isEqualTo("pm");
    assertThat(json.get("milestones")).singleElement() // a GENERAL project: its final acceptance at the end date
        .satisfies(m -> assertThat(m.get("dueDate").asString()).isEqualTo("2028-12-31"));
  }

  @Test
  void aProgramWithoutASubsidyRuleLeavesTheRuleOutAndNamesItsTimeZone() {
    JsonNode json = wire(new IntakeEvent.ProgramPublished(program, NOW));

    assertThat(json.has("postSubsidyRule")).isFalse();
    assertThat(json.get("callWindow").get("timeZone").asString()).isEqualTo("Asia/Shanghai");
    assertThat(json.get("publishedAt").asString()).isEqualTo(NOW.toString());
    assertThat(json.get("revision").asInt()).isEqualTo(1);
  }
}
