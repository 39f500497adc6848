package org.fundflow.intake.adapter.in.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.fundflow.intake.domain.AwardNotice;
import org.fundflow.intake.domain.Objection;
import org.fundflow.intake.domain.Proposal;

/** Requests and views of the public notice of awards (issue 17 point 2). */
public final class AwardNoticeDtos {

  private AwardNoticeDtos() {}

  public record ObjectionRequest(@NotBlank @Size(max = Objection.MAX_REASONS) String reasons) {}

  public enum Outcome { UPHOLD, DISMISS }

  public record ObjectionDecisionRequest(@NotNull Outcome outcome, @NotBlank @Size(max = 2000) String reason) {}

  /** An objection as shown to who may read the proposal: never who lodged it. */
  public record ObjectionView(String objectionId, Instant lodgedAt, String reasons, Objection.Status status,
      String decidedBy, Instant decidedAt, String decisionReason, String evidenceHref) {

    static ObjectionView of(String proposalId, Objection o) {
      return new ObjectionView(o.objectionId(), o.lodgedAt(), o.reasons(), o.status(), o.decidedBy(), o.decidedAt(),
          o.decisionReason(), "/proposals/" + proposalId + "/objections/" + o.objectionId() + "/files");
    }
  }

  /** The objection just lodged, with the proposal it concerns and when the notice ends. */
  public record LodgedView(String proposalId, Instant noticeEndsAt, ObjectionView objection) {}

  public record NoticeView(Instant startedAt, Instant endsAt, Instant finalAt, Instant withdrawnAt, String withdrawnBy,
      String withdrawalReason, List<ObjectionView> objections) {

    static NoticeView of(Proposal p) {
      AwardNotice n = p.notice();
      return n == null ? null : new NoticeView(n.startedAt(), n.endsAt(), n.finalAt(), n.withdrawnAt(),
          n.withdrawnBy(), n.withdrawalReason(), n.objections().stream().map(o -> ObjectionView.of(p.id(), o)).toList());
    }
  }

  /** One award under notice as anyone may see it: nothing personal (no people, no organisation code). */
  public record PublicNoticeView(String proposalId, String programId, String title, String organisationName,
      long awardedAmountFen, Instant awardedAt, Instant noticeEndsAt, int objectionsPending) {

    static PublicNoticeView of(Proposal p) {
      return new PublicNoticeView(p.id(), p.programId(), p.content().title(),
          p.organisationName() != null ? p.organisationName() : p.organisationCode(), p.awardedAmountFen(),
          p.decidedAt(), p.notice().endsAt(), (int) p.notice().objections().stream().filter(Objection::pending).count());
    }
  }
}
