package org.fundflow.integrity.adapter.in.web;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePart;
import reactor.core.publisher.Mono;

/** The text of an uploaded list file (multipart part {@code file}), for the import and its preview alike. */
final class Uploads {

  private Uploads() {}

  /** The file's content as UTF-8 text; empty when the part is missing or empty. */
  static Mono<String> text(Mono<FilePart> file) {
    return file.flatMap(f -> DataBufferUtils.join(f.content()))
        .map(buffer -> {
          try {
            return buffer.toString(StandardCharsets.UTF_8);
          } finally {
            DataBufferUtils.release(buffer);
          }
        })
        .defaultIfEmpty("");
  }
}
