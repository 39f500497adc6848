package org.fundflow.portal.web.finance;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fundflow.portal.client.ClaimsClient;
import org.fundflow.portal.client.IntakeClient;
import org.fundflow.portal.client.Panel;
import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.ServiceProblem;
import org.fundflow.portal.client.SubsidyClient;
import org.fundflow.portal.client.Tagged;
import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finance staff at work on post-subsidy's payments: the queues "to prepare" (CREATED) and "to release" (PREPARED) per
 * program with the totals the service computes, held payments with their hold, a payment with its prepare or release
 * form, the budget page of a program (from post-subsidy and project-intake) and the expenditure claims with their
 * verification. Every form carries the record's ETag (If-Match) and its own Idempotency-Key; what a person may do is
 * the service's to decide (four eyes, holds, budget): the page only leaves out what it would refuse for certain.
 */
@Controller
@RequestMapping("/finance")
public class FinanceController {

  static final int PAGE_SIZE = 20;
  static final Map<String, String> QUEUES = Map.of("prepare", "CREATED", "release", "PREPARED");
  static final List<String> CLAIM_STATUSES = List.of("SUBMITTED", "VERIFIED", "REJECTED");
  /** A refusal after which a double click or a retry is answered by showing the payment as it now is. */
  static final Set<String> ALREADY_DONE = Set.of("problem.version-mismatch", "problem.release-in-progress",
      "problem.already-released", "problem.concurrent-change", "problem.status.409", "problem.status.412");

  /** At most this many pages of 100 programs are read for their names. */
  static final int PROGRAM_PAGES = 10;

  private final SubsidyClient subsidy;
  private final IntakeClient intake;
  private final ClaimsClient claims;
  private final ProblemMessages problems;
  private final MessageSource messages;

  public FinanceController(SubsidyClient subsidy, IntakeClient intake, ClaimsClient claims, ProblemMessages problems,
      MessageSource messages) {
    this.subsidy = subsidy;
    this.intake = intake;
    this.claims = claims;
    this.problems = problems;
    this.messages = messages;
  }

  /**
   * The programs' names by id, read from project-intake's program list for this page (never stored); empty when
   * project-intake does not answer (the pages then show the ids and a text filter).
   */
  Mono<Map<String, String>> programNames() {
    return intake.programs(null, 100)
        .expand(page -> page.nextCursor() == null ? Mono.empty() : intake.programs(page.nextCursor(), 100))
        .take(PROGRAM_PAGES)
        .flatMapIterable(IntakeClient.Page::items)
        .collectMap(IntakeClient.Program::id, IntakeClient.Program::name, java.util.LinkedHashMap::new)
        .onErrorResume(e -> Mono.just(Map.of()));
  }

  /**
   * The officer's queue, or the approver's for an approver who is not also an officer; an auditor (who reads both)
   * starts with the queue to prepare. The roles are the login's (SecurityConfig maps them onto the authentication), not
   * the OIDC user's own authorities.
   */
  @GetMapping
  Mono<Rendering> start(org.springframework.security.core.Authentication authentication) {
    boolean approverOnly = authentication != null
        && authentication.getAuthorities().stream().noneMatch(a -> "ROLE_FINANCE_OFFICER".equals(a.getAuthority()))
        && authentication.getAuthorities().stream().anyMatch(a -> "ROLE_FINANCE_APPROVER".equals(a.getAuthority()));
    return Mono.just(Rendering.redirectTo(approverOnly ? "/finance/queues/release" : "/finance/queues/prepare").build());
  }

  // ------------------------------------------------------------------ queues

  @GetMapping("/queues/{queue}")
  Mono<Rendering> queue(@PathVariable String queue, @RequestParam(required = false) String programId,
      @RequestParam(required = false) String after) {
    String status = QUEUES.get(queue);
    if (status == null) {
      return Mono.just(Rendering.view("not-found").status(HttpStatus.NOT_FOUND).build());
    }
    String program = blankToNull(programId);
    String cursor = blankToNull(after);
    return Mono.zip(Panel.of(SubsidyClient.SERVICE, subsidy.payments(status, program, cursor, PAGE_SIZE), problems),
            Panel.of(SubsidyClient.SERVICE, subsidy.payments("ON_HOLD", program, null, PAGE_SIZE), problems),
            programNames())
        .map(t -> {
          String path = "/finance/queues/" + queue;
          String next = t.getT1().ok() && t.getT1().data().nextAfter() != null
              ? link(path, program, t.getT1().data().nextAfter()) : null;
          return Rendering.view("finance/queue").modelAttribute("queue", queue).modelAttribute("page", t.getT1())
              .modelAttribute("held", t.getT2()).modelAttribute("programId", program)
              .modelAttribute("programs", t.getT3())
              .modelAttribute("firstLink", cursor == null ? null : link(path, program, null))
              .modelAttribute("nextLink", next).build();
        });
  }

