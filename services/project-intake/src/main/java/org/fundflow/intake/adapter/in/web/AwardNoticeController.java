package org.fundflow.intake.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.fundflow.intake.adapter.in.web.AwardNoticeDtos.LodgedView;
import org.fundflow.intake.adapter.in.web.AwardNoticeDtos.ObjectionDecisionRequest;
import org.fundflow.intake.adapter.in.web.AwardNoticeDtos.ObjectionRequest;
import org.fundflow.intake.adapter.in.web.AwardNoticeDtos.ObjectionView;
import org.fundflow.intake.adapter.in.web.AwardNoticeDtos.Outcome;
import org.fundflow.intake.adapter.in.web.AwardNoticeDtos.PublicNoticeView;
import org.fundflow.intake.adapter.in.web.ProgramDtos.Page;
import org.fundflow.intake.adapter.in.web.ProposalDtos.ProposalView;
import org.fundflow.intake.adapter.in.web.ProposalFileController.FileView;
import org.fundflow.intake.application.port.in.AwardNoticeUseCase;
import org.fundflow.intake.application.port.in.Viewer;
import org.fundflow.platform.documents.DocumentResponses;
import org.fundflow.platform.documents.DocumentStore;
import org.fundflow.platform.documents.DocumentUploads;
import org.fundflow.platform.documents.StoredDocument;
import org.fundflow.platform.domain.ExpectedVersion;
import org.fundflow.platform.resilience.StoreGuard;
import org.fundflow.platform.security.Caller;
import org.fundflow.platform.web.EntityTags;
import org.fundflow.platform.web.IfMatch;
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
 * The public notice of awards (立项公示, issue 17 point 2): the public list of awards under notice (no login), the
 * objections anyone logged in may lodge (auditors change nothing, program managers decide them), their evidence
 * files, and the program manager's decision.
 */
@RestController
@Tag(name = "award notices", description = "Public notice of awards: the public list, objections and their decision")
public class AwardNoticeController {

  /** Anyone logged in, except those who decide objections (program managers) or change nothing (auditors). */
  static final String OBJECTORS = "isAuthenticated() and !hasAnyRole('AUDITOR','PROGRAM_MANAGER')";
  static final String EVIDENCE_READERS = "isAuthenticated()";

  private final AwardNoticeUseCase notices;
  private final DocumentStore store;
  private final StoreGuard guard;

  public AwardNoticeController(AwardNoticeUseCase notices, DocumentStore store, StoreGuard guard) {
    this.notices = notices;
    this.store = store;
    this.guard = guard;
  }

  @GetMapping("/public/award-notices")
  @Operation(summary = "Public, no login: the awards under notice (title, organisation name, amount, notice end; "
      + "nothing personal), keyset paging (after = nextCursor)")
  public Mono<Page<PublicNoticeView>> publicNotices(@RequestParam(required = false) String after,
      @RequestParam(defaultValue = "20") int limit) {
    int size = Math.max(1, Math.min(limit, 100));
    return guard.protect(notices.underNotice(after, size).map(PublicNoticeView::of).collectList()
        .map(items -> new Page<>(items, items.size() == size ? items.get(items.size() - 1).proposalId() : null)));
  }

  @PostMapping("/proposals/{proposalId}/objections")
  @PreAuthorize(OBJECTORS)
  @Operation(summary = "Object to an award under notice, with reasons (before the notice ends; one pending "
      + "objection per person; not by the awarded organisation's own staff)")
  public Mono<ResponseEntity<LodgedView>> lodge(@PathVariable String proposalId,
      @Valid @RequestBody ObjectionRequest body, Caller caller) {
    return guard.protect(notices.lodge(new AwardNoticeUseCase.LodgeObjectionCommand(Requests.viewer(caller),
            proposalId, body.reasons())))
        .map(l -> ResponseEntity.created(URI.create("/proposals/" + proposalId + "/objections/"
                + l.objection().objectionId()))
            .eTag(EntityTags.of(l.proposal().version()))
            .body(new LodgedView(proposalId, l.proposal().notice().endsAt(),
                ObjectionView.of(proposalId, l.objection()))));
  }

