package org.fundflow.portal.web.applicant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.fundflow.portal.client.MilestoneClient;
import org.fundflow.portal.client.MilestoneClient.EvidenceFile;
import org.fundflow.portal.client.MilestoneClient.ProjectDetail;
import org.fundflow.portal.client.MilestoneClient.ReportRequest;
import org.fundflow.portal.client.Panel;
import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.ServiceProblem;
import org.fundflow.portal.client.SubsidyClient;
import org.fundflow.portal.format.Money;
import org.fundflow.portal.web.manager.FormErrors;
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
 * The applicant's projects (milestone-review) with their payments (post-subsidy), and the report on the next due
 * milestone. Each part is a {@link Panel}: the project shows while post-subsidy is down, and the other way round
 * is not possible (the payments belong to the project page).
 */
@Controller
@RequestMapping("/applicant/projects")
public class ProjectsController {

  /** milestone-review does not page its project list yet: the portal shows at most this many. */
  static final int PAGE_SIZE = 20;
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
  Mono<Rendering> projects(@RequestParam(required = false) String after) {
    return Panel.of(MilestoneClient.SERVICE, milestones.projects(after, PAGE_SIZE), problems)
        .map(panel -> Rendering.view("applicant/projects").modelAttribute("projects", panel)
            .modelAttribute("after", after).build());
  }

  /** Another organisation's project is a 404 from milestone-review: the not-found page. */
  @GetMapping("/{id}")
  Mono<Rendering> project(@PathVariable String id, @RequestParam(required = false) String after,
      @RequestParam(required = false) String reported, @RequestParam(required = false) String changed) {
    return projectPage(id, after, reported, changed);
  }

  /** The project page; {@code changed} set after a change request was sent. */
  private Mono<Rendering> projectPage(String id, String after, String reported, String changed) {
    return milestones.project(id).flatMap(p -> page(p, after, UUID.randomUUID().toString(), null, null))
        .map(page -> page.modelAttribute("reported", reported != null).modelAttribute("changed", changed != null)
            .build());
  }

  // ---------------------------------------------------------------- change requests (issue 17 point 5)

  /** The budget lines the change form offers (empty ones are left out). */
  static final int BUDGET_ROWS = 6;

  /** The change form as typed, to show again when refused. */
  public record ChangeForm(String kind, String milestoneId, String newDueDate, List<String> categories,
      List<String> amounts, String team, String justification) {
    static ChangeForm empty() {
      return new ChangeForm("", "", "", List.of(), List.of(), "", "");
    }

    public String category(int row) {
      return row < categories.size() ? categories.get(row) : "";
    }

    public String amount(int row) {
      return row < amounts.size() ? amounts.get(row) : "";
    }
  }

  /** Which fields of milestone-review's answer belong to which field of the change form. */
  static final Map<String, String> CHANGE_FIELDS = Map.of("kind", "kind", "milestoneId", "milestoneId",
      "newDueDate", "newDueDate", "budgetLines", "budgetLines", "teamOrganisationCodes", "teamOrganisationCodes",
      "justification", "justification");

