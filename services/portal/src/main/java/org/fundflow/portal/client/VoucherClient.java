package org.fundflow.portal.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fundflow.portal.config.ClientsConfig.ServiceClients;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * project-intake's innovation vouchers (创新券) and service providers (issue 18) as the portal uses them. The
 * portal decides nothing: eligibility, the annual cap, expiry, which provider and category a voucher may be used on,
 * who may claim and confirm, all are project-intake's; the amount paid is post-subsidy's.
 */
@Component
public class VoucherClient {

  public static final String SERVICE = IntakeClient.SERVICE;

  /** The service categories a voucher may buy, in the order pages list them. */
  public static final List<String> CATEGORIES = List.of("TESTING", "RD_DESIGN", "TECHNOLOGY_TRANSFER", "IP_SERVICES",
      "CONSULTING", "INCUBATION");

  private final ServiceClient client;
  private final ServiceClient anonymous;

  public VoucherClient(ServiceClients clients) {
    this.client = clients.get(SERVICE);
    this.anonymous = clients.anonymous(SERVICE);
  }

  public record Page<T>(List<T> items, String nextCursor) {
    public Page {
      items = items == null ? List.of() : items;
    }
  }

  public record VoucherRule(long faceValueFen, int validityDays, long annualCapPerEnterpriseFen,
      int vouchersPerEnterprisePerYear, List<String> eligibleCategories, BigDecimal ratio,
      List<String> districtCodes) {
    public VoucherRule {
      eligibleCategories = eligibleCategories == null ? List.of() : eligibleCategories;
      districtCodes = districtCodes == null ? List.of() : districtCodes;
    }

    /** The ratio as a percentage for people (0.35 → 35, 0.125 → 12.5). */
    public String percent() {
      return ratio == null ? "" : ratio.movePointRight(2).stripTrailingZeros().toPlainString();
    }
  }

  /** A program as {@code GET /programs} shows it, with the voucher rule of a VOUCHER program. */
  public record VoucherProgram(String id, String name, String kind, String status, VoucherRule voucherRule) {}

  record ProgramPage(List<VoucherProgram> items, String nextCursor) {
    ProgramPage {
      items = items == null ? List.of() : items;
    }
  }

  public record ContractDocument(String documentId, String name, String mediaType, long sizeBytes, String sha256) {}

  public record Contract(String providerId, String providerOrganisationCode, String providerName, String category,
      long amountFen, String contractNumber, ContractDocument document, Instant registeredAt) {}

