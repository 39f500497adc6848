package org.fundflow.portal.web.manager;

import java.util.List;
import java.util.Map;
import org.fundflow.portal.client.IntakeClient;
import org.fundflow.portal.client.IntegrityRecordsClient;
import org.fundflow.portal.client.Panel;
import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.ProgramManagementClient;
import org.fundflow.portal.client.ProgramManagementClient.ManagedProposal;
import org.fundflow.portal.client.ServiceProblem;
import org.fundflow.portal.client.Tagged;
import org.fundflow.portal.format.Money;
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
 * The proposal queue of a program (filtered and paged by project-intake) and the decisions on one proposal: screen,
 * send to review, reject with a reason, award an amount. The award page puts the organisation's integrity record
 * (integrity-check) and the program's remaining budget (project-intake) in view before the decision; the services
 * decide whether the decision stands. Every decision sends {@code If-Match} with the ETag the page was built from.
 */
@Controller
@RequestMapping("/manager")
public class ManagerProposalsController {

  static final int PAGE_SIZE = 10;
  static final List<String> STATUSES = List.of("SUBMITTED", "SCREENING", "UNDER_REVIEW", "UNDER_NOTICE", "AWARDED",
      "AWARD_WITHDRAWN", "REJECTED", "WITHDRAWN", "DRAFT");

  private final ProgramManagementClient intake;
  private final IntegrityRecordsClient integrity;
  private final ProblemMessages problems;

  public ManagerProposalsController(ProgramManagementClient intake, IntegrityRecordsClient integrity,
      ProblemMessages problems) {
    this.intake = intake;
    this.integrity = integrity;
    this.problems = problems;
  }

  @GetMapping("/programs/{programId}/proposals")
  Mono<Rendering> queue(@PathVariable String programId, @RequestParam(required = false) String status,
      @RequestParam(required = false) String organisationCode, @RequestParam(required = false) String after) {
    String s = status != null && STATUSES.contains(status) ? status : null;
    String org = organisationCode == null || organisationCode.isBlank() ? null : organisationCode.strip();
    return intake.program(programId).flatMap(program ->
        Panel.of(IntakeClient.SERVICE, intake.proposals(programId, s, org, after, PAGE_SIZE), problems)
            .map(panel -> Rendering.view("manager/queue").modelAttribute("program", program)
                .modelAttribute("proposals", panel).modelAttribute("statuses", STATUSES)
                .modelAttribute("status", s).modelAttribute("organisationCode", org).modelAttribute("after", after)
                .build()));
  }

  @GetMapping("/proposals/{id}")
  Mono<Rendering> proposal(@PathVariable String id) {
    return intake.proposal(id).map(p -> proposalPage(p, null, FormErrors.none(), HttpStatus.OK));
  }

  /** {@code screen} or {@code review}: no body, the ETag read. */
  @PostMapping("/proposals/{id}/{step:screen|review}")
  Mono<Rendering> step(@PathVariable String id, @PathVariable String step, @ModelAttribute DecisionForm form) {
    return intake.decide(id, step, null, form.etag(), form.idempotencyKey())
        .map(p -> Rendering.redirectTo("/manager/proposals/" + id).build())
        .onErrorResume(ServiceProblem.class, e -> again(id, e, null, FormErrors.of(e, problems, Map.of())));
  }

  @PostMapping("/proposals/{id}/reject")
  Mono<Rendering> reject(@PathVariable String id, @ModelAttribute DecisionForm form) {
    return intake.decide(id, "reject", Map.of("reason", form.reason() == null ? "" : form.reason().strip()), form.etag(),
            form.idempotencyKey())
        .map(p -> Rendering.redirectTo("/manager/proposals/" + id).build())
        .onErrorResume(ServiceProblem.class, e -> again(id, e, form,
            FormErrors.of(e, problems, Map.of("reason", "reason"))));
  }

  @GetMapping("/proposals/{id}/award")
  Mono<Rendering> awardPage(@PathVariable String id) {
    return intake.proposal(id).flatMap(p -> awardPage(p, new DecisionForm(p.etag(), "",
        ProgramForm.yuan(p.value().requestedAmountFen()), ManagerProgramsController.newKey(), ""), FormErrors.none(),
        HttpStatus.OK));
  }

