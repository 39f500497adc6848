package org.fundflow.intake.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import org.fundflow.intake.application.port.in.ProposalFilesUseCase;
import org.fundflow.intake.application.port.in.Viewer;
import org.fundflow.platform.documents.DocumentResponses;
import org.fundflow.platform.documents.DocumentUploads;
import org.fundflow.platform.documents.DocumentStore;
import org.fundflow.platform.documents.StoredDocument;
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
 * A proposal's files (issue 15): uploaded to a DRAFT by an applicant of its organisation (multipart part
 * {@code file}), listed and downloaded by whoever may read the proposal, removed only from a DRAFT. A submitted
 * proposal's files stay as they were; a new version is a new file.
 */
@RestController
@Tag(name = "proposal files", description = "Files attached to proposals (stored in GridFS, streamed)")
public class ProposalFileController {

  private final ProposalFilesUseCase access;
  private final DocumentStore store;
  private final StoreGuard guard;

  public ProposalFileController(ProposalFilesUseCase access, DocumentStore store, StoreGuard guard) {
    this.access = access;
    this.store = store;
    this.guard = guard;
  }

  /** What is shown of a stored file. */
  public record FileView(String fileId, String proposalId, String name, String mediaType, long sizeBytes, String sha256,
      String uploadedBy, Instant uploadedAt, String href) {

    static FileView of(StoredDocument d) {
      return new FileView(d.id(), d.ownerId(), d.name(), d.mediaType(), d.sizeBytes(), d.sha256(), d.uploadedBy(),
          d.uploadedAt(), "/proposals/" + d.ownerId() + "/files/" + d.id());
    }
  }

  @PostMapping(path = "/proposals/{proposalId}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize(ProposalController.APPLICANT)
  @Operation(summary = "Upload a file to a DRAFT proposal (multipart part 'file'); type read from the content "
      + "(PDF, images, Office, CSV, ZIP; else 415), 20 MB per file and 100 MB per proposal by default (else 413)")
  public Mono<ResponseEntity<FileView>> upload(@PathVariable String proposalId, Caller caller, ServerWebExchange exchange) {
    Viewer viewer = Requests.viewer(caller);
    return guard.protect(access.changeable(viewer, proposalId))
        // a submission that raced the upload: the file is not part of what was submitted, so it does not stay
        .flatMap(draft -> DocumentUploads.storeWhileAttachable(exchange, store, proposalId, caller.subject(),
            () -> access.changeable(viewer, proposalId)))
        .map(stored -> ResponseEntity.created(URI.create("/proposals/" + proposalId + "/files/" + stored.id()))
            .body(FileView.of(stored)));
  }

  @GetMapping("/proposals/{proposalId}/files")
  @PreAuthorize(ProposalController.READERS)
  @Operation(summary = "The proposal's files with who added them and when (readable as the proposal)")
  public Flux<FileView> list(@PathVariable String proposalId, Caller caller) {
    return guard.protect(access.readable(Requests.viewer(caller), proposalId).thenMany(store.list(proposalId)))
        .map(FileView::of);
  }

  @GetMapping("/proposals/{proposalId}/files/{fileId}")
  @PreAuthorize(ProposalController.READERS)
  @Operation(summary = "Download a file: Content-Disposition attachment (UTF-8 filename*), stored type, "
      + "ETag = sha-256, one byte range (206)")
  public Mono<ResponseEntity<Flux<DataBuffer>>> download(@PathVariable String proposalId, @PathVariable String fileId,
      Caller caller, ServerHttpRequest request) {
    return guard.protect(access.readable(Requests.viewer(caller), proposalId).then(store.fileOf(proposalId, fileId)))
        .map(doc -> DocumentResponses.download(doc, store, request));
  }

  @DeleteMapping("/proposals/{proposalId}/files/{fileId}")
  @PreAuthorize(ProposalController.APPLICANT)
  @Operation(summary = "Remove a file from a DRAFT proposal (409 once submitted)")
  public Mono<ResponseEntity<Void>> delete(@PathVariable String proposalId, @PathVariable String fileId, Caller caller) {
    return guard.protect(access.changeable(Requests.viewer(caller), proposalId).then(store.fileOf(proposalId, fileId)))
        .flatMap(doc -> store.delete(doc.id()))
        .thenReturn(ResponseEntity.noContent().build());
  }
}