  /**
   * Sends the applicant's change request: only the fields of the kind chosen; amounts typed in yuan go as fen
   * (an amount or date the portal cannot read is shown next to its field and the service is not asked). Whether the
   * change is acceptable (budget adding up, the milestone still open) is milestone-review's to say.
   */
  @PostMapping("/{id}/change-requests")
  Mono<Rendering> requestChange(@PathVariable String id, ServerWebExchange exchange) {
    return exchange.getFormData().flatMap(in -> {
      ChangeForm form = new ChangeForm(text(in.getFirst("kind")), text(in.getFirst("milestoneId")),
          text(in.getFirst("newDueDate")), in.getOrDefault("category", List.of()).stream().map(ProjectsController::text)
              .toList(), in.getOrDefault("amount", List.of()).stream().map(ProjectsController::text).toList(),
          text(in.getFirst("team")), text(in.getFirst("justification")));
      Map<String, String> local = new LinkedHashMap<>();
      java.time.LocalDate due = null;
      List<MilestoneClient.BudgetLine> lines = new java.util.ArrayList<>();
      List<String> team = List.of();
      switch (form.kind()) {
        case "MILESTONE_DUE_DATE" -> {
          try {
            due = form.newDueDate().isEmpty() ? null : java.time.LocalDate.parse(form.newDueDate());
          } catch (java.time.format.DateTimeParseException e) {
            local.put("newDueDate", "applicant.invalid.newDueDate");
          }
        }
        case "BUDGET_REALLOCATION" -> {
          for (int row = 0; row < Math.max(form.categories().size(), form.amounts().size()); row++) {
            String category = form.category(row);
            String amount = form.amount(row);
            if (category.isEmpty() && amount.isEmpty()) {
              continue;
            }
            try {
              lines.add(new MilestoneClient.BudgetLine(category,
                  ZERO.matcher(amount).matches() ? 0L : Money.parseYuanToFen(amount)));
            } catch (Money.InvalidAmount e) {
              local.put("budgetLines", "applicant.invalid.budgetLines");
            }
          }
        }
        case "TEAM_CHANGE" -> team = java.util.Arrays.stream(form.team().split("[\s,，;；]+"))
            .filter(c -> !c.isBlank()).toList();
        default -> { }
      }
      if (!local.isEmpty()) {
        return changePage(id, form, FormErrors.local(local), HttpStatus.BAD_REQUEST);
      }
      MilestoneClient.ChangeRequestBody body = new MilestoneClient.ChangeRequestBody(
          form.kind().isEmpty() ? null : form.kind(),
          "MILESTONE_DUE_DATE".equals(form.kind()) && !form.milestoneId().isEmpty() ? form.milestoneId() : null, due,
          "BUDGET_REALLOCATION".equals(form.kind()) ? lines : null, "TEAM_CHANGE".equals(form.kind()) ? team : null,
          form.justification());
      return milestones.requestChange(id, body)
          .map(r -> Rendering.redirectTo("/applicant/projects/" + id + "?changed=1#changes").status(HttpStatus.SEE_OTHER)
              .build())
          .onErrorResume(ServiceProblem.class, e -> e.notFound() || e.status() == 403 ? Mono.error(e)
              : changePage(id, form, FormErrors.of(e, problems, CHANGE_FIELDS, "applicant.invalid."),
                  HttpStatus.valueOf(e.status())));
    });
  }

  private Mono<Rendering> changePage(String id, ChangeForm form, FormErrors errors, HttpStatus status) {
    return milestones.project(id).flatMap(p -> page(p, null, UUID.randomUUID().toString(), null, null))
        .map(page -> page.modelAttribute("change", form).modelAttribute("changeErrors", errors).status(status).build());
  }

