package org.fundflow.portal.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fundflow.portal.client.IntakeClient.Page;
import org.fundflow.portal.config.ClientsConfig.ServiceClients;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * milestone-review's API as an expert uses it: its assignments ({@code GET /assignments}), the 回避 declaration, the
 * report with its evidence files (readable once it declared no conflict), and its evaluation (a correction replaces
 * it until the panel closes). What the expert may see (never another expert's scores before the decision) is the
 * service's decision: these records only read what it answers.
 */
@Component
public class ExpertClient {

  private final ServiceClient client;

  public ExpertClient(ServiceClients clients) {
    this.client = clients.get(MilestoneClient.SERVICE);
  }

  /**
   * One page of the reports the logged-in expert sits on (a conflict it declared takes it off), keyset-paged by the
   * service ({@code after} = the previous page's {@code nextCursor}).
   */
  public Mono<Page<Assignment>> assignments(String after, int limit) {
    return client.get(u -> u.path("/assignments").queryParamIfPresent("after", Optional.ofNullable(after))
        .queryParam("limit", limit).build(), new ParameterizedTypeReference<Page<Assignment>>() {});
  }

  /** The expert's assignment on one report: its seat, or the conflict it declared on it ({@code recused}). */
  public Mono<Assignment> assignment(String projectId, String reportId) {
    return client.get(u -> u.path("/projects/{p}/reports/{r}/assignment").build(projectId, reportId), Assignment.class);
  }

  public Mono<Report> report(String projectId, String reportId) {
    return client.get(u -> u.path("/projects/{p}/reports/{r}").build(projectId, reportId), Report.class);
  }

  /** 回避声明; the answer (the report, or nothing when the expert left the panel) is not needed by the page. */
  public Mono<Void> declare(String projectId, String reportId, boolean conflict, String reason) {
    java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("conflict", conflict);
    if (reason != null && !reason.isBlank()) {
      body.put("reason", reason.strip());
    }
    return client.send(HttpMethod.POST, u -> u.path("/projects/{p}/reports/{r}/declaration").build(projectId, reportId),
        body, Map.of(), String.class).then();
  }

  public Mono<Report> evaluate(String projectId, String reportId, EvaluationRequest evaluation) {
    return client.send(HttpMethod.PUT, u -> u.path("/projects/{p}/reports/{r}/evaluation").build(projectId, reportId),
        evaluation, Map.of(), Report.class);
  }

  /** An evidence file of the report, streamed as the service sends it (type, Content-Disposition, length, ETag). */
  public Mono<ResponseEntity<Flux<DataBuffer>>> evidence(String projectId, String reportId, String fileId,
      HttpHeaders request) {
    return client.download(u -> u.path("/projects/{p}/reports/{r}/evidence/{f}").build(projectId, reportId, fileId),
        request);
  }

  // ------------------------------------------------------------ 立项评审: proposal reviews before award (issue 17)

  /** The proposal reviews the logged-in expert sits on ({@code GET /review-assignments}). */
  public Mono<List<ReviewAssignment>> reviewAssignments() {
    return client.get(u -> u.path("/review-assignments").build(),
        new ParameterizedTypeReference<List<ReviewAssignment>>() {});
  }

  /** The proposal and its review, readable once the expert declared no conflict. */
  public Mono<ProposalReview> proposalReview(String proposalId) {
    return client.get(u -> u.path("/proposal-reviews/{p}").build(proposalId), ProposalReview.class);
  }

  public Mono<Void> declareOnReview(String proposalId, boolean conflict, String reason) {
    java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("conflict", conflict);
    if (reason != null && !reason.isBlank()) {
      body.put("reason", reason.strip());
    }
    return client.send(HttpMethod.POST, u -> u.path("/proposal-reviews/{p}/declaration").build(proposalId), body,
        Map.of(), String.class).then();
  }

  /** One score per rubric criterion, in the rubric's order; milestone-review checks each against its weight. */
  public Mono<ProposalReview> scoreProposal(String proposalId, List<Integer> criterionScores, String comments) {
    java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("criterionScores", criterionScores);
    if (comments != null && !comments.isBlank()) {
      body.put("comments", comments.strip());
    }
    return client.send(HttpMethod.PUT, u -> u.path("/proposal-reviews/{p}/evaluation").build(proposalId), body,
        Map.of(), ProposalReview.class);
  }

  public record ReviewAssignment(String proposalId, String programId, String title, String status,
      boolean declaredNoConflict, boolean scored) {}

  public record Criterion(String name, int weight) {}

  public record ReviewEvaluation(List<Integer> criterionScores, int total, String comments, Instant submittedAt) {}

  public record ReviewSeat(String expertId, String expertOrganisationCode, boolean declaredNoConflict, boolean scored,
      ReviewEvaluation evaluation) {}

  public record ReviewResult(String score, List<Integer> totalsUsed, List<Integer> totalsDropped, String explanation,
      Instant reviewedAt) {
    /** How many experts' totals decided: those used and those dropped. */
    public int panelSize() {
      return (totalsUsed == null ? 0 : totalsUsed.size()) + (totalsDropped == null ? 0 : totalsDropped.size());
    }
  }

  public record ProposalReview(String proposalId, String programId, String programKind, String challengeId,
      String organisationCode, String organisationName, String title, String abstractText, long requestedAmountFen,
      List<Criterion> rubric, String status, Integer panelSize, List<ReviewSeat> panel,
      ReviewEvaluation myEvaluation, ReviewResult result, Instant screenedAt) {
    public ProposalReview {
      rubric = rubric == null ? List.of() : rubric;
      panel = panel == null ? List.of() : panel;
    }

    public boolean reviewed() {
      return result != null;
    }
  }

  public record Assignment(String projectId, String projectTitle, String reportId, String milestoneId,
      String milestoneTitle, int attempt, String reportStatus, boolean declaredNoConflict, boolean scored,
      boolean recused, Instant recusedAt) {

    /** The milestone as milestone-review names it (its id only when it has no title). */
    public String milestoneName() {
      return milestoneTitle == null || milestoneTitle.isBlank() ? milestoneId : milestoneTitle;
    }

    public boolean decided() {
      return "DECIDED".equals(reportStatus);
    }
  }

  public record Evidence(String name, String sha256) {}

  public record EvidenceFile(String fileId, String name, String mediaType, long sizeBytes, String sha256,
      Instant uploadedAt) {}

  public record Evaluation(int deliverables, int technicalQuality, int budgetExecution, int management, int total,
      String recommendation, String comments, Instant submittedAt) {}

  public record Seat(String expertId, String expertOrganisationCode, boolean declaredNoConflict, boolean scored,
      Evaluation evaluation) {}

  public record Decision(String outcome, BigDecimal meanScore, List<Integer> totalsUsed, List<Integer> totalsDropped,
      String rule, Instant rectifyBy, Instant decidedAt) {
    /** How many experts' totals decided: those used and those dropped. */
    public int panelSize() {
      return (totalsUsed == null ? 0 : totalsUsed.size()) + (totalsDropped == null ? 0 : totalsDropped.size());
    }
  }

  public record Report(String reportId, String projectId, String milestoneId, int attempt, String status,
      List<String> deliverablesMet, List<Evidence> evidence, long spendingToDateFen, Instant submittedAt,
      Integer panelSize, List<Seat> panel, Evaluation myEvaluation, Decision decision, List<EvidenceFile> evidenceFiles) {
    public Report {
      deliverablesMet = deliverablesMet == null ? List.of() : deliverablesMet;
      evidence = evidence == null ? List.of() : evidence;
      panel = panel == null ? List.of() : panel;
      evidenceFiles = evidenceFiles == null ? List.of() : evidenceFiles;
    }

    public boolean decided() {
      return decision != null;
    }
  }

  /** The rubric as milestone-review takes it: 0-40, 0-30, 0-20, 0-10, a recommendation, one comments text. */
  public record EvaluationRequest(Integer deliverables, Integer technicalQuality, Integer budgetExecution,
      Integer management, String recommendation, String comments) {}
}