  /** {@code VoucherView} of project-intake; {@code lastValidDay} is the Asia/Shanghai day it can last be used on. */
  public record Voucher(String id, String programId, String organisationCode, String organisationName, int year,
      int sequence, long faceValueFen, BigDecimal ratio, List<String> eligibleCategories, String status,
      Instant issuedAt, Instant expiresAt, LocalDate lastValidDay, boolean expired, Contract contract,
      Instant settlementClaimedAt, Instant deliveryConfirmedAt) {
    public Voucher {
      eligibleCategories = eligibleCategories == null ? List.of() : eligibleCategories;
    }

    public String percent() {
      return ratio == null ? "" : ratio.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    /** Usable on a contract now (the service checks it again when the contract is registered). */
    public boolean usable() {
      return "ISSUED".equals(status) && !expired;
    }
  }

  public record Provider(String id, String organisationCode, String name, List<String> categories, String contact,
      String status, Instant registeredAt, Instant decidedAt, String decisionNote) {
    public Provider {
      categories = categories == null ? List.of() : categories;
    }
  }

  public record PublicProvider(String id, String organisationCode, String name, List<String> categories) {
    public PublicProvider {
      categories = categories == null ? List.of() : categories;
    }
  }

  record Pledge(boolean accepted, String textVersion) {}

  /** The legal representative's ID number is left out when not given (it is optional at project-intake). */
  record ApplyBody(String programId, Pledge pledge, boolean smeDeclared,
      @JsonInclude(JsonInclude.Include.NON_NULL) String legalRepresentativeNationalId) {
    @Override
    public String toString() {
      return "ApplyBody[programId=" + programId + ", legalRepresentativeNationalId=<redacted>]";
    }
  }

  record ContractBody(String providerId, String category, long amountFen, String contractNumber, String documentId) {}

  record RegisterBody(String organisationCode, String name, List<String> categories, String contact,
      @JsonInclude(JsonInclude.Include.NON_NULL) String legalRepresentativeNationalId) {
    @Override
    public String toString() {
      return "RegisterBody[organisationCode=" + organisationCode + ", legalRepresentativeNationalId=<redacted>]";
    }
  }

  /** The open VOUCHER programs an enterprise may apply to. */
  public Mono<List<VoucherProgram>> voucherPrograms() {
    return client.get(u -> u.path("/programs").queryParam("status", "OPEN").queryParam("kind", "VOUCHER")
            .queryParam("limit", 100).build(), ProgramPage.class)
        .map(p -> p.items().stream().filter(x -> "VOUCHER".equals(x.kind()) && "OPEN".equals(x.status())
            && x.voucherRule() != null).toList());
  }

  /** An enterprise's own vouchers, a provider's those used with it, staff all; keyset paging on the id. */
  public Mono<Page<Voucher>> vouchers(String status, String after, int limit) {
    return client.get(u -> u.path("/vouchers").queryParamIfPresent("status", Optional.ofNullable(status))
            .queryParamIfPresent("after", Optional.ofNullable(after)).queryParam("limit", limit).build(),
        new org.springframework.core.ParameterizedTypeReference<Page<Voucher>>() {});
  }

  /** Another enterprise's voucher is a 404. */
  public Mono<Voucher> voucher(String id) {
    return client.get(u -> u.path("/vouchers/{id}").build(id), Voucher.class);
  }

  /** The same key sent twice receives the same voucher. */
  public Mono<Voucher> apply(String programId, String idempotencyKey, boolean pledgeAccepted, String pledgeVersion,
      boolean smeDeclared) {
    return apply(programId, idempotencyKey, pledgeAccepted, pledgeVersion, smeDeclared, null);
  }

  /**
   * As above with the legal representative's resident ID number (null: not given). It is passed on as typed, only to
   * project-intake, which checks it (GB 11643) and keeps its keyed hash; the portal keeps, logs and shows it nowhere.
   */
  public Mono<Voucher> apply(String programId, String idempotencyKey, boolean pledgeAccepted, String pledgeVersion,
      boolean smeDeclared, String legalRepresentativeNationalId) {
    return client.send(HttpMethod.POST, u -> u.path("/vouchers").build(),
        new ApplyBody(programId, new Pledge(pledgeAccepted, pledgeVersion), smeDeclared,
            legalRepresentativeNationalId),
        Map.of("Idempotency-Key", idempotencyKey), Voucher.class);
  }

  public Mono<ContractDocument> uploadContractDocument(String voucherId, FilePart file) {
    return client.uploadFile(u -> u.path("/vouchers/{id}/documents").build(voucherId), file, ContractDocument.class);
  }

  public Mono<Voucher> contract(String voucherId, String providerId, String category, long amountFen,
      String contractNumber, String documentId) {
    return client.send(HttpMethod.POST, u -> u.path("/vouchers/{id}/contract").build(voucherId),
        new ContractBody(providerId, category, amountFen, contractNumber, documentId), Map.of(), Voucher.class);
  }

  public Mono<Voucher> claimSettlement(String voucherId) {
    return client.send(HttpMethod.POST, u -> u.path("/vouchers/{id}/settlement-claim").build(voucherId), null,
        Map.of(), Voucher.class);
  }

  public Mono<Voucher> confirmDelivery(String voucherId) {
    return client.send(HttpMethod.POST, u -> u.path("/vouchers/{id}/delivery-confirmation").build(voucherId), null,
        Map.of(), Voucher.class);
  }

  public Mono<ResponseEntity<Flux<DataBuffer>>> download(String voucherId, String documentId, HttpHeaders request) {
    return client.download(u -> u.path("/vouchers/{id}/documents/{d}").build(voucherId, documentId), request);
  }

  /**
   * The caller's organisation's registration: project-intake names it {@code spv-<organisation code>} (one per
   * organisation). Empty when the organisation has not registered.
   */
  public Mono<Optional<Provider>> ownRegistration(String organisationCode) {
    return client.get(u -> u.path("/service-providers/{id}").build("spv-" + organisationCode), Provider.class)
        .map(Optional::of)
        .onErrorResume(ServiceProblem.class, e -> e.notFound() ? Mono.just(Optional.empty()) : Mono.error(e));
  }

  public Mono<Provider> register(String organisationCode, String name, List<String> categories, String contact) {
    return register(organisationCode, name, categories, contact, null);
  }

  /** As above with the legal representative's resident ID number (null: not given), passed on only to project-intake. */
  public Mono<Provider> register(String organisationCode, String name, List<String> categories, String contact,
      String legalRepresentativeNationalId) {
    return client.send(HttpMethod.POST, u -> u.path("/service-providers").build(),
        new RegisterBody(organisationCode, name, categories, contact, legalRepresentativeNationalId), Map.of(),
        Provider.class);
  }

  /** Staff: the registrations with this status; keyset paging on the id. */
  public Mono<Page<Provider>> providers(String status, String after, int limit) {
    return client.get(u -> u.path("/service-providers").queryParamIfPresent("status", Optional.ofNullable(status))
            .queryParamIfPresent("after", Optional.ofNullable(after)).queryParam("limit", limit).build(),
        new org.springframework.core.ParameterizedTypeReference<Page<Provider>>() {});
  }

  public Mono<Provider> approve(String providerId) {
    return client.send(HttpMethod.POST, u -> u.path("/service-providers/{id}/approve").build(providerId), null,
        Map.of(), Provider.class);
  }

  public Mono<Provider> reject(String providerId, String reason) {
    return client.send(HttpMethod.POST, u -> u.path("/service-providers/{id}/reject").build(providerId),
        Map.of("reason", reason), Map.of(), Provider.class);
  }

  /** The public list of approved providers (no login, no token), by category. */
  public Mono<Page<PublicProvider>> approvedProviders(String category, String after, int limit) {
    return anonymous.get(u -> u.path("/public/service-providers")
            .queryParamIfPresent("category", Optional.ofNullable(category))
            .queryParamIfPresent("after", Optional.ofNullable(after)).queryParam("limit", limit).build(),
        new org.springframework.core.ParameterizedTypeReference<Page<PublicProvider>>() {});
  }
}