  static String link(String path, String programId, String after) {
    UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
    if (programId != null) {
      b.queryParam("programId", programId);
    }
    if (after != null) {
      b.queryParam("after", after);
    }
    return b.encode().build().toUriString();
  }

  // ------------------------------------------------------------------ a payment: prepare, release

  @GetMapping("/payments/{id}")
  Mono<Rendering> payment(@PathVariable String id) {
    return paymentPage(id, null, Map.of(), HttpStatus.OK);
  }

  @PostMapping("/payments/{id}/preparation")
  Mono<Rendering> prepare(@PathVariable String id, ServerWebExchange exchange, @AuthenticationPrincipal OidcUser user) {
    return exchange.getFormData().flatMap(f -> subsidy.prepare(id, f.getFirst("payeeName"), f.getFirst("bank"),
            f.getFirst("accountNumber"), f.getFirst("etag"), f.getFirst("idempotencyKey"))
        .map(p -> Rendering.redirectTo("/finance/payments/" + id).build())
        .onErrorResume(ServiceProblem.class, p -> refused(id, "prepare", p, f, "PREPARED", user, false)));
  }

  @PostMapping("/payments/{id}/release")
  Mono<Rendering> release(@PathVariable String id, ServerWebExchange exchange, @AuthenticationPrincipal OidcUser user) {
    return exchange.getFormData().flatMap(f -> subsidy.release(id, f.getFirst("paymentReference"), f.getFirst("etag"),
            f.getFirst("idempotencyKey"))
        .map(p -> Rendering.redirectTo("/finance/payments/" + id).build())
        .onErrorResume(ServiceProblem.class, p -> refused(id, "release", p, f, "RELEASED", user, true)));
  }

  /**
   * A refused step. When it was refused because the same person's first click already did it (a double click or a
   * retry with the page's ETag: version mismatch or a release in flight), the payment is shown as it now is; anything
   * else is shown on the payment page next to the form and its fields, with what was typed.
   */
  private Mono<Rendering> refused(String id, String form, ServiceProblem problem, MultiValueMap<String, String> typed,
      String done, OidcUser user, boolean release) {
    String key = problems.key(problem);
    if (ALREADY_DONE.contains(key) && user != null) {
      // the first click may still be writing (a release in flight): look again a few times before saying no
      return Mono.defer(() -> subsidy.payment(id)).map(Tagged::value)
          .filter(p -> done.equals(p.status())
              && user.getSubject().equals(release ? p.releasedBy() : p.preparedBy()))
          .repeatWhenEmpty(5, tries -> tries.delayElements(java.time.Duration.ofMillis(400)))
          .map(p -> Rendering.redirectTo("/finance/payments/" + id).build())
          .onErrorResume(e -> Mono.empty())
          .switchIfEmpty(Mono.defer(() -> paymentPage(id, FinanceFormProblem.of(form, problem, problems, messages),
              typed.toSingleValueMap(), HttpStatus.valueOf(problem.status()))));
    }
    return paymentPage(id, FinanceFormProblem.of(form, problem, problems, messages), typed.toSingleValueMap(),
        HttpStatus.valueOf(problem.status()));
  }

  private Mono<Rendering> paymentPage(String id, FinanceFormProblem problem, Map<String, String> typed,
      HttpStatus status) {
    return Mono.zip(Panel.of(SubsidyClient.SERVICE, subsidy.payment(id), problems), programNames())
        .map(t -> {
          Panel<Tagged<SubsidyClient.Payment>> p = t.getT1();
          return Rendering.view("finance/payment").modelAttribute("payment", p).modelAttribute("problem", problem)
              .modelAttribute("typed", typed).modelAttribute("programs", t.getT2())
              .status(p.ok() || problem != null ? status : unavailableOrNotFound(p)).build();
        });
  }

  // ------------------------------------------------------------------ budget

  @GetMapping("/budget")
  Mono<Rendering> budgetChooser(@RequestParam(required = false) String programId) {
    String program = blankToNull(programId);
    return program == null
        ? programNames().map(names -> Rendering.view("finance/budget-choose").modelAttribute("programs", names).build())
        : Mono.just(Rendering.redirectTo(UriComponentsBuilder.fromPath("/finance/programs/{id}/budget")
            .buildAndExpand(program).encode().toUriString()).build());
  }

