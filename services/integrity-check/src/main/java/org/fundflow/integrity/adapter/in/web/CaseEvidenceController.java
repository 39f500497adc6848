package org.fundflow.integrity.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import org.fundflow.integrity.application.port.in.CaseEvidenceUseCase;
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
 * Case evidence files (issue 15): attached by integrity officers to a case while it is OPEN or INVESTIGATING
 * (multipart part {@code file}), read by integrity officers and auditors only. Files are never removed or replaced:
 * a new version is a new file, listed with who added it and when.
 */
@RestController
@Tag(name = "case evidence", description = "Files of integrity cases (stored in GridFS, streamed)")
public class CaseEvidenceController {

  private static final String OFFICER = "hasRole('INTEGRITY_OFFICER')";
  private static final String OFFICER_OR_AUDITOR = "hasAnyRole('INTEGRITY_OFFICER','AUDITOR')";

  private final CaseEvidenceUseCase cases;
  private final DocumentStore store;
  private final StoreGuard guard;

  public CaseEvidenceController(CaseEvidenceUseCase cases, DocumentStore store, StoreGuard guard) {
    this.cases = cases;
    this.store = store;
    this.guard = guard;
  }

  /** A stored file of a case, with who added it and when. */
  public record CaseFileView(String fileId, String caseId, String name, String mediaType, long sizeBytes,
      String sha256, String uploadedBy, Instant uploadedAt, String href) {

    static CaseFileView of(StoredDocument d) {
      return new CaseFileView(d.id(), d.ownerId(), d.name(), d.mediaType(), d.sizeBytes(), d.sha256(), d.uploadedBy(),
          d.uploadedAt(), "/cases/" + d.ownerId() + "/evidence/" + d.id());
    }
  }

  @PostMapping(path = "/cases/{caseId}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize(OFFICER)
  @Operation(summary = "Attach an evidence file to a case while it is OPEN or INVESTIGATING (409 once decided). Type "
      + "read from the content (PDF, images, Office, CSV, ZIP; else 415), 20 MB per file and 100 MB per case by "
      + "default (else 413)")
  public Mono<ResponseEntity<CaseFileView>> upload(@PathVariable String caseId,
      @Parameter(hidden = true) Caller caller, ServerWebExchange exchange) {
    return guard.protect(cases.attachable(caseId))
        // a decision that raced the upload was made without this file, so it does not stay
        .flatMap(c -> DocumentUploads.storeWhileAttachable(exchange, store, caseId, caller.subject(),
            () -> cases.attachable(caseId)))
        .map(stored -> ResponseEntity.created(URI.create("/cases/" + caseId + "/evidence/" + stored.id()))
            .body(CaseFileView.of(stored)));
  }

  @GetMapping("/cases/{caseId}/evidence")
  @PreAuthorize(OFFICER_OR_AUDITOR)
  @Operation(summary = "The case's evidence files with who added them and when, oldest first")
  public Flux<CaseFileView> list(@PathVariable String caseId) {
    return guard.protect(cases.readable(caseId).thenMany(store.list(caseId))).map(CaseFileView::of);
  }

  @GetMapping("/cases/{caseId}/evidence/{fileId}")
  @PreAuthorize(OFFICER_OR_AUDITOR)
  @Operation(summary = "Download a case's evidence file: Content-Disposition attachment (UTF-8 filename*), stored "
      + "type, ETag = sha-256, one byte range (206)")
  public Mono<ResponseEntity<Flux<DataBuffer>>> download(@PathVariable String caseId, @PathVariable String fileId,
      ServerHttpRequest request) {
    return guard.protect(cases.readable(caseId).then(store.fileOf(caseId, fileId)))
        .map(doc -> DocumentResponses.download(doc, store, request));
  }
}
