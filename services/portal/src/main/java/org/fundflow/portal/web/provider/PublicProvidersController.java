package org.fundflow.portal.web.provider;

import org.fundflow.portal.client.Panel;
import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.VoucherClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * The public list of approved service providers that take innovation vouchers (issue 18 point 1: "listed publicly by
 * category"), readable without logging in: name, organisation code and categories; no contact person.
 */
@Controller
public class PublicProvidersController {

  static final int PAGE_SIZE = 50;

  private final VoucherClient vouchers;
  private final ProblemMessages problems;

  public PublicProvidersController(VoucherClient vouchers, ProblemMessages problems) {
    this.vouchers = vouchers;
    this.problems = problems;
  }

  @GetMapping("/public/providers")
  Mono<Rendering> list(@RequestParam(required = false) String category, @RequestParam(required = false) String after) {
    String shown = category != null && VoucherClient.CATEGORIES.contains(category) ? category : null;
    return Panel.of(VoucherClient.SERVICE, vouchers.approvedProviders(shown, after, PAGE_SIZE), problems)
        .map(panel -> Rendering.view("provider/public").modelAttribute("providers", panel)
            .modelAttribute("category", shown == null ? "" : shown)
            .modelAttribute("categories", VoucherClient.CATEGORIES).modelAttribute("after", after).build());
  }
}
