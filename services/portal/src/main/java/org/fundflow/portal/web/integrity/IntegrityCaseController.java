package org.fundflow.portal.web.integrity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fundflow.portal.client.IntegrityClient;
import org.fundflow.portal.client.IntegrityClient.IntegrityCase;
import org.fundflow.portal.client.Panel;
import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.ServiceProblem;
import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A case and what an officer does with it: open it from a flag, investigate, add notes, place an interim hold, confirm
 * or dismiss, lift a hold with a reason. Each form carries its own Idempotency-Key and the case's ETag (If-Match);
 * a refusal is shown on the case page next to the form and its fields. What a role may do is the service's to decide:
 * the auditor is offered no form and the portal refuses its posts (SecurityConfig) as the service would.
 */
@Controller
@RequestMapping("/integrity")
public class IntegrityCaseController {

  static final List<String> STEPS = List.of("investigation", "notes", "interim-holds", "decision");

  private final IntegrityClient integrity;
  private final ProblemMessages problems;
  private final MessageSource messages;

  public IntegrityCaseController(IntegrityClient integrity, ProblemMessages problems, MessageSource messages) {
    this.integrity = integrity;
    this.problems = problems;
    this.messages = messages;
  }

  @GetMapping("/cases/{caseId}")
  Mono<Rendering> view(@PathVariable String caseId) {
    return page(caseId, null, HttpStatus.OK);
  }

  /** Opens a case from a flag (from the flag queue); a refusal goes back to the queue with its message. */
  @PostMapping("/cases")
  Mono<Rendering> open(ServerWebExchange exchange) {
    return exchange.getFormData().flatMap(f -> integrity.openCase(List.of(f.getFirst("flagId") == null ? "" : f.getFirst("flagId")),
            f.getFirst("note"), f.getFirst("idempotencyKey"))
        .map(c -> Rendering.redirectTo("/integrity/cases/" + c.caseId()).build())
        .onErrorResume(ServiceProblem.class, p -> Mono.just(Rendering.view("integrity/refused")
            .modelAttribute("messageKey", problems.key(p)).modelAttribute("back", "/integrity/flags")
            .status(HttpStatus.valueOf(p.status())).build())));
  }

  @PostMapping("/cases/{caseId}/{step}")
  Mono<Rendering> step(@PathVariable String caseId, @PathVariable String step,
      ServerWebExchange exchange) {
    if (!STEPS.contains(step)) {
      return Mono.just(Rendering.view("not-found").status(HttpStatus.NOT_FOUND).build());
    }
    return exchange.getFormData().flatMap(f -> integrity.caseStep(caseId, step, body(step, f), f.getFirst("etag"),
            f.getFirst("idempotencyKey"))
        .map(c -> Rendering.redirectTo("/integrity/cases/" + caseId).build())
        .onErrorResume(ServiceProblem.class, p -> page(caseId, FormProblem.of(step, p, problems, messages),
            HttpStatus.valueOf(p.status()))));
  }

  // ---------------------------------------------------------------- case evidence files (issue 15 point 7)

  /**
   * Uploads one case evidence file, streamed through to integrity-check (the multipart reader keeps a large part on
   * disk; the client streams its buffers on). A refusal (413, 415, 400, 409 once decided) is shown next to the file
   * field.
   */
  @PostMapping("/cases/{caseId}/evidence")
  Mono<Rendering> uploadEvidence(@PathVariable String caseId, ServerWebExchange exchange) {
    return exchange.getMultipartData().flatMap(parts -> {
      Part part = parts.getFirst("file");
      if (!(part instanceof FilePart file) || file.filename().isBlank()) {
        return page(caseId, null, HttpStatus.BAD_REQUEST, "integrity.evidence.choose");
      }
      return integrity.uploadCaseFile(caseId, file)
          .map(stored -> Rendering.redirectTo("/integrity/cases/" + caseId + "#evidence-h").build())
          .onErrorResume(ServiceProblem.class, p -> p.notFound() ? Mono.error(p)
              : page(caseId, null, HttpStatus.valueOf(p.status()), problems.key(p)));
    });
  }

  /** A case evidence file streamed from integrity-check with its name, type, length and ETag. */
  @GetMapping("/cases/{caseId}/evidence/{fileId}")
  @ResponseBody
  Mono<ResponseEntity<Flux<DataBuffer>>> evidenceFile(@PathVariable String caseId, @PathVariable String fileId,
      ServerWebExchange exchange) {
    return integrity.downloadCaseFile(caseId, fileId, exchange.getRequest().getHeaders());
  }

