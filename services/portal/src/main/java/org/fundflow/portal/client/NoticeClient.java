package org.fundflow.portal.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fundflow.portal.config.ClientsConfig.ServiceClients;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * project-intake's public notice of awards (立项公示, issue 17 point 2) as the portal reads it: the public list (called
 * without any token, so that it works for a visitor who is not logged in), objections (the user's token) and the
 * program manager's decision. The records are the portal's own minimal copies (tolerant reader).
 */
@Component
public class NoticeClient {

  public static final String SERVICE = IntakeClient.SERVICE;

  private final ServiceClient client;
  /** Without token relay: the public list needs none, and a visitor has none. */
  private final ServiceClient anonymous;

  public NoticeClient(ServiceClients clients) {
    this.client = clients.get(SERVICE);
    this.anonymous = clients.anonymous(SERVICE);
  }

  public record Page<T>(List<T> items, String nextCursor) {
    public Page {
      items = items == null ? List.of() : items;
    }
  }

  /** One award under notice as the public sees it. */
  public record PublicNotice(String proposalId, String programId, String title, String organisationName,
      long awardedAmountFen, Instant awardedAt, Instant noticeEndsAt, int objectionsPending) {}

  public record Objection(String objectionId, Instant lodgedAt, String reasons, String status, String decidedBy,
      Instant decidedAt, String decisionReason) {

    public boolean pending() {
      return "PENDING".equals(status);
    }
  }

  public record Notice(Instant startedAt, Instant endsAt, Instant finalAt, Instant withdrawnAt, String withdrawnBy,
      String withdrawalReason, List<Objection> objections) {
    public Notice {
      objections = objections == null ? List.of() : objections;
    }
  }

  /** A proposal with its notice, as the manager's notice page shows it. */
  public record NoticedProposal(String id, String programId, String title, String organisationName,
      String organisationCode, String status, Long awardedAmountFen, Instant decidedAt, String projectId,
      Notice notice) {}

  public record Lodged(String proposalId, Instant noticeEndsAt, Objection objection) {}

  public record EvidenceFile(String fileId, String name, String mediaType, long sizeBytes, Instant uploadedAt) {}

  public Mono<Page<PublicNotice>> publicNotices(String after, int limit) {
    return anonymous.get(u -> u.path("/public/award-notices").queryParamIfPresent("after", Optional.ofNullable(after))
        .queryParam("limit", limit).build(), new ParameterizedTypeReference<Page<PublicNotice>>() {});
  }

  public Mono<Lodged> lodge(String proposalId, String reasons) {
    return client.send(HttpMethod.POST, u -> u.path("/proposals/{id}/objections").build(proposalId),
        Map.of("reasons", reasons), Map.of(), Lodged.class);
  }

  public Mono<EvidenceFile> addEvidence(String proposalId, String objectionId, FilePart file) {
    return client.uploadFile(u -> u.path("/proposals/{id}/objections/{oid}/files").build(proposalId, objectionId),
        file, EvidenceFile.class);
  }

  public Mono<Tagged<NoticedProposal>> proposal(String proposalId) {
    return client.getTagged(u -> u.path("/proposals/{id}").build(proposalId), NoticedProposal.class);
  }

  public Flux<EvidenceFile> evidence(String proposalId, String objectionId) {
    return client.get(u -> u.path("/proposals/{id}/objections/{oid}/files").build(proposalId, objectionId),
        new ParameterizedTypeReference<List<EvidenceFile>>() {}).flatMapMany(Flux::fromIterable);
  }

  public Mono<ResponseEntity<Flux<org.springframework.core.io.buffer.DataBuffer>>> downloadEvidence(String proposalId,
      String objectionId, String fileId, HttpHeaders request) {
    return client.download(u -> u.path("/proposals/{id}/objections/{oid}/files/{fileId}")
        .build(proposalId, objectionId, fileId), request);
  }

  /** {@code outcome} UPHOLD or DISMISS, with the ETag the page was built from. */
  public Mono<NoticedProposal> decide(String proposalId, String objectionId, String outcome, String reason,
      String etag) {
    return client.send(HttpMethod.POST, u -> u.path("/proposals/{id}/objections/{oid}/decision")
        .build(proposalId, objectionId), Map.of("outcome", outcome, "reason", reason),
        etag == null ? Map.of() : Map.of("If-Match", etag), NoticedProposal.class);
  }
}
