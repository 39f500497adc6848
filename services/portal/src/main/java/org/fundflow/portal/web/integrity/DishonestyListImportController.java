package org.fundflow.portal.web.integrity;

import java.util.UUID;
import org.fundflow.portal.client.IntegrityClient;
import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.ServiceProblem;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * The dishonesty-list import in two steps: the uploaded CSV is previewed by the service (row errors and counts,
 * nothing changed), kept in the user's web session under a one-time id, and imported only when the officer confirms.
 */
@Controller
@RequestMapping("/integrity/import")
public class DishonestyListImportController {

  static final String SESSION_PREFIX = "integrity.import.";
  static final int MAX_BYTES = 512 * 1024;

  private final IntegrityClient integrity;
  private final ProblemMessages problems;

  public DishonestyListImportController(IntegrityClient integrity, ProblemMessages problems) {
    this.integrity = integrity;
    this.problems = problems;
  }

  @GetMapping
  Mono<Rendering> form() {
    return Mono.just(Rendering.view("integrity/import").build());
  }

  @PostMapping("/preview")
  Mono<Rendering> preview(ServerWebExchange exchange) {
    return exchange.getMultipartData().flatMap(parts -> {
      Part part = parts.getFirst("file");
      if (!(part instanceof FilePart file) || file.filename().isBlank()) {
        return Mono.just(refused("integrity.import.error.file", HttpStatus.BAD_REQUEST));
      }
      return DataBufferUtils.join(file.content(), MAX_BYTES + 1)
          .map(buffer -> {
            try {
              byte[] bytes = new byte[buffer.readableByteCount()];
              buffer.read(bytes);
              return bytes;
            } finally {
              DataBufferUtils.release(buffer);
            }
          })
          .defaultIfEmpty(new byte[0])
          .flatMap(csv -> integrity.previewImport(csv).flatMap(report -> exchange.getSession().map(session -> {
            String id = UUID.randomUUID().toString();
            session.getAttributes().put(SESSION_PREFIX + id, csv);
            return Rendering.view("integrity/import-preview").modelAttribute("report", report)
                .modelAttribute("importId", id).modelAttribute("fileName", file.filename()).build();
          })))
          .onErrorResume(org.springframework.core.io.buffer.DataBufferLimitException.class,
              e -> Mono.just(refused("integrity.import.error.too-large", HttpStatus.PAYLOAD_TOO_LARGE)))
          .onErrorResume(ServiceProblem.class, p -> Mono.just(refused(problems.key(p), HttpStatus.valueOf(p.status()))));
    });
  }

  @PostMapping("/confirm")
  Mono<Rendering> confirm(ServerWebExchange exchange) {
    return Mono.zip(exchange.getFormData(), exchange.getSession()).flatMap(t -> {
      String id = t.getT1().getFirst("importId");
      WebSession session = t.getT2();
      Object csv = id == null ? null : session.getAttributes().remove(SESSION_PREFIX + id);
      if (!(csv instanceof byte[] bytes)) {
        return Mono.just(refused("integrity.import.error.expired", HttpStatus.CONFLICT));
      }
      return integrity.importList(bytes)
          .map(report -> Rendering.view("integrity/import-done").modelAttribute("report", report).build())
          .onErrorResume(ServiceProblem.class, p -> Mono.just(refused(problems.key(p), HttpStatus.valueOf(p.status()))));
    });
  }

  private static Rendering refused(String messageKey, HttpStatus status) {
    return Rendering.view("integrity/import").modelAttribute("errorKey", messageKey).status(status).build();
  }
}
