package org.fundflow.portal.web.manager;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fundflow.portal.client.IntakeClient;
import org.fundflow.portal.client.Panel;
import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.ProgramManagementClient;
import org.fundflow.portal.client.ProgramManagementClient.ChallengeTerms;
import org.fundflow.portal.client.ServiceProblem;
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
 * A program manager's programs: list, create and edit drafts of the three kinds, open, close, post challenges. Which
 * step is offered follows the program's status as the service reports it; whether a step is allowed is the
 * service's decision (a refusal is shown in the user's language next to the field it names).
 */
@Controller
@RequestMapping("/manager")
public class ManagerProgramsController {

  static final int PAGE_SIZE = 10;

  static final Map<String, String> CHALLENGE_FIELDS = Map.of("postingOrganisationCode", "postingOrganisationCode",
      "postingOrganisationName", "postingOrganisationName", "title", "title", "problem", "problem",
      "targetIndicators", "targetIndicators", "maxFundingFen", "maxFunding", "deadlineDate", "deadlineDate");

  private final ProgramManagementClient programs;
  private final ProblemMessages problems;

  public ManagerProgramsController(ProgramManagementClient programs, ProblemMessages problems) {
    this.programs = programs;
    this.problems = problems;
  }

  @GetMapping
  Rendering start() {
    return Rendering.redirectTo("/manager/programs").build();
  }

  @GetMapping("/programs")
  Mono<Rendering> list(@RequestParam(required = false) String after) {
    return Panel.of(IntakeClient.SERVICE, programs.programs(after, PAGE_SIZE), problems)
        .map(panel -> Rendering.view("manager/programs").modelAttribute("programs", panel)
            .modelAttribute("after", after).modelAttribute("kinds", ProgramForm.KINDS).build());
  }

  @GetMapping("/programs/new")
  Rendering newProgram(@RequestParam(required = false) String kind) {
    return programForm(ProgramForm.empty(kind, newKey()), null, null, FormErrors.none(), HttpStatus.OK);
  }

  @PostMapping("/programs")
  Mono<Rendering> create(@ModelAttribute ProgramForm form) {
    return Mono.fromCallable(form::toTerms)
        .flatMap(terms -> programs.create(terms, form.idempotencyKey()))
        .map(p -> Rendering.redirectTo("/manager/programs/" + p.id()).build())
        .onErrorResume(ProgramForm.Unreadable.class, e -> Mono.just(programForm(form, null, null,
            FormErrors.local(e.fields()), HttpStatus.BAD_REQUEST)))
        .onErrorResume(ServiceProblem.class, e -> refused(e, programForm(form, null, null,
            FormErrors.of(e, problems, ProgramForm.SERVICE_FIELDS), HttpStatus.valueOf(e.status()))));
  }

  @GetMapping("/programs/{id}")
  Mono<Rendering> program(@PathVariable String id) {
    return programs.program(id).flatMap(p -> {
      Mono<Panel<List<ProgramManagementClient.ManagedChallenge>>> challenges = "CHALLENGE".equals(p.kind())
          ? Panel.of(IntakeClient.SERVICE, programs.challenges(id), problems)
          : Mono.just(new Panel<>(List.of(), IntakeClient.SERVICE, null));
      return challenges.map(c -> Rendering.view("manager/program").modelAttribute("program", p)
          .modelAttribute("challenges", c).build());
    });
  }

  /**
   * 立项评审: the program's reviewed proposals ranked by their expert review score, with each score's explanation,
   * where each stands, and any out-of-rank-order reason (auditors read it too); the award links follow the ranking.
   */
  @GetMapping("/programs/{id}/ranking")
  Mono<Rendering> ranking(@PathVariable String id) {
    return programs.program(id).flatMap(p -> Panel.of(IntakeClient.SERVICE, programs.ranking(id), problems)
        .map(r -> Rendering.view("manager/ranking").modelAttribute("program", p).modelAttribute("ranking", r).build()));
  }

  /** The draft's terms in the form, with the draft's version (its ETag) to send back as If-Match. */
  @GetMapping("/programs/{id}/edit")
  Mono<Rendering> edit(@PathVariable String id) {
    return programs.programTagged(id).map(p -> programForm(ProgramForm.of(p.value(), newKey()), id, p.etag(),
        FormErrors.none(), HttpStatus.OK));
  }

  /**
   * Saves the draft on the version the form was rendered from; when someone changed the draft meanwhile (412) the
   * form keeps what was typed, says so and links to the current draft (the version stays the old one: saving again
   * is refused again until the manager reloaded).
   */
  @PostMapping("/programs/{id}")
  Mono<Rendering> save(@PathVariable String id, @ModelAttribute ProgramForm form, @ModelAttribute EditedVersion version) {
    return Mono.fromCallable(form::toTerms)
        .flatMap(terms -> programs.edit(id, terms, version.etag(), form.idempotencyKey()))
        .map(p -> Rendering.redirectTo("/manager/programs/" + p.id()).build())
        .onErrorResume(ProgramForm.Unreadable.class, e -> Mono.just(programForm(form, id, version.etag(),
            FormErrors.local(e.fields()), HttpStatus.BAD_REQUEST)))
        .onErrorResume(ServiceProblem.class, e -> refused(e, programForm(form, id, version.etag(),
            e.status() == 412 ? new FormErrors(Map.of(), "manager.programForm.changed")
                : FormErrors.of(e, problems, ProgramForm.SERVICE_FIELDS), HttpStatus.valueOf(e.status()))));
  }

