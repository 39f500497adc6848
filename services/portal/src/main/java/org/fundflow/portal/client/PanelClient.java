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
      String rule, Instant rectifyBy, Instant decidedAt) {}

  public record ReportDetail(String reportId, String projectId, String milestoneId, int attempt, String status,
      List<String> deliverablesMet, long spendingToDateFen, Instant submittedAt, Integer panelSize, List<Seat> panel,
      List<Recusal> recusedExperts, Decision decision) {
    public ReportDetail {
      panel = panel == null ? List.of() : panel;
      recusedExperts = recusedExperts == null ? List.of() : recusedExperts;
    }
  }
}