  /** The budget of a program from both services: intake's budget and awarded, post-subsidy's paid and reserved. */
  @GetMapping("/programs/{programId}/budget")
  Mono<Rendering> budget(@PathVariable String programId) {
    return Mono.zip(Panel.of(IntakeClient.SERVICE, intake.program(programId), problems),
            Panel.of(SubsidyClient.SERVICE, subsidy.budget(programId), problems))
        .map(t -> Rendering.view("finance/budget").modelAttribute("programId", programId)
            .modelAttribute("program", t.getT1()).modelAttribute("budget", t.getT2()).build());
  }

  // ------------------------------------------------------------------ claims

  @GetMapping("/claims")
  Mono<Rendering> claims(@RequestParam(required = false) String programId,
      @RequestParam(required = false) String status, @RequestParam(required = false) String after) {
    String program = blankToNull(programId);
    String st = blankToNull(status);
    String cursor = blankToNull(after);
    return Mono.zip(Panel.of(SubsidyClient.SERVICE, subsidy.claims(program, st, cursor, PAGE_SIZE), problems),
        programNames()).map(t -> {
      Panel<SubsidyClient.ClaimPage> p = t.getT1();
      UriComponentsBuilder base = UriComponentsBuilder.fromPath("/finance/claims");
      if (program != null) {
        base.queryParam("programId", program);
      }
      if (st != null) {
        base.queryParam("status", st);
      }
      String first = base.cloneBuilder().encode().build().toUriString();
      String next = p.ok() && p.data().nextAfter() != null
          ? base.cloneBuilder().queryParam("after", p.data().nextAfter()).encode().build().toUriString() : null;
      return Rendering.view("finance/claims").modelAttribute("page", p).modelAttribute("programId", program)
          .modelAttribute("programs", t.getT2())
          .modelAttribute("status", st).modelAttribute("statuses", CLAIM_STATUSES)
          .modelAttribute("firstLink", cursor == null ? null : first).modelAttribute("nextLink", next).build();
    });
  }

  @GetMapping("/claims/{id}")
  Mono<Rendering> claim(@PathVariable String id) {
    return claimPage(id, null, Map.of(), HttpStatus.OK);
  }

  @PostMapping("/claims/{id}/verification")
  Mono<Rendering> verify(@PathVariable String id, ServerWebExchange exchange) {
    return exchange.getFormData().flatMap(f -> subsidy.verify(id, f.getFirst("outcome"), f.getFirst("reason"),
            f.getFirst("etag"))
        .map(c -> Rendering.redirectTo("/finance/claims/" + id).build())
        .onErrorResume(ServiceProblem.class, p -> claimPage(id, FinanceFormProblem.of("verify", p, problems, messages),
            f.toSingleValueMap(), HttpStatus.valueOf(p.status()))));
  }

  /**
   * The claim with its evidence files (audited statements, tax forms: issue 15 point 7) and, while it is SUBMITTED, the
   * computation verifying it would give, before the officer confirms.
   */
  private Mono<Rendering> claimPage(String id, FinanceFormProblem problem, Map<String, String> typed,
      HttpStatus status) {
    return Panel.of(SubsidyClient.SERVICE, subsidy.claim(id), problems).flatMap(c -> {
      Mono<Panel<SubsidyClient.Computation>> computation = c.ok() && "SUBMITTED".equals(c.data().value().status())
          ? Panel.of(SubsidyClient.SERVICE, subsidy.computation(id), problems)
          : Mono.just(new Panel<>(null, SubsidyClient.SERVICE, null));
      Mono<Panel<List<ClaimsClient.ClaimFile>>> files = c.ok()
          ? Panel.of(SubsidyClient.SERVICE, claims.files(id), problems)
          : Mono.just(new Panel<>(List.of(), SubsidyClient.SERVICE, null));
      return Mono.zip(computation, files, programNames()).map(t -> Rendering.view("finance/claim")
          .modelAttribute("claim", c).modelAttribute("computation", t.getT1()).modelAttribute("files", t.getT2())
          .modelAttribute("programs", t.getT3()).modelAttribute("problem", problem).modelAttribute("typed", typed)
          .status(c.ok() || problem != null ? status : unavailableOrNotFound(c)).build());
    });
  }

  /** A claim's evidence file streamed through from post-subsidy (which decides who may read it). */
  @GetMapping("/claims/{id}/evidence/{fileId}")
  @ResponseBody
  Mono<ResponseEntity<Flux<DataBuffer>>> evidence(@PathVariable String id, @PathVariable String fileId,
      ServerWebExchange exchange) {
    return claims.download(id, fileId, exchange.getRequest().getHeaders());
  }

  static HttpStatus unavailableOrNotFound(Panel<?> panel) {
    return Panel.UNAVAILABLE.equals(panel.messageKey()) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.NOT_FOUND;
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
