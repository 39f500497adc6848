package org.fundflow.portal.web.provider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fundflow.portal.client.Panel;
import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.ServiceProblem;
import org.fundflow.portal.client.VoucherClient;
import org.fundflow.portal.client.VoucherClient.Provider;
import org.fundflow.portal.web.LegalRepresentativeField;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The service provider's area (科技服务机构, issue 18 point 5): its organisation's registration (the form until it has
 * registered, then its status and the program manager's decision), the vouchers enterprises used on contracts with it,
 * and the settlement claim once the service is delivered. project-intake decides who may register and claim.
 */
@Controller
@RequestMapping("/provider")
public class ProviderController {

  static final int PAGE_SIZE = 20;

  private final VoucherClient vouchers;
  private final ProblemMessages problems;

  public ProviderController(VoucherClient vouchers, ProblemMessages problems) {
    this.vouchers = vouchers;
    this.problems = problems;
  }

  @GetMapping
  Mono<Rendering> home(@AuthenticationPrincipal OidcUser user, @RequestParam(required = false) String after) {
    return page(user, RegistrationForm.of(user), Map.of(), null, after, HttpStatus.OK);
  }

  @PostMapping("/registration")
  Mono<Rendering> register(@AuthenticationPrincipal OidcUser user, ServerWebExchange exchange) {
    return exchange.getFormData().flatMap(in -> {
      RegistrationForm form = RegistrationForm.of(in);
      Map<String, String> errors = new LinkedHashMap<>();
      if (form.name().isBlank()) {
        errors.put("name", "provider.register.nameRequired");
      }
      if (form.categories().isEmpty()) {
        errors.put("categories", "provider.register.categoriesRequired");
      }
      if (!errors.isEmpty()) {
        return page(user, form, errors, null, null, HttpStatus.BAD_REQUEST);
      }
      return vouchers.register(form.organisationCode(), form.name(), form.categories(),
              form.contact().isBlank() ? null : form.contact(), LegalRepresentativeField.of(in))
          .map(p -> redirect("/provider?registered=1"))
          .onErrorResume(ServiceProblem.class, e -> {
            String key = problems.key(e);
            Map<String, String> field = key.equals("problem.invalid-organisation-code")
                ? Map.of("organisationCode", key) : LegalRepresentativeField.error(e);
            return page(user, form, field, field.isEmpty() ? key : null, null, HttpStatus.valueOf(e.status()));
          });
    });
  }

  @PostMapping("/vouchers/{id}/settlement-claim")
  Mono<Rendering> claimSettlement(@AuthenticationPrincipal OidcUser user, @PathVariable String id) {
    return vouchers.claimSettlement(id)
        .map(v -> redirect("/provider?claimed=" + id))
        .onErrorResume(ServiceProblem.class, e -> e.notFound() ? Mono.error(e)
            : page(user, RegistrationForm.of(user), Map.of(), problems.key(e), null, HttpStatus.valueOf(e.status())));
  }

  @GetMapping("/vouchers/{id}/documents/{documentId}")
  @ResponseBody
  Mono<ResponseEntity<Flux<DataBuffer>>> document(@PathVariable String id, @PathVariable String documentId,
      ServerWebExchange exchange) {
    return vouchers.download(id, documentId, exchange.getRequest().getHeaders());
  }

  private Mono<Rendering> page(OidcUser user, RegistrationForm form, Map<String, String> errors, String problem,
      String after, HttpStatus status) {
    String organisation = user.getClaimAsString("org_code");
    Mono<Optional<Provider>> own = organisation == null ? Mono.just(Optional.empty())
        : vouchers.ownRegistration(organisation);
    return Mono.zip(Panel.of(VoucherClient.SERVICE, own, problems),
            Panel.of(VoucherClient.SERVICE, vouchers.vouchers(null, after, PAGE_SIZE), problems))
        .map(t -> Rendering.view("provider/home").modelAttribute("registration", t.getT1())
            .modelAttribute("vouchers", t.getT2()).modelAttribute("form", form).modelAttribute("errors", errors)
            .modelAttribute("problem", problem).modelAttribute("categories", VoucherClient.CATEGORIES)
            .modelAttribute("after", after).status(status).build());
  }

  static Rendering redirect(String to) {
    return Rendering.redirectTo(to).status(HttpStatus.SEE_OTHER).build();
  }

  /**
   * The registration form as typed; the organisation code and name start as the login's. The legal representative's
   * ID number is not part of it: it is read from the request, passed on and never rendered again.
   */
  public record RegistrationForm(String organisationCode, String name, List<String> categories, String contact) {

    static RegistrationForm of(OidcUser user) {
      String code = user.getClaimAsString("org_code");
      String name = user.getClaimAsString("org_name");
      return new RegistrationForm(code == null ? "" : code, name == null ? "" : name, List.of(), "");
    }

    static RegistrationForm of(MultiValueMap<String, String> in) {
      List<String> categories = in.getOrDefault("categories", List.of()).stream()
          .filter(VoucherClient.CATEGORIES::contains).distinct().toList();
      return new RegistrationForm(value(in, "organisationCode"), value(in, "name"), categories, value(in, "contact"));
    }

    private static String value(MultiValueMap<String, String> in, String name) {
      String v = in.getFirst(name);
      return v == null ? "" : v.strip();
    }

    public boolean offers(String category) {
      return categories.contains(category);
    }
  }
}
