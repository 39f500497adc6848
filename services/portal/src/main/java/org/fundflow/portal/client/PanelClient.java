package org.fundflow.portal.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fundflow.portal.client.IntakeClient.Page;
import org.fundflow.portal.config.ClientsConfig.ServiceClients;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** milestone-review's API as a program manager uses it: projects, reports, expert search and panels. */
@Component
public class PanelClient {

  private final ServiceClient client;

  public PanelClient(ServiceClients clients) {
    this.client = clients.get(MilestoneClient.SERVICE);
  }

  public Mono<ProjectDetail> project(String projectId) {
    return client.get(u -> u.path("/projects/{id}").build(projectId), ProjectDetail.class);
  }

  public Mono<ReportDetail> report(String projectId, String reportId) {
    return client.get(u -> u.path("/projects/{p}/reports/{r}").build(projectId, reportId), ReportDetail.class);
  }

  /** One page of the expert search ({@code GET /experts?q=&after=&limit=}). */
  public Mono<Page<Expert>> experts(String text, String after, int limit) {
    return client.get(u -> u.path("/experts").queryParamIfPresent("q", Optional.ofNullable(text))
        .queryParamIfPresent("after", Optional.ofNullable(after)).queryParam("limit", limit).build(),
        new ParameterizedTypeReference<Page<Expert>>() {});
  }

  public Mono<Expert> expert(String expertId) {
    return client.get(u -> u.path("/experts/{id}").build(expertId), Expert.class);
  }

  /** 立项评审: a proposal's review as the program manager sees it (panel, who declared and scored, the result). */
  public Mono<ProposalReview> proposalReview(String proposalId) {
    return client.get(u -> u.path("/proposal-reviews/{id}").build(proposalId), ProposalReview.class);
  }

  /** Forms a proposal's review panel; milestone-review decides whether it may (size, odd, conflicts). */
  public Mono<ProposalReview> formReviewPanel(String proposalId, List<String> expertIds) {
    return client.send(HttpMethod.POST, u -> u.path("/proposal-reviews/{id}/panel").build(proposalId),
        Map.of("expertIds", expertIds), Map.of(), ProposalReview.class);
  }

  /** Fills the seat an expert left by declaring a conflict (回避); milestone-review decides whether it may. */
  public Mono<ProposalReview> fillReviewSeat(String proposalId, String expertId) {
    return client.send(HttpMethod.POST, u -> u.path("/proposal-reviews/{id}/panel/experts").build(proposalId),
        Map.of("expertId", expertId), Map.of(), ProposalReview.class);
  }

  /** The same for a milestone report's panel. */
  public Mono<ReportDetail> fillSeat(String projectId, String reportId, String expertId) {
    return client.send(HttpMethod.POST,
        u -> u.path("/projects/{p}/reports/{r}/panel/experts").build(projectId, reportId),
        Map.of("expertId", expertId), Map.of(), ReportDetail.class);
  }

  public record ReviewSeat(String expertId, String expertOrganisationCode, boolean declaredNoConflict,
      boolean scored) {}

  public record ReviewResult(String score, List<Integer> totalsUsed, List<Integer> totalsDropped, String explanation,
      Instant reviewedAt) {
    /** How many experts' totals decided: those used and those dropped. */
    public int panelSize() {
      return (totalsUsed == null ? 0 : totalsUsed.size()) + (totalsDropped == null ? 0 : totalsDropped.size());
    }
  }

  /** {@code status}: AWAITING_PANEL, IN_REVIEW or REVIEWED. */
  public record ProposalReview(String proposalId, String programId, String organisationName, String title,
      String status, Integer panelSize, List<ReviewSeat> panel, List<Recusal> recusedExperts, ReviewResult result,
      Instant screenedAt) {
    public ProposalReview {
      panel = panel == null ? List.of() : panel;
      recusedExperts = recusedExperts == null ? List.of() : recusedExperts;
    }

    /** Seats left free by experts who declared a conflict, while the review is open. */
    public int vacantSeats() {
      return "IN_REVIEW".equals(status) && panelSize != null ? Math.max(0, panelSize - panel.size()) : 0;
    }
  }

  public Mono<ReportDetail> formPanel(String projectId, String reportId, List<String> expertIds, String idempotencyKey) {
    return client.send(HttpMethod.POST, u -> u.path("/projects/{p}/reports/{r}/panel").build(projectId, reportId),
        Map.of("expertIds", expertIds), java.util.Collections.singletonMap("Idempotency-Key", idempotencyKey),
        ReportDetail.class);
  }

  public record Expert(String expertId, String name, String organisationCode, String maskedId,
      List<String> declaredConflicts) {}

  public record MilestoneView(String milestoneId, int sequence, String title, LocalDate dueDate, int tranchePercent,
      String status) {}

  public record ReportSummary(String reportId, String milestoneId, int attempt, String status, String outcome,
      Instant submittedAt) {}

  public record ProjectDetail(String projectId, String proposalId, String programId, String organisationCode,
      String organisationName, String title, long awardedAmountFen, String status, String terminationReason,
      String suspensionReason, boolean onHold, List<MilestoneView> milestones, List<ReportSummary> reports,
      Instant awardedAt) {
    public ProjectDetail {
      milestones = milestones == null ? List.of() : milestones;
      reports = reports == null ? List.of() : reports;
    }

    /** The milestone's title as milestone-review knows it; its id when the project has no such milestone. */
    public String milestoneTitle(String milestoneId) {
      return milestones.stream().filter(m -> m.milestoneId().equals(milestoneId)).map(MilestoneView::title)
          .filter(t -> t != null && !t.isBlank()).findFirst().orElse(milestoneId);
    }
  }

  public record Evaluation(int total, String recommendation) {}

  public record Seat(String expertId, String expertOrganisationCode, boolean declaredNoConflict, boolean scored,
      Evaluation evaluation) {}

  public record Recusal(String expertId, String reason, Instant declaredAt) {}

  public record Decision(String outcome, BigDecimal meanScore, List<Integer> totalsUsed, List<Integer> totalsDropped,
      String rule, Instant rectifyBy, Instant decidedAt) {
    /** How many experts' totals decided: those used and those dropped. */
    public int panelSize() {
      return (totalsUsed == null ? 0 : totalsUsed.size()) + (totalsDropped == null ? 0 : totalsDropped.size());
    }
  }

  public record ReportDetail(String reportId, String projectId, String milestoneId, int attempt, String status,
      List<String> deliverablesMet, long spendingToDateFen, Instant submittedAt, Integer panelSize, List<Seat> panel,
      List<Recusal> recusedExperts, Decision decision) {
    public ReportDetail {
      panel = panel == null ? List.of() : panel;
      recusedExperts = recusedExperts == null ? List.of() : recusedExperts;
    }

    /** Seats left free by experts who declared a conflict, until the report is decided. */
    public int vacantSeats() {
      return "UNDER_REVIEW".equals(status) && panelSize != null ? Math.max(0, panelSize - panel.size()) : 0;
    }
  }
}
