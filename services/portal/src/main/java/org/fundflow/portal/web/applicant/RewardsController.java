package org.fundflow.portal.web.applicant;

import java.util.UUID;
import org.fundflow.portal.client.IntakeClient;
import org.fundflow.portal.client.Panel;
import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.RewardClaimsClient;
import org.fundflow.portal.client.ServiceProblem;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
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
 * The enterprise's reward claims (奖励类, issue 18 point 3): its claims with their status, a new claim for an
 * achievement of an open REWARD program (the amount shown is the program's), the claim page with the evidence upload
 * and the submission with the integrity pledge. The portal decides nothing: project-intake refuses a second claim of
 * the same achievement, a submission without evidence or pledge, an organisation under a hold.
 */
@Controller
@RequestMapping("/applicant/rewards")
public class RewardsController {

  static final int PAGE_SIZE = 20;

  private final RewardClaimsClient rewards;
  private final ProblemMessages problems;

  public RewardsController(RewardClaimsClient rewards, ProblemMessages problems) {
    this.rewards = rewards;
    this.problems = problems;
  }

  @GetMapping
  Mono<Rendering> list(@RequestParam(required = false) String after) {
    return listPage(after, null, null, HttpStatus.OK);
  }

  /** {@code achievement} = {@code <programId>|<achievementCode>}: one choice of a program's reward table. */
  @PostMapping
  Mono<Rendering> draft(ServerWebExchange exchange) {
    return exchange.getFormData().flatMap(in -> {
      String choice = in.getFirst("achievement");
      int bar = choice == null ? -1 : choice.indexOf('|');
      if (bar <= 0 || bar == choice.length() - 1) {
        return listPage(null, "applicant.rewards.choose", choice, HttpStatus.BAD_REQUEST);
      }
      return rewards.draft(choice.substring(0, bar), choice.substring(bar + 1))
          .map(c -> redirect("/applicant/rewards/" + c.id()))
          .onErrorResume(ServiceProblem.class, e -> listPage(null, problems.key(e), choice,
              HttpStatus.valueOf(e.status())));
    });
  }

  /** Another organisation's claim is a 404 from project-intake: the not-found page. */
  @GetMapping("/{id}")
  Mono<Rendering> claim(@PathVariable String id) {
    return claimPage(id, null, null, HttpStatus.OK);
  }

  @PostMapping("/{id}/evidence")
  Mono<Rendering> upload(@PathVariable String id, ServerWebExchange exchange) {
    return exchange.getMultipartData().flatMap(parts -> {
      Part part = parts.getFirst("file");
      if (!(part instanceof FilePart file) || file.filename().isBlank()) {
        return claimPage(id, "applicant.files.choose", null, HttpStatus.BAD_REQUEST);
      }
      return rewards.upload(id, file)
          .map(stored -> redirect("/applicant/rewards/" + id + "#evidence"))
          .onErrorResume(ServiceProblem.class, e -> e.notFound() ? Mono.error(e)
              : claimPage(id, problems.key(e), null, HttpStatus.valueOf(e.status())));
    });
  }

  /** The form carries one Idempotency-Key per rendering: the same form sent twice submits once. */
  @PostMapping("/{id}/submit")
  Mono<Rendering> submit(@PathVariable String id, ServerWebExchange exchange) {
    return exchange.getFormData().flatMap(in -> {
      String key = in.getFirst("idempotencyKey");
      if (key == null || key.isBlank()) {
        return Mono.just(redirect("/applicant/rewards/" + id));
      }
      boolean accepted = "true".equals(in.getFirst("pledgeAccepted"));
      return rewards.submit(id, key, accepted, in.getFirst("pledgeVersion"))
          .map(c -> redirect("/applicant/rewards/" + id + "?submitted=1"))
          .onErrorResume(ServiceProblem.class, e -> e.notFound() ? Mono.error(e)
              : claimPage(id, null, problems.key(e), HttpStatus.valueOf(e.status())));
    });
  }

  @GetMapping("/{id}/evidence/{fileId}")
  @ResponseBody
  Mono<ResponseEntity<Flux<DataBuffer>>> file(@PathVariable String id, @PathVariable String fileId,
      ServerWebExchange exchange) {
    return rewards.download(id, fileId, exchange.getRequest().getHeaders());
  }

  private Mono<Rendering> claimPage(String id, String evidenceProblem, String submitProblem, HttpStatus status) {
    return rewards.claim(id).flatMap(c -> Panel.of(IntakeClient.SERVICE, rewards.evidence(id), problems)
        .map(files -> Rendering.view("applicant/reward").modelAttribute("claim", c).modelAttribute("files", files)
            .modelAttribute("evidenceProblem", evidenceProblem).modelAttribute("submitProblem", submitProblem)
            .modelAttribute("idempotencyKey", UUID.randomUUID().toString()).status(status).build()));
  }

  private Mono<Rendering> listPage(String after, String problem, String chosen, HttpStatus status) {
    return Mono.zip(Panel.of(IntakeClient.SERVICE, rewards.claims(null, after, PAGE_SIZE), problems),
            Panel.of(IntakeClient.SERVICE, rewards.rewardPrograms(), problems))
        .map(t -> Rendering.view("applicant/rewards").modelAttribute("claims", t.getT1())
            .modelAttribute("programs", t.getT2()).modelAttribute("problem", problem)
            .modelAttribute("chosen", chosen == null ? "" : chosen).modelAttribute("after", after)
            .status(status).build());
  }

  static Rendering redirect(String to) {
    return Rendering.redirectTo(to).status(HttpStatus.SEE_OTHER).build();
  }
}
