package org.fundflow.milestone.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.fundflow.milestone.application.port.in.PerformanceEvaluationUseCase;
import org.fundflow.milestone.application.port.in.PerformanceEvaluationUseCase.EvaluateCommand;
import org.fundflow.milestone.application.port.in.PerformanceEvaluationUseCase.EvaluationSheet;
import org.fundflow.milestone.application.port.in.PerformanceEvaluationUseCase.ProgramSummary;
import org.fundflow.milestone.domain.Actor;
import org.fundflow.milestone.domain.EvidenceFile;
import org.fundflow.milestone.domain.PerformanceEvaluation;
import org.fundflow.milestone.domain.PerformanceEvaluation.Rating;
import org.fundflow.milestone.domain.PerformanceEvaluation.RatingInput;
import org.fundflow.platform.documents.DocumentResponses;
import org.fundflow.platform.documents.DocumentStore;
import org.fundflow.platform.documents.DocumentUploads;
import org.fundflow.platform.documents.StoredDocument;
import org.fundflow.platform.resilience.StoreGuard;
import org.fundflow.platform.security.Caller;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 绩效评价 (issue 17 point 6): after a CHALLENGE project completed, the program manager records the panel's rating of
 * each target indicator of the challenge with its evidence (files uploaded here first); the summary per program for
 * the bureau.
 */
@RestController
@Tag(name = "performance-evaluation", description = "绩效评价: rating a completed challenge project's target indicators")
public class PerformanceEvaluationController {

  static final String PATH = "/projects/{projectId}/performance-evaluation";

  private final PerformanceEvaluationUseCase evaluations;
  private final DocumentStore store;
  private final StoreGuard guard;

  public PerformanceEvaluationController(PerformanceEvaluationUseCase evaluations, DocumentStore store,
      StoreGuard guard) {
    this.evaluations = evaluations;
    this.store = store;
    this.guard = guard;
  }

  public record RatingBody(@NotNull @Min(0) @Max(99) Integer index, @NotNull Rating rating,
      @NotBlank @Size(max = PerformanceEvaluation.MAX_TEXT) String evidence,
      @Size(max = PerformanceEvaluation.MAX_FILES_PER_INDICATOR) List<@NotBlank @Size(max = 128) String> evidenceFileIds) {}

  public record Evaluate(@NotEmpty @Size(max = 25) List<@NotBlank @Size(max = 128) String> panelExpertIds,
      @NotEmpty @Size(max = 100) List<@Valid @NotNull RatingBody> ratings,
      @Size(max = PerformanceEvaluation.MAX_TEXT) String conclusion) {}

  public record FileView(String fileId, String name, String mediaType, long sizeBytes, String sha256,
      String uploadedBy, Instant uploadedAt, String href) {
    static FileView of(EvidenceFile f, String projectId) {
      return new FileView(f.fileId(), f.name(), f.mediaType(), f.sizeBytes(), f.sha256(), f.uploadedBy(),
          f.uploadedAt(), filesPath(projectId) + "/" + f.fileId());
    }

    static FileView of(StoredDocument d, String projectId) {
      return new FileView(d.id(), d.name(), d.mediaType(), d.sizeBytes(), d.sha256(), d.uploadedBy(), d.uploadedAt(),
          filesPath(projectId) + "/" + d.id());
    }
  }

  public record RatingView(int index, String indicator, Rating rating, String evidence, List<FileView> evidenceFiles) {}

  public record EvaluationView(String projectId, String programId, String challengeId, String organisationCode,
      String projectTitle, List<String> panelExpertIds, List<RatingView> ratings, long met, long partlyMet,
      long notMet, String conclusion, String evaluatedBy, Instant evaluatedAt) {
    static EvaluationView of(PerformanceEvaluation e) {
      return new EvaluationView(e.projectId(), e.programId(), e.challengeId(), e.organisationCode(),
          e.projectTitle(), e.panelExpertIds(), e.ratings().stream().map(r -> new RatingView(r.index(),
              r.indicator(), r.rating(), r.evidence(), r.evidenceFiles().stream()
                  .map(f -> FileView.of(f, e.projectId())).toList())).toList(),
          e.count(Rating.MET), e.count(Rating.PARTLY_MET), e.count(Rating.NOT_MET), e.conclusion(), e.evaluatedBy(),
          e.evaluatedAt());
    }
  }

  /**
   * {@code status}: NOT_EVALUABLE (not a CHALLENGE project, or its indicators unknown: {@code reason}),
   * AWAITING_COMPLETION, OPEN (completed, to be evaluated), EVALUATED ({@code evaluation}).
   */
  public record SheetView(String projectId, String programId, String challengeId, String title,
      String organisationCode, String projectStatus, String status, String reason, List<String> targetIndicators,
      EvaluationView evaluation) {
    static SheetView of(EvaluationSheet s) {
      String status = s.evaluation() != null ? "EVALUATED" : s.evaluable() ? "OPEN"
          : "project-not-completed".equals(s.notEvaluableReason()) ? "AWAITING_COMPLETION" : "NOT_EVALUABLE";
      return new SheetView(s.project().id(), s.project().programId(), s.project().challengeId(), s.project().title(),
          s.project().organisationCode(), s.project().status().name(), status,
          "NOT_EVALUABLE".equals(status) ? s.notEvaluableReason() : null, s.targetIndicators(),
          s.evaluation() == null ? null : EvaluationView.of(s.evaluation()));
    }
  }

