package org.fundflow.intake.adapter.out.kafka;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.fundflow.intake.domain.Challenge;
import org.fundflow.intake.domain.FundingSplit;
import org.fundflow.intake.domain.Objection;
import org.fundflow.intake.domain.Program;
import org.fundflow.intake.domain.ProgramTerms;
import org.fundflow.intake.domain.Proposal;
import org.fundflow.intake.domain.ProposalFile;
import org.fundflow.intake.domain.TeamMember;

/**
 * The integration messages intake publishes (shared-schemas/project-intake, EVENTS.md), one record per event type
 * and version: exactly the fields on the wire. An optional field is left out rather than sent as null (annotated);
 * the others are always sent.
 */
public final class IntakeEventMessages {

  private IntakeEventMessages() {}

  /** A published integration message and its CloudEvents type. */
  public sealed interface Message permits ProgramPublishedV1, ProgramChangedV1, ChallengePublishedV1,
      ProposalSubmittedV1, ProposalWithdrawnV1, ProposalAwardedV1, ProposalRejectedV1, ProposalScreenedV1,
      AwardNoticeStartedV1,
      AwardObjectionLodgedV1, AwardObjectionDecidedV1, AwardWithdrawnV1,
      VoucherEventMessages.VoucherIssuedV1, VoucherEventMessages.VoucherContractedV1,
      VoucherEventMessages.VoucherRedeemedV1, VoucherEventMessages.ServiceProviderApprovedV1 {

    String type();
  }

  // ---------------------------------------------------------------- program events

  public record CallWindowV1(Instant opensAt, Instant closesAt, String timeZone) {}

  public record FundingSplitV1(int advancePercent, int balancePercent) {
    static FundingSplitV1 of(FundingSplit split) {
      return split == null ? null : new FundingSplitV1(split.advancePercent(), split.balancePercent());
    }
  }

  public record SubsidyTierV1(long fromFen, int rateBasisPoints) {}

  /** A post-subsidy program's rule; no cap is the field left out (never 0). */
  public record PostSubsidyRuleV1(String base, List<SubsidyTierV1> tiers,
      @JsonInclude(Include.NON_NULL) Long capPerOrganisationPerYearFen, long minimumIncreaseFen) {}

  public record ProgramPublishedV1(String programId, String kind, String name, String status, long budgetFen,
      long perProjectCapFen, CallWindowV1 callWindow, @JsonInclude(Include.NON_NULL) FundingSplitV1 fundingSplit,
      @JsonInclude(Include.NON_NULL) PostSubsidyRuleV1 postSubsidyRule, Instant publishedAt, long revision)
      implements Message {

    static ProgramPublishedV1 of(Program program) {
      ProgramTerms t = program.terms();
      return new ProgramPublishedV1(program.id(), t.kind().name(), t.name(), program.status().name(), t.budgetFen(),
          t.perProjectCapFen(), new CallWindowV1(t.callWindow().opensAt(), t.callWindow().closesAt(), "Asia/Shanghai"),
          FundingSplitV1.of(t.fundingSplit()), rule(t), program.publishedAt(), program.revision());
    }

    private static PostSubsidyRuleV1 rule(ProgramTerms t) {
      if (t.postSubsidyRule() == null) {
        return null;
      }
      var r = t.postSubsidyRule();
      return new PostSubsidyRuleV1(r.base().name(),
          r.tiers().stream().map(x -> new SubsidyTierV1(x.fromFen(), x.rateBasisPoints())).toList(),
          r.capped() ? r.capPerOrganisationPerYearFen() : null, r.minimumIncreaseFen());
    }

    @Override
    public String type() {
      return IntakeIntegrationEvents.PROGRAM_PUBLISHED;
    }
  }

  /** The program as published, with its terms as changed. */
  public record ProgramChangedV1(String programId, String kind, String name, String status, long budgetFen,
      long perProjectCapFen, CallWindowV1 callWindow, @JsonInclude(Include.NON_NULL) FundingSplitV1 fundingSplit,
      @JsonInclude(Include.NON_NULL) PostSubsidyRuleV1 postSubsidyRule, Instant publishedAt, long revision,
      Instant changedAt) implements Message {

    static ProgramChangedV1 of(Program program, Instant changedAt) {
      ProgramPublishedV1 p = ProgramPublishedV1.of(program);
      return new ProgramChangedV1(p.programId(), p.kind(), p.name(), p.status(), p.budgetFen(), p.perProjectCapFen(),
          p.callWindow(), p.fundingSplit(), p.postSubsidyRule(), p.publishedAt(), p.revision(), changedAt);
    }

    @Override
    public String type() {
      return IntakeIntegrationEvents.PROGRAM_CHANGED;
    }
  }

