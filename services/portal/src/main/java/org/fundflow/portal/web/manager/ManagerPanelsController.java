package org.fundflow.portal.web.manager;

import java.util.ArrayList;
import java.util.LinkedHashSet;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Panels on milestone reports (the project page is {@link ManagerProjectController}'s): one report with its panel (who declared, who scored) and
 * its decision with the explanation (totals used and dropped, mean, rule), and forming a panel by picking experts
 * from milestone-review's searchable, paged list. The experts picked so far travel in the page's address
 * ({@code chosen}), so searching and paging never lose them and every step works without a script. Whether a panel
 * is acceptable (size, odd, conflicts) is milestone-review's decision.
 */
@Controller
@RequestMapping("/manager/projects")
public class ManagerPanelsController {

  static final int PAGE_SIZE = 10;
  static final int MAX_CHOSEN = 25;

  private final PanelClient panels;
  private final ProblemMessages problems;

  public ManagerPanelsController(PanelClient panels, ProblemMessages problems) {
    this.panels = panels;
    this.problems = problems;
  }

  @GetMapping("/{projectId}/reports/{reportId}")
  Mono<Rendering> report(@PathVariable String projectId, @PathVariable String reportId) {
    return Mono.zip(panels.project(projectId), panels.report(projectId, reportId))
        .flatMap(t -> names(t.getT2()).map(names -> Rendering.view("manager/report").modelAttribute("project", t.getT1())
            .modelAttribute("report", t.getT2()).modelAttribute("expertNames", names).build()));
  }

  /**
   * The names of the panel's and the recused experts, from milestone-review's expert profiles (the report names them
   * by id); an expert whose profile cannot be read is shown by its id.
   */
  private Mono<Map<String, String>> names(PanelClient.ReportDetail report) {
    return names(panels, java.util.stream.Stream.concat(report.panel().stream().map(PanelClient.Seat::expertId),
        report.recusedExperts().stream().map(PanelClient.Recusal::expertId)).toList());
  }

  /** Experts' names by id from their profiles; one whose profile cannot be read is left out (shown by its id). */
  static Mono<Map<String, String>> names(PanelClient panels, List<String> expertIds) {
    return Flux.fromIterable(new LinkedHashSet<>(expertIds))
        .flatMap(id -> panels.expert(id).filter(e -> e.name() != null && !e.name().isBlank())
            .map(e -> Map.entry(id, e.name())).onErrorResume(e -> Mono.empty()))
        .collectMap(Map.Entry::getKey, Map.Entry::getValue);
  }

  @GetMapping("/{projectId}/reports/{reportId}/panel")
  Mono<Rendering> choose(@PathVariable String projectId, @PathVariable String reportId,
      @RequestParam(required = false) String q, @RequestParam(required = false) String after,
      @RequestParam(required = false) List<String> chosen, @RequestParam(required = false) String remove) {
    List<String> kept = chosen == null ? List.of() : chosen.stream().filter(id -> !id.equals(remove)).toList();
    return panelPage(projectId, reportId, q, after, kept, FormErrors.none(), HttpStatus.OK);
  }

  @PostMapping("/{projectId}/reports/{reportId}/panel")
  Mono<Rendering> form(@PathVariable String projectId, @PathVariable String reportId,
      @ModelAttribute PanelForm form) {
    List<String> experts = distinct(form.chosen());
    return panels.formPanel(projectId, reportId, experts, form.idempotencyKey())
        .map(r -> Rendering.redirectTo("/manager/projects/" + projectId + "/reports/" + reportId).build())
        .onErrorResume(ServiceProblem.class, e -> e.notFound() || e.status() == 403 ? Mono.error(e)
            : panelPage(projectId, reportId, null, null, experts,
                FormErrors.of(e, problems, Map.of("expertIds", "chosen")), HttpStatus.valueOf(e.status())));
  }

  private Mono<Rendering> panelPage(String projectId, String reportId, String q, String after, List<String> chosen,
      FormErrors errors, HttpStatus status) {
    return Mono.zip(panels.project(projectId), panels.report(projectId, reportId),
            choice(panels, problems, q, after, chosen))
        .map(t -> Rendering.view("manager/panel-form").modelAttribute("project", t.getT1())
            .modelAttribute("report", t.getT2()).modelAttribute("subjectTitle", t.getT1().title())
            .modelAttribute("panelPath", "/manager/projects/" + projectId + "/reports/" + reportId + "/panel")
            .model(t.getT3()).modelAttribute("errors", errors).status(status).build());
  }

  /**
   * What the panel form shows whatever the panel is for (a milestone report, a proposal's 立项评审): the experts
   * chosen so far (by their profiles), one page of the expert search, the search text and a fresh form key.
   */
  static Mono<Map<String, Object>> choice(PanelClient panels, ProblemMessages problems, String q, String after,
      List<String> chosen) {
    List<String> picked = distinct(chosen);
    String text = q == null || q.isBlank() ? null : q.strip();
    Mono<List<PanelClient.Expert>> chosenExperts = Flux.fromIterable(picked)
        .concatMap(id -> panels.expert(id)
            .onErrorResume(ServiceProblem.class, e -> Mono.just(new PanelClient.Expert(id, null, null, null, List.of()))))
        .collectList();
    return Mono.zip(chosenExperts, Panel.of(MilestoneClient.SERVICE, panels.experts(text, after, PAGE_SIZE), problems))
        .map(t -> {
          Map<String, Object> model = new java.util.HashMap<>();
          model.put("chosen", t.getT1());
          model.put("chosenIds", picked);
          model.put("experts", t.getT2());
          model.put("q", text);
          model.put("after", after);
          model.put("formKey", ManagerProgramsController.newKey());
          return model;
        });
  }

  /** The panel form (a form body: WebFlux binds {@code @RequestParam} from the query only). */
  public record PanelForm(List<String> chosen, String idempotencyKey) {}

  static List<String> distinct(List<String> ids) {
    if (ids == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>(new LinkedHashSet<>(ids.stream().filter(s -> s != null && !s.isBlank())
        .map(String::strip).toList()));
    return out.size() > MAX_CHOSEN ? out.subList(0, MAX_CHOSEN) : out;
  }
}
