package org.fundflow.portal.web.manager;

import java.util.List;
import org.fundflow.portal.client.Panel;
import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.ServiceProblem;
import org.fundflow.portal.client.VoucherClient;
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
 * The program manager's queue of service-provider registrations (issue 18 point 1): by status (pending first), each
 * with its organisation code, categories and contact; approve, or reject with a reason. Auditors read it. project-intake
 * decides: a registration decided once, a reason required to reject.
 */
@Controller
@RequestMapping("/manager/providers")
public class ManagerProvidersController {

  static final int PAGE_SIZE = 20;
  static final List<String> STATUSES = List.of("PENDING", "APPROVED", "REJECTED");

  private final VoucherClient vouchers;
  private final ProblemMessages problems;

  public ManagerProvidersController(VoucherClient vouchers, ProblemMessages problems) {
    this.vouchers = vouchers;
    this.problems = problems;
  }

  @GetMapping
  Mono<Rendering> queue(@RequestParam(required = false) String status, @RequestParam(required = false) String after) {
    return page(status != null && STATUSES.contains(status) ? status : "PENDING", after, null, null, null, HttpStatus.OK);
  }

  @PostMapping("/{id}/approve")
  Mono<Rendering> approve(@PathVariable String id) {
    return vouchers.approve(id)
        .map(p -> redirect("/manager/providers?decided=" + p.id()))
        .onErrorResume(ServiceProblem.class, e -> page("PENDING", null, id, problems.key(e), null,
            HttpStatus.valueOf(e.status())));
  }

  @PostMapping("/{id}/reject")
  Mono<Rendering> reject(@PathVariable String id, ServerWebExchange exchange) {
    return exchange.getFormData().flatMap(in -> {
      String reason = in.getFirst("reason") == null ? "" : in.getFirst("reason").strip();
      if (reason.isEmpty()) {
        return page("PENDING", null, id, "manager.providers.reasonRequired", reason, HttpStatus.BAD_REQUEST);
      }
      return vouchers.reject(id, reason)
          .map(p -> redirect("/manager/providers?decided=" + p.id()))
          .onErrorResume(ServiceProblem.class, e -> page("PENDING", null, id, problems.key(e), reason,
              HttpStatus.valueOf(e.status())));
    });
  }

  /** {@code failedId}: the row whose decision was refused, to show the problem (and the typed reason) there. */
  private Mono<Rendering> page(String status, String after, String failedId, String problem, String reason,
      HttpStatus httpStatus) {
    return Panel.of(VoucherClient.SERVICE, vouchers.providers(status, after, PAGE_SIZE), problems)
        .map(providers -> Rendering.view("manager/providers").modelAttribute("providers", providers)
            .modelAttribute("status", status).modelAttribute("statuses", STATUSES).modelAttribute("after", after)
            .modelAttribute("failedId", failedId).modelAttribute("problem", problem)
            .modelAttribute("reason", reason == null ? "" : reason).status(httpStatus).build());
  }

  static Rendering redirect(String to) {
    return Rendering.redirectTo(to).status(HttpStatus.SEE_OTHER).build();
  }
}