  @PostMapping("/holds/{holdId}/lift")
  Mono<Rendering> lift(@PathVariable String holdId, ServerWebExchange exchange) {
    return exchange.getFormData().flatMap(f -> {
      String back = safeBack(f.getFirst("back"));
      return integrity.liftHold(holdId, f.getFirst("reason"), f.getFirst("idempotencyKey"))
          .map(h -> Rendering.redirectTo(back).build())
          .onErrorResume(ServiceProblem.class, p -> {
            String caseId = f.getFirst("caseId");
            FormProblem problem = FormProblem.of("lift-" + holdId, p, problems, messages);
            if (caseId != null && !caseId.isBlank()) {
              return page(caseId, problem, HttpStatus.valueOf(p.status()));
            }
            return Mono.just(Rendering.view("integrity/refused").modelAttribute("messageKey", problem.messageKey())
                .modelAttribute("fields", problem.fields()).modelAttribute("back", back)
                .status(HttpStatus.valueOf(p.status())).build());
          });
    });
  }

  /** Only back to an integrity page of this portal (never an open redirect). */
  static String safeBack(String back) {
    return back != null && back.startsWith("/integrity/") && !back.startsWith("//") && !back.contains("\\")
        ? back : "/integrity/holds";
  }

  private Mono<Rendering> page(String caseId, FormProblem problem, HttpStatus status) {
    return page(caseId, problem, status, null);
  }

  private Mono<Rendering> page(String caseId, FormProblem problem, HttpStatus status, String evidenceProblem) {
    return integrity.caseById(caseId).flatMap(tagged -> {
      IntegrityCase c = tagged.body();
      Mono<Panel<IntegrityClient.IntegrityRecord>> record = "ORGANISATION".equals(c.subject().type())
          ? Panel.of(IntegrityClient.SERVICE, integrity.organisationRecord(c.subject().id()), problems)
          : Mono.just(new Panel<>(null, IntegrityClient.SERVICE, null));
      return Mono.zip(record, Panel.of(IntegrityClient.SERVICE, integrity.caseFiles(caseId), problems))
          .map(t -> Rendering.view("integrity/case")
          .modelAttribute("case", c)
          .modelAttribute("etag", tagged.etag())
          .modelAttribute("record", t.getT1())
          .modelAttribute("files", t.getT2())
          .modelAttribute("evidenceProblem", evidenceProblem)
          .modelAttribute("problem", problem == null ? new FormProblem("", null, Map.of()) : problem)
          .status(status)
          .build());
    });
  }

  /** The JSON body of a step from its form; numbers and booleans only when given (the service checks them). */
  static Map<String, Object> body(String step, MultiValueMap<String, String> f) {
    Map<String, Object> body = new LinkedHashMap<>();
    switch (step) {
      case "investigation" -> putText(body, "note", f.getFirst("note"));
      case "notes" -> {
        putText(body, "note", f.getFirst("note"));
        List<String> refs = f.getOrDefault("evidenceRefs", List.of()).stream()
            .flatMap(v -> java.util.Arrays.stream(v.split("\\R")))
            .map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (!refs.isEmpty()) {
          body.put("evidenceRefs", refs);
        }
      }
      case "interim-holds" -> {
        body.put("reason", f.getFirst("reason") == null ? "" : f.getFirst("reason"));
        putNumber(body, "years", f.getFirst("years"));
      }
      default -> {
        body.put("decision", f.getFirst("decision") == null ? "" : f.getFirst("decision"));
        body.put("reason", f.getFirst("reason") == null ? "" : f.getFirst("reason"));
        boolean hold = "true".equals(f.getFirst("placeHold"));
        body.put("placeHold", hold);
        if (hold) {
          putNumber(body, "holdYears", f.getFirst("holdYears"));
        }
      }
    }
    return body;
  }

  private static void putText(Map<String, Object> body, String name, String value) {
    if (value != null && !value.isBlank()) {
      body.put(name, value);
    }
  }

  /** A number typed as digits goes as a number; anything else as typed, so the service names the field. */
  private static void putNumber(Map<String, Object> body, String name, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    String v = value.trim();
    body.put(name, v.matches("-?\\d{1,9}") ? (Object) Integer.valueOf(v) : v);
  }
}
