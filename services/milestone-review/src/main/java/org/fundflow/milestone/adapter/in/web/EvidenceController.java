package org.fundflow.milestone.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.fundflow.milestone.application.port.in.MilestoneEvidenceUseCase;
import org.fundflow.milestone.domain.Actor;
import org.fundflow.milestone.domain.EvidenceFile;
import org.fundflow.milestone.domain.MilestoneEvidence;
import org.fundflow.milestone.domain.MilestoneReport;
import org.fundflow.milestone.domain.Project;
import org.fundflow.platform.documents.DocumentResponses;
import org.fundflow.platform.documents.DocumentStore;
import org.fundflow.platform.documents.DocumentUploads;
import org.fundflow.platform.documents.StoredDocument;
import org.fundflow.platform.problem.Problems;
import org.fundflow.platform.resilience.StoreGuard;
import org.fundflow.platform.security.Caller;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Milestone evidence files (issue 15, docs/adr/0006). The project's organisation uploads evidence to a milestone
 * before it submits the report (multipart part {@code file}); the report names the file ids and freezes them. Pending
 * files are the organisation's own; a report's files are read by whoever may read the report.
 */
@RestController
@Tag(name = "evidence", description = "Milestone evidence files (stored in GridFS, streamed)")
public class EvidenceController {

  static final String READERS = "hasAnyRole('APPLICANT','PROGRAM_MANAGER','AUDITOR','EXPERT')";

  private final MilestoneEvidenceUseCase access;
  private final DocumentStore store;
  private final StoreGuard guard;

  public EvidenceController(MilestoneEvidenceUseCase access, DocumentStore store, StoreGuard guard) {
    this.access = access;
    this.store = store;
    this.guard = guard;
  }

  /** A stored evidence file; {@code reportIds}: the submitted reports that name it (empty while pending). */
  public record EvidenceFileView(String fileId, String name, String mediaType, long sizeBytes, String sha256,
      String uploadedBy, Instant uploadedAt, List<String> reportIds, String href) {

    static EvidenceFileView pending(StoredDocument d, Project p, String milestoneId) {
      List<String> reports = p.reports().stream()
          .filter(r -> r.evidenceFiles().stream().anyMatch(f -> f.fileId().equals(d.id())))
          .map(MilestoneReport::id).toList();
      return new EvidenceFileView(d.id(), d.name(), d.mediaType(), d.sizeBytes(), d.sha256(), d.uploadedBy(),
          d.uploadedAt(), reports, milestonePath(p.id(), milestoneId) + "/" + d.id());
    }

    static EvidenceFileView of(EvidenceFile f, String projectId, String reportId) {
      return new EvidenceFileView(f.fileId(), f.name(), f.mediaType(), f.sizeBytes(), f.sha256(), f.uploadedBy(),
          f.uploadedAt(), List.of(reportId), reportPath(projectId, reportId) + "/" + f.fileId());
    }
  }

  static String milestonePath(String projectId, String milestoneId) {
    return "/projects/" + projectId + "/milestones/" + milestoneId + "/evidence";
  }

  static String reportPath(String projectId, String reportId) {
    return "/projects/" + projectId + "/reports/" + reportId + "/evidence";
  }

