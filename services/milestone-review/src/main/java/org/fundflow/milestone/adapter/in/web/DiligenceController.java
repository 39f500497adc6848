package org.fundflow.milestone.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.fundflow.milestone.application.port.in.AssessDiligenceUseCase;
import org.fundflow.milestone.application.port.in.AssessDiligenceUseCase.AssessDiligenceCommand;
import org.fundflow.milestone.domain.Actor;
import org.fundflow.milestone.domain.DiligenceAssessment;
import org.fundflow.platform.resilience.StoreGuard;
import org.fundflow.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** 尽职免责 (issue 17 point 3): the program manager's diligence assessment of a failed review or a termination. */
@RestController
@RequestMapping("/projects/{projectId}/diligence-assessments")
@Tag(name = "diligence", description = "尽职免责: diligence assessments of failed milestone reviews and terminations")
public class DiligenceController {

  private final AssessDiligenceUseCase diligence;
  private final StoreGuard store;

  public DiligenceController(AssessDiligenceUseCase diligence, StoreGuard store) {
    this.diligence = diligence;
    this.store = store;
  }

  /**
   * {@code reportId}: the FAILED report assessed; left out, the project's termination. {@code evidenceRefs}: stored
   * evidence file ids or document numbers the assessment rests on (optional).
   */
  public record AssessDiligence(@Size(max = 128) String reportId, @NotNull Boolean diligent,
      @NotNull Boolean misconduct, @NotBlank @Size(max = DiligenceAssessment.MAX_EXPLANATION) String explanation,
      @Size(max = DiligenceAssessment.MAX_EVIDENCE_REFS) List<@NotBlank @Size(max = 128) String> evidenceRefs) {}

  public record AssessmentView(String assessmentId, String projectId, String milestoneId, String reportId,
      boolean terminating, boolean diligent, boolean misconduct, boolean exempts, String explanation,
      List<String> evidenceRefs, String assessedBy, Instant assessedAt) {
    static AssessmentView of(DiligenceAssessment a) {
      return new AssessmentView(a.id(), a.projectId(), a.milestoneId(), a.reportId(), a.terminating(), a.diligent(),
          a.misconduct(), a.exempts(), a.explanation(), a.evidenceRefs(), a.assessedBy(), a.assessedAt());
    }
  }

  @PostMapping
  @PreAuthorize("hasRole('PROGRAM_MANAGER')")
  @Operation(summary = "Record whether the team performed its duties diligently (尽职免责) after a FAILED review or on "
      + "termination; once per failed review and once per termination")
  public Mono<ResponseEntity<AssessmentView>> assess(@PathVariable String projectId,
      @Valid @RequestBody AssessDiligence body, @Parameter(hidden = true) Caller caller) {
    Actor actor = ProjectController.actor(caller);
    return store.protect(Mono.defer(() -> diligence.assess(new AssessDiligenceCommand(actor, projectId,
            body.reportId() == null || body.reportId().isBlank() ? null : body.reportId(), body.diligent(),
            body.misconduct(), body.explanation(), body.evidenceRefs()))))
        .map(a -> ResponseEntity.created(URI.create("/projects/" + projectId + "/diligence-assessments"))
            .body(AssessmentView.of(a)));
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('APPLICANT','PROGRAM_MANAGER','AUDITOR')")
  @Operation(summary = "The diligence assessments of a project (applicants: own organisation's projects only)")
  public Flux<AssessmentView> list(@PathVariable String projectId, @Parameter(hidden = true) Caller caller) {
    return store.protect(diligence.assessments(ProjectController.actor(caller), projectId)).map(AssessmentView::of);
  }
}