  /** Keyed by its program, so that a challenge follows the program it belongs to. */
  public record ChallengePublishedV1(String programId, String challengeId, String postingOrganisationCode,
      String postingOrganisationName, String title, String problem, List<String> targetIndicators,
      long maxFundingFen, String deadlineDate, Instant publishedAt) implements Message {

    static ChallengePublishedV1 of(Challenge c) {
      return new ChallengePublishedV1(c.programId(), c.id(), c.postingOrganisationCode(), c.postingOrganisationName(),
          c.title(), c.problem(), c.targetIndicators(), c.maxFundingFen(), c.deadlineDate().toString(),
          c.publishedAt());
    }

    @Override
    public String type() {
      return IntakeIntegrationEvents.CHALLENGE_PUBLISHED;
    }
  }

  // ---------------------------------------------------------------- proposal events

  public record InvestigatorV1(String personIdHash, String maskedId, String name, String organisationCode) {
    static InvestigatorV1 of(Proposal p) {
      TeamMember m = p.content().principalInvestigator();
      return new InvestigatorV1(m.personIdHash(), m.maskedId(), m.name(), m.organisationCode());
    }
  }

  public record TeamMemberV1(String personIdHash, String maskedId, String name, String organisationCode,
      String role) {
    static List<TeamMemberV1> of(Proposal p) {
      return p.content().team().stream()
          .map(m -> new TeamMemberV1(m.personIdHash(), m.maskedId(), m.name(), m.organisationCode(), m.role()))
          .toList();
    }
  }

  public record PledgeV1(String textVersion, Instant acceptedAt) {}

  /** A stored file's metadata, never its bytes. */
  public record AttachmentV1(String fileId, String name, String mediaType, long sizeBytes, String sha256,
      Instant uploadedAt) {
    static AttachmentV1 of(ProposalFile f) {
      return new AttachmentV1(f.fileId(), f.name(), f.mediaType(), f.sizeBytes(), f.sha256(), f.uploadedAt());
    }
  }

  public record ProposalSubmittedV1(String proposalId, String programId, String programKind,
      @JsonInclude(Include.NON_NULL) String challengeId, String organisationCode, String organisationName,
      String title, @JsonProperty("abstract") String abstractText, List<String> keywords, long requestedAmountFen,
      InvestigatorV1 principalInvestigator, List<TeamMemberV1> team, PledgeV1 pledge, Instant submittedAt,
      List<AttachmentV1> attachments) implements Message {

    static ProposalSubmittedV1 of(Proposal p, Instant at, List<ProposalFile> files) {
      return new ProposalSubmittedV1(p.id(), p.programId(), p.programKind().name(), p.challengeId(),
          p.organisationCode(), nameOf(p), p.content().title(), p.content().abstractText(), p.content().keywords(),
          p.content().requestedAmountFen(), InvestigatorV1.of(p), TeamMemberV1.of(p), new PledgeV1(p.pledge().textVersion(), p.pledge().acceptedAt()), at,
          files.stream().map(AttachmentV1::of).toList());
    }

    @Override
    public String type() {
      return IntakeIntegrationEvents.PROPOSAL_SUBMITTED;
    }
  }

  public record ProposalWithdrawnV1(String proposalId, String programId, String organisationCode, Instant withdrawnAt)
      implements Message {

    static ProposalWithdrawnV1 of(Proposal p, Instant at) {
      return new ProposalWithdrawnV1(p.id(), p.programId(), p.organisationCode(), at);
    }

    @Override
    public String type() {
      return IntakeIntegrationEvents.PROPOSAL_WITHDRAWN;
    }
  }

  public record MilestoneV1(String milestoneId, int sequence, String title, List<String> deliverables,
      String dueDate, int tranchePercent) {}

  /** Keyed by the new project's id: milestone-review and post-subsidy follow the project from here. */
  public record ProposalAwardedV1(String proposalId, String projectId, String programId, String programKind,
      @JsonInclude(Include.NON_NULL) String challengeId, String organisationCode, String organisationName,
      String title, long awardedAmountFen, @JsonInclude(Include.NON_NULL) FundingSplitV1 fundingSplit,
      List<MilestoneV1> milestones, InvestigatorV1 principalInvestigator, List<TeamMemberV1> team, Instant awardedAt,
      String awardedBy, @JsonInclude(Include.NON_NULL) String outOfRankOrderReason) implements Message {

    static ProposalAwardedV1 of(Proposal p, Program program, Instant at) {
      return new ProposalAwardedV1(p.id(), p.projectId(), p.programId(), p.programKind().name(), p.challengeId(),
          p.organisationCode(), nameOf(p), p.content().title(), p.awardedAmountFen(),
          FundingSplitV1.of(program.terms().fundingSplit()),
          p.projectMilestones().stream().map(m -> new MilestoneV1(p.milestoneId(m), m.sequence(), m.title(),
              m.deliverables(), m.dueDate().toString(), m.tranchePercent())).toList(),
          InvestigatorV1.of(p), TeamMemberV1.of(p), at, p.decidedBy(), p.outOfRankOrderReason());
    }

    @Override
    public String type() {
      return IntakeIntegrationEvents.PROPOSAL_AWARDED;
    }
  }

