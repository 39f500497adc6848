package org.fundflow.portal.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fundflow.portal.config.ClientsConfig.ServiceClients;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * post-subsidy's expenditure claims as an applicant uses them (its own organisation's only: the service forces it):
 * list, submit, and the claim's evidence files (audited financial statements, tax forms; issue 15 point 7).
 */
@Component
public class ClaimsClient {

  private final ServiceClient client;

  public ClaimsClient(ServiceClients clients) {
    this.client = clients.get(SubsidyClient.SERVICE);
  }

  public record Claim(String id, String programId, String organisationName, int fiscalYear,
      long expenditureThisYearFen, long expenditureLastYearFen, long increaseFen, String auditReportReference,
      String status, Instant submittedAt, Instant verifiedAt, String reason, long subsidyFen, String explanation) {}

  public record ClaimPage(List<Claim> items, String nextAfter, long count, long subsidyTotalFen) {
    public ClaimPage {
      items = items == null ? List.of() : items;
    }
  }

  public record SubmitClaim(String programId, Integer fiscalYear, Long expenditureThisYearFen,
      Long expenditureLastYearFen, String auditReportReference) {}

  public record ClaimFile(String fileId, String claimId, String name, String mediaType, long sizeBytes, String sha256,
      String uploadedBy, Instant uploadedAt, String href) {}

  /** One page of the organisation's claims (keyset: pass {@link ClaimPage#nextAfter()} as {@code after}). */
  public Mono<ClaimPage> claims(String after, int limit) {
    return client.get(u -> u.path("/claims").queryParamIfPresent("after", Optional.ofNullable(after))
        .queryParam("limit", limit).build(), ClaimPage.class);
  }

  /** Another organisation's claim is a 404. */
  public Mono<Claim> claim(String id) {
    return client.get(u -> u.path("/claims/{id}").build(id), Claim.class);
  }

  /** One claim per organisation, program and year: a second is 409 {@code claim-exists}. */
  public Mono<Claim> submit(SubmitClaim claim) {
    return client.send(HttpMethod.POST, u -> u.path("/claims").build(), claim, Map.of(), Claim.class);
  }

  public Mono<List<ClaimFile>> files(String claimId) {
    return client.get(u -> u.path("/claims/{id}/evidence").build(claimId),
        new ParameterizedTypeReference<List<ClaimFile>>() {});
  }

  /** Streams the browser's file part through (part {@code file}); the service checks type and size. */
  public Mono<ClaimFile> upload(String claimId, FilePart file) {
    return client.uploadFile(u -> u.path("/claims/{id}/evidence").build(claimId), file, ClaimFile.class);
  }

  public Mono<ResponseEntity<Flux<DataBuffer>>> download(String claimId, String fileId, HttpHeaders request) {
    return client.download(u -> u.path("/claims/{id}/evidence/{f}").build(claimId, fileId), request);
  }
}
