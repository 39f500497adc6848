package org.fundflow.portal.web.notice;

import java.util.Optional;
import org.fundflow.portal.client.NoticeClient;
import org.fundflow.portal.client.Panel;
import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.ServiceProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The public notice of awards (立项公示, issue 17 point 2): the list of awards under notice, readable without
 * logging in (title, organisation, amount, end of the notice; nothing personal), and the objection form for anyone
 * logged in (reasons and an optional evidence file). project-intake decides who may object and until when.
 */
@Controller
public class PublicNoticesController {

  static final int PAGE_SIZE = 20;
  static final int REASONS_MAX = 2000;

  private final NoticeClient notices;
  private final ProblemMessages problems;

  public PublicNoticesController(NoticeClient notices, ProblemMessages problems) {
    this.notices = notices;
    this.problems = problems;
  }

  @GetMapping("/public/notices")
  Mono<Rendering> list(@RequestParam(required = false) String after) {
    return Panel.of(NoticeClient.SERVICE, notices.publicNotices(after, PAGE_SIZE), problems)
        .map(panel -> Rendering.view("notice/list").modelAttribute("notices", panel).modelAttribute("after", after)
            .build());
  }

  @GetMapping("/notices/{proposalId}/objection")
  Mono<Rendering> form(@PathVariable String proposalId) {
    return formPage(proposalId, "", null, null, HttpStatus.OK);
  }

  /** Reasons (required, at most 2000 characters) and an optional evidence file, one multipart form. */
  @PostMapping("/notices/{proposalId}/objection")
  Mono<Rendering> lodge(@PathVariable String proposalId, ServerWebExchange exchange) {
    return exchange.getMultipartData().flatMap(parts -> {
      Part reasonsPart = parts.getFirst("reasons");
      String reasons = reasonsPart instanceof FormFieldPart f ? f.value().strip() : "";
      Part filePart = parts.getFirst("file");
      FilePart file = filePart instanceof FilePart f && !f.filename().isBlank() ? f : null;
      if (reasons.isEmpty() || reasons.length() > REASONS_MAX) {
        return formPage(proposalId, reasons, "notice.objection.reasons.invalid", null, HttpStatus.BAD_REQUEST);
      }
      return notices.lodge(proposalId, reasons)
          .flatMap(lodged -> (file == null ? Mono.<String>empty()
                  : notices.addEvidence(proposalId, lodged.objection().objectionId(), file).then(Mono.<String>empty())
                      .onErrorResume(ServiceProblem.class, e -> Mono.just(problems.key(e))))
              .map(Optional::of).defaultIfEmpty(Optional.empty())
              .map(fileProblem -> Rendering.view("notice/lodged").modelAttribute("lodged", lodged)
                  .modelAttribute("fileProblem", fileProblem.orElse(null)).status(HttpStatus.CREATED).build()))
          .onErrorResume(ServiceProblem.class, e -> e.status() == 403 ? Mono.error(e)
              : formPage(proposalId, reasons, null, problems.key(e),
                  e.notFound() ? HttpStatus.NOT_FOUND : HttpStatus.valueOf(e.status())));
    });
  }

  /** The form with the award it concerns (looked up in the public list; gone from it: no longer under notice). */
  private Mono<Rendering> formPage(String proposalId, String reasons, String reasonsError, String problemKey,
      HttpStatus status) {
    return notices.publicNotices(null, 100)
        .map(page -> page.items().stream().filter(n -> n.proposalId().equals(proposalId)).findFirst())
        .onErrorReturn(Optional.empty())
        .map(found -> Rendering.view("notice/objection").modelAttribute("proposalId", proposalId)
            .modelAttribute("award", found.orElse(null)).modelAttribute("reasons", reasons)
            .modelAttribute("reasonsError", reasonsError).modelAttribute("problemKey", problemKey)
            .status(found.isEmpty() && status == HttpStatus.OK ? HttpStatus.NOT_FOUND : status).build());
  }

}