  @PostMapping(path = "/projects/{projectId}/milestones/{milestoneId}/evidence",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize("hasRole('APPLICANT')")
  @Operation(summary = "Upload an evidence file to a milestone (multipart part 'file') before submitting its report; "
      + "pending until a report names it. Type read from the content (PDF, images, Office, CSV, ZIP; else 415), "
      + "20 MB per file and 100 MB per milestone by default (else 413)")
  public Mono<ResponseEntity<EvidenceFileView>> upload(@PathVariable String projectId, @PathVariable String milestoneId,
      @Parameter(hidden = true) Caller caller, ServerWebExchange exchange) {
    Actor actor = ProjectController.actor(caller);
    return guard.protect(access.uploadable(actor, projectId, milestoneId))
        .flatMap(project -> DocumentUploads.store(exchange, store, MilestoneEvidence.owner(projectId, milestoneId),
                caller.subject())
            .map(stored -> ResponseEntity.created(URI.create(milestonePath(projectId, milestoneId) + "/" + stored.id()))
                .body(EvidenceFileView.pending(stored, project, milestoneId))));
  }

  @GetMapping("/projects/{projectId}/milestones/{milestoneId}/evidence")
  @PreAuthorize("hasRole('APPLICANT')")
  @Operation(summary = "The organisation's evidence files of a milestone, pending and submitted (reportIds), oldest first")
  public Flux<EvidenceFileView> listMilestone(@PathVariable String projectId, @PathVariable String milestoneId,
      @Parameter(hidden = true) Caller caller) {
    return guard.protect(access.ownMilestone(ProjectController.actor(caller), projectId, milestoneId)
        .flatMapMany(p -> store.list(MilestoneEvidence.owner(projectId, milestoneId))
            .map(d -> EvidenceFileView.pending(d, p, milestoneId))));
  }

  @GetMapping("/projects/{projectId}/milestones/{milestoneId}/evidence/{fileId}")
  @PreAuthorize("hasRole('APPLICANT')")
  @Operation(summary = "Download one of the organisation's evidence files of a milestone (Content-Disposition, stored "
      + "type, ETag = sha-256, one byte range -> 206)")
  public Mono<ResponseEntity<Flux<DataBuffer>>> downloadMilestone(@PathVariable String projectId,
      @PathVariable String milestoneId, @PathVariable String fileId, @Parameter(hidden = true) Caller caller,
      ServerHttpRequest request) {
    return guard.protect(access.ownMilestone(ProjectController.actor(caller), projectId, milestoneId)
            .then(store.fileOf(MilestoneEvidence.owner(projectId, milestoneId), fileId)))
        .map(doc -> DocumentResponses.download(doc, store, request));
  }

  @DeleteMapping("/projects/{projectId}/milestones/{milestoneId}/evidence/{fileId}")
  @PreAuthorize("hasRole('APPLICANT')")
  @Operation(summary = "Remove a pending evidence file (409 evidence-frozen once a submitted report names it)")
  public Mono<ResponseEntity<Void>> delete(@PathVariable String projectId, @PathVariable String milestoneId,
      @PathVariable String fileId, @Parameter(hidden = true) Caller caller) {
    return guard.protect(access.removable(ProjectController.actor(caller), projectId, milestoneId, fileId)
            .then(store.fileOf(MilestoneEvidence.owner(projectId, milestoneId), fileId)))
        .flatMap(doc -> store.delete(doc.id()))
        .thenReturn(ResponseEntity.noContent().build());
  }

  @GetMapping("/projects/{projectId}/reports/{reportId}/evidence")
  @PreAuthorize(READERS)
  @Operation(summary = "A submitted report's evidence files with who added them and when (readable as the report: "
      + "experts once assigned and declared no conflict)")
  public Flux<EvidenceFileView> listReport(@PathVariable String projectId, @PathVariable String reportId,
      @Parameter(hidden = true) Caller caller) {
    return guard.protect(access.report(ProjectController.actor(caller), projectId, reportId)
        .flatMapIterable(MilestoneReport::evidenceFiles)
        .map(f -> EvidenceFileView.of(f, projectId, reportId)));
  }

  @GetMapping("/projects/{projectId}/reports/{reportId}/evidence/{fileId}")
  @PreAuthorize(READERS)
  @Operation(summary = "Download a submitted report's evidence file: Content-Disposition attachment (UTF-8 filename*), "
      + "stored type, ETag = sha-256, one byte range (206)")
  public Mono<ResponseEntity<Flux<DataBuffer>>> downloadReport(@PathVariable String projectId,
      @PathVariable String reportId, @PathVariable String fileId, @Parameter(hidden = true) Caller caller,
      ServerHttpRequest request) {
    return guard.protect(access.readable(ProjectController.actor(caller), projectId, reportId, fileId)
            .flatMap(f -> store.find(f.fileId())
                .switchIfEmpty(Mono.error(() -> Problems.notFound("File", fileId)))))
        .map(doc -> DocumentResponses.download(doc, store, request));
  }
}
