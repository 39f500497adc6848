package org.fundflow.portal.web.manager;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fundflow.portal.client.MilestoneClient;
import org.fundflow.portal.client.Panel;
import org.fundflow.portal.client.PanelClient;
import org.fundflow.portal.client.PanelClient.Recusal;
import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.ServiceProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * 回避 then a new expert: when an expert on a panel declares a conflict of interest it leaves, and the program manager
 * appoints another expert to the free seat — on a proposal's review panel (立项评审) or on a milestone report's panel.
 * The page shows who left and why, and the expert search with one "appoint" button per expert; experts on the panel
 * or who declared a conflict are marked and not offered. milestone-review decides (a free seat, no conflict).
 */
@Controller
public class ManagerSeatController {

  static final String REVIEW_SEAT = "/manager/proposals/{proposalId}/panel/seat";
  static final String REPORT_SEAT = "/manager/projects/{projectId}/reports/{reportId}/panel/seat";

  private final PanelClient panels;
  private final ProblemMessages problems;

  public ManagerSeatController(PanelClient panels, ProblemMessages problems) {
    this.panels = panels;
    this.problems = problems;
  }

  /** The expert the manager appoints (a form body: WebFlux binds {@code @RequestParam} from the query only). */
  public record SeatForm(String expertId) {}

  @GetMapping(REVIEW_SEAT)
  Mono<Rendering> reviewSeat(@PathVariable String proposalId, @RequestParam(required = false) String q,
      @RequestParam(required = false) String after) {
    return panels.proposalReview(proposalId)
        .flatMap(r -> page(Seats.of(r), q, after, FormErrors.none(), HttpStatus.OK));
  }

  @PostMapping(REVIEW_SEAT)
  Mono<Rendering> fillReviewSeat(@PathVariable String proposalId, @ModelAttribute SeatForm form) {
    String back = "/manager/proposals/" + proposalId + "/panel";
    return appoint(form, expertId -> panels.fillReviewSeat(proposalId, expertId).thenReturn(back),
        () -> panels.proposalReview(proposalId).map(Seats::of));
  }

  @GetMapping(REPORT_SEAT)
  Mono<Rendering> reportSeat(@PathVariable String projectId, @PathVariable String reportId,
      @RequestParam(required = false) String q, @RequestParam(required = false) String after) {
    return seats(projectId, reportId).flatMap(s -> page(s, q, after, FormErrors.none(), HttpStatus.OK));
  }

  @PostMapping(REPORT_SEAT)
  Mono<Rendering> fillReportSeat(@PathVariable String projectId, @PathVariable String reportId,
      @ModelAttribute SeatForm form) {
    String back = "/manager/projects/" + projectId + "/reports/" + reportId;
    return appoint(form, expertId -> panels.fillSeat(projectId, reportId, expertId).thenReturn(back),
        () -> seats(projectId, reportId));
  }

  private Mono<Seats> seats(String projectId, String reportId) {
    return Mono.zip(panels.project(projectId), panels.report(projectId, reportId))
        .map(t -> Seats.of(t.getT1(), t.getT2()));
  }

  private Mono<Rendering> appoint(SeatForm form, Function<String, Mono<String>> fill,
      Supplier<Mono<Seats>> seats) {
    String expertId = form.expertId() == null ? "" : form.expertId().strip();
    if (expertId.isEmpty()) {
      return seats.get().flatMap(s -> page(s, null, null, FormErrors.local(Map.of("expert", "manager.seat.pick")),
          HttpStatus.BAD_REQUEST));
    }
    return fill.apply(expertId).map(back -> Rendering.redirectTo(back).build())
        .onErrorResume(ServiceProblem.class, e -> e.notFound() || e.status() == 403 ? Mono.error(e)
            : seats.get().flatMap(s -> page(s, null, null, errors(e), HttpStatus.valueOf(e.status()))));
  }

  /** The service's refusal in the seat's words: "each once" of a whole panel means "already on it" here. */
  private FormErrors errors(ServiceProblem e) {
    FormErrors errors = FormErrors.of(e, problems, Map.of("expertId", "expert"));
    return "problem.invalid-panel".equals(errors.problemKey())
        ? new FormErrors(errors.fields(), "manager.seat.onPanelAlready") : errors;
  }

  private Mono<Rendering> page(Seats seats, String q, String after, FormErrors errors, HttpStatus status) {
    String text = q == null || q.isBlank() ? null : q.strip();
    List<String> named = Stream.concat(seats.seated().stream(), seats.recusals().stream().map(Recusal::expertId))
        .toList();
    return Mono.zip(ManagerPanelsController.names(panels, named),
            Panel.of(MilestoneClient.SERVICE,
                panels.experts(text, after, ManagerPanelsController.PAGE_SIZE), problems))
        .map(t -> Rendering.view("manager/seat-form").modelAttribute("seats", seats)
            .modelAttribute("expertNames", t.getT1()).modelAttribute("experts", t.getT2())
            .modelAttribute("q", text).modelAttribute("after", after).modelAttribute("errors", errors)
            .status(status).build());
  }

  /**
   * What the page needs of either panel: where it belongs (title, the page to return to, the form's address), how
   * many seats are free, who sits and who left.
   */
  public record Seats(String subjectTitle, String backPath, String seatPath, int vacant, Set<String> seated,
      List<Recusal> recusals) {

    static Seats of(PanelClient.ProposalReview r) {
      return new Seats(r.title(), "/manager/proposals/" + r.proposalId() + "/panel",
          "/manager/proposals/" + r.proposalId() + "/panel/seat", r.vacantSeats(),
          r.panel().stream().map(PanelClient.ReviewSeat::expertId).collect(Collectors.toUnmodifiableSet()),
          r.recusedExperts());
    }

    static Seats of(PanelClient.ProjectDetail project, PanelClient.ReportDetail report) {
      String reportPath = "/manager/projects/" + project.projectId() + "/reports/" + report.reportId();
      return new Seats(project.title() + " · " + project.milestoneTitle(report.milestoneId()), reportPath,
          reportPath + "/panel/seat", report.vacantSeats(),
          report.panel().stream().map(PanelClient.Seat::expertId).collect(Collectors.toUnmodifiableSet()),
          report.recusedExperts());
    }

    public boolean recused(String expertId) {
      return recusals.stream().anyMatch(r -> r.expertId().equals(expertId));
    }
  }
}
