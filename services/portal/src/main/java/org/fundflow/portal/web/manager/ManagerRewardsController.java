package org.fundflow.portal.web.manager;

import org.fundflow.portal.client.IntakeClient;
import org.fundflow.portal.client.Panel;
import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.RewardClaimsClient;
import org.fundflow.portal.client.ServiceProblem;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The program manager's verification queue of reward claims (奖励类, issue 18 point 3): the submitted claims, one
 * claim with its evidence, verify or reject with a reason. Auditors read the pages (GET) and are offered no action.
 * project-intake decides: the reason required to reject, a claim decided once, never one's own organisation's.
 */
@Controller
@RequestMapping("/manager/rewards")
public class ManagerRewardsController {

  static final int PAGE_SIZE = 20;

  private final RewardClaimsClient rewards;
  private final ProblemMessages problems;

  public ManagerRewardsController(RewardClaimsClient rewards, ProblemMessages problems) {
    this.rewards = rewards;
    this.problems = problems;
  }

  @GetMapping
  Mono<Rendering> queue(@RequestParam(required = false) String status, @RequestParam(required = false) String after) {
    String shown = status == null || status.isBlank() ? "SUBMITTED" : status;
    return Panel.of(IntakeClient.SERVICE, rewards.claims(shown, after, PAGE_SIZE), problems)
        .map(claims -> Rendering.view("manager/rewards").modelAttribute("claims", claims)
            .modelAttribute("status", shown)
            .modelAttribute("statuses", java.util.List.of("SUBMITTED", "VERIFIED", "REJECTED")).modelAttribute("after", after).build());
  }

  @GetMapping("/{id}")
  Mono<Rendering> claim(@PathVariable String id) {
    return claimPage(id, null, null, null, HttpStatus.OK);
  }

  @PostMapping("/{id}/decision")
  Mono<Rendering> decide(@PathVariable String id, ServerWebExchange exchange) {
    return exchange.getFormData().flatMap(in -> {
      String outcome = "VERIFIED".equals(in.getFirst("outcome")) ? "VERIFIED" : "REJECTED";
      String reason = in.getFirst("reason") == null ? "" : in.getFirst("reason").strip();
      return rewards.decide(id, outcome, reason.isEmpty() ? null : reason)
          .map(c -> Rendering.redirectTo("/manager/rewards/" + id + "?decided=1").status(HttpStatus.SEE_OTHER).build())
          .onErrorResume(ServiceProblem.class, e -> e.notFound() ? Mono.error(e)
              : claimPage(id, problemKey(e), outcome, reason, HttpStatus.valueOf(e.status())));
    });
  }

  @GetMapping("/{id}/evidence/{fileId}")
  @ResponseBody
  Mono<ResponseEntity<Flux<DataBuffer>>> file(@PathVariable String id, @PathVariable String fileId,
      ServerWebExchange exchange) {
    return rewards.download(id, fileId, exchange.getRequest().getHeaders());
  }

  /** The reward page's own text for a missing reason (the shared one speaks of proposals). */
  private String problemKey(ServiceProblem e) {
    String key = problems.key(e);
    return "problem.reason-required".equals(key) ? "manager.reward.reasonRequired" : key;
  }

  private Mono<Rendering> claimPage(String id, String problem, String outcome, String reason, HttpStatus status) {
    return rewards.claim(id).flatMap(c -> Panel.of(IntakeClient.SERVICE, rewards.evidence(id), problems)
        .map(files -> Rendering.view("manager/reward").modelAttribute("claim", c).modelAttribute("files", files)
            .modelAttribute("problem", problem).modelAttribute("outcome", outcome)
            .modelAttribute("reason", reason == null ? "" : reason).status(status).build()));
  }
}
