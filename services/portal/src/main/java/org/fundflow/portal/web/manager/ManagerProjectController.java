package org.fundflow.portal.web.manager;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.fundflow.portal.client.MilestoneClient;
import org.fundflow.portal.client.MilestoneClient.AssessDiligence;
import org.fundflow.portal.client.MilestoneClient.ProjectAction;
import org.fundflow.portal.client.Panel;
import org.fundflow.portal.client.PanelClient;
import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.ServiceProblem;
import org.fundflow.portal.client.SubsidyClient;
import org.fundflow.portal.client.SubsidyClient.DisbursementPage;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The program manager's project page (issue 17 points 3 and 5): the project, its reports and milestones, its history
 * and change requests (approve or refuse with a reason), suspend / resume / terminate with a reason, and the diligence
 * assessments (尽职免责) of a FAILED review or the termination. Whether a step is allowed is milestone-review's
 * decision: the page offers what fits the project's status and shows the service's refusal next to the field.
 * milestone-review takes no Idempotency-Key on these steps (a repeated suspension is a 409 {@code project-suspended},
 * a second assessment 409 {@code already-assessed}), so the forms carry none.
 */
@Controller
@RequestMapping("/manager/projects")
public class ManagerProjectController {

  /** The payments an auditor sees on a project page (post-subsidy lets auditors, not program managers, read them). */
  static final int PAYMENTS_SHOWN = 50;

  /** The value of the diligence form's subject for the project's termination (else a FAILED report's id). */
  static final String TERMINATION = "termination";

  private final PanelClient panels;
  private final MilestoneClient milestones;
  private final SubsidyClient subsidy;
  private final ProblemMessages problems;

  public ManagerProjectController(PanelClient panels, MilestoneClient milestones, SubsidyClient subsidy,
      ProblemMessages problems) {
    this.panels = panels;
    this.milestones = milestones;
    this.subsidy = subsidy;
    this.problems = problems;
  }

  /** What a refused form shows again: which form ({@code status}, a change request's id, {@code diligence}). */
  public record Refused(String form, FormErrors errors, Map<String, String> values) {
    public boolean is(String name) {
      return form.equals(name);
    }

    public String value(String field) {
      return values.getOrDefault(field, "");
    }
  }

  @GetMapping("/{projectId}")
  Mono<Rendering> project(@PathVariable String projectId, Authentication authentication) {
    return page(projectId, authentication, null, HttpStatus.OK);
  }

  /** Suspend, resume or terminate (the button pressed) with the reason typed. */
  @PostMapping("/{projectId}/status")
  Mono<Rendering> status(@PathVariable String projectId, ServerWebExchange exchange, Authentication authentication) {
    return exchange.getFormData().flatMap(in -> {
      String reason = text(in.getFirst("statusReason"));
      ProjectAction action = Arrays.stream(ProjectAction.values()).filter(a -> a.name().equals(in.getFirst("action")))
          .findFirst().orElse(null);
      if (action == null) {
        return Mono.just(Rendering.redirectTo("/manager/projects/" + projectId).status(HttpStatus.SEE_OTHER).build());
      }
      return milestones.decide(projectId, action, reason)
          .map(p -> done(projectId, "status"))
          .onErrorResume(ServiceProblem.class, e -> refused(e, projectId, authentication, new Refused("status",
              FormErrors.of(e, problems, Map.of("reason", "statusReason")), Map.of("statusReason", reason))));
    });
  }

  /** Approve or refuse (the button pressed) a pending change request with the reason typed. */
  @PostMapping("/{projectId}/change-requests/{requestId}/decision")
  Mono<Rendering> decideChange(@PathVariable String projectId, @PathVariable String requestId,
      ServerWebExchange exchange, Authentication authentication) {
    return exchange.getFormData().flatMap(in -> {
      String reason = text(in.getFirst("decisionReason"));
      boolean approve = "approve".equals(in.getFirst("decision"));
      return milestones.decideChange(projectId, requestId, approve, reason)
          .map(r -> done(projectId, "changes"))
          .onErrorResume(ServiceProblem.class, e -> refused(e, projectId, authentication, new Refused(requestId,
              FormErrors.of(e, problems, Map.of("reason", "decisionReason", "approve", "decisionReason")),
              Map.of("decisionReason", reason))));
    });
  }

