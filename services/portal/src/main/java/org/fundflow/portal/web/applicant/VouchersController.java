package org.fundflow.portal.web.applicant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fundflow.portal.client.Panel;
import org.fundflow.portal.client.ProblemMessages;
import org.fundflow.portal.client.ServiceProblem;
import org.fundflow.portal.client.VoucherClient;
import org.fundflow.portal.client.VoucherClient.PublicProvider;
import org.fundflow.portal.client.VoucherClient.Voucher;
import org.fundflow.portal.format.Money;
import org.fundflow.portal.web.LegalRepresentativeField;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
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
 * The enterprise's innovation vouchers (创新券, issue 18 point 5): its vouchers, the application to an open VOUCHER
 * program (small-and-medium declaration and integrity pledge), one voucher's page with the service contract (the
 * provider from the public list, the category, the amount, the contract document, in one form) and the delivery
 * confirmation once the provider has claimed settlement. project-intake decides eligibility, the cap, expiry and
 * every refusal; post-subsidy the amount paid.
 */
@Controller
@RequestMapping("/applicant/vouchers")
public class VouchersController {

  static final int PAGE_SIZE = 20;
  static final int PROVIDERS_SHOWN = 100;

  private final VoucherClient vouchers;
  private final ProblemMessages problems;

  public VouchersController(VoucherClient vouchers, ProblemMessages problems) {
    this.vouchers = vouchers;
    this.problems = problems;
  }

  @GetMapping
  Mono<Rendering> list(@RequestParam(required = false) String after) {
    return listPage(after, Map.of(), null, "", HttpStatus.OK);
  }

  /** The form carries one Idempotency-Key per rendering: the same form sent twice applies once. */
  @PostMapping
  Mono<Rendering> apply(ServerWebExchange exchange) {
    return exchange.getFormData().flatMap(in -> {
      String programId = in.getFirst("programId");
      String key = in.getFirst("idempotencyKey");
      if (programId == null || programId.isBlank()) {
        return listPage(null, Map.of("programId", "voucher.apply.chooseProgram"), null, "", HttpStatus.BAD_REQUEST);
      }
      if (key == null || key.isBlank()) {
        return Mono.just(redirect("/applicant/vouchers"));
      }
      return vouchers.apply(programId, key, "true".equals(in.getFirst("pledgeAccepted")), in.getFirst("pledgeVersion"),
              "true".equals(in.getFirst("smeDeclared")), LegalRepresentativeField.of(in))
          .map(v -> redirect("/applicant/vouchers/" + v.id() + "?issued=1"))
          .onErrorResume(ServiceProblem.class, e -> {
            Map<String, String> field = LegalRepresentativeField.error(e);
            return listPage(null, field, field.isEmpty() ? problems.key(e) : null, programId,
                HttpStatus.valueOf(e.status()));
          });
    });
  }

  /** Another enterprise's voucher is a 404 from project-intake: the not-found page. */
  @GetMapping("/{id}")
  Mono<Rendering> voucher(@PathVariable String id) {
    return voucherPage(id, ContractForm.EMPTY, Map.of(), null, HttpStatus.OK);
  }

  /**
   * The contract with its document in one form: the portal reads the amount and checks that something was chosen,
   * stores the document on the voucher, then registers the contract naming it. A refused contract leaves the document
   * on the voucher unused (the next attempt uploads it again).
   */
  @PostMapping("/{id}/contract")
  Mono<Rendering> contract(@PathVariable String id, ServerWebExchange exchange) {
    return exchange.getMultipartData().flatMap(parts -> {
      ContractForm form = ContractForm.of(parts);
      Map<String, String> errors = new LinkedHashMap<>();
      if (form.providerId().isBlank()) {
        errors.put("providerId", "voucher.contract.chooseProvider");
      }
      if (form.category().isBlank()) {
        errors.put("category", "voucher.contract.chooseCategory");
      }
      long amountFen = 0;
      try {
        amountFen = Money.parseYuanToFen(form.amount());
      } catch (Money.InvalidAmount e) {
        errors.put("amount", "money.invalid." + e.reason());
      }
      FilePart file = parts.getFirst("file") instanceof FilePart f && !f.filename().isBlank() ? f : null;
      if (file == null) {
        errors.put("file", "voucher.contract.chooseFile");
      }
      if (!errors.isEmpty()) {
        return voucherPage(id, form, errors, null, HttpStatus.BAD_REQUEST);
      }
      long fen = amountFen;
      return vouchers.uploadContractDocument(id, file)
          .flatMap(doc -> vouchers.contract(id, form.providerId(), form.category(), fen,
              form.contractNumber().isBlank() ? null : form.contractNumber(), doc.documentId()))
          .map(v -> redirect("/applicant/vouchers/" + id + "?contracted=1"))
          .onErrorResume(ServiceProblem.class, e -> e.notFound() ? Mono.error(e)
              : voucherPage(id, form, fieldOf(problems.key(e)), problems.key(e), HttpStatus.valueOf(e.status())));
    });
  }

