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
 * project-intake's reward claims (奖励类, issue 18 point 3) as the portal uses them: the REWARD programs with their
 * reward tables, an applicant's claims (its own organisation's only: the service forces it), the evidence, the
 * submission with the pledge, and the program manager's verification. The portal decides nothing: the amount, the
 * once-per-achievement rule, who may decide, all are project-intake's.
 */
@Component
public class RewardClaimsClient {

  private final ServiceClient client;

  public RewardClaimsClient(ServiceClients clients) {
    this.client = clients.get(IntakeClient.SERVICE);
  }

  public record RewardEntry(String code, String name, long amountFen) {}

  public record RewardTable(List<RewardEntry> entries) {
    public RewardTable {
      entries = entries == null ? List.of() : entries;
    }
  }

  /** A program as {@code GET /programs} shows it, with the reward table of a REWARD program. */
  public record RewardProgram(String id, String name, String kind, String status, RewardTable rewardTable) {}

  public record ProgramPage(List<RewardProgram> items, String nextCursor) {
    public ProgramPage {
      items = items == null ? List.of() : items;
    }
  }

  /** {@code RewardClaimView} of project-intake. */
  public record RewardClaim(String id, String programId, String organisationCode, String organisationName,
      String achievementCode, String achievementName, long amountFen, String status, String pledgeTextVersion,
      Instant pledgeAcceptedAt, String createdBy, Instant createdAt, Instant submittedAt, String decidedBy,
      Instant decidedAt, String rejectionReason) {}

  public record ClaimPage(List<RewardClaim> items, String nextCursor) {
    public ClaimPage {
      items = items == null ? List.of() : items;
    }
  }

  public record Evidence(String fileId, String claimId, String name, String mediaType, long sizeBytes, String sha256,
      String uploadedBy, Instant uploadedAt, String href) {}

  record DraftBody(String programId, String achievementCode) {}

  record Pledge(boolean accepted, String textVersion) {}

  record Decision(String outcome, String reason) {}

  /** The open REWARD programs an applicant may claim in (drafts are not shown to applicants anyway). */
  public Mono<List<RewardProgram>> rewardPrograms() {
    return client.get(u -> u.path("/programs").queryParam("status", "OPEN").queryParam("kind", "REWARD")
            .queryParam("limit", 100).build(), ProgramPage.class)
        .map(p -> p.items().stream().filter(x -> "REWARD".equals(x.kind()) && "OPEN".equals(x.status())
            && x.rewardTable() != null).toList());
  }

  /** The applicant's claims, or (staff) the claims with this status; keyset paging on the id. */
  public Mono<ClaimPage> claims(String status, String after, int limit) {
    return client.get(u -> u.path("/reward-claims").queryParamIfPresent("status", Optional.ofNullable(status))
        .queryParamIfPresent("after", Optional.ofNullable(after)).queryParam("limit", limit).build(), ClaimPage.class);
  }

  /** Another organisation's claim is a 404. */
  public Mono<RewardClaim> claim(String id) {
    return client.get(u -> u.path("/reward-claims/{id}").build(id), RewardClaim.class);
  }

  /** The draft for this achievement (or the organisation's existing draft of it); 409 once claimed. */
  public Mono<RewardClaim> draft(String programId, String achievementCode) {
    return client.send(HttpMethod.POST, u -> u.path("/reward-claims").build(), new DraftBody(programId, achievementCode),
        Map.of(), RewardClaim.class);
  }

  public Mono<RewardClaim> submit(String id, String idempotencyKey, boolean accepted, String textVersion) {
    return client.send(HttpMethod.POST, u -> u.path("/reward-claims/{id}/submit").build(id),
        Map.of("pledge", new Pledge(accepted, textVersion)), Map.of("Idempotency-Key", idempotencyKey),
        RewardClaim.class);
  }

  /** {@code outcome} VERIFIED or REJECTED (a reason is required to reject: the service says so). */
  public Mono<RewardClaim> decide(String id, String outcome, String reason) {
    return client.send(HttpMethod.POST, u -> u.path("/reward-claims/{id}/decision").build(id),
        new Decision(outcome, reason), Map.of(), RewardClaim.class);
  }

  public Mono<List<Evidence>> evidence(String id) {
    return client.get(u -> u.path("/reward-claims/{id}/files").build(id), new ParameterizedTypeReference<List<Evidence>>() {});
  }

  public Mono<Evidence> upload(String id, FilePart file) {
    return client.uploadFile(u -> u.path("/reward-claims/{id}/files").build(id), file, Evidence.class);
  }

  public Mono<ResponseEntity<Flux<DataBuffer>>> download(String id, String fileId, HttpHeaders request) {
    return client.download(u -> u.path("/reward-claims/{id}/files/{f}").build(id, fileId), request);
  }
}
