package org.fundflow.portal.web.manager;

import java.util.List;
import java.util.Map;
import org.fundflow.portal.client.MilestoneClient;
import org.fundflow.portal.client.Panel;
import org.fundflow.portal.client.PanelClient;
import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.ServiceProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * 立项评审 (issue 17 point 1): a proposal's review panel. Until it is formed, the program manager picks the experts
 * the same way as for a milestone report (search, paging, the choice kept in the address); once formed, who sits on
 * it, who has declared (回避声明) and scored, who recused, and the result with its explanation. Auditors read it.
 * milestone-review decides whether a panel may be formed (at least 3, an odd number, no conflict).
 */
@Controller
@RequestMapping("/manager/proposals/{proposalId}/panel")
public class ManagerReviewPanelController {

  private final PanelClient panels;
  private final ProblemMessages problems;

  public ManagerReviewPanelController(PanelClient panels, ProblemMessages problems) {
    this.panels = panels;
    this.problems = problems;
  }

  @GetMapping
  Mono<Rendering> panel(@PathVariable String proposalId, @RequestParam(required = false) String q,
      @RequestParam(required = false) String after, @RequestParam(required = false) List<String> chosen,
      @RequestParam(required = false) String remove) {
    List<String> kept = chosen == null ? List.of() : chosen.stream().filter(id -> !id.equals(remove)).toList();
    return Panel.of(MilestoneClient.SERVICE, panels.proposalReview(proposalId), problems).flatMap(review ->
        review.ok() && "AWAITING_PANEL".equals(review.data().status())
            ? formPage(review.data(), q, after, kept, FormErrors.none(), HttpStatus.OK)
            : names(review).map(names -> Rendering.view("manager/review-panel").modelAttribute("review", review)
                .modelAttribute("expertNames", names).modelAttribute("proposalId", proposalId).build()));
  }

  @PostMapping
  Mono<Rendering> form(@PathVariable String proposalId, @ModelAttribute ManagerPanelsController.PanelForm form) {
    List<String> experts = ManagerPanelsController.distinct(form.chosen());
    return panels.formReviewPanel(proposalId, experts)
        .map(r -> Rendering.redirectTo("/manager/proposals/" + proposalId + "/panel").build())
        .onErrorResume(ServiceProblem.class, e -> e.notFound() || e.status() == 403 ? Mono.error(e)
            : panels.proposalReview(proposalId).flatMap(review -> formPage(review, null, null, experts,
                FormErrors.of(e, problems, Map.of("expertIds", "chosen")), HttpStatus.valueOf(e.status()))));
  }

  private Mono<Map<String, String>> names(Panel<PanelClient.ProposalReview> review) {
    return !review.ok() ? Mono.just(Map.of()) : ManagerPanelsController.names(panels, java.util.stream.Stream.concat(
        review.data().panel().stream().map(PanelClient.ReviewSeat::expertId),
        review.data().recusedExperts().stream().map(PanelClient.Recusal::expertId)).toList());
  }

  private Mono<Rendering> formPage(PanelClient.ProposalReview review, String q, String after, List<String> chosen,
      FormErrors errors, HttpStatus status) {
    return ManagerPanelsController.choice(panels, problems, q, after, chosen)
        .map(model -> Rendering.view("manager/panel-form").modelAttribute("review", review)
            .modelAttribute("subjectTitle", review.title())
            .modelAttribute("panelPath", "/manager/proposals/" + review.proposalId() + "/panel")
            .model(model).modelAttribute("errors", errors).status(status).build());
  }
}