  static String filesPath(String projectId) {
    return "/projects/" + projectId + "/performance-evaluation/evidence";
  }

  @GetMapping(PATH)
  @PreAuthorize("hasAnyRole('APPLICANT','PROGRAM_MANAGER','AUDITOR')")
  @Operation(summary = "A project's performance evaluation sheet: the challenge's target indicators, whether it can be "
      + "evaluated now, and the evaluation once recorded (applicants: own organisation's projects only)")
  public Mono<SheetView> sheet(@PathVariable String projectId, @Parameter(hidden = true) Caller caller) {
    return guard.protect(evaluations.sheet(ProjectController.actor(caller), projectId)).map(SheetView::of);
  }

  @PostMapping(PATH)
  @PreAuthorize("hasRole('PROGRAM_MANAGER')")
  @Operation(summary = "Record the panel's rating (MET, PARTLY_MET, NOT_MET) of every target indicator of a completed "
      + "CHALLENGE project, with evidence; once per project, never changed")
  public Mono<ResponseEntity<EvaluationView>> evaluate(@PathVariable String projectId,
      @Valid @RequestBody Evaluate body, @Parameter(hidden = true) Caller caller) {
    Actor actor = ProjectController.actor(caller);
    return guard.protect(Mono.defer(() -> evaluations.evaluate(new EvaluateCommand(actor, projectId,
            body.panelExpertIds(), body.ratings().stream().map(r -> new RatingInput(r.index(), r.rating(),
                r.evidence(), r.evidenceFileIds())).toList(), body.conclusion()))))
        .map(e -> ResponseEntity.created(URI.create("/projects/" + projectId + "/performance-evaluation"))
            .body(EvaluationView.of(e)));
  }

  @PostMapping(path = "/projects/{projectId}/performance-evaluation/evidence",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize("hasRole('PROGRAM_MANAGER')")
  @Operation(summary = "Upload an evidence file for the performance evaluation (multipart part 'file') before "
      + "recording it; the same type and size rules as milestone evidence")
  public Mono<ResponseEntity<FileView>> upload(@PathVariable String projectId,
      @Parameter(hidden = true) Caller caller, ServerWebExchange exchange) {
    Actor actor = ProjectController.actor(caller);
    return guard.protect(evaluations.evidenceUploadable(actor, projectId))
        .flatMap(project -> DocumentUploads.store(exchange, store, PerformanceEvaluation.owner(projectId),
                caller.subject())
            .map(stored -> ResponseEntity.created(URI.create(filesPath(projectId) + "/" + stored.id()))
                .body(FileView.of(stored, projectId))));
  }

  @GetMapping("/projects/{projectId}/performance-evaluation/evidence")
  @PreAuthorize("hasAnyRole('APPLICANT','PROGRAM_MANAGER','AUDITOR')")
  @Operation(summary = "The evaluation's files of a project (before the evaluation: those uploaded for it)")
  public Flux<FileView> files(@PathVariable String projectId, @Parameter(hidden = true) Caller caller) {
    return guard.protect(evaluations.readable(ProjectController.actor(caller), projectId)
        .flatMapMany(p -> store.list(PerformanceEvaluation.owner(projectId)).map(d -> FileView.of(d, projectId))));
  }

  @GetMapping("/projects/{projectId}/performance-evaluation/evidence/{fileId}")
  @PreAuthorize("hasAnyRole('APPLICANT','PROGRAM_MANAGER','AUDITOR')")
  @Operation(summary = "Download an evaluation file (Content-Disposition, stored type, ETag = sha-256, one range)")
  public Mono<ResponseEntity<Flux<DataBuffer>>> download(@PathVariable String projectId, @PathVariable String fileId,
      @Parameter(hidden = true) Caller caller, ServerHttpRequest request) {
    String owner = PerformanceEvaluation.owner(projectId);
    return guard.protect(evaluations.readable(ProjectController.actor(caller), projectId)
            .then(store.fileOf(owner, fileId)))
        .map(doc -> DocumentResponses.download(doc, store, request));
  }

  @GetMapping("/performance-summary")
  @PreAuthorize("hasAnyRole('PROGRAM_MANAGER','AUDITOR')")
  @Operation(summary = "绩效评价 summary per program: completed CHALLENGE projects, evaluated or not, with the counts "
      + "per rating (met, partly met, not met), per project and per program; optional programId")
  public Flux<ProgramSummary> summary(@RequestParam(required = false) String programId,
      @Parameter(hidden = true) Caller caller) {
    return guard.protect(evaluations.summary(ProjectController.actor(caller),
        programId == null || programId.isBlank() ? null : programId));
  }
}