  @PostMapping("/proposals/{id}/award")
  Mono<Rendering> award(@PathVariable String id, @ModelAttribute DecisionForm form) {
    long amountFen;
    try {
      amountFen = Money.parseYuanToFen(form.amount());
    } catch (Money.InvalidAmount e) {
      return intake.proposal(id).flatMap(p -> awardPage(p, form,
          FormErrors.local(Map.of("amount", "money.invalid." + e.reason())), HttpStatus.BAD_REQUEST));
    }
    // 立项评审: the written reason for an award out of rank order goes with the award when given
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("amountFen", amountFen);
    if (form.rankReason() != null && !form.rankReason().isBlank()) {
      body.put("outOfRankOrderReason", form.rankReason().strip());
    }
    return intake.decide(id, "award", body, form.etag(), form.idempotencyKey())
        .map(p -> Rendering.redirectTo("/manager/proposals/" + id).build())
        .onErrorResume(ServiceProblem.class, e -> e.notFound() || e.status() == 403 ? Mono.error(e)
            : intake.proposal(id).flatMap(p -> awardPage(p, form, awardErrors(e), HttpStatus.valueOf(e.status()))));
  }

  /** An award refused out of rank order (立项评审) also marks the reason field, where the manager writes it. */
  private FormErrors awardErrors(ServiceProblem e) {
    FormErrors mapped = FormErrors.of(e, problems, Map.of("amountFen", "amount", "outOfRankOrderReason", "rankReason"));
    if ("problem.out-of-rank-order".equals(mapped.problemKey())) {
      return new FormErrors(Map.of("rankReason", "manager.invalid.rankReason"), mapped.problemKey());
    }
    return mapped;
  }

  /** The proposal page again with why the decision was refused (e.g. someone else decided first: 412). */
  private Mono<Rendering> again(String id, ServiceProblem e, DecisionForm form, FormErrors errors) {
    if (e.notFound() || e.status() == 403) {
      return Mono.error(e);
    }
    return intake.proposal(id).map(p -> proposalPage(p, form, errors, HttpStatus.valueOf(e.status())));
  }

  private Rendering proposalPage(Tagged<ManagedProposal> p, DecisionForm form, FormErrors errors,
      HttpStatus status) {
    DecisionForm shown = form != null ? new DecisionForm(p.etag(), form.reason(), form.amount(), form.idempotencyKey(),
        form.rankReason()) : new DecisionForm(p.etag(), "", "", ManagerProgramsController.newKey(), "");
    return Rendering.view("manager/proposal").modelAttribute("proposal", p.value()).modelAttribute("form", shown)
        .modelAttribute("errors", errors).status(status).build();
  }

  private Mono<Rendering> awardPage(Tagged<ManagedProposal> p, DecisionForm form, FormErrors errors,
      HttpStatus status) {
    ManagedProposal proposal = p.value();
    // the ETag of what is shown now: a decision is taken on this page's figures, not on an older read
    DecisionForm shown = new DecisionForm(p.etag(), form.reason(), form.amount(), form.idempotencyKey(),
        form.rankReason());
    return Mono.zip(
            Panel.of(IntakeClient.SERVICE, intake.program(proposal.programId()), problems),
            Panel.of(IntegrityRecordsClient.SERVICE, integrity.organisation(proposal.organisationCode()), problems),
            Panel.of(IntakeClient.SERVICE, intake.ranking(proposal.programId()), problems))
        .map(t -> Rendering.view("manager/award").modelAttribute("proposal", proposal)
            .modelAttribute("program", t.getT1()).modelAttribute("integrity", t.getT2())
            .modelAttribute("ranking", t.getT3())
            .modelAttribute("form", shown).modelAttribute("errors", errors).status(status).build());
  }

  /**
   * A decision form: the ETag it was built from, a reason (reject), an amount in yuan (award), one key per form, and
   * the written reason for an award out of rank order ({@code rankReason}, 立项评审).
   */
  public record DecisionForm(String etag, String reason, String amount, String idempotencyKey, String rankReason) {}
}
