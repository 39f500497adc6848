package org.fundflow.portal.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.fundflow.portal.config.ClientsConfig.ServiceClients;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** milestone-review's REST API as the portal reads it. */
@Component
public class MilestoneClient {

  public static final String SERVICE = "milestone-review";

  private final ServiceClient client;

  public MilestoneClient(ServiceClients clients) {
    this.client = clients.get(SERVICE);
  }

  /** The caller's projects. The service does not page this list yet: the portal shows the first {@code limit}. */
  /** The first {@code limit} projects the user may see, newest award first. */
  public Mono<List<Project>> projects(int limit) {
    return projects(null, limit).map(ProjectPage::items);
  }

  /** One page of the projects the user may see, newest award first, after the previous page's nextCursor. */
  public Mono<ProjectPage> projects(String after, int limit) {
    return client.get(u -> u.path("/projects").queryParamIfPresent("after", java.util.Optional.ofNullable(after))
        .queryParam("limit", limit).build(), ProjectPage.class);
  }

  public record ProjectPage(List<Project> items, String nextCursor) {
    public ProjectPage {
      items = items == null ? List.of() : items;
    }
  }

  public record Project(String projectId, String proposalId, String title, long awardedAmountFen, String status,
      boolean onHold, Instant awardedAt) {}

  /** One project with its milestone plan and reports; another organisation's is a 404. */
  public Mono<ProjectDetail> project(String projectId) {
    return client.get(u -> u.path("/projects/{id}").build(projectId), ProjectDetail.class);
  }

  /** A report on the next due milestone; the same key and body again are the same report (a double click). */
  public Mono<ReportSummary> submitReport(String projectId, String idempotencyKey, ReportRequest report) {
    return client.send(HttpMethod.POST, u -> u.path("/projects/{id}/reports").build(projectId), report,
        Map.of("Idempotency-Key", idempotencyKey), ReportSummary.class);
  }

  public record ProjectDetail(String projectId, String proposalId, String programKind, String organisationName,
      String title, long awardedAmountFen, String status, String terminationReason, String suspensionReason, boolean onHold,
      String nextDueMilestoneId, List<ProjectMilestone> milestones, List<ReportSummary> reports, Instant awardedAt,
      Instant closedAt) {
    public ProjectDetail {
      milestones = milestones == null ? List.of() : milestones;
      reports = reports == null ? List.of() : reports;
    }

    public ProjectMilestone nextDue() {
      return milestones.stream().filter(m -> m.milestoneId().equals(nextDueMilestoneId)).findFirst().orElse(null);
    }

    /**
     * Whether milestone-review takes a report on the next due milestone now (open, overdue, or to rectify); not while
     * the report sent is under review or its acceptance waits for a hold to end.
     */
    public boolean awaitingReport() {
      ProjectMilestone next = nextDue();
      return next != null && REPORTABLE.contains(next.status());
    }

    /** The latest report sent on the milestone, or null. */
    public ReportSummary lastReportOn(String milestoneId) {
      return reports.stream().filter(r -> r.milestoneId().equals(milestoneId) && r.submittedAt() != null)
          .max(java.util.Comparator.comparing(ReportSummary::submittedAt)).orElse(null);
    }

    private static final java.util.Set<String> REPORTABLE = java.util.Set.of("OPEN", "OVERDUE", "RECTIFYING");
  }

  public record ProjectMilestone(String milestoneId, int sequence, String title, List<String> deliverables,
      LocalDate dueDate, int tranchePercent, String status, Instant rectifyBy, Instant acceptedAt) {}

  public record ReportSummary(String reportId, String milestoneId, int attempt, String status, String outcome,
      Instant submittedAt) {}

  public record Evidence(String name, String sha256) {}

  public record ReportRequest(String milestoneId, List<String> deliverablesMet, List<Evidence> evidence,
      Long spendingToDateFen, List<String> evidenceFileIds) {}

  // ---------------------------------------------------------------- evidence files (issue 15, docs/adr/0006)

  /** A stored evidence file: who added it and when; {@code reportIds} the reports that name it (empty: pending). */
  public record EvidenceFile(String fileId, String name, String mediaType, long sizeBytes, String sha256,
      String uploadedBy, Instant uploadedAt, List<String> reportIds, String href) {
    public EvidenceFile {
      reportIds = reportIds == null ? List.of() : reportIds;
    }

    public boolean pending() {
      return reportIds.isEmpty();
    }
  }

  /** The milestone's files, pending and named (the organisation's own). */
  public Mono<List<EvidenceFile>> milestoneEvidence(String projectId, String milestoneId) {
    return client.get(u -> u.path("/projects/{p}/milestones/{m}/evidence").build(projectId, milestoneId),
        new ParameterizedTypeReference<List<EvidenceFile>>() {});
  }

  /** Streams the browser's file part through to the service; it stays pending until a report names it. */
  public Mono<EvidenceFile> uploadEvidence(String projectId, String milestoneId,
      org.springframework.http.codec.multipart.FilePart file) {
    return client.uploadFile(u -> u.path("/projects/{p}/milestones/{m}/evidence").build(projectId, milestoneId), file,
        EvidenceFile.class);
  }

  /** Removes a pending file (409 {@code evidence-frozen} once a report names it). */
  public Mono<Void> deleteEvidence(String projectId, String milestoneId, String fileId) {
    return client.delete(u -> u.path("/projects/{p}/milestones/{m}/evidence/{f}").build(projectId, milestoneId, fileId));
  }