  private static String text(String value) {
    return value == null ? "" : value.strip();
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
      List<String> files = in.getOrDefault("evidenceFileIds", List.of());
      return milestones.submitReport(id, key, new ReportRequest(in.getFirst("milestoneId"), met, List.of(), spendingFen,
              files.isEmpty() ? null : files))
          .map(r -> Rendering.redirectTo("/applicant/projects/" + id + "?reported=1").status(HttpStatus.SEE_OTHER).build())
          .onErrorResume(ServiceProblem.class, e -> e.notFound() ? Mono.error(e)
              : milestones.project(id).flatMap(p -> page(p, null, key, problems.key(e), null)).map(Rendering.Builder::build));
    });
  }

  // ---------------------------------------------------------------- evidence files (issue 15 point 7)

  /**
   * Uploads one evidence file to the due milestone (streamed through, never held whole: the multipart reader keeps a
   * large part on disk, the client streams its buffers on); it stays pending until the report names it. A refusal
   * (413, 415, 400) is shown next to the file field.
   */
  @PostMapping("/{id}/milestones/{milestoneId}/evidence")
  Mono<Rendering> uploadEvidence(@PathVariable String id, @PathVariable String milestoneId,
      ServerWebExchange exchange) {
    return exchange.getMultipartData().flatMap(parts -> {
      Part part = parts.getFirst("file");
      if (!(part instanceof FilePart file) || file.filename().isBlank()) {
        return evidencePage(id, "applicant.files.choose", HttpStatus.BAD_REQUEST);
      }
      return milestones.uploadEvidence(id, milestoneId, file)
          .map(stored -> Rendering.redirectTo("/applicant/projects/" + id + "#evidence").status(HttpStatus.SEE_OTHER)
              .build())
          .onErrorResume(ServiceProblem.class, e -> e.notFound() ? Mono.error(e)
              : evidencePage(id, problems.key(e), HttpStatus.valueOf(e.status())));
    });
  }

  @PostMapping("/{id}/milestones/{milestoneId}/evidence/{fileId}/delete")
  Mono<Rendering> deleteEvidence(@PathVariable String id, @PathVariable String milestoneId,
      @PathVariable String fileId) {
    return milestones.deleteEvidence(id, milestoneId, fileId)
        .thenReturn(Rendering.redirectTo("/applicant/projects/" + id + "#evidence").status(HttpStatus.SEE_OTHER).build())
        .onErrorResume(ServiceProblem.class, e -> e.notFound() ? Mono.error(e)
            : evidencePage(id, problems.key(e), HttpStatus.valueOf(e.status())));
  }

  /** A report's file, streamed from milestone-review with its name, type, length and ETag. */
  @GetMapping("/{id}/reports/{reportId}/evidence/{fileId}")
  @ResponseBody
  Mono<ResponseEntity<Flux<DataBuffer>>> reportFile(@PathVariable String id, @PathVariable String reportId,
      @PathVariable String fileId, ServerWebExchange exchange) {
    return milestones.downloadReportEvidence(id, reportId, fileId, exchange.getRequest().getHeaders());
  }

  /** A pending file of the due milestone (before a report names it). */
  @GetMapping("/{id}/milestones/{milestoneId}/evidence/{fileId}")
  @ResponseBody
  Mono<ResponseEntity<Flux<DataBuffer>>> milestoneFile(@PathVariable String id, @PathVariable String milestoneId,
      @PathVariable String fileId, ServerWebExchange exchange) {
    return milestones.downloadMilestoneEvidence(id, milestoneId, fileId, exchange.getRequest().getHeaders());
  }

  private Mono<Rendering> evidencePage(String id, String evidenceProblem, HttpStatus status) {
    return milestones.project(id)
        .flatMap(p -> page(p, null, UUID.randomUUID().toString(), null, null))
        .map(page -> page.modelAttribute("evidenceProblem", evidenceProblem).status(status).build());
  }

  /** The files of the project's reports (each report a version, with who added each file and when) and the pending ones. */
  public record ProjectFiles(List<EvidenceFile> pending, Map<String, List<EvidenceFile>> byReport) {}

  private Mono<ProjectFiles> files(ProjectDetail p) {
    Mono<List<EvidenceFile>> pending = p.nextDueMilestoneId() == null || !"ACTIVE".equals(p.status())
        ? Mono.just(List.of())
        : milestones.milestoneEvidence(p.projectId(), p.nextDueMilestoneId())
            .map(all -> all.stream().filter(EvidenceFile::pending).toList());
    Mono<Map<String, List<EvidenceFile>>> byReport = Flux.fromIterable(p.reports())
        .concatMap(r -> milestones.reportEvidence(p.projectId(), r.reportId()).map(f -> Map.entry(r.reportId(), f)))
        .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
    return Mono.zip(pending, byReport).map(t -> new ProjectFiles(t.getT1(), t.getT2()));
  }

  private Mono<Rendering.Builder<?>> page(ProjectDetail p, String after, String reportKey, String reportProblem,
      String spendingProblem) {
    return Mono.zip(
            Panel.of(SubsidyClient.SERVICE, subsidy.disbursementsOfProject(p.projectId(), after, PAYMENTS_PAGE), problems),
            Panel.of(MilestoneClient.SERVICE, files(p), problems),
            Panel.of(MilestoneClient.SERVICE, milestones.history(p.projectId()), problems),
            Panel.of(SubsidyClient.SERVICE, subsidy.recoveries(), problems))
        .map(t -> Rendering.view("applicant/project")
            .modelAttribute("project", p)
            .modelAttribute("payments", t.getT1())
            .modelAttribute("files", t.getT2())
            .modelAttribute("history", t.getT3())
            .modelAttribute("recoveries", t.getT4())
            .modelAttribute("owedFen", t.getT4().ok() ? t.getT4().data().stream().filter(SubsidyClient.Recovery::owed)
                .mapToLong(SubsidyClient.Recovery::amountFen).reduce(0L, Math::addExact) : 0L)
            .modelAttribute("change", ChangeForm.empty())
            .modelAttribute("changeErrors", FormErrors.none())
            .modelAttribute("budgetRows", java.util.stream.IntStream.range(0, BUDGET_ROWS).boxed().toList())
            .modelAttribute("after", after)
            .modelAttribute("reportKey", reportKey)
            .modelAttribute("reportProblem", reportProblem)
            .modelAttribute("spendingProblem", spendingProblem));
  }
}
