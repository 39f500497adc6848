package org.fundflow.portal.web.applicant;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.fundflow.portal.client.MilestoneClient;
import org.fundflow.portal.client.MilestoneClient.ProjectDetail;
import org.fundflow.portal.client.MilestoneClient.ReportRequest;
import org.fundflow.portal.client.Panel;
import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.ServiceProblem;
import org.fundflow.portal.client.SubsidyClient;
import org.fundflow.portal.format.Money;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The applicant's projects (milestone-review) with their payments (post-subsidy), and the report on the next due
 * milestone. Each part is a {@link Panel}: the project shows while post-subsidy is down, and the other way round
 * is not possible (the payments belong to the project page).
 */
@Controller
@RequestMapping("/applicant/projects")
public class ProjectsController {

  /** milestone-review does not page its project list yet: the portal shows at most this many. */
  static final int PROJECTS_SHOWN = 50;
  static final int PAYMENTS_PAGE = 10;
  private static final Pattern ZERO = Pattern.compile("[0０]+([.．][0０]{1,2})?");

  private final MilestoneClient milestones;
  private final SubsidyClient subsidy;
  private final ProblemMessages problems;

  public ProjectsController(MilestoneClient milestones, SubsidyClient subsidy, ProblemMessages problems) {
    this.milestones = milestones;
    this.subsidy = subsidy;
    this.problems = problems;
  }

  @GetMapping
  Mono<Rendering> projects() {
    return Panel.of(MilestoneClient.SERVICE, milestones.projects(PROJECTS_SHOWN), problems)
        .map(panel -> Rendering.view("applicant/projects").modelAttribute("projects", panel).build());
  }

  /** Another organisation's project is a 404 from milestone-review: the not-found page. */
  @GetMapping("/{id}")
  Mono<Rendering> project(@PathVariable String id, @RequestParam(required = false) String after,
      @RequestParam(required = false) String reported) {
    return milestones.project(id).flatMap(p -> page(p, after, UUID.randomUUID().toString(), null, null))
        .map(page -> page.modelAttribute("reported", reported != null).build());
  }

  @PostMapping("/{id}/reports")
  Mono<Rendering> report(@PathVariable String id, ServerWebExchange exchange) {
    return exchange.getFormData().flatMap(in -> {
      String key = in.getFirst("idempotencyKey");
      String spending = in.getFirst("spendingToDate") == null ? "" : in.getFirst("spendingToDate").strip();
      List<String> met = in.getOrDefault("deliverablesMet", List.of());
      Long spendingFen;
      try {
        spendingFen = ZERO.matcher(spending).matches() ? 0L : Money.parseYuanToFen(spending);
      } catch (Money.InvalidAmount e) {
        return milestones.project(id).flatMap(p -> page(p, null, key, null, "money.invalid." + e.reason()))
            .map(Rendering.Builder::build);
      }
      return milestones.submitReport(id, key, new ReportRequest(in.getFirst("milestoneId"), met, List.of(), spendingFen))
          .map(r -> Rendering.redirectTo("/applicant/projects/" + id + "?reported=1").status(HttpStatus.SEE_OTHER).build())
          .onErrorResume(ServiceProblem.class, e -> e.notFound() ? Mono.error(e)
              : milestones.project(id).flatMap(p -> page(p, null, key, problems.key(e), null)).map(Rendering.Builder::build));
    });
  }

  private Mono<Rendering.Builder<?>> page(ProjectDetail p, String after, String reportKey, String reportProblem,
      String spendingProblem) {
    return Panel.of(SubsidyClient.SERVICE, subsidy.disbursementsOfProject(p.projectId(), after, PAYMENTS_PAGE), problems)
        .map(payments -> Rendering.view("applicant/project")
            .modelAttribute("project", p)
            .modelAttribute("payments", payments)
            .modelAttribute("after", after)
            .modelAttribute("reportKey", reportKey)
            .modelAttribute("reportProblem", reportProblem)
            .modelAttribute("spendingProblem", spendingProblem));
  }
}
