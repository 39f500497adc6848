package org.fundflow.portal.web.manager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fundflow.portal.client.NoticeClient;
import org.fundflow.portal.client.NoticeClient.EvidenceFile;
import org.fundflow.portal.client.NoticeClient.NoticedProposal;
import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.ServiceProblem;
import org.fundflow.portal.client.Tagged;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The public notice of one award as the program manager handles it (issue 17 point 2): when it ends, the objections
 * with their reasons and evidence, and the decision on each pending one: uphold (the award is withdrawn and its
 * amount returned to the program's budget) or dismiss, with a reason. Auditors read the page and are offered no
 * action. project-intake decides; the decision carries the ETag the page was built from.
 */
@Controller
@RequestMapping("/manager")
public class ManagerNoticeController {

  private final NoticeClient notices;
  private final ProblemMessages problems;

  public ManagerNoticeController(NoticeClient notices, ProblemMessages problems) {
    this.notices = notices;
    this.problems = problems;
  }

  @GetMapping("/proposals/{id}/notice")
  Mono<Rendering> notice(@PathVariable String id) {
    return notices.proposal(id).flatMap(p -> page(p, null, null, FormErrors.none(), HttpStatus.OK));
  }

  @PostMapping("/proposals/{id}/objections/{objectionId}/decision")
  Mono<Rendering> decide(@PathVariable String id, @PathVariable String objectionId,
      @ModelAttribute ObjectionDecisionForm form) {
    String outcome = "UPHOLD".equals(form.outcome()) || "DISMISS".equals(form.outcome()) ? form.outcome() : null;
    String reason = form.reason() == null ? "" : form.reason().strip();
    Map<String, String> missing = new LinkedHashMap<>();
    if (outcome == null) {
      missing.put("outcome", "notice.decision.outcome.required");
    }
    if (reason.isEmpty() || reason.length() > 2000) {
      missing.put("decisionReason", "notice.decision.reason.required");
    }
    if (!missing.isEmpty()) {
      return notices.proposal(id).flatMap(p -> page(p, objectionId, form, FormErrors.local(missing),
          HttpStatus.BAD_REQUEST));
    }
    return notices.decide(id, objectionId, outcome, reason, form.etag())
        .map(p -> Rendering.redirectTo("/manager/proposals/" + id + "/notice").status(HttpStatus.SEE_OTHER).build())
        .onErrorResume(ServiceProblem.class, e -> e.notFound() || e.status() == 403 ? Mono.error(e)
            : notices.proposal(id).flatMap(p -> page(p, objectionId, form,
                FormErrors.of(e, problems, Map.of("reason", "decisionReason", "outcome", "outcome"), "notice.invalid."),
                HttpStatus.valueOf(e.status()))));
  }

  /** An objection's evidence file streamed from project-intake with its name, type, length and ETag. */
  @GetMapping("/proposals/{id}/objections/{objectionId}/files/{fileId}")
  @ResponseBody
  Mono<ResponseEntity<Flux<DataBuffer>>> evidence(@PathVariable String id, @PathVariable String objectionId,
      @PathVariable String fileId, ServerWebExchange exchange) {
    return notices.downloadEvidence(id, objectionId, fileId, exchange.getRequest().getHeaders());
  }

  private Mono<Rendering> page(Tagged<NoticedProposal> p, String objectionId, ObjectionDecisionForm form,
      FormErrors errors, HttpStatus status) {
    NoticedProposal proposal = p.value();
    List<NoticeClient.Objection> objections = proposal.notice() == null ? List.of() : proposal.notice().objections();
    return Flux.fromIterable(objections)
        .concatMap(o -> notices.evidence(proposal.id(), o.objectionId()).collectList()
            .onErrorReturn(List.of()).map(files -> Map.entry(o.objectionId(), files)))
        .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap<String, List<EvidenceFile>>::new)
        .map(evidence -> Rendering.view("manager/notice").modelAttribute("proposal", proposal)
            .modelAttribute("etag", p.etag()).modelAttribute("evidence", evidence)
            .modelAttribute("failedObjection", objectionId)
            .modelAttribute("form", form == null ? new ObjectionDecisionForm(p.etag(), null, "") : form)
            .modelAttribute("errors", errors).status(status).build());
  }

  /** One decision form per pending objection: the ETag read, UPHOLD or DISMISS, the reason. */
  public record ObjectionDecisionForm(String etag, String outcome, String reason) {}
}