  /** Records the team's diligence on a FAILED review or the termination (尽职免责). */
  @PostMapping("/{projectId}/diligence")
  Mono<Rendering> assess(@PathVariable String projectId, ServerWebExchange exchange, Authentication authentication) {
    return exchange.getFormData().flatMap(in -> {
      String subject = text(in.getFirst("subject"));
      String diligent = text(in.getFirst("diligent"));
      String misconduct = text(in.getFirst("misconduct"));
      String explanation = text(in.getFirst("explanation"));
      String refs = text(in.getFirst("evidenceRefs"));
      List<String> evidence = Arrays.stream(refs.split("[\\s,，;；]+")).filter(s -> !s.isBlank()).toList();
      AssessDiligence body = new AssessDiligence(subject.isEmpty() || TERMINATION.equals(subject) ? null : subject,
          yesNo(diligent), yesNo(misconduct), explanation, evidence.isEmpty() ? null : evidence);
      return milestones.assess(projectId, body)
          .map(a -> done(projectId, "diligence"))
          .onErrorResume(ServiceProblem.class, e -> refused(e, projectId, authentication, new Refused("diligence",
              FormErrors.of(e, problems, Map.of("reportId", "subject", "diligent", "diligent",
                  "misconduct", "misconduct", "explanation", "explanation", "evidenceRefs", "evidenceRefs")),
              Map.of("subject", subject, "diligent", diligent, "misconduct", misconduct, "explanation", explanation,
                  "evidenceRefs", refs))));
    });
  }

  private static Rendering done(String projectId, String anchor) {
    return Rendering.redirectTo("/manager/projects/" + projectId + "#" + anchor).status(HttpStatus.SEE_OTHER).build();
  }

  private Mono<Rendering> refused(ServiceProblem e, String projectId, Authentication authentication, Refused refused) {
    return e.notFound() || e.status() == 403 ? Mono.error(e)
        : page(projectId, authentication, refused, HttpStatus.valueOf(e.status()));
  }

  private Mono<Rendering> page(String projectId, Authentication authentication, Refused refused, HttpStatus status) {
    boolean auditor = authentication.getAuthorities().stream().anyMatch(a -> "ROLE_AUDITOR".equals(a.getAuthority()));
    Mono<Panel<DisbursementPage>> payments = auditor
        ? Panel.of(SubsidyClient.SERVICE, subsidy.disbursementsOfProject(projectId, null, PAYMENTS_SHOWN), problems)
        : Mono.just(new Panel<>(null, SubsidyClient.SERVICE, null));
    return Mono.zip(panels.project(projectId), payments,
            Panel.of(MilestoneClient.SERVICE, milestones.history(projectId), problems),
            Panel.of(MilestoneClient.SERVICE, milestones.assessments(projectId), problems))
        .map(t -> Rendering.view("manager/project").modelAttribute("project", t.getT1())
            .modelAttribute("payments", t.getT2()).modelAttribute("history", t.getT3())
            .modelAttribute("assessments", t.getT4())
            .modelAttribute("failedReports", t.getT1().reports().stream()
                .filter(r -> "FAILED".equals(r.outcome())).toList())
            .modelAttribute("refused", refused == null ? new Refused("", FormErrors.none(), Map.of()) : refused)
            .status(status).build());
  }

  private static Boolean yesNo(String value) {
    return "yes".equals(value) ? Boolean.TRUE : "no".equals(value) ? Boolean.FALSE : null;
  }

  private static String text(String value) {
    return value == null ? "" : value.strip();
  }
}