  @PostMapping("/{id}/delivery-confirmation")
  Mono<Rendering> confirmDelivery(@PathVariable String id) {
    return vouchers.confirmDelivery(id)
        .map(v -> redirect("/applicant/vouchers/" + id + "?confirmed=1"))
        .onErrorResume(ServiceProblem.class, e -> e.notFound() ? Mono.error(e)
            : voucherPage(id, ContractForm.EMPTY, Map.of(), problems.key(e), HttpStatus.valueOf(e.status())));
  }

  @GetMapping("/{id}/documents/{documentId}")
  @ResponseBody
  Mono<ResponseEntity<Flux<DataBuffer>>> document(@PathVariable String id, @PathVariable String documentId,
      ServerWebExchange exchange) {
    return vouchers.download(id, documentId, exchange.getRequest().getHeaders());
  }

  /** The contract field a service refusal is about, to show it next to that field; the rest go above the form. */
  private static Map<String, String> fieldOf(String key) {
    return switch (key) {
      case "problem.category-not-eligible", "problem.category-not-offered" -> Map.of("category", key);
      case "problem.provider-not-approved", "problem.provider-not-registered", "problem.own-provider" ->
          Map.of("providerId", key);
      case "problem.invalid-contract" -> Map.of("amount", key);
      case "problem.file-too-large", "problem.file-type-not-allowed", "problem.record-files-too-large",
          "problem.empty-file" -> Map.of("file", key);
      default -> Map.of();
    };
  }

  private Mono<Rendering> voucherPage(String id, ContractForm form, Map<String, String> errors, String problem,
      HttpStatus status) {
    return vouchers.voucher(id).flatMap(v -> providersFor(v).map(providers -> Rendering.view("applicant/voucher")
        .modelAttribute("voucher", v).modelAttribute("providers", providers).modelAttribute("form", form)
        .modelAttribute("errors", errors)
        .modelAttribute("problem", problem != null && errors.containsValue(problem) ? null : problem)
        .status(status).build()));
  }

  /** The approved providers offering at least one of the voucher's categories (only asked while it can be used). */
  private Mono<Panel<List<PublicProvider>>> providersFor(Voucher v) {
    Mono<List<PublicProvider>> offering = v.usable()
        ? vouchers.approvedProviders(null, null, PROVIDERS_SHOWN).map(page -> page.items().stream()
            .filter(p -> p.categories().stream().anyMatch(v.eligibleCategories()::contains)).toList())
        : Mono.just(List.of());
    return Panel.of(VoucherClient.SERVICE, offering, problems);
  }

  private Mono<Rendering> listPage(String after, Map<String, String> errors, String problem, String chosen,
      HttpStatus status) {
    return Mono.zip(Panel.of(VoucherClient.SERVICE, vouchers.vouchers(null, after, PAGE_SIZE), problems),
            Panel.of(VoucherClient.SERVICE, vouchers.voucherPrograms(), problems))
        .map(t -> Rendering.view("applicant/vouchers").modelAttribute("vouchers", t.getT1())
            .modelAttribute("programs", t.getT2()).modelAttribute("errors", errors).modelAttribute("problem", problem)
            .modelAttribute("chosen", chosen).modelAttribute("after", after)
            .modelAttribute("idempotencyKey", UUID.randomUUID().toString()).status(status).build());
  }

  static Rendering redirect(String to) {
    return Rendering.redirectTo(to).status(HttpStatus.SEE_OTHER).build();
  }

  /** The contract form as typed (shown again with the problem when refused). */
  public record ContractForm(String providerId, String category, String amount, String contractNumber) {

    static final ContractForm EMPTY = new ContractForm("", "", "", "");

    static ContractForm of(MultiValueMap<String, Part> parts) {
      return new ContractForm(field(parts, "providerId"), field(parts, "category"), field(parts, "amount"),
          field(parts, "contractNumber"));
    }

    private static String field(MultiValueMap<String, Part> parts, String name) {
      return parts.getFirst(name) instanceof FormFieldPart f ? f.value().strip() : "";
    }
  }
}