  /** The files a submitted report names, with who added them and when. */
  public Mono<List<EvidenceFile>> reportEvidence(String projectId, String reportId) {
    return client.get(u -> u.path("/projects/{p}/reports/{r}/evidence").build(projectId, reportId),
        new ParameterizedTypeReference<List<EvidenceFile>>() {});
  }

  public Mono<org.springframework.http.ResponseEntity<reactor.core.publisher.Flux<org.springframework.core.io.buffer.DataBuffer>>>
      downloadReportEvidence(String projectId, String reportId, String fileId, org.springframework.http.HttpHeaders request) {
    return client.download(u -> u.path("/projects/{p}/reports/{r}/evidence/{f}").build(projectId, reportId, fileId),
        request);
  }

  public Mono<org.springframework.http.ResponseEntity<reactor.core.publisher.Flux<org.springframework.core.io.buffer.DataBuffer>>>
      downloadMilestoneEvidence(String projectId, String milestoneId, String fileId,
          org.springframework.http.HttpHeaders request) {
    return client.download(u -> u.path("/projects/{p}/milestones/{m}/evidence/{f}").build(projectId, milestoneId,
        fileId), request);
  }

  // ---------------------------------------------------------------- post-award management (issue 17 point 5)

  /** The program manager's step on a project: {@code suspension}, {@code resumption} or {@code termination}. */
  public enum ProjectAction { SUSPENSION, RESUMPTION, TERMINATION;
    public String path() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public record Reason(String reason) {}

  /** Suspends, resumes or terminates the project with the manager's reason (the service keeps it in the history). */
  public Mono<ProjectDetail> decide(String projectId, ProjectAction action, String reason) {
    return client.send(HttpMethod.POST, u -> u.path("/projects/{id}/" + action.path()).build(projectId),
        new Reason(reason), Map.of(), ProjectDetail.class);
  }

  public record BudgetLine(String category, long amountFen) {}

  /** A change request as milestone-review shows it; {@code status} PENDING, APPROVED or REFUSED. */
  public record ChangeRequest(String changeRequestId, String kind, String milestoneId, LocalDate newDueDate,
      List<BudgetLine> budgetLines, List<String> teamOrganisationCodes, String justification, String requestedBy,
      Instant requestedAt, String status, String decidedBy, Instant decidedAt, String decisionReason) {
    public ChangeRequest {
      budgetLines = budgetLines == null ? List.of() : budgetLines;
      teamOrganisationCodes = teamOrganisationCodes == null ? List.of() : teamOrganisationCodes;
    }

    public boolean pending() {
      return "PENDING".equals(status);
    }
  }

  /** One step of the project's history: who ({@code by}), when, what ({@code action}), why. */
  public record HistoryEntry(Instant at, String by, String action, String reason, String subjectId, String detail) {}

  public record History(String projectId, String status, List<HistoryEntry> history,
      List<ChangeRequest> changeRequests) {
    public History {
      history = history == null ? List.of() : history;
      changeRequests = changeRequests == null ? List.of() : changeRequests;
    }
  }

  public Mono<History> history(String projectId) {
    return client.get(u -> u.path("/projects/{id}/history").build(projectId), History.class);
  }

  /** What the applicant asks: the fields of its {@code kind} (the others null); checked by milestone-review. */
  public record ChangeRequestBody(String kind, String milestoneId, LocalDate newDueDate, List<BudgetLine> budgetLines,
      List<String> teamOrganisationCodes, String justification) {}

  public Mono<ChangeRequest> requestChange(String projectId, ChangeRequestBody body) {
    return client.send(HttpMethod.POST, u -> u.path("/projects/{id}/change-requests").build(projectId), body,
        Map.of(), ChangeRequest.class);
  }

  public record ChangeDecision(Boolean approve, String reason) {}

  public Mono<ChangeRequest> decideChange(String projectId, String changeRequestId, boolean approve, String reason) {
    return client.send(HttpMethod.POST,
        u -> u.path("/projects/{id}/change-requests/{cr}/decision").build(projectId, changeRequestId),
        new ChangeDecision(approve, reason), Map.of(), ChangeRequest.class);
  }

  // ---------------------------------------------------------------- diligence (尽职免责, issue 17 point 3)

  public record Assessment(String assessmentId, String projectId, String milestoneId, String reportId,
      boolean terminating, boolean diligent, boolean misconduct, boolean exempts, String explanation,
      List<String> evidenceRefs, String assessedBy, Instant assessedAt) {
    public Assessment {
      evidenceRefs = evidenceRefs == null ? List.of() : evidenceRefs;
    }
  }

  /** {@code reportId} the FAILED report; null: the project's termination. */
  public record AssessDiligence(String reportId, Boolean diligent, Boolean misconduct, String explanation,
      List<String> evidenceRefs) {}

  public Mono<List<Assessment>> assessments(String projectId) {
    return client.get(u -> u.path("/projects/{id}/diligence-assessments").build(projectId),
        new ParameterizedTypeReference<List<Assessment>>() {});
  }

  public Mono<Assessment> assess(String projectId, AssessDiligence body) {
    return client.send(HttpMethod.POST, u -> u.path("/projects/{id}/diligence-assessments").build(projectId), body,
        Map.of(), Assessment.class);
  }
}
