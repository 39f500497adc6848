package org.fundflow.platform.documents;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The one file of an upload: the multipart part named {@code file}, with a filename. A body that cannot be read as
 * multipart, a missing part or several files are 400 {@code malformed-upload} (nothing stored). Read the request
 * only after the caller's right to upload was checked, so a refused caller never streams a file in.
 */
public final class DocumentUploads {

  public static final String PART = "file";

  private DocumentUploads() {}

  public static Mono<FilePart> filePart(ServerWebExchange exchange) {
    return exchange.getMultipartData()
        .onErrorMap(e -> !(e instanceof ErrorResponseException) && !(e instanceof DataBufferLimitException),
            e -> DocumentRefusals.badUpload("The multipart body cannot be read: " + e.getMessage()))
        .flatMap(parts -> {
          List<Part> files = parts.get(PART);
          if (files == null || files.isEmpty()) {
            return Mono.error(DocumentRefusals.badUpload("The multipart body has no part named '" + PART + "'."));
          }
          if (files.size() > 1 || !(files.get(0) instanceof FilePart file)) {
            return Mono.error(DocumentRefusals.badUpload(
                "Send exactly one file in the part named '" + PART + "', with a filename."));
          }
          return Mono.just(file);
        });
  }

  /** Streams the request's file into {@code store} as a file of {@code ownerId}, uploaded by {@code uploadedBy}. */
  public static Mono<StoredDocument> store(ServerWebExchange exchange, DocumentStore store, String ownerId,
      String uploadedBy) {
    return filePart(exchange).flatMap(part -> store.store(ownerId, part.filename(), uploadedBy, part.content()));
  }

  /**
   * Streams the request's file into {@code store} as a file of {@code ownerId} (see {@link #store}) and asks
   * {@code attachable} once more when it is stored: a change that raced the upload (a submission, a decision) was made
   * without this file, so a refusal then deletes the file again and is the answer. Check the same right before the
   * call, so that a refused caller never streams a file in.
   */
  public static Mono<StoredDocument> storeWhileAttachable(ServerWebExchange exchange, DocumentStore store,
      String ownerId, String uploadedBy, Supplier<? extends Mono<?>> attachable) {
    return store(exchange, store, ownerId, uploadedBy)
        .flatMap(stored -> attachable.get().thenReturn(stored)
            .onErrorResume(e -> store.delete(stored.id()).then(Mono.error(e))));
  }
}
