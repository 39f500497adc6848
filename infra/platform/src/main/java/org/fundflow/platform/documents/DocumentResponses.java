package org.fundflow.platform.documents;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.fundflow.platform.problem.Problems;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Flux;

/**
 * A download as a streamed response: {@code Content-Disposition: attachment} with the RFC 6266 {@code filename*}
 * (UTF-8, so Chinese names survive), the stored type, {@code ETag} = the SHA-256, {@code If-None-Match} (304)
 * and one byte range ({@code Range: bytes=a-b}, 206 with {@code Content-Range}; 416 when unsatisfiable;
 * {@code If-Range} with another ETag or several ranges give the whole file, as RFC 9110 allows).
 *
 * <p>Written here because WebFlux serves ranges only for a {@code Resource} body
 * (ResourceHttpMessageWriter), not for a streamed {@code Flux<DataBuffer>}; a range reads only the
 * GridFS chunks that hold it.
 */
public final class DocumentResponses {

  private DocumentResponses() {}

  public static ResponseEntity<Flux<DataBuffer>> download(StoredDocument doc, DocumentStore store, ServerHttpRequest request) {
    HttpHeaders requested = request.getHeaders();
    String etag = "\"" + doc.sha256() + "\"";
    HttpHeaders headers = new HttpHeaders();
    headers.setETag(etag);
    headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
    headers.setContentDisposition(ContentDisposition.attachment().filename(doc.name(), StandardCharsets.UTF_8).build());
    headers.setCacheControl("private, no-cache");
    MediaType type = doc.mediaType() == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(doc.mediaType());
    headers.setContentType(type);
    if (requested.getIfNoneMatch().contains(etag) || requested.getIfNoneMatch().contains("*")) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build();
    }
    long length = doc.sizeBytes();
    String rangeHeader = requested.getFirst(HttpHeaders.RANGE);
    String ifRange = requested.getFirst(HttpHeaders.IF_RANGE);
    boolean rangeApplies = rangeHeader != null && (ifRange == null || ifRange.equals(etag));
    if (rangeApplies) {
      List<HttpRange> ranges;
      try {
        ranges = HttpRange.parseRanges(rangeHeader);
      } catch (IllegalArgumentException e) {
        ranges = List.of(); // an unparseable Range is ignored (RFC 9110 14.2)
      }
      if (ranges.size() == 1) {
        HttpRange range = ranges.get(0);
        long first;
        long last;
        try {
          first = range.getRangeStart(length);
          last = range.getRangeEnd(length);
        } catch (IllegalArgumentException e) {
          first = -1;
          last = -1;
        }
        if (first < 0 || first >= length || last < first) {
          throw unsatisfiable(length);
        }
        headers.set(HttpHeaders.CONTENT_RANGE, "bytes " + first + "-" + last + "/" + length);
        headers.setContentLength(last - first + 1);
        return ResponseEntity.status(HttpStatus.PARTIAL_CONTENT).headers(headers)
            .body(store.content(doc.id(), first, last));
      }
    }
    headers.setContentLength(length);
    return ResponseEntity.ok().headers(headers).body(store.content(doc.id()));
  }

  private static RuntimeException unsatisfiable(long length) {
    var e = Problems.problem(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "range-not-satisfiable", "Range not satisfiable",
        "The requested range lies outside the file of " + length + " bytes.", java.util.Map.of("sizeBytes", length));
    e.getHeaders().set(HttpHeaders.CONTENT_RANGE, "bytes */" + length);
    return e;
  }
}