  /** The version (ETag) of the draft an edit form was rendered from: a form field, sent back as If-Match. */
  public record EditedVersion(String etag) {}

  /** {@code open} or {@code close}: a refusal (not a draft any more, already closed) is shown on the program page. */
  @PostMapping("/programs/{id}/{step:open|close}")
  Mono<Rendering> change(@PathVariable String id, @PathVariable String step,
      @ModelAttribute StepForm form) {
    return programs.change(id, step, form.idempotencyKey())
        .map(p -> Rendering.redirectTo("/manager/programs/" + id).build())
        .onErrorResume(ServiceProblem.class, e -> e.notFound() || e.status() == 403 ? Mono.error(e)
            : programs.program(id).map(p -> Rendering.view("manager/program").modelAttribute("program", p)
                .modelAttribute("challenges", new Panel<>(List.of(), IntakeClient.SERVICE, null))
                .modelAttribute("problemKey", problems.key(e))
                .status(HttpStatus.valueOf(e.status())).build()));
  }

  @GetMapping("/programs/{id}/challenges/new")
  Mono<Rendering> newChallenge(@PathVariable String id) {
    return programs.program(id).map(p -> challengeForm(p, new ChallengeForm("", "", "", "", "", "", "", newKey()),
        FormErrors.none(), HttpStatus.OK));
  }

  @PostMapping("/programs/{id}/challenges")
  Mono<Rendering> postChallenge(@PathVariable String id, @ModelAttribute ChallengeForm form) {
    return programs.program(id).flatMap(p -> Mono.fromCallable(form::toTerms)
        .flatMap(terms -> programs.postChallenge(id, terms, form.idempotencyKey()))
        .map(c -> Rendering.redirectTo("/manager/programs/" + id).build())
        .onErrorResume(ProgramForm.Unreadable.class, e -> Mono.just(challengeForm(p, form, FormErrors.local(e.fields()),
            HttpStatus.BAD_REQUEST)))
        .onErrorResume(ServiceProblem.class, e -> refused(e, challengeForm(p, form,
            FormErrors.of(e, problems, CHALLENGE_FIELDS), HttpStatus.valueOf(e.status())))));
  }

  /**
   * A refused form is shown again with its errors; a 404 or 403 is the not-found page of {@code PageErrors} (the
   * portal does not reveal what the user may not see).
   */
  static Mono<Rendering> refused(ServiceProblem e, Rendering form) {
    return e.notFound() || e.status() == 403 ? Mono.error(e) : Mono.just(form);
  }

  private Rendering programForm(ProgramForm form, String programId, String etag, FormErrors errors,
      HttpStatus status) {
    return Rendering.view("manager/program-form").modelAttribute("form", form).modelAttribute("programId", programId)
        .modelAttribute("etag", etag)
        .modelAttribute("titleKey", programId == null ? "manager.programForm.new" : "manager.programForm.edit")
        .modelAttribute("errors", errors).status(status).build();
  }

  private Rendering challengeForm(ProgramManagementClient.ManagedProgram program, ChallengeForm form, FormErrors errors,
      HttpStatus status) {
    return Rendering.view("manager/challenge-form").modelAttribute("program", program).modelAttribute("form", form)
        .modelAttribute("errors", errors).status(status).build();
  }

  static String newKey() {
    return UUID.randomUUID().toString();
  }

  /** A form that only carries its key (open, close). */
  public record StepForm(String idempotencyKey) {}

  /** A challenge (榜单) as typed: the maximum funding in yuan, one target indicator per line. */
  public record ChallengeForm(String postingOrganisationCode, String postingOrganisationName, String title,
      String problem, String targetIndicators, String maxFunding, String deadlineDate, String idempotencyKey) {

    ChallengeTerms toTerms() {
      Map<String, String> errors = new LinkedHashMap<>();
      long maxFundingFen = 0;
      try {
        maxFundingFen = Money.parseYuanToFen(maxFunding);
      } catch (Money.InvalidAmount e) {
        errors.put("maxFunding", "money.invalid." + e.reason());
      }
      LocalDate deadline = null;
      try {
        deadline = deadlineDate == null || deadlineDate.isBlank() ? null : LocalDate.parse(deadlineDate.strip());
      } catch (java.time.DateTimeException e) {
        errors.put("deadlineDate", "manager.invalid.deadlineDate");
      }
      if (!errors.isEmpty()) {
        throw new ProgramForm.Unreadable(errors);
      }
      List<String> indicators = targetIndicators == null ? List.of()
          : Arrays.stream(targetIndicators.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
      return new ChallengeTerms(strip(postingOrganisationCode), strip(postingOrganisationName), strip(title),
          strip(problem), indicators, maxFundingFen, deadline);
    }

    private static String strip(String s) {
      return s == null ? "" : s.strip();
    }
  }
}