  public record RubricCriterionV1(String name, int weight) {}

  /**
   * 立项评审: the proposal passed screening and goes to the expert review panel (milestone-review) with its program's
   * rubric; the team (person hashes and organisations) lets the panel apply the conflict rules (回避).
   */
  public record ProposalScreenedV1(String proposalId, String programId, String programKind,
      @JsonInclude(Include.NON_NULL) String challengeId, String organisationCode, String organisationName,
      String title, @JsonProperty("abstract") String abstractText, long requestedAmountFen,
      InvestigatorV1 principalInvestigator, List<TeamMemberV1> team, List<RubricCriterionV1> rubric,
      Instant screenedAt) implements Message {

    static ProposalScreenedV1 of(Proposal p, org.fundflow.intake.domain.ExpertReview review, Instant at) {
      return new ProposalScreenedV1(p.id(), p.programId(), p.programKind().name(), p.challengeId(),
          p.organisationCode(), nameOf(p), p.content().title(), p.content().abstractText(),
          p.content().requestedAmountFen(), InvestigatorV1.of(p), TeamMemberV1.of(p),
          review.rubric().stream().map(c -> new RubricCriterionV1(c.name(), c.weight())).toList(), at);
    }

    @Override
    public String type() {
      return IntakeIntegrationEvents.PROPOSAL_SCREENED;
    }
  }

  public record ProposalRejectedV1(String proposalId, String programId, String organisationCode, String reason,
      Instant rejectedAt) implements Message {

    static ProposalRejectedV1 of(Proposal p, Instant at) {
      return new ProposalRejectedV1(p.id(), p.programId(), p.organisationCode(), p.rejectionReason(), at);
    }

    @Override
    public String type() {
      return IntakeIntegrationEvents.PROPOSAL_REJECTED;
    }
  }

  // ---------------------------------------------------------------- public notice (issue 17 point 2)

  /** An award went under public notice: not final yet, no project; nothing personal (no people). */
  public record AwardNoticeStartedV1(String proposalId, String programId, String organisationCode,
      String organisationName, String title, long awardedAmountFen, Instant awardedAt, String awardedBy,
      Instant noticeEndsAt) implements Message {

    static AwardNoticeStartedV1 of(Proposal p) {
      return new AwardNoticeStartedV1(p.id(), p.programId(), p.organisationCode(), nameOf(p), p.content().title(),
          p.awardedAmountFen(), p.decidedAt(), p.decidedBy(), p.notice().endsAt());
    }

    @Override
    public String type() {
      return IntakeIntegrationEvents.AWARD_NOTICE_STARTED;
    }
  }

  /** Who objected is not published. */
  public record AwardObjectionLodgedV1(String proposalId, String programId, String organisationCode,
      String objectionId, Instant lodgedAt, Instant noticeEndsAt) implements Message {

    static AwardObjectionLodgedV1 of(Proposal p, Objection o) {
      return new AwardObjectionLodgedV1(p.id(), p.programId(), p.organisationCode(), o.objectionId(), o.lodgedAt(),
          p.notice().endsAt());
    }

    @Override
    public String type() {
      return IntakeIntegrationEvents.AWARD_OBJECTION_LODGED;
    }
  }

  /** outcome UPHELD (the award is withdrawn, award-withdrawn follows) or DISMISSED. */
  public record AwardObjectionDecidedV1(String proposalId, String programId, String organisationCode,
      String objectionId, String outcome, String reason, String decidedBy, Instant decidedAt) implements Message {

    static AwardObjectionDecidedV1 of(Proposal p, Objection o) {
      return new AwardObjectionDecidedV1(p.id(), p.programId(), p.organisationCode(), o.objectionId(),
          o.status().name(), o.decisionReason(), o.decidedBy(), o.decidedAt());
    }

    @Override
    public String type() {
      return IntakeIntegrationEvents.AWARD_OBJECTION_DECIDED;
    }
  }

  /** The award is withdrawn: its amount goes back to the program's budget (intake reads this event itself). */
  public record AwardWithdrawnV1(String proposalId, String programId, String organisationCode,
      long withdrawnAmountFen, String objectionId, String reason, String withdrawnBy, Instant withdrawnAt)
      implements Message {

    static AwardWithdrawnV1 of(Proposal p, Objection upheld, Instant at) {
      return new AwardWithdrawnV1(p.id(), p.programId(), p.organisationCode(), p.awardedAmountFen(),
          upheld.objectionId(), p.notice().withdrawalReason(), p.notice().withdrawnBy(), at);
    }

    @Override
    public String type() {
      return IntakeIntegrationEvents.AWARD_WITHDRAWN;
    }
  }

  private static String nameOf(Proposal p) {
    return p.organisationName() != null ? p.organisationName() : p.organisationCode();
  }
}
