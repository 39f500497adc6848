package org.fundflow.portal.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.fundflow.portal.config.ClientsConfig.ServiceClients;
import org.springframework.core.ParameterizedTypeReference;
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
    return client.get(u -> u.path("/programs").queryParamIfPresent("after", java.util.Optional.ofNullable(after))
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
      String rejectionReason, Instant withdrawnAt, Instant createdAt) {}
}
