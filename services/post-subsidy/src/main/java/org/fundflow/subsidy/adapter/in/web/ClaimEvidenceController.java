package org.fundflow.subsidy.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import org.fundflow.platform.documents.DocumentResponses;
import org.fundflow.platform.documents.DocumentStore;
import org.fundflow.platform.documents.DocumentUploads;
import org.fundflow.platform.documents.StoredDocument;
import org.fundflow.platform.resilience.StoreGuard;
import org.fundflow.platform.security.Caller;
import org.fundflow.subsidy.application.port.in.ClaimEvidenceUseCase;
import org.fundflow.subsidy.application.port.in.ClaimsUseCase;
import org.fundflow.subsidy.application.port.in.Refusal;
import org.fundflow.subsidy.domain.ExpenditureClaim;
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
 * Claim evidence files (issue 15): audited financial statements and tax forms, attached by the claimant
 * organisation while its claim waits for verification (multipart part {@code file}); read by whoever may read the
 * claim (the organisation, finance, auditors). Files are never removed or replaced: a new version is a new file.
 */
@RestController
@Tag(name = "claim evidence", description = "Files of expenditure claims (stored in GridFS, streamed)")
public class ClaimEvidenceController {

  private final ClaimEvidenceUseCase evidence;
  private final ClaimsUseCase claims;
  private final DocumentStore store;
  private final StoreGuard guard;

  public ClaimEvidenceController(ClaimEvidenceUseCase evidence, ClaimsUseCase claims, DocumentStore store,
      StoreGuard guard) {
    this.evidence = evidence;
    this.claims = claims;
    this.store = store;
    this.guard = guard;
  }

  /** A stored file of a claim, with who added it and when. */
  public record ClaimFileView(String fileId, String claimId, String name, String mediaType, long sizeBytes,
      String sha256, String uploadedBy, Instant uploadedAt, String href) {

    static ClaimFileView of(StoredDocument d) {
      return new ClaimFileView(d.id(), d.ownerId(), d.name(), d.mediaType(), d.sizeBytes(), d.sha256(), d.uploadedBy(),
          d.uploadedAt(), "/claims/" + d.ownerId() + "/evidence/" + d.id());
    }
  }

  @PostMapping(path = "/claims/{claimId}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize("hasRole('APPLICANT')")
  @Operation(summary = "Attach an audited financial statement, tax form or other evidence to the organisation's own "
      + "claim while it is SUBMITTED (409 once decided). Type read from the content (PDF, images, Office, CSV, ZIP; "
      + "else 415), 20 MB per file and 100 MB per claim by default (else 413)")
  public Mono<ResponseEntity<ClaimFileView>> upload(@PathVariable String claimId,
      @Parameter(hidden = true) Caller caller, ServerWebExchange exchange) {
    return guard.protect(evidence.attachable(claimId, caller.organisationCode()))
        // a verification that raced the upload: the decision was made without this file, so it does not stay
        .flatMap(claim -> DocumentUploads.storeWhileAttachable(exchange, store, claimId, caller.subject(),
            () -> evidence.attachable(claimId, caller.organisationCode())))
        .map(stored -> ResponseEntity.created(URI.create("/claims/" + claimId + "/evidence/" + stored.id()))
            .body(ClaimFileView.of(stored)));
  }

  @GetMapping("/claims/{claimId}/evidence")
  @PreAuthorize(WebSupport.FINANCE_OR_AUDIT)
  @Operation(summary = "The claim's evidence files with who added them and when, oldest first (readable as the claim)")
  public Flux<ClaimFileView> list(@PathVariable String claimId, @Parameter(hidden = true) Caller caller) {
    return guard.protect(readable(claimId, caller).thenMany(store.list(claimId))).map(ClaimFileView::of);
  }

  @GetMapping("/claims/{claimId}/evidence/{fileId}")
  @PreAuthorize(WebSupport.FINANCE_OR_AUDIT)
  @Operation(summary = "Download a claim's evidence file: Content-Disposition attachment (UTF-8 filename*), stored "
      + "type, ETag = sha-256, one byte range (206)")
  public Mono<ResponseEntity<Flux<DataBuffer>>> download(@PathVariable String claimId, @PathVariable String fileId,
      @Parameter(hidden = true) Caller caller, ServerHttpRequest request) {
    return guard.protect(readable(claimId, caller).then(store.fileOf(claimId, fileId)))
        .map(doc -> DocumentResponses.download(doc, store, request));
  }

  /** The claim if the caller may read it (another organisation's claim does not exist for an applicant). */
  private Mono<ExpenditureClaim> readable(String claimId, Caller caller) {
    return claims.find(claimId)
        .filter(c -> WebSupport.mayRead(caller, c.organisationCode()))
        .switchIfEmpty(Mono.error(() -> Refusal.notFound("Claim", claimId)));
  }
}
