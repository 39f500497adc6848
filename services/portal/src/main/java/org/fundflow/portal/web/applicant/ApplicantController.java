package org.fundflow.portal.web.applicant;

import java.util.List;
import org.fundflow.portal.client.IntakeClient;
import org.fundflow.portal.client.IntakeClient.Challenge;
import org.fundflow.portal.client.IntakeClient.Program;
import org.fundflow.portal.client.IntegrityClient;
import org.fundflow.portal.client.MilestoneClient;
import org.fundflow.portal.client.Panel;
import org.fundflow.portal.client.ProblemMessages;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The applicant's pages. Each part of a page is a {@link Panel} of one service: when a service is down, that part says
 * so and the rest of the page works. The portal shows what the services answer; it decides nothing itself (an
 * applicant sees only its organisation's proposals because project-intake answers so).
 */
@Controller
@RequestMapping("/applicant")
public class ApplicantController {

  static final int PAGE_SIZE = 10;
  static final int DASHBOARD_SIZE = 5;

  private final IntakeClient intake;
  private final MilestoneClient milestones;
  private final ProblemMessages problems;
  private final IntegrityClient integrity;

  public ApplicantController(IntakeClient intake, MilestoneClient milestones, ProblemMessages problems,
      IntegrityClient integrity) {
    this.integrity = integrity;
    this.intake = intake;
    this.milestones = milestones;
    this.problems = problems;
  }

  /**
   * The dashboard, with a banner when the organisation is under an integrity hold (issue 14 point 4): its end date
   * and what it blocks, as integrity-check answers for the token's own organisation.
   */
  @GetMapping
  Mono<Rendering> dashboard(@AuthenticationPrincipal OidcUser user) {
    String organisation = user == null ? null : user.getClaimAsString("org_code");
    Mono<IntegrityClient.OwnHolds> holds = organisation == null || organisation.isBlank()
        ? Mono.just(new IntegrityClient.OwnHolds(null, false, List.of()))
        : integrity.ownHolds(organisation);
    return Mono.zip(
            Panel.of(IntakeClient.SERVICE, intake.proposals(null, DASHBOARD_SIZE), problems),
            Panel.of(MilestoneClient.SERVICE, milestones.projects(DASHBOARD_SIZE), problems),
            Panel.of(IntegrityClient.SERVICE, holds, problems))
        .map(panels -> Rendering.view("applicant/dashboard")
            .modelAttribute("proposals", panels.getT1())
            .modelAttribute("projects", panels.getT2())
            .modelAttribute("holds", panels.getT3())
            .build());
  }

  /** The open calls (申报中), or with {@code all} every published program, closed calls included. */
  @GetMapping("/programs")
  Mono<Rendering> programs(@RequestParam(required = false) String after,
      @RequestParam(required = false) String all) {
    boolean everything = all != null;
    Mono<ProgramsPage> page = intake.programs(everything ? null : "OPEN", null, after, PAGE_SIZE)
        .flatMap(programs -> Flux.fromIterable(programs.items())
            .concatMap(p -> challengesOf(p).map(challenges -> new ProgramWithChallenges(p, challenges)))
            .collectList()
            .map(items -> new ProgramsPage(items, programs.nextCursor())));
    return Panel.of(IntakeClient.SERVICE, page, problems)
        .map(panel -> Rendering.view("applicant/programs")
            .modelAttribute("programs", panel)
            .modelAttribute("after", after)
            .modelAttribute("all", everything)
            .build());
  }

  @GetMapping("/proposals")
  Mono<Rendering> proposals(@RequestParam(required = false) String after) {
    return Panel.of(IntakeClient.SERVICE, intake.proposals(after, PAGE_SIZE), problems)
        .map(panel -> Rendering.view("applicant/proposals")
            .modelAttribute("proposals", panel)
            .modelAttribute("after", after)
            .build());
  }

  /** Another organisation's proposal is a 404 from the service: the not-found page ({@code PageErrors}). */
  @GetMapping("/proposals/{id}")
  Mono<Rendering> proposal(@PathVariable String id, @RequestParam(required = false) String submitted) {
    return intake.proposal(id)
        .flatMap(p -> Panel.of(IntakeClient.SERVICE, intake.files(id), problems)
            .map(files -> Rendering.view("applicant/proposal").modelAttribute("proposal", p)
                .modelAttribute("timeline", ProposalTimeline.of(p))
                .modelAttribute("files", files)
                .modelAttribute("submitted", submitted != null).build()));
  }

  private Mono<List<Challenge>> challengesOf(Program program) {
    if (!"CHALLENGE".equals(program.kind())) {
      return Mono.just(List.of());
    }
    return intake.challenges(program.id());
  }

  public record ProgramWithChallenges(Program program, List<Challenge> challenges) {}

  public record ProgramsPage(List<ProgramWithChallenges> items, String nextCursor) {}
}