  @PostMapping("/proposals/{proposalId}/objections/{objectionId}/decision")
  @PreAuthorize(ProposalController.MANAGER)
  @Operation(summary = "Uphold (the award is withdrawn, its amount returned to the program's budget) or dismiss an "
      + "objection, with a reason; optional If-Match with the proposal's ETag")
  public Mono<ResponseEntity<ProposalView>> decide(@PathVariable String proposalId, @PathVariable String objectionId,
      @Valid @RequestBody ObjectionDecisionRequest body, Caller caller,
      @IfMatch(required = false) ExpectedVersion expected) {
    return guard.protect(notices.decide(new AwardNoticeUseCase.DecideObjectionCommand(Requests.viewer(caller),
            proposalId, objectionId, body.outcome() == Outcome.UPHOLD, body.reason(), expected)))
        .map(p -> ResponseEntity.ok().eTag(EntityTags.of(p.version())).body(ProposalView.of(p)));
  }

  @PostMapping(path = "/proposals/{proposalId}/objections/{objectionId}/files",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize(OBJECTORS)
  @Operation(summary = "The objector adds an evidence file to its pending objection (multipart part 'file'; the "
      + "same types and limits as proposal files)")
  public Mono<ResponseEntity<FileView>> upload(@PathVariable String proposalId, @PathVariable String objectionId,
      Caller caller, ServerWebExchange exchange) {
    Viewer viewer = Requests.viewer(caller);
    return guard.protect(notices.evidenceWritable(viewer, proposalId, objectionId))
        .flatMap(o -> DocumentUploads.store(exchange, store, objectionId, caller.subject()))
        .map(stored -> ResponseEntity.created(URI.create(href(proposalId, objectionId) + "/" + stored.id()))
            .body(view(proposalId, objectionId, stored)));
  }

  @GetMapping("/proposals/{proposalId}/objections/{objectionId}/files")
  @PreAuthorize(EVIDENCE_READERS)
  @Operation(summary = "An objection's evidence files: program managers, auditors and the objector")
  public Flux<FileView> evidence(@PathVariable String proposalId, @PathVariable String objectionId, Caller caller) {
    return guard.protect(readable(caller, proposalId, objectionId).thenMany(store.list(objectionId)))
        .map(d -> view(proposalId, objectionId, d));
  }

  @GetMapping("/proposals/{proposalId}/objections/{objectionId}/files/{fileId}")
  @PreAuthorize(EVIDENCE_READERS)
  @Operation(summary = "Download an evidence file (program managers, auditors, the objector)")
  public Mono<ResponseEntity<Flux<DataBuffer>>> download(@PathVariable String proposalId,
      @PathVariable String objectionId, @PathVariable String fileId, Caller caller, ServerHttpRequest request) {
    return guard.protect(readable(caller, proposalId, objectionId)
            .then(store.fileOf(objectionId, fileId)))
        .map(doc -> DocumentResponses.download(doc, store, request));
  }

  private Mono<?> readable(Caller caller, String proposalId, String objectionId) {
    boolean staff = caller.hasRole("PROGRAM_MANAGER") || caller.hasRole("AUDITOR");
    return notices.evidenceReadable(Requests.viewer(caller), staff, proposalId, objectionId);
  }

  private static String href(String proposalId, String objectionId) {
    return "/proposals/" + proposalId + "/objections/" + objectionId + "/files";
  }

  private static FileView view(String proposalId, String objectionId, StoredDocument d) {
    return new FileView(d.id(), proposalId, d.name(), d.mediaType(), d.sizeBytes(), d.sha256(), d.uploadedBy(),
        d.uploadedAt(), href(proposalId, objectionId) + "/" + d.id());
  }
}
