package org.fundflow.portal.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.fundflow.portal.config.ClientsConfig.ServiceClients;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * project-intake's REST API as the portal reads it. The records are the portal's own minimal copies of the
 * responses (a tolerant reader: unknown fields are ignored).
 */
@Component
public class IntakeClient {

  public static final String SERVICE = "project-intake";

  private final ServiceClient client;

  public IntakeClient(ServiceClients clients) {
    this.client = clients.get(SERVICE);
  }

  /** One page of programs (keyset: pass {@link Page#nextCursor()} as {@code after}). */
  public Mono<Page<Program>> programs(String after, int limit) {
    return programs(null, null, after, limit);
  }

  /** One page of the programs of this status and kind (either null: any), ordered by id. */
  public Mono<Page<Program>> programs(String status, String kind, String after, int limit) {
    return client.get(u -> u.path("/programs").queryParamIfPresent("status", java.util.Optional.ofNullable(status))
        .queryParamIfPresent("kind", java.util.Optional.ofNullable(kind))
        .queryParamIfPresent("after", java.util.Optional.ofNullable(after))
        .queryParam("limit", limit).build(), new ParameterizedTypeReference<Page<Program>>() {});
  }

  public Mono<List<Challenge>> challenges(String programId) {
    return client.get(u -> u.path("/programs/{id}/challenges").build(programId),
        new ParameterizedTypeReference<List<Challenge>>() {});
  }

  public Mono<Page<Proposal>> proposals(String after, int limit) {
    return client.get(u -> u.path("/proposals").queryParamIfPresent("after", java.util.Optional.ofNullable(after))
        .queryParam("limit", limit).build(), new ParameterizedTypeReference<Page<Proposal>>() {});
  }

  public Mono<Proposal> proposal(String id) {
    return client.get(u -> u.path("/proposals/{id}").build(id), Proposal.class);
  }

  public record Page<T>(List<T> items, String nextCursor) {
    public Page {
      items = items == null ? List.of() : items;
    }
  }

  public record CallWindow(Instant opensAt, Instant closesAt, LocalDateTime opensLocal, LocalDateTime closesLocal) {}

  public record Program(String id, String name, String kind, String status, long budgetFen, long perProjectCapFen,
      long awardedFen, long remainingToAwardFen, CallWindow callWindow) {}

  public record Challenge(String id, String programId, String postingOrganisationName, String title, String problem,
      List<String> targetIndicators, long maxFundingFen, LocalDate deadlineDate) {}

  public record BudgetLine(String category, long amountFen) {}

  public record Person(String maskedId, String name, String organisationCode, String role) {}

  public record Milestone(int sequence, String title, List<String> deliverables, LocalDate dueDate, int tranchePercent) {}

  public record Proposal(String id, String programId, String programKind, String challengeId, String organisationCode,
      String organisationName, String status, String title, @JsonProperty("abstract") String abstractText,
      long requestedAmountFen, List<BudgetLine> budgetLines, Person principalInvestigator, List<Person> team,
      List<Milestone> milestones, Instant submittedAt, Long awardedAmountFen, Instant decidedAt,
      String rejectionReason, Instant withdrawnAt, Instant createdAt, LocalDate projectStartDate,
      LocalDate projectEndDate, String projectId) {}

  // ---------------------------------------------------------------- an applicant's drafts, files and submission

  public Mono<Program> program(String id) {
    return client.get(u -> u.path("/programs/{id}").build(id), Program.class);
  }

  public Mono<Challenge> challenge(String id) {
    return client.get(u -> u.path("/challenges/{id}").build(id), Challenge.class);
  }

  public Mono<Proposal> createDraft(Draft draft) {
    return client.send(HttpMethod.POST, u -> u.path("/proposals").build(), draft, Map.of(), Proposal.class);
  }

  /** Replaces the draft's content (programId and challengeId of the body are ignored by the service). */
  public Mono<Proposal> editDraft(String id, Draft draft) {
    return client.send(HttpMethod.PUT, u -> u.path("/proposals/{id}").build(id), draft, Map.of(), Proposal.class);
  }

  /** The same key and body again get the same answer from the service: a double click submits once. */
  public Mono<Proposal> submit(String id, String idempotencyKey, boolean pledgeAccepted, String pledgeTextVersion) {
    return client.send(HttpMethod.POST, u -> u.path("/proposals/{id}/submit").build(id),
        Map.of("pledge", new PledgeAnswer(pledgeAccepted, pledgeTextVersion)),
        Map.of("Idempotency-Key", idempotencyKey), Proposal.class);
  }

  public Mono<List<ProposalFile>> files(String proposalId) {
    return client.get(u -> u.path("/proposals/{id}/files").build(proposalId),
        new ParameterizedTypeReference<List<ProposalFile>>() {});
  }

  /** Streams the browser's file part through to the service (part {@code file}); the service checks type and size. */
  public Mono<ProposalFile> upload(String proposalId, FilePart file) {
    MultipartBodyBuilder parts = new MultipartBodyBuilder();
    parts.asyncPart("file", file.content(), DataBuffer.class).filename(file.filename())
        .contentType(file.headers().getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM
            : file.headers().getContentType());
    return client.upload(u -> u.path("/proposals/{id}/files").build(proposalId), parts.build(), ProposalFile.class);
  }

  public Mono<Void> deleteFile(String proposalId, String fileId) {
    return client.delete(u -> u.path("/proposals/{id}/files/{fileId}").build(proposalId, fileId));
  }

  /** The body of {@code POST /proposals} and {@code PUT /proposals/{id}}; the national IDs travel only here. */
  public record Draft(String programId, String challengeId, String title,
      @JsonProperty("abstract") String abstractText, long requestedAmountFen, List<BudgetLine> budgetLines,
      PersonInput principalInvestigator, List<PersonInput> team, LocalDate projectStartDate, LocalDate projectEndDate,
      List<MilestoneInput> milestones) {}

  public record PersonInput(String nationalId, String name, String organisationCode, String role) {
    @Override
    public String toString() {
      return "PersonInput[name=" + name + ", nationalId=<redacted>]";
    }
  }

  public record MilestoneInput(int sequence, String title, List<String> deliverables, LocalDate dueDate,
      int tranchePercent) {}

  record PledgeAnswer(boolean accepted, String textVersion) {}

  public record ProposalFile(String fileId, String name, String mediaType, long sizeBytes, Instant uploadedAt) {}
}
