package org.fundflow.intake.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import org.fundflow.intake.application.port.in.RewardClaimsUseCase;
import org.fundflow.intake.application.port.in.Viewer;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A reward claim's evidence (the recognition certificate etc.) through intake's documents API: uploaded to a DRAFT
 * by an applicant of its organisation (multipart part {@code file}), listed and downloaded by whoever may read the
 * claim. Files are never removed or replaced once submitted.
 */
@RestController
@Tag(name = "reward claim files", description = "Evidence attached to reward claims (GridFS, streamed)")
public class RewardClaimFileController {

  private final RewardClaimsUseCase claims;
  private final DocumentStore store;
  private final StoreGuard guard;

  public RewardClaimFileController(RewardClaimsUseCase claims, DocumentStore store, StoreGuard guard) {
    this.claims = claims;
    this.store = store;
    this.guard = guard;
  }

  public record EvidenceView(String fileId, String claimId, String name, String mediaType, long sizeBytes,
      String sha256, String uploadedBy, Instant uploadedAt, String href) {

    static EvidenceView of(StoredDocument d) {
      return new EvidenceView(d.id(), d.ownerId(), d.name(), d.mediaType(), d.sizeBytes(), d.sha256(), d.uploadedBy(),
          d.uploadedAt(), "/reward-claims/" + d.ownerId() + "/files/" + d.id());
    }
  }

  @PostMapping(path = "/reward-claims/{claimId}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize(ProposalController.APPLICANT)
  @Operation(summary = "Attach an evidence document to a DRAFT reward claim (multipart part 'file'); type read "
      + "from the content (PDF, images, Office, CSV, ZIP; else 415), 20 MB per file by default (else 413)")
  public Mono<ResponseEntity<EvidenceView>> upload(@PathVariable String claimId, Caller caller,
      ServerWebExchange exchange) {
    Viewer viewer = Requests.viewer(caller);
    return guard.protect(claims.evidenceChangeable(viewer, claimId))
        // a submission that raced the upload: the file is not part of what was submitted, so it does not stay
        .flatMap(draft -> DocumentUploads.storeWhileAttachable(exchange, store, claimId, caller.subject(),
            () -> claims.evidenceChangeable(viewer, claimId)))
        .map(stored -> ResponseEntity.created(URI.create("/reward-claims/" + claimId + "/files/" + stored.id()))
            .body(EvidenceView.of(stored)));
  }

  @GetMapping("/reward-claims/{claimId}/files")
  @PreAuthorize(ProposalController.READERS)
  @Operation(summary = "The claim's evidence with who added it and when (readable as the claim)")
  public Flux<EvidenceView> list(@PathVariable String claimId, Caller caller) {
    return guard.protect(claims.get(Requests.viewer(caller), claimId).thenMany(store.list(claimId)))
        .map(EvidenceView::of);
  }

  @GetMapping("/reward-claims/{claimId}/files/{fileId}")
  @PreAuthorize(ProposalController.READERS)
  @Operation(summary = "Download an evidence file: Content-Disposition attachment (UTF-8 filename*), stored type, "
      + "ETag = sha-256, one byte range (206)")
  public Mono<ResponseEntity<Flux<DataBuffer>>> download(@PathVariable String claimId, @PathVariable String fileId,
      Caller caller, ServerHttpRequest request) {
    return guard.protect(claims.get(Requests.viewer(caller), claimId).then(store.fileOf(claimId, fileId)))
        .map(doc -> DocumentResponses.download(doc, store, request));
  }
}
