package org.fundflow.integrity.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.fundflow.integrity.application.port.in.PreviewDishonestyListUseCase;
import org.fundflow.integrity.application.port.in.PreviewDishonestyListUseCase.Preview;
import org.fundflow.integrity.adapter.in.web.WebDtos.RejectedRow;
import org.fundflow.platform.resilience.StoreGuard;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The dry run of the dishonesty-list import: the same report, nothing stored, flagged or held. */
@RestController
@Tag(name = "integrity")
public class DishonestyListPreviewController {

  /**
   * @param imported entries the import would store, {@code unchanged} those stored already
   * @param knownParties distinct parties on good rows that integrity-check knows (the import holds those in force)
   */
  public record PreviewResponse(int rows, int imported, int unchanged, List<RejectedRow> rejected, int knownParties) {}

  private final PreviewDishonestyListUseCase previews;
  private final StoreGuard guard;

  public DishonestyListPreviewController(PreviewDishonestyListUseCase previews, StoreGuard guard) {
    this.previews = previews;
    this.guard = guard;
  }

  @Operation(summary = "Preview a dishonesty-list import (CSV body): row errors and counts, nothing changed")
  @PostMapping(path = "/dishonesty-list/imports/preview", consumes = "text/csv")
  @PreAuthorize("hasRole('INTEGRITY_OFFICER')")
  public Mono<PreviewResponse> previewCsv(@RequestBody String csv) {
    return guard.protect(previews.preview(csv)).map(DishonestyListPreviewController::response);
  }

  @Operation(summary = "Preview a dishonesty-list import (multipart upload, part 'file'): nothing changed")
  @PostMapping(path = "/dishonesty-list/imports/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize("hasRole('INTEGRITY_OFFICER')")
  public Mono<PreviewResponse> previewUpload(@RequestPart("file") Mono<FilePart> file) {
    return Uploads.text(file)
        .flatMap(csv -> guard.protect(previews.preview(csv)))
        .map(DishonestyListPreviewController::response);
  }

  private static PreviewResponse response(Preview p) {
    return new PreviewResponse(p.report().rows(), p.report().imported(), p.report().unchanged(),
        p.report().rejected().stream().map(r -> new RejectedRow(r.row(), r.reason())).toList(), p.knownParties());
  }
}
